"""Commands for people: `users add|list|set|disable` and `tokens create|list|revoke`."""

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
    listing = actions.add_parser("list", help="list users with role, unit and state")
    listing.set_defaults(handler=run_users_list)
    change = actions.add_parser("set", help="change a user's role or unit")
    change.add_argument("email")
    change.add_argument("--role", choices=("supervisor", "hr", "admin"))
    change.add_argument("--unit", help="the unit's name (a new name creates the unit; '' for none)")
    change.set_defaults(handler=run_users_set)
    disable = actions.add_parser("disable", help="stop a user signing in; ends their sessions")
    disable.add_argument("email")
    disable.add_argument("--enable", action="store_true", help="let a disabled user sign in again")
    disable.set_defaults(handler=run_users_disable)

    tokens = commands.add_parser("tokens", help="manage API tokens")
    token_actions = tokens.add_subparsers(dest="tokens_command", required=True, metavar="ACTION")
    create = token_actions.add_parser("create", help="print a new API token for a user")
    create.add_argument("email")
    create.add_argument("--label", default="", help="what the token is for")
    create.set_defaults(handler=run_tokens_create)
    token_actions.add_parser("list", help="list tokens with owner and last use").set_defaults(
        handler=run_tokens_list)
    revoke = token_actions.add_parser("revoke", help="revoke a token by its number (see `tokens list`)")
    revoke.add_argument("token_id", type=int)
    revoke.set_defaults(handler=run_tokens_revoke)


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


def _admin_change(settings: Settings, change) -> int:
    """Run one admin change in a transaction; refusals become the command's one-line error."""
    from opportunity_bank import db
    from opportunity_bank.accounts.admin import AdminError
    from opportunity_bank.cli import CommandError

    db.upgrade(settings)
    try:
        with db.session_scope(db.make_engine(settings)) as session:
            print(change(session))
    except AdminError as error:
        raise CommandError(str(error)) from None
    return 0


def _when(moment) -> str:
    from opportunity_bank.accounts.sessions import aware
    from opportunity_bank.opportunities.lifecycle import CITY_TZ

    return aware(moment).astimezone(CITY_TZ).strftime("%Y-%m-%d %H:%M") if moment else "never"


def run_users_list(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.accounts.admin import list_users

    def show(session) -> str:
        lines = [f"{row.user.email}\t{row.user.role}\t{row.unit or '-'}\t"
                 f"{'active' if row.user.is_active else 'disabled'}\t{row.tokens} tokens"
                 for row in list_users(session)]
        return "\n".join(lines) or "no users"

    return _admin_change(settings, show)


def run_users_set(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.accounts.admin import set_user, user_by_email

    def change(session) -> str:
        user = user_by_email(session, args.email)
        changes = set_user(session, None, user, args.role, args.unit)
        return f"{user.email}: " + (", ".join(f"{k} {old} -> {new}" for k, (old, new) in changes.items())
                                    or "nothing to change")

    return _admin_change(settings, change)


def run_users_disable(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.accounts.admin import set_active, user_by_email

    def change(session) -> str:
        user = user_by_email(session, args.email)
        set_active(session, None, user, args.enable)
        return f"{user.email} {'enabled' if args.enable else 'disabled'}"

    return _admin_change(settings, change)


def run_tokens_list(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.accounts.admin import list_tokens

    def show(session) -> str:
        lines = [f"{row.token.id}\t{row.email}\t{row.token.label or '-'}\t"
                 f"last used {_when(row.token.last_used_at)}\t"
                 f"{'revoked ' + _when(row.token.revoked_at) if row.token.revoked_at else 'active'}"
                 for row in list_tokens(session)]
        return "\n".join(lines) or "no tokens"

    return _admin_change(settings, show)


def run_tokens_revoke(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.accounts.admin import revoke_token

    def change(session) -> str:
        return f"token {revoke_token(session, None, args.token_id).id} revoked"

    return _admin_change(settings, change)

