"""The `wappi-desk run | import | export` subcommands: checks and collection transfer without the window."""
from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from desktop.core import postman, runner, sender
from desktop.core.paths import preloaded_collection
from desktop.core.secrets import masker
from desktop.core.store import Store, StoreError
from desktop.core.variables import SECRET_BY_DEFAULT, Environment
from desktop.i18n import _, ngettext

SANDBOX = "sandbox"


def _say(text: str) -> None:
    print(text, flush=True)


def _complain(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"wappi-desk {prog}", description=description)
    parser.add_argument("--store", type=Path, default=None, help=_("folder of the clients (default: the app's data folder)"))
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage and the reason
        return int(exc.code or 0)


def find_target(text: str, store: Store) -> Path | None:
    """PATH as given, else inside the clients' folder, else inside the preloaded collection."""
    for base in (Path.cwd(), store.root, preloaded_collection()):
        candidate = base / text
        if candidate.exists():
            return candidate
    return None


def main_run(argv: list[str]) -> int:
    parser = _parser("run", _("Send a saved request, or every request of a folder, and print one line each."))
    parser.add_argument("path", help=_("a request file or folder, in a client or in the preloaded collection"))
    parser.add_argument("--env", default=None, help=_("whose variables to use: a client's name, or Sandbox"))
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help=_("set a variable (repeatable)"))
    parser.add_argument("--timeout", type=float, default=sender.DEFAULT_TIMEOUT)
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    store = Store(args.store)
    target = find_target(args.path, store)
    if target is None:
        _complain(_("Nothing called «{path}» was found. Give a request file or a folder.").format(path=args.path))
        return 2
    overrides: dict[str, str] = {}
    for pair in args.var:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            _complain(_("«{text}» is not NAME=VALUE. Write it like --var profile_id=abcd1234.").format(text=pair))
            return 2
        overrides[name.strip()] = value
    requests, problems = runner.collect(target)
    for problem in problems:
        _complain(problem)
    if not requests:
        _complain(_("There are no requests to send in «{path}».").format(path=args.path))
        return 2
    with contextlib.ExitStack() as stack:
        try:
            environment, values = _environment(args.env, target, store, stack)
        except StoreError as exc:
            _complain(str(exc))
            return 2
        values.update(overrides)
        secret_names = {v.name for v in environment.variables if v.secret} | SECRET_BY_DEFAULT
        secrets = [values[n] for n in secret_names if n in values]
        mask = masker(secrets)
        client = stack.enter_context(sender.make_client(args.timeout))
        lines = runner.run(requests, values, client, mask, lambda line: _say(line.text()), args.timeout, secrets=secrets)
    passed = sum(line.ok for line in lines)
    _say(ngettext("{passed} of {total} request succeeded.", "{passed} of {total} requests succeeded.", len(lines)).format(passed=passed, total=len(lines)))
    return 0 if passed == len(lines) and not problems else 1


def _environment(name: str | None, target: Path, store: Store, stack: contextlib.ExitStack) -> tuple[Environment, dict[str, str]]:
    """The variables to send with: the sandbox's, a named client's, or those of the client PATH belongs to."""
    if name is not None and name.casefold() == SANDBOX:
        from desktop.core.environments import sandbox_environment
        from desktop.sandbox.server import Sandbox

        sandbox = stack.enter_context(Sandbox(port=0))
        environment = sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token)
        return environment, environment.values()
    if name is not None:
        match = next((c for c in store.clients() if c.casefold() == name.casefold()), None)
        if match is None:
            raise StoreError(_("There is no client called «{name}».").format(name=name))
        environment = store.environment(match)
        return environment, environment.values()
    try:
        client = store.client_of(target)
    except StoreError:
        return Environment(""), {}
    environment = store.environment(client)
    return environment, environment.values()


def main_import(argv: list[str]) -> int:
    parser = _parser("import", _("Import a Postman v2.1 collection into a client."))
    parser.add_argument("file", type=Path)
    parser.add_argument("--client", required=True, help=_("the client to import into (made if missing)"))
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    store = Store(args.store)
    try:
        result = postman.read_collection(args.file)
        written, secrets = postman.import_into(store, args.client, result)
    except (postman.PostmanError, StoreError) as exc:
        _complain(str(exc))
        return 1
    _say(ngettext("{count} request imported into «{client}».", "{count} requests imported into «{client}».", len(written)).format(count=len(written), client=args.client))
    for note in result.notes:
        _say("  " + note)
    for variable in secrets:
        _say("  " + _("The secret «{name}» was not saved to a file: enter it in the client's variables.").format(name=variable.name))
    return 0


def main_export(argv: list[str]) -> int:
    parser = _parser("export", _("Export a client (or one of its folders) as a Postman v2.1 collection."))
    parser.add_argument("client")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--folder", default="", help=_("only this folder of the client"))
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    store = Store(args.store)
    try:
        collection = postman.export_client(store, args.client, args.folder)
        postman.write_export(args.output, collection)
    except StoreError as exc:
        _complain(str(exc))
        return 1
    except OSError as exc:
        _complain(_("{file}: cannot be written ({reason})").format(file=str(args.output), reason=exc.strerror))
        return 1
    _say(_("«{client}» exported to {file}. Secret values were left out.").format(client=args.client, file=str(args.output)))
    return 0
