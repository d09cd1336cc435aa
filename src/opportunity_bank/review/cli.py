"""`opportunity-bank units set NAME --review required|none`."""

from __future__ import annotations

import argparse

from opportunity_bank.settings import Settings

REVIEW_CHOICES = {"required": True, "none": False}


def register(commands) -> None:
    units = commands.add_parser("units", help="manage units")
    actions = units.add_subparsers(dest="units_command", required=True, metavar="ACTION")
    unit_set = actions.add_parser("set", help="change a unit's settings")
    unit_set.add_argument("name", help="the unit's name (case and spacing do not matter)")
    unit_set.add_argument("--review", choices=sorted(REVIEW_CHOICES), required=True,
                          help="required: its openings wait for HR's review before they are published")
    unit_set.set_defaults(handler=run_units_set)


def run_units_set(settings: Settings, args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from opportunity_bank import db
    from opportunity_bank.cli import CommandError
    from opportunity_bank.review.service import find_unit

    db.upgrade(settings)
    with Session(db.make_engine(settings)) as session:
        unit = find_unit(session, args.name)
        if unit is None:
            raise CommandError(f"no unit named {args.name!r}; `opportunity-bank users add` or an "
                               "import creates units")
        unit.review_required = REVIEW_CHOICES[args.review]
        session.add(unit)
        session.commit()
        print(f"{unit.name}: review {args.review}")
    return 0
