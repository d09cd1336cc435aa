"""`opportunity-bank units set NAME [--review required|none] [--name-fi/--name-sv/--name-en TEXT]`."""

from __future__ import annotations

import argparse

from opportunity_bank.settings import Settings

REVIEW_CHOICES = {"required": True, "none": False}


def register(commands) -> None:
    units = commands.add_parser("units", help="manage units")
    actions = units.add_subparsers(dest="units_command", required=True, metavar="ACTION")
    unit_set = actions.add_parser("set", help="change a unit's settings")
    unit_set.add_argument("name", help="the unit's name (case and spacing do not matter)")
    unit_set.add_argument("--review", choices=sorted(REVIEW_CHOICES),
                          help="required: its openings wait for HR's review before they are published")
    for language, word in (("fi", "Finnish"), ("sv", "Swedish"), ("en", "English")):
        unit_set.add_argument(f"--name-{language}", help=f"the name students read in {word}")
    unit_set.set_defaults(handler=run_units_set)


def run_units_set(settings: Settings, args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from opportunity_bank import db
    from opportunity_bank.accounts.admin import set_unit_names
    from opportunity_bank.cli import CommandError
    from opportunity_bank.review.service import find_unit

    names = {language: getattr(args, f"name_{language}") for language in ("fi", "sv", "en")
             if getattr(args, f"name_{language}") is not None}
    if args.review is None and not names:
        raise CommandError("give --review or a name (--name-fi, --name-sv, --name-en)")
    db.upgrade(settings)
    with Session(db.make_engine(settings)) as session:
        unit = find_unit(session, args.name)
        if unit is None:
            raise CommandError(f"no unit named {args.name!r}; `opportunity-bank users add` or an "
                               "import creates units")
        if args.review is not None:
            unit.review_required = REVIEW_CHOICES[args.review]
            session.add(unit)
        if names:
            set_unit_names(session, None, unit.name, names)
        session.commit()
        print(f"{unit.name}: review {'required' if unit.review_required else 'none'}; "
              f"fi {unit.name_in('fi')} / sv {unit.name_in('sv')} / en {unit.name_in('en')}")
    return 0
