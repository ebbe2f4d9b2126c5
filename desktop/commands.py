"""The `wappi-desk run | import | export` subcommands: checks and collection transfer without the window."""
from __future__ import annotations

import argparse
import contextlib
import re
import sys
from pathlib import Path
from typing import NoReturn

from desktop.core import postman, runner, sender
from desktop.core.environments import (
    SANDBOX,
    WAPPI,
    sandbox_environment,
    wappi_environment,
)
from desktop.core.paths import preloaded_collection
from desktop.core.secrets import KeyringUnavailable, SecretStore
from desktop.core.settings import TIMEOUT_LIMITS_S
from desktop.core.store import Store, StoreError
from desktop.core.variables import SECRET_BY_DEFAULT, Environment
from desktop.i18n import _, ngettext


def _say(text: str) -> None:
    print(text, flush=True)


def _complain(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Parser(argparse.ArgumentParser):
    """argparse speaking the agent's language: its own words (usage, options, errors) come from our catalogue."""

    # argparse's error texts (Python 3.11) and ours; an unknown one is shown as argparse wrote it.
    _ERRORS = (
        (re.compile(r"the following arguments are required: (?P<names>.*)", re.DOTALL), lambda: _("these are missing: {names}")),
        (re.compile(r"unrecognized arguments: (?P<names>.*)", re.DOTALL), lambda: _("unknown arguments: {names}")),
        (re.compile(r"argument (?P<option>[^:]+): expected one argument", re.DOTALL), lambda: _("{option} needs a value after it")),
        (re.compile(r"argument (?P<option>[^:]+): invalid (?P<type>\w+) value: (?P<value>.*)", re.DOTALL),
         lambda: _("{option}: {value} is not a valid value")),
        (re.compile(r"argument (?P<option>[^:]+): (?P<message>.*)", re.DOTALL), lambda: "{option}: {message}"),
    )

    def __init__(self, **kwargs) -> None:
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help and exit"))

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups, prefix=_("usage: "))
        return formatter.format_help()

    def format_help(self) -> str:
        # argparse's own format_help, with the usage prefix passed in instead of its English one.
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups, prefix=_("usage: "))
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        for pattern, words in self._ERRORS:
            found = pattern.fullmatch(message)
            if found:
                message = words().format(**found.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = Parser(prog=f"wappi-desk {prog}", description=description)
    parser.add_argument("--store", type=folder, default=None, help=_("folder of the clients (default: the app's data folder)"))
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage and the reason
        return int(exc.code or 0)


def _seconds(text: str) -> float:
    """--timeout: a positive number of seconds, said in words otherwise (argparse prints the reason)."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = float("nan")
    low, high = TIMEOUT_LIMITS_S
    if not low <= value <= high:  # also false for NaN
        raise argparse.ArgumentTypeError(
            _("«{text}» is not a waiting time. Give the seconds to wait for an answer: from {low} to {high}.").format(
                text=text, low=low, high=int(high)
            )
        )
    return value


def folder(text: str) -> Path:
    """--store, --data-dir: a folder's name; an empty one (a shell variable that was not set) would mean the
    current directory, where nobody meant their clients to go."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("an empty name is not a folder. Give the folder, or leave the option out."))
    return Path(text)


def _store(args: argparse.Namespace) -> Store:
    """The store of --store; StoreError in words when that is a file or cannot be a folder."""
    if args.store is not None and _exists(args.store) and not args.store.is_dir():
        raise StoreError(_("{file} is a file, not a folder. Give the folder of the clients with --store.").format(file=str(args.store)))
    return Store(args.store)


def _looks_like_a_path(text: str) -> bool:
    """`./repro`, `../x`, `/abs/x`, `~/x` (or `.\\x` on Windows) mean the file system, not a client's name."""
    return Path(text).is_absolute() or text.startswith(("./", "../", "~", ".\\", "..\\")) or text in (".", "..")


def find_target(text: str, store: Store) -> Path | None:
    """A path as written when it looks like one; else a client's request or folder, the preloaded collection,
    and only then the current directory (so `run repro` means the client «repro», and `run ./repro` the folder)."""
    if _looks_like_a_path(text):
        candidate = Path(text).expanduser()
        return candidate if _exists(candidate) else None
    for base in (store.root, preloaded_collection(), Path.cwd()):
        candidate = base / text
        if _exists(candidate) and (base != store.root or _inside_store(candidate, store)):
            return candidate
    return None


def _exists(path: Path) -> bool:
    """Path.exists(), with a place that may not be looked at (permissions) taken as not there."""
    try:
        return path.exists()
    except OSError:
        return False


def _inside_store(path: Path, store: Store) -> bool:
    try:
        store.inside(path)
    except StoreError:
        return False
    return True


def main_run(argv: list[str]) -> int:
    parser = _parser("run", _("Send a saved request, or every request of a folder, and print one line each."))
    parser.add_argument("path", help=_("a request file or folder, in a client or in the preloaded collection; "
                                       "write ./NAME for a folder of the current directory"))
    parser.add_argument("--env", default=None, help=_("whose variables to use: a client's name, Sandbox or Wappi"))
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help=_("set a variable (repeatable)"))
    parser.add_argument("--timeout", type=_seconds, default=sender.DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=_("how long to wait for each answer"))
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        store = _store(args)
    except StoreError as exc:
        _complain(str(exc))
        return 2
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
            environment, values = _environment(args.env, target, store, stack, set(overrides))
        except StoreError as exc:
            _complain(str(exc))
            return 2
        values.update(overrides)
        secret_names = {v.name for v in environment.variables if v.secret} | SECRET_BY_DEFAULT
        client = stack.enter_context(sender.make_client(args.timeout))
        lines = runner.run(requests, values, client, secret_names, lambda line: _say(line.text()), args.timeout)
    passed = sum(line.ok for line in lines)
    _say(ngettext("{passed} of {total} request succeeded.", "{passed} of {total} requests succeeded.", len(lines)).format(passed=passed, total=len(lines)))
    return 0 if passed == len(lines) and not problems else 1


