#!/usr/bin/python3
"""Whatever the answers file's JSON Schema refuses, OpsFlow's loader refuses too.

Builds a valid answers file from resources/answers.schema.json (every question, every field),
then thousands of variants that break one rule each: wrong types, values outside an enum,
strings over maxLength, lists over maxItems, repeated items, unknown keys, missing required
keys, wrong constants; plus random mutations from a fixed seed. Each variant is judged by
python3-jsonschema (Draft 2020-12) and by the real loader (answers_check, in one process).

Fails when the schema refuses a file the loader accepts (the loader would let through what
the documentation says is invalid), or when the loader refuses a file the schema accepts
for any reason but the two it documents beyond the schema (a newer version, duplicate keys).

Usage: check-answers-schema.py ANSWERS_CHECK SCHEMA [SEED]
"""
import copy
import json
import os
import random
import subprocess
import sys
import tempfile

import jsonschema

WRONG_TYPES = ["a string", 7, 1.5, True, None, [], {}, ["x"], {"x": 1}]


def valid_value(schema):
    """A value the schema accepts, as full as the schema allows (one item per list)."""
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object":
        return {k: valid_value(v) for k, v in schema.get("properties", {}).items() if k != "$schema"}
    if kind == "array":
        return [valid_value(schema.get("items", {"type": "string"}))]
    if kind == "string":
        return "x"
    if kind in ("number", "integer"):
        return 1
    if kind == "boolean":
        return True
    return None


def walk(schema, path=()):
    """Every (path, subschema) of the properties tree."""
    yield path, schema
    for key, sub in schema.get("properties", {}).items():
        yield from walk(sub, path + (key,))
    if "items" in schema:
        yield from walk(schema["items"], path + (0,))


def set_at(document, path, value):
    """A copy of document with the value at path replaced (creating what is missing)."""
    out = copy.deepcopy(document)
    node = out
    for step in path[:-1]:
        if isinstance(step, int):
            if not isinstance(node, list) or not node:
                return None
            node = node[0]
        else:
            if not isinstance(node, dict):
                return None
            node = node.setdefault(step, {})
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or not node:
            return None
        node[0] = value
    else:
        if not isinstance(node, dict):
            return None
        node[last] = value
    return out


def variants(base, schema, rng):
    for path, sub in walk(schema):
        if not path:
            continue
        for wrong in WRONG_TYPES:
            yield set_at(base, path, wrong)
        if "enum" in sub:
            yield set_at(base, path, "not-an-option")
            yield set_at(base, path, "it's $(touch PWNED)")
        if "maxLength" in sub:
            yield set_at(base, path, "y" * sub["maxLength"])
            yield set_at(base, path, "y" * (sub["maxLength"] + 1))
            yield set_at(base, path, "é" * sub["maxLength"])  # code points, not bytes
        if "maxItems" in sub:
            item = valid_value(sub.get("items", {}))
            items = [item if not isinstance(item, str) else f"{item}{i}" for i in range(sub["maxItems"] + 1)]
            yield set_at(base, path, items)
            yield set_at(base, path, items[:-1])
        if sub.get("uniqueItems"):
            item = valid_value(sub.get("items", {}))
            yield set_at(base, path, [item, item])
        if sub.get("additionalProperties") is False:
            yield set_at(base, path + ("unknownKey",), 1)
        if sub.get("type") == "integer":
            yield set_at(base, path, 1.5)
            yield set_at(base, path, 0)
            yield set_at(base, path, 2)
            yield set_at(base, path, 1e10)
    for key in schema.get("required", []):
        smaller = copy.deepcopy(base)
        smaller.pop(key, None)
        yield smaller
    # Random mutations: a few changes at once, at random places, with random values.
    places = [p for p, _ in walk(schema) if p]
    for _ in range(1500):
        document = base
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(places)
            value = rng.choice(WRONG_TYPES + ["A", "B", "C", "none", "mvp", 0, -1, 99999, "", "y" * rng.randint(0, 5000)])
            document = set_at(document, path, value) or document
        yield document


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    checker, schema_path = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = random.Random(seed)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    base = valid_value(schema)
    base["$schema"] = "https://opsflow.invalid/schemas/answers-1.json"
    if not validator.is_valid(base):
        print("check-answers-schema: the schema refuses its own example:", next(validator.iter_errors(base)).message)
        return 1

    with tempfile.TemporaryDirectory() as work:
        cases = []
        seen = set()
        for document in [base] + list(variants(base, schema, rng)):
            if document is None:
                continue
            text = json.dumps(document, ensure_ascii=False, sort_keys=True)
            if text in seen:
                continue
            seen.add(text)
            path = os.path.join(work, f"case{len(cases)}.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            cases.append((path, text, validator.is_valid(document), document))
        verdicts = []
        batch = 500
        for start in range(0, len(cases), batch):
            paths = [c[0] for c in cases[start:start + batch]]
            run = subprocess.run([checker] + paths, capture_output=True, text=True, check=True)
            verdicts += run.stdout.splitlines()
        assert len(verdicts) == len(cases), (len(verdicts), len(cases))

        problems = 0
        refused_by_both = 0
        version_only = 0
        for (path, text, schema_ok, document), verdict in zip(cases, verdicts):
            loader_ok = verdict == "ok"
            if not schema_ok and loader_ok:
                problems += 1
                error = next(validator.iter_errors(document))
                print(f"loader accepts what the schema refuses ({error.message} at {list(error.absolute_path)}): {text[:300]}")
            elif schema_ok and not loader_ok:
                if "newer OpsFlow" in verdict:
                    version_only += 1
                    continue
                problems += 1
                print(f"loader refuses what the schema accepts ({verdict}): {text[:300]}")
            elif not schema_ok:
                refused_by_both += 1
        print(f"check-answers-schema: {len(cases)} files (seed {seed}); {refused_by_both} refused by both, "
              f"{len(cases) - refused_by_both - version_only - problems} accepted by both, "
              f"{version_only} newer versions refused by the loader only; {problems} disagreements")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
