"""Practice: the course's cases as exercise files, their declarative checks, the final test's scoring and the progress."""
from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import write_atomic
from desktop.core.collection import FormatError, json_bytes, read_checked
from desktop.core.models import Response
from desktop.core.paths import resource_root
from desktop.i18n import _, pick

SCHEMA_VERSION = 1
PROGRESS_FILE = "progress.json"


def practice_dir() -> Path:
    return resource_root() / "resources" / "practice"


# --- what the sandbox saw ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    """One request as the practice sandbox received it (the body included: the check reads it)."""

    time: float
    scheme: str
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]   # names in lower case
    body: bytes
    status: int

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None


@dataclass
class Evidence:
    """The answer to the agent's request, what the sandbox received, its profile state, webhook tries, the choice."""

    response: Response | None
    received: list[Received] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)
    webhooks: list[dict[str, Any]] = field(default_factory=list)
    choice: str = ""


_MISSING = object()


def _dig(data: Any, path: str) -> Any:
    """`messages.0.delivery_status` in parsed JSON; _MISSING when any step is absent."""
    for step in path.split(".") if path else []:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and step.lstrip("-").isdigit() and -len(data) <= int(step) < len(data):
            data = data[int(step)]
        else:
            return _MISSING
    return data


def _answer_json(response: Response | None) -> Any:
    if response is None:
        return _MISSING
    try:
        return json.loads(response.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _MISSING


def _of_received(entry: Received | None, name: str) -> Any:
    if entry is None:
        return _MISSING
    if name.startswith("header:"):
        return entry.headers.get(name[7:].lower(), _MISSING)
    if name.startswith("query:"):
        return entry.query.get(name[6:], _MISSING)
    if name.startswith("json:"):
        data = entry.json()
        return _MISSING if data is None else _dig(data, name[5:])
    if name == "body":
        return entry.body.decode("utf-8", "replace")
    return getattr(entry, name, _MISSING) if name in ("scheme", "method", "path", "status") else _MISSING


JSON_TYPES = {"string": str, "number": (int, float), "boolean": bool, "object": dict, "array": list, "null": type(None)}


def _holds(value: Any, condition: dict[str, Any]) -> bool:
    """One value against the one operator of a condition."""
    if "exists" in condition:
        return (value is not _MISSING) == bool(condition["exists"])
    if value is _MISSING:
        return "not_equals" in condition or "not_contains" in condition
    if "equals" in condition:
        return value == condition["equals"] and type(value) is type(condition["equals"])
    if "not_equals" in condition:
        return value != condition["not_equals"]
    if "one_of" in condition:
        return value in condition["one_of"]
    if "type" in condition:
        kind = JSON_TYPES[condition["type"]]
        return isinstance(value, kind) and not (condition["type"] == "number" and isinstance(value, bool))
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if "contains" in condition:
        wanted = condition["contains"]
        return wanted in value if isinstance(value, (list, dict)) else str(wanted) in text
    if "not_contains" in condition:
        unwanted = condition["not_contains"]
        return unwanted not in value if isinstance(value, (list, dict)) else str(unwanted) not in text
    if "startswith" in condition:
        return text.startswith(condition["startswith"])
    if "matches" in condition:
        return re.search(condition["matches"], text) is not None
    return False


def holds(condition: dict[str, Any], evidence: Evidence) -> bool:
    """Whether one declarative condition holds (see resources/practice/exercise.schema.json for the words)."""
    source, name = condition["of"], condition.get("field", "")
    if source == "status":
        return _holds(evidence.response.status if evidence.response else _MISSING, condition)
    if source == "answer":
        return _holds(_dig(_answer_json(evidence.response), name), condition)
    if source == "received":
        return _holds(_of_received(evidence.received[-1] if evidence.received else None, name), condition)
    if source == "log":  # any request of this exercise, not only the last
        return any(_holds(_of_received(entry, name), condition) for entry in evidence.received)
    if source == "state":
        return _holds(_dig(evidence.state, name), condition)
    if source == "webhook":
        return any(_holds(_dig(attempt, name), condition) for attempt in evidence.webhooks)
    if source == "choice":
        return _holds(evidence.choice or _MISSING, condition)
    return False


@dataclass(frozen=True)
class Verdict:
    solved: bool
    explanation: str   # why a wrong attempt is wrong, or what the right one did


def judge(check: dict[str, Any], evidence: Evidence) -> Verdict:
    """Solved when every `expect` holds; else the first matching `wrong` case, else the first failed expectation, explains."""
    failed = [c for c in check["expect"] if not holds(c, evidence)]
    if not failed:
        return Verdict(True, "")
    for case in check.get("wrong", []):
        if all(holds(c, evidence) for c in case["when"]):
            return Verdict(False, pick(case["explain"]))
    for condition in failed:
        if "explain" in condition:
            return Verdict(False, pick(condition["explain"]))
    return Verdict(False, _("Not yet: the sandbox's answer does not show the goal reached. Read the answer and try a hint."))


# --- the files -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exercise:
    id: str
    order: int
    data: dict[str, Any]   # the validated file; texts are {"ru", "en"} picked at display time
    path: Path

    def text(self, key: str) -> str:
        return pick(self.data.get(key))

    def success_text(self, key: str) -> str:
        return pick(self.data["success"][key])

    @property
    def hints(self) -> list[str]:
        return [pick(h) for h in self.data.get("hints", [])]


@dataclass(frozen=True)
class Problem:
    """A file that could not be used: its name and why (shown to the agent, the file is skipped)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return _("Practice file «{name}» skipped: {reason}").format(name=self.path.name, reason=self.reason)


@lru_cache(maxsize=8)
def _validator(folder: Path, name: str):
    """The schema `name`, able to refer to the other schemas of the folder (the test reuses the exercise's parts)."""
    # Imported here: jsonschema takes most of a second to import, and the window must not wait for it at start.
    import jsonschema
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.schema.json")}
    registry = Registry().with_resources((s["$id"], DRAFT202012.create_resource(s)) for s in schemas.values())
    # The format checker catches a `matches` pattern that is no regular expression before a check would trip on it.
    return jsonschema.Draft202012Validator(schemas[name], registry=registry,
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _read_valid(path: Path, name: str) -> tuple[dict[str, Any] | None, Problem | None]:
    try:
        validator = _validator(practice_dir(), name)
    except (OSError, ValueError, KeyError):
        return None, Problem(path, _("the schema {name} that checks it is missing or damaged").format(name=name))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, Problem(path, _("it cannot be read ({error})").format(error=exc))
    except ValueError as exc:
        return None, Problem(path, _("it is not valid JSON ({error})").format(error=exc))
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or _("the top level")
        return None, Problem(path, _("{where}: {message}").format(where=where, message=error.message))
    return data, None


def _choice_problem(data: dict[str, Any]) -> str:
    """What the schema cannot see: a check on the agent's choice must name one of the question's choices."""
    ids = {c["id"] for c in data.get("question", {}).get("choices", [])}
    check = data["check"]
    conditions = check["expect"] + [c for case in check.get("wrong", []) for c in case["when"]]
    for condition in conditions:
        if condition["of"] != "choice":
            continue
        named = condition.get("one_of") or [condition[k] for k in ("equals", "not_equals") if k in condition]
        unknown = [str(n) for n in named if n not in ids]
        if not ids or unknown:
            return _("the check names a choice the question does not offer ({names})").format(names=", ".join(unknown) or "—")
    return ""


def load_exercises(folder: Path | None = None) -> tuple[list[Exercise], list[Problem]]:
    """Every valid exercise file, in course order; a damaged one is reported by name and skipped."""
    folder = folder or practice_dir() / "exercises"
    exercises, problems, seen = [], [], set()
    for path in sorted(folder.glob("*.json")):
        data, problem = _read_valid(path, "exercise.schema.json")
        if problem:
            problems.append(problem)
        elif data["id"] in seen:
            problems.append(Problem(path, _("another exercise already has the id «{id}»").format(id=data["id"])))
        elif _choice_problem(data):
            problems.append(Problem(path, _choice_problem(data)))
        else:
            seen.add(data["id"])
            exercises.append(Exercise(data["id"], data["order"], data, path))
    exercises.sort(key=lambda e: (e.order, e.id))
    return exercises, problems


@dataclass(frozen=True)
class FinalTest:
    pass_mark: int
    questions: list[dict[str, Any]]


def load_test(path: Path | None = None) -> tuple[FinalTest | None, list[Problem]]:
    path = path or practice_dir() / "test.json"
    data, problem = _read_valid(path, "test.schema.json")
    if problem:
        return None, [problem]
    questions = data["questions"]
    if len({q["id"] for q in questions}) != len(questions):
        return None, [Problem(path, _("two questions have the same id"))]
    for question in questions:
        if question["kind"] == "choice" and question["right"] not in {c["id"] for c in question["choices"]}:
            return None, [Problem(path, _("question «{id}»: the right answer is not one of its choices").format(id=question["id"]))]
    if data["pass_mark"] > len(questions):
        return None, [Problem(path, _("the pass mark is higher than the number of questions"))]
    return FinalTest(data["pass_mark"], data["questions"]), []


def _normal(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text).strip().strip('"').lower())


def is_right(question: dict[str, Any], given: str, live: Any = None) -> bool:
    """A chosen option id or a typed value against the question; a `do` question may take its answer from the sandbox."""
    if not given.strip():
        return False
    if question["kind"] == "choice":
        return given == question["right"]
    accepted = question.get("accepted")
    if accepted is not None:
        return _normal(given) in {_normal(a) for a in accepted}
    if live is None or live is _MISSING:
        return False
    expected, typed = _normal(json.dumps(live) if isinstance(live, bool) else live), _normal(given)
    # "405 Method Not Allowed" for a status read as 405: the agent copied the whole status line.
    return typed == expected or typed.split(" ")[0] == expected


def live_value(question: dict[str, Any], response: Response | None) -> Any:
    """The value a `do` question reads from the answer the agent got, or None before any answer."""
    source = question.get("read")
    if not source or response is None:
        return None
    value = response.status if source == "status" else _dig(_answer_json(response), source)
    return None if value is _MISSING else value


@dataclass(frozen=True)
class Score:
    right: int
    total: int
    pass_mark: int
    marks: dict[str, bool]

    @property
    def passed(self) -> bool:
        return self.right >= self.pass_mark


def score(test: FinalTest, answers: dict[str, str], live: dict[str, Any] | None = None) -> Score:
    live = live or {}
    marks = {q["id"]: is_right(q, answers.get(q["id"], ""), live.get(q["id"])) for q in test.questions}
    return Score(sum(marks.values()), len(test.questions), test.pass_mark, marks)


# --- progress ------------------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


@dataclass
class Progress:
    """Per agent: each exercise's attempts, hints and when it was solved; the final test's last and best score.

    Kept in <data>/practice/progress.json, one file for every agent who practises on this machine or shared folder.
    """

    folder: Path
    agents: dict[str, dict[str, Any]] = field(default_factory=dict)
    problem: str = ""   # set when the file was damaged and put aside

    @classmethod
    def load(cls, folder: Path) -> Progress:
        path = Path(folder) / PROGRESS_FILE
        if not path.exists():
            return cls(Path(folder))
        try:
            # By the schema, every agent's every field: a wrong type is found here, not in the middle of a save.
            data = read_checked(path, "progress")
            return cls(Path(folder), data["agents"])
        except FormatError:
            # Kept beside, never overwritten: the team lead can still read what was there.
            aside = path.with_name(f"{PROGRESS_FILE}.damaged-{int(time.time())}")
            try:
                path.replace(aside)
            except OSError:
                aside = path
            return cls(Path(folder), problem=_("The practice progress file was damaged; it was kept as «{name}» and a new one started.").format(name=aside.name))

    def agent(self, name: str) -> dict[str, Any]:
        entry = self.agents.setdefault(name, {})
        entry.setdefault("exercises", {})
        return entry

    def exercise(self, agent: str, exercise_id: str) -> dict[str, Any]:
        return self.agent(agent)["exercises"].setdefault(exercise_id, {"done": False, "attempts": 0, "hints": 0})

    def record_attempt(self, agent: str, exercise_id: str, solved: bool) -> None:
        entry = self.exercise(agent, exercise_id)
        entry["attempts"] += 1
        if solved and not entry["done"]:
            entry["done"], entry["done_at"] = True, _now()
        self.save()

    def record_hint(self, agent: str, exercise_id: str, shown: int) -> None:
        entry = self.exercise(agent, exercise_id)
        entry["hints"] = max(entry["hints"], shown)
        self.save()

    def record_test(self, agent: str, result: Score) -> None:
        entry = self.agent(agent)
        entry["test"] = {"score": result.right, "total": result.total, "passed": result.passed, "date": _now()}
        best = entry.get("best_test")
        if not best or result.right >= best.get("score", 0):
            entry["best_test"] = dict(entry["test"])
        self.save()

    def done(self, agent: str) -> set[str]:
        return {k for k, v in self.agent(agent)["exercises"].items() if v.get("done")}

    def save(self) -> None:
        data = {"schema_version": SCHEMA_VERSION, "agents": self.agents}
        write_atomic(self.folder / PROGRESS_FILE, json_bytes(data))

    def export_csv(self, exercises: list[Exercise]) -> str:
        """One row per agent and exercise, then the test: a team lead opens it in a spreadsheet."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([_("Agent"), _("Exercise"), _("Solved"), _("Attempts"), _("Hints used"), _("Date")])
        for agent in sorted(self.agents):
            entry = self.agent(agent)
            for exercise in exercises:
                row = entry["exercises"].get(exercise.id, {})
                writer.writerow([agent, exercise.text("title"), _("yes") if row.get("done") else _("no"),
                                 row.get("attempts", 0), row.get("hints", 0), row.get("done_at", "")])
            test = entry.get("best_test")
            if test:
                verdict = _("passed") if test["passed"] else _("not passed")
                writer.writerow([agent, _("Final test"), verdict, f"{test['score']}/{test['total']}", "", test["date"]])
        return out.getvalue()

    def write_export(self, path: Path, exercises: list[Exercise]) -> None:
        # utf-8-sig: Excel on Windows then shows Cyrillic names instead of mojibake.
        write_atomic(Path(path), self.export_csv(exercises).encode("utf-8-sig"))
