"""Draw favicon.ico from the same shapes as favicon.svg: PNG images of 16, 32 and 48 pixels.

    .venv/bin/python scripts/make_favicon.py

Pure Python (no image library): the shapes are a rounded square and a ring, sampled 4×4 per
pixel for smooth edges. Rerun after changing favicon.svg's shapes here too.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "opportunity_bank" / "web" / "static" / "favicon.ico"
BRAND = (0x00, 0x40, 0x8A)
WHITE = (0xFF, 0xFF, 0xFF)
SIZES = (16, 32, 48)
SAMPLES = 4


def inside_square(x: float, y: float) -> bool:
    """The 32-unit square with corners rounded by 6 units."""
    r = 6
    cx, cy = min(max(x, r), 32 - r), min(max(y, r), 32 - r)
    return 0 <= x <= 32 and 0 <= y <= 32 and math.hypot(x - cx, y - cy) <= r


def on_ring(x: float, y: float) -> bool:
    return abs(math.hypot(x - 16, y - 16) - 8.5) <= 2


def pixel(px: int, py: int, size: int) -> tuple[int, int, int, int]:
    square = ring = 0
    for sx in range(SAMPLES):
        for sy in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) * 32 / size
            y = (py + (sy + 0.5) / SAMPLES) * 32 / size
            if inside_square(x, y):
                square += 1
                ring += on_ring(x, y)
    if not square:
        return (0, 0, 0, 0)
    share = ring / square
    colour = tuple(round(b + (w - b) * share) for b, w in zip(BRAND, WHITE, strict=True))
    return (*colour, round(255 * square / SAMPLES**2))


def png(size: int) -> bytes:
    rows = b"".join(b"\x00" + bytes(v for px in range(size) for v in pixel(px, py, size))
                    for py in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def ico() -> bytes:
    images = [png(size) for size in SIZES]
    offset = 6 + 16 * len(images)
    directory = b""
    for size, image in zip(SIZES, images, strict=True):
        directory += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(images)


if __name__ == "__main__":
    OUT.write_bytes(ico())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