def _environment(
    name: str | None, target: Path, store: Store, stack: contextlib.ExitStack, given: set[str]
) -> tuple[Environment, dict[str, str]]:
    """The variables to send with: the sandbox's, Wappi's, a named client's, or those of the client PATH belongs to.

    Secret values come from the system keyring, as in the window; `given` are the names set with --var.
    """
    if name is not None and name.casefold() == SANDBOX.casefold():
        from desktop.sandbox.server import Sandbox

        sandbox = stack.enter_context(Sandbox(port=0))
        environment = sandbox_environment(sandbox.base_url, sandbox.profile_id, sandbox.token)
        return environment, environment.values()
    if name is not None:
        match = next((c for c in store.clients() if c.casefold() == name.casefold()), None)
        if match is not None:
            environment = store.environment(match)
        elif name.casefold() == WAPPI.casefold():
            environment = wappi_environment()
        else:
            raise StoreError(
                _("There is no client called «{name}». Use a client's name, {sandbox} or {wappi}.").format(
                    name=name, sandbox=SANDBOX, wappi=WAPPI
                )
            )
    else:
        try:
            client = store.client_of(target)
        except StoreError:  # not in a client (the preloaded collection, a file elsewhere): no variables
            return Environment(""), {}
        try:
            environment = store.environment(client)
        except StoreError as exc:  # a damaged variables file: said, and the requests go without its values
            _complain(str(exc))
            return Environment(""), {}
    return environment, _values_with_secrets(environment, given)


def _values_with_secrets(environment: Environment, given: set[str]) -> dict[str, str]:
    """The environment's values, its secrets read from the system keyring; says so when the keyring cannot be used."""
    wanted = [v.name for v in environment.variables if v.secret and v.name not in given]
    if not wanted:
        return environment.values()
    secrets = SecretStore()
    status = secrets.status()
    if not status.ok:
        _complain(
            _("The secret variables of «{name}» ({names}) could not be read: {reason} You can give them with --var NAME=VALUE.").format(
                name=environment.name, names=", ".join(wanted), reason=status.message
            )
        )
        return environment.values()

    def lookup(env: str, variable: str) -> str | None:
        try:
            return secrets.get(env, variable)
        except KeyringUnavailable as exc:
            _complain(exc.message)
            return None

    return environment.values(lookup)


def main_import(argv: list[str]) -> int:
    parser = _parser("import", _("Import a Postman v2.1 collection into a client."))
    parser.add_argument("file", type=Path)
    parser.add_argument("--client", required=True, help=_("the client to import into (made if missing)"))
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        store = _store(args)
        result = postman.read_collection(args.file)
        written, secrets = postman.import_into(store, args.client, result)
    except (postman.PostmanError, StoreError) as exc:
        _complain(str(exc))
        return 1
    except RecursionError:  # json and the collection walk follow nesting by recursion
        _complain(_("{file}: its folders are nested too deeply to import. Nothing was imported.").format(file=args.file.name))
        return 1
    client = store.client_of(written[0]) if written else args.client.strip()
    _say(ngettext("{count} request imported into «{client}».", "{count} requests imported into «{client}».", len(written)).format(
        count=len(written), client=client))
    for note in result.notes:
        _say("  " + note)
    _keep_secrets(client, secrets)
    return 0


def _keep_secrets(client: str, secrets: list) -> None:
    """Secret values that came in the file go to the system keyring, as in the window; never to a file."""
    if not secrets:
        return
    store = SecretStore()
    usable = store.status().ok
    for variable in secrets:
        if usable:
            try:
                store.set(client, variable.name, variable.value)
            except KeyringUnavailable:
                usable = False
            else:
                _say("  " + _("The secret «{name}» was kept in the password store, not in a file.").format(name=variable.name))
                continue
        _say("  " + _("The secret «{name}» was not saved to a file: enter it in the client's variables.").format(name=variable.name))


def main_export(argv: list[str]) -> int:
    parser = _parser("export", _("Export a client (or one of its folders) as a Postman v2.1 collection."))
    parser.add_argument("client")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--folder", default="", help=_("only this folder of the client"))
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        store = _store(args)
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
