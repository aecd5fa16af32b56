#!/usr/bin/env python3
"""Validate every knowledge file against the JSON Schema its "$schema" key names.

OpsFlow's own loaders are stricter than the schemas (they also check ids against the
questionnaire), but the schemas are what FORMAT.md points a contributor to; this keeps the
two from drifting: a schema that rejects a file the app loads, or a file whose "$schema"
names no schema, fails here.

With --must-find TEXT (repeatable) it runs on a broken fixture instead and passes only if
every TEXT appears among the problems it reports, so the check itself is tested.
"""
import argparse
import json
import pathlib
import sys

import jsonschema


def problems_in(root: pathlib.Path) -> tuple[int, list[str]]:
    files = sorted(p for p in root.rglob("*.json") if not p.name.endswith(".schema.json"))
    problems = []
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        reference = document.get("$schema")
        if not isinstance(reference, str):
            problems.append(f"{path}: no \"$schema\" key naming its schema")
            continue
        schema_path = (path.parent / reference).resolve()
        if not schema_path.is_file():
            problems.append(f"{path}: \"$schema\" names {reference}, which does not exist")
            continue
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            where = "/".join(str(part) for part in error.path) or "(top level)"
            problems.append(f"{path}: {where}: {error.message}")
    return len(files), problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--must-find", action="append", default=[])
    parser.add_argument("root", type=pathlib.Path)
    arguments = parser.parse_args()
    count, problems = problems_in(arguments.root)
    for problem in problems:
        print(problem)
    print(f"{count} knowledge files checked, {len(problems)} problems")
    if not arguments.must_find:
        return 1 if problems else 0
    missed = [text for text in arguments.must_find if not any(text in p for p in problems)]
    for text in missed:
        print(f"the check did not report: {text}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
