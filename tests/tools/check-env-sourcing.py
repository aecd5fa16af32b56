#!/usr/bin/python3
"""Sourcing a generated .env.example runs nothing, and every reader sees the same values.

For each FILE: `set -a; . FILE` in bash, in an empty throwaway folder with an empty
environment, must create no file, print nothing on stderr, and define exactly the values
python-dotenv (Debian's python3-dotenv, default settings: interpolation on) reads from the
file. npm dotenv's reading is checked by check-dotenv.mjs.

With --hostile OPSFLOW SCHEMA, one more file is made first: every free-text answer and
table cell in the schema is filled with shell and dotenv syntax ($(…), backticks, ${…},
quotes, backslashes, '#', line breaks) up to its length limit, and `opsflow generate` writes
the .env.example checked with the rest.

With --expect VALUES.json (an object KEY → text), every FILE must give those keys exactly
those values, in bash and in python-dotenv.

Usage: check-env-sourcing.py [--hostile OPSFLOW SCHEMA] [--expect VALUES.json] FILE...
"""
import json
import re
import os
import subprocess
import sys
import tempfile

from dotenv import dotenv_values

HOSTILE = [
    "it's $(touch PWNED)",
    "`touch PWNED2` ${HOME} $HOME",
    'say "hi" \\ back\\\\slash \\',
    "a # not a comment\nNEXT=injected",
    "~/home:~/x; touch PWNED3 && echo done | tee PWNED4",
]

# Set by bash or by python at start-up, not by the file.
IGNORED = {"PWD", "SHLVL", "_", "OLDPWD", "LC_CTYPE"}


def hostile_answers(schema):
    """An answers file with hostile text in every free-text field and cell."""
    counter = [0]

    def text(limit):
        counter[0] += 1
        value = HOSTILE[counter[0] % len(HOSTILE)]
        return value[:limit]

    def fill(sub):
        kinds = sub.get("type", [])
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "enum" in sub:
            return next(v for v in sub["enum"] if v is not None)
        if "string" in kinds:
            return text(sub.get("maxLength", 200))
        if "array" in kinds and "items" in sub:
            items = sub["items"]
            if "enum" in items:
                return [v for v in items["enum"] if v is not None][:2]
            if items.get("type") == "object":
                return [{k: fill(v) for k, v in items["properties"].items()}]
            return [text(items.get("maxLength", 200)), text(items.get("maxLength", 200))]
        if "number" in kinds:
            # Within the field's range, which the schema's description states ("(90 to
            # 99.999 %)"): generate refuses an answer beyond it. The schema itself has no
            # bounds because the loader accepts any number (a file saved mid-typing loads).
            bounds = re.search(r"\((-?[0-9.e+]+) to (-?[0-9.e+]+)", sub.get("description", ""))
            value = min(max(3, float(bounds[1])), float(bounds[2])) if bounds else 3
            return int(value) if value == int(value) else value
        if "boolean" in kinds:
            return True
        return None

    props = schema["properties"]
    answers = {q: {f: fill(fs) for f, fs in qs["properties"].items()}
               for q, qs in props["answers"]["properties"].items()}
    context = {f: fill(fs) for f, fs in props["context"]["properties"].items()}
    context["port"] = 8080
    return {"format": "opsflow-answers", "version": 1, "phase": "7", "scope": "enterprise",
            "mode": "interactive", "context": context, "answers": answers}


def sourced(path):
    """The variables bash defines when it sources the file, and what it left behind."""
    with tempfile.TemporaryDirectory() as sandbox:
        script = 'set -a; . "$1"; set +a; exec /usr/bin/python3 -c "import os, json, sys; json.dump(dict(os.environ), sys.stdout)"'
        run = subprocess.run(["/bin/bash", "--noprofile", "--norc", "-c", script, "bash", os.path.abspath(path)],
                             cwd=sandbox, env={"PATH": "/usr/bin:/bin", "HOME": sandbox},
                             capture_output=True, text=True, timeout=60)
        left = sorted(os.listdir(sandbox))
        variables = json.loads(run.stdout) if run.returncode == 0 and run.stdout else {}
        return run.returncode, run.stderr, left, variables, sandbox


def check(path, literal):
    problems = []
    code, stderr, left, variables, sandbox = sourced(path)
    if code != 0:
        problems.append(f"bash failed with {code}: {stderr.strip()}")
    if stderr.strip():
        problems.append(f"bash printed: {stderr.strip()}")
    if left:
        problems.append(f"sourcing created {left}: the file ran a command")
    expected = {k: v for k, v in dotenv_values(path).items()}
    for key, value in expected.items():
        got = variables.get(key)
        if value is not None and value.replace(sandbox, "") != value:
            problems.append(f"{key}: python-dotenv expanded something: {value!r}")
        if got != value:
            problems.append(f"{key}: bash reads {got!r}, python-dotenv {value!r}")
    for key, value in literal.items():
        if expected.get(key) != value:
            problems.append(f"{key}: python-dotenv reads {expected.get(key)!r}, not the literal {value!r}")
    extra = set(variables) - set(expected) - {"PATH", "HOME"} - IGNORED
    if extra:
        problems.append(f"bash defines variables python-dotenv does not: {sorted(extra)}")
    return problems, len(expected)


def main(args):
    files = []
    if args[:1] == ["--hostile"]:
        opsflow, schema_path = args[1], args[2]
        args = args[3:]
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        work = tempfile.mkdtemp(prefix="opsflow-hostile-env-")
        answers = os.path.join(work, "answers.json")
        with open(answers, "w", encoding="utf-8") as f:
            json.dump(hostile_answers(schema), f, ensure_ascii=False, indent=1)
        project = os.path.join(work, "project")
        os.mkdir(project)
        # Every value at its limit breaks consistency rules (a 3 s shutdown of 3 × 3 s steps);
        # this check is about the values' quoting, so the documents are written anyway.
        run = subprocess.run([opsflow, "generate", project, "--answers", answers, "--accept-errors"],
                             capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        if run.returncode != 0:
            print(f"check-env-sourcing: opsflow generate failed ({run.returncode}): {run.stderr}")
            return 1
        files.append(os.path.join(project, ".env.example"))
    literal = {}
    if args[:1] == ["--expect"]:
        with open(args[1], encoding="utf-8") as f:
            literal = json.load(f)
        args = args[2:]
    files += args
    if not files:
        print(__doc__)
        return 2
    failed = 0
    for path in files:
        problems, count = check(path, literal if path in args else {})
        if problems:
            failed += 1
            for p in problems:
                print(f"{path}: {p}")
        else:
            print(f"{path}: {count} variables, sourced without running anything, same values in bash and python-dotenv")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
