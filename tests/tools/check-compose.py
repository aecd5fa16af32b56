#!/usr/bin/python3
"""The local development stack in docs/operations.md starts: Compose accepts it, and what it
needs is there.

For each operations.md given (with the .env.example of the same project beside docs/), the
```yaml block that starts with `services:` is written to a scratch project with that
.env.example as .env and an empty Dockerfile, and `docker-compose config` (or `docker compose
config`) must accept it. Then, on the configuration Compose resolved:

- a database image gets the variables it refuses to start without;
- every address in the app's .env that a service of the file serves (by its port), and every
  REQUIRED one with a placeholder host, is overridden in the app's environment, and every
  override names a service of the file (inside a container, localhost is the container).
  Other localhost addresses (a flag service the stack does not start) are
  printed as warnings: the app reaches them only once the developer runs them;
- a LocalStack queue, a Pub/Sub emulator's topic and subscription, and a Vault dev server's
  secret path are created by a
  service the app waits for, under the names the app reads.

Usage: check-compose.py OPERATIONS_MD...
       check-compose.py --must-find TEXT [--must-find TEXT…] OPERATIONS_MD...
The second form checks the checker: it passes only when every TEXT is among the problems
found (tests/tools/fixtures/compose-broken holds a stack with one defect of each kind).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urlsplit

import yaml  # python3-yaml, which docker-compose depends on

# What each official image refuses to start without (from the images' documentation).
# The port each image serves, to tell which .env addresses the stack itself provides.
PORT_OF_IMAGE = {"postgres": 5432, "mysql": 3306, "mongo": 27017, "redis": 6379, "memcached": 11211,
                 "rabbitmq": 5672, "kafka": 9092, "localstack": 4566, "google-cloud-cli": 8085,
                 "jaeger": 4318, "vault": 8200}

REQUIRED_BY_IMAGE = {
    "postgres": [["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"]],
    "mysql": [["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"]],
}


WARNINGS = []


def compose_command():
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return None


def compose_block(markdown):
    for block in re.findall(r"^```yaml\n(.*?)^```", markdown, re.S | re.M):
        if block.startswith("services:"):
            return block
    return None


def read_env(path):
    """{name: (value, required)} from a .env.example; REQUIRED is said in the comment above."""
    values = {}
    comment = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                comment = line
                continue
            m = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line)
            if m:
                values[m.group(1)] = (m.group(2).strip("'\""), comment.startswith("# REQUIRED"))
            comment = ""
    return values


def address(value):
    """(host, port) of a URL or host:port value; None when it is neither."""
    first = value.split(",")[0]
    if "://" in first:
        try:
            u = urlsplit(first)
            return (u.hostname, u.port)
        except ValueError:
            return None
    m = re.match(r"^([a-z][a-z0-9.-]*):(\d+)$", first)
    return (m.group(1), int(m.group(2))) if m else None


def environment_of(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: ("" if v is None else str(v)) for k, v in env.items()}


def check(operations_md, command):
    problems = []
    with open(operations_md, encoding="utf-8") as f:
        block = compose_block(f.read())
    if block is None:
        return None  # no containers in this project: nothing to start
    env_example = os.path.join(os.path.dirname(os.path.dirname(operations_md)), ".env.example")
    with tempfile.TemporaryDirectory() as scratch:
        with open(os.path.join(scratch, "compose.yaml"), "w", encoding="utf-8") as f:
            f.write(block)
        shutil.copyfile(env_example, os.path.join(scratch, ".env"))
        open(os.path.join(scratch, "Dockerfile"), "w").close()
        run = subprocess.run(command + ["-f", "compose.yaml", "config"], cwd=scratch, capture_output=True, text=True)
        if run.returncode != 0:
            return [f"compose rejects the file: {run.stderr.strip()}"]
        config = yaml.safe_load(run.stdout)
        written = yaml.safe_load(block)  # the app's own environment, before .env is merged in
        dotenv = read_env(os.path.join(scratch, ".env"))

    services = config.get("services", {})
    for name, service in services.items():
        image = str(service.get("image", "")).split(":")[0].split("/")[-1]
        env = environment_of(service)
        for alternatives in REQUIRED_BY_IMAGE.get(image, []):
            if not any(env.get(key) for key in alternatives):
                problems.append(f"service {name} ({image}) starts without any of {', '.join(alternatives)}")

    app = services.get("app")
    if app is None:
        return problems + ["no app service"]
    app_env = environment_of(written["services"]["app"])
    served = {PORT_OF_IMAGE.get(str(s.get("image", "")).split(":")[0].split("/")[-1]) for s in services.values()}
    for key, (value, required) in dotenv.items():
        where = address(value)
        if where is None or not str(where[0]).startswith("localhost") or key in app_env:
            continue
        if where[1] in served or (required and where[0] != "localhost"):
            problems.append(f"the app reads {key}={value} from .env: inside its container that is not the service")
        else:
            WARNINGS.append(f"{key}={value}: nothing in the stack serves it")
    for key, value in app_env.items():
        where = address(value)
        if where is not None and where[0] not in services:
            problems.append(f"the app's {key} points at {where[0]}, which is no service of the file")

    images = {name: str(s.get("image", "")) for name, s in services.items()}
    if any("localstack" in image for image in images.values()):
        queue_url = app_env.get("SQS_QUEUE_URL", dotenv.get("SQS_QUEUE_URL", ("", False))[0])
        queue = queue_url.rstrip("/").rsplit("/", 1)[-1]
        creators = [name for name, s in services.items()
                    if "create-queue" in " ".join(map(str, (s.get("command") or [])))
                    and f"--queue-name {queue}" in " ".join(map(str, (s.get("command") or [])))]
        if not queue:
            problems.append("LocalStack runs but the app reads no SQS_QUEUE_URL")
        elif not creators:
            problems.append(f"LocalStack starts with no queues and nothing creates {queue}")
        else:
            waits = (app.get("depends_on") or {}).get(creators[0], {})
            if waits.get("condition") != "service_completed_successfully":
                problems.append(f"the app does not wait for {creators[0]} to create the queue")
    if any("emulators" in image for image in images.values()):
        def read(key):
            return app_env.get(key, dotenv.get(key, ("", False))[0])
        project = read("GOOGLE_CLOUD_PROJECT")
        wanted = {"topic": f"/v1/projects/{project}/topics/{read('PUBSUB_TOPIC')}",
                  "subscription": f"/v1/projects/{project}/subscriptions/{read('PUBSUB_SUBSCRIPTION')}"}
        for what, path in wanted.items():
            creators = [name for name, s in services.items()
                        if "-X PUT" in " ".join(map(str, (s.get("command") or [])))
                        and re.search(re.escape(path) + r"(?![\w-])", " ".join(map(str, (s.get("command") or []))))]
            if not creators:
                problems.append(f"the Pub/Sub emulator starts empty and nothing creates the {what} {path}")
            elif ((app.get("depends_on") or {}).get(creators[0], {}).get("condition")
                  != "service_completed_successfully"):
                problems.append(f"the app does not wait for {creators[0]} to create the {what}")
    if any(image.split(":")[0].endswith("/vault") for image in images.values()):
        # kv version 2 reads secret/data/PATH; `vault kv put secret/PATH` writes it.
        path = app_env.get("VAULT_SECRET_PATH", dotenv.get("VAULT_SECRET_PATH", ("", False))[0])
        written_path = path.replace("/data/", "/", 1)
        creators = [name for name, s in services.items()
                    if re.search(r"vault kv put " + re.escape(written_path) + r"\s",
                                 " ".join(map(str, (s.get("command") or []))))]
        if not path:
            problems.append("Vault runs but the app reads no VAULT_SECRET_PATH")
        elif not creators:
            problems.append(f"the Vault dev server starts empty and nothing writes {path}")
        elif ((app.get("depends_on") or {}).get(creators[0], {}).get("condition")
              != "service_completed_successfully"):
            problems.append(f"the app does not wait for {creators[0]} to write the secrets")
    return problems


def main():
    args = sys.argv[1:]
    must_find = []
    while len(args) >= 2 and args[0] == "--must-find":
        must_find.append(args[1])
        args = args[2:]
    command = compose_command()
    if command is None:
        print("check-compose: neither docker-compose nor docker compose is installed", file=sys.stderr)
        return 2
    failed = 0
    checked = 0
    found = []
    for path in args:
        problems = check(path, command)
        if problems is None:
            continue
        checked += 1
        found += problems
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        for w in WARNINGS:
            print(f"{path}: warning: {w}")
        WARNINGS.clear()
        failed += bool(problems)
    if must_find:
        missed = [text for text in must_find if not any(text in p for p in found)]
        for text in missed:
            print(f"check-compose: the checker missed: {text}", file=sys.stderr)
        return 1 if missed else 0
    print(f"check-compose: {checked - failed} of {checked} local stacks pass ({' '.join(command)} config)")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
