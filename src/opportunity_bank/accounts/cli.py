"""Commands for people: `users add` and `tokens create`."""

from __future__ import annotations

import argparse
import sys

from opportunity_bank.settings import Settings


def register(commands) -> None:
    users = commands.add_parser("users", help="manage users")
    actions = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a user; the password is read from standard input")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=("supervisor", "hr", "admin"))
    add.add_argument("--unit", help="the unit of a supervisor (a new name creates the unit)")
    add.set_defaults(handler=run_users_add)

    tokens = commands.add_parser("tokens", help="manage API tokens")
    token_actions = tokens.add_subparsers(dest="tokens_command", required=True, metavar="ACTION")
    create = token_actions.add_parser("create", help="print a new API token for a user")
    create.add_argument("email")
    create.add_argument("--label", default="", help="what the token is for")
    create.set_defaults(handler=run_tokens_create)


def run_users_add(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.accounts.users import UserError, add_user
    from opportunity_bank.cli import CommandError

    password = sys.stdin.readline().rstrip("\r\n")
    db.upgrade(settings)
    try:
        with db.session_scope(db.make_engine(settings)) as session:
            user = add_user(session, args.email, args.role, password, args.unit)
            print(f"added {user.email} ({user.role})")
    except UserError as error:
        raise CommandError(str(error)) from None
    return 0


def run_tokens_create(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.accounts.tokens import create_token
    from opportunity_bank.accounts.users import find_user
    from opportunity_bank.cli import CommandError

    db.upgrade(settings)
    with db.session_scope(db.make_engine(settings)) as session:
        user = find_user(session, args.email)
        if user is None:
            raise CommandError(f"no user {args.email}; add one with `opportunity-bank users add`")
        token = create_token(session, user, args.label)
    print(f"API token for {user.email} (shown once, keep it secret): {token}")
    return 0
