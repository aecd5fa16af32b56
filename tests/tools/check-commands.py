#!/usr/bin/python3
"""Every shell command that docs/operations.md prints can be pasted into a shell as written.

Commands are taken from each operations.md given: every logical line of a ```bash, ```sh,
```shell or ```console block (backslash continuations joined; comments and blank lines
skipped; in a console block only the `$ ` lines), and every inline code span whose first
word is one of COMMAND_WORDS. Each must:

- parse: `bash -n` accepts it;
- have no unquoted `<word>` placeholder: bash -n accepts `--cluster <cluster>`, but pasted it
  is a redirection from a file named cluster. Quoted ('<cluster>', "<cluster>") is fine;
- have no `...` or `…` standing for an argument;
- for the tools of TOOLS, which packaging/setup-debian.sh --tests installs from Debian: use
  subcommands and flags that the tool's own offline help lists (`aws ecs update-service
  help`, `kubectl rollout undo --help`, `psql --help`, …; global flags such as kubectl's
  -n may stand before the subcommand). Flags are checked by name only, not what they mean
  together. Every other command word is only parsed, and the summary says so.

A checked tool that is missing fails the run naming its package: skipping would pass
documents nobody checked. Tools are taken from /usr/bin only: another one first on PATH
(a pip-installed aws 1.x, say) knows other subcommands than Debian's.

Usage: check-commands.py [--list] OPERATIONS_MD...
       check-commands.py --must-find TEXT [--must-find TEXT…] OPERATIONS_MD...
--list prints every command found with its file:line. The second form checks the checker:
it passes only when every TEXT is among the problems found and nothing else is
(tests/tools/fixtures/commands-broken holds one defect of each kind among correct lines).
"""

import os
import re
import shlex
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

# An inline code span is taken as a command when its first word is one of these.
COMMAND_WORDS = """
aws az gcloud kubectl helm psql pg_dump pg_restore pg_isready mysql mysqldump redis-cli
mongosh mongodump mongorestore docker docker-compose curl fly flyctl heroku render railway
npx npm yarn pnpm python python3 alembic flask go migrate goose flyway liquibase bundle
bin/rails dotnet mvn ./gradlew cargo diesel systemctl journalctl ssh nomad oc argocd
kustomize vercel doctl
""".split()

SHELL_FENCES = {"bash", "sh", "shell", "console"}

# The tools checked against their help: the Debian package that brings each, and how its
# help is asked for. "aws": `aws PATH help`; "cobra": `tool PATH --help` (kubectl, and
# Compose v1 and v2 alike); "plain": one help text, no subcommands. The "globals" command
# prints the flags allowed before and after any subcommand (kubectl keeps them apart).
# "stop_at_arg": options end at the first argument after the subcommand (redis-cli's
# arguments are a Redis command; Compose's after the service belong to the container).
# azure-cli (az) is not here: Debian 12's installs 663 MB (60 packages) for one command word.
TOOLS = {
    "aws": dict(package="awscli", style="aws"),
    "kubectl": dict(package="kubernetes-client", style="cobra", globals=["options"]),
    "docker-compose": dict(package="docker-compose", style="cobra", stop_at_arg=True),
    "psql": dict(package="postgresql-client", style="plain"),
    "pg_dump": dict(package="postgresql-client", style="plain"),
    "pg_restore": dict(package="postgresql-client", style="plain"),
    "pg_isready": dict(package="postgresql-client", style="plain"),
    "mysql": dict(package="default-mysql-client", style="plain"),
    "mysqldump": dict(package="default-mysql-client", style="plain"),
    "redis-cli": dict(package="redis-tools", style="plain", stop_at_arg=True),
    "curl": dict(package="curl", style="plain", help=["--help", "all"]),
}

# Help runs offline and the same for everyone: no pager, no user configuration, a region so
# aws does not complain, English messages.
HELP_ENV = dict(os.environ, AWS_PAGER="", PAGER="cat", AWS_DEFAULT_REGION="us-east-1",
                AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
                KUBECONFIG="/nonexistent", LC_ALL="C.UTF-8")

PLACEHOLDER = re.compile(r"<[A-Za-z][A-Za-z0-9_.-]*>")
OPERATORS = {"|", "||", "&&", ";", "&", "(", ")", ";;", "|&", "\n"}
PARSED_ONLY = "not checked (not packaged by Debian / not installed)"


def extract(path):
    """[(line number, command)] from one operations.md, in document order."""
    commands = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    fence = None  # (marker, info) while inside a fenced block
    pending = None  # (line number, text so far) of a command continued on the next line
    for number, line in enumerate(lines, 1):
        if fence is None:
            m = re.match(r"^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)", line)
            if m:
                fence = (m.group(1), m.group(2).lower())
                continue
            commands += inline_commands(number, line)
            continue
        if re.match(r"^ {0,3}" + re.escape(fence[0][0]) + "{%d,}\\s*$" % len(fence[0]), line):
            fence = None
            pending = None
            continue
        if fence[1] not in SHELL_FENCES:
            continue
        if pending is None:
            text = line.strip()
            if fence[1] == "console":
                if not text.startswith("$ "):
                    continue  # output, not a command
                text = text[2:]
            if not text or text.startswith("#"):
                continue
            pending = (number, text)
        else:
            pending = (pending[0], pending[1] + " " + line.strip())
        # A trailing backslash (or pipe, or && / ||) carries the command to the next line.
        text = pending[1]
        if re.search(r"(?<!\\)(\\\\)*\\$", text):
            pending = (pending[0], text[:-1].rstrip())
        elif not re.search(r"(\||&&)$", text):
            commands.append(pending)
            pending = None
    return commands


def inline_commands(number, line):
    found = []
    table_row = line.lstrip().startswith("|")
    for m in re.finditer(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", line):
        text = m.group(2).strip()
        if table_row:
            text = text.replace("\\|", "|")  # a pipe in a table cell is written \|
        words = text.split()
        if words and words[0] in COMMAND_WORDS:
            found.append((number, text))
    return found


def unquoted_placeholders(command):
    """The <word> placeholders outside quotes, and the command with each one replaced by a
    plain word, so the rest of it can still be checked."""
    found, out, quote, i = [], [], None, 0
    while i < len(command):
        c = command[i]
        if quote is None and c == "\\" or quote == '"' and c == "\\":
            out.append(command[i:i + 2])
            i += 2
            continue
        if quote is None and c in "'\"":
            quote = c
        elif c == quote:
            quote = None
        elif quote is None and c == "<":
            m = PLACEHOLDER.match(command, i)
            if m and command[i - 1:i] != "<":  # not a here-document's <<WORD>
                found.append(m.group(0))
                out.append("PLACEHOLDER")
                i = m.end()
                continue
        out.append(c)
        i += 1
    return found, "".join(out)


def bash_syntax(command):
    run = subprocess.run(["/bin/bash", "-n"], input=command, capture_output=True, text=True)
    if run.returncode == 0:
        return None
    # bash prints "/bin/bash: line 1: syntax error near …", then the line itself again.
    return re.sub(r"^\S*bash: (line \d+: )?", "", run.stderr.strip().splitlines()[0])


def simple_commands(command):
    """Each simple command of a line, as words: split at | && ; ( ) and $( ), with variable
    assignments, sudo and redirections taken out."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    tokens = list(lexer)
    result, words, skip = [], [], False
    for t in tokens + [";"]:
        if skip:
            skip = False
        elif t in OPERATORS or t == "$":
            if words:
                result.append(words)
            words = []
        elif re.fullmatch(r"[<>&]+", t):
            if words and words[-1].isdigit():
                words.pop()  # the 2 of 2>
            skip = True  # the redirection's target
        elif not words and (re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", t) or t == "sudo"):
            continue
        else:
            words.append(t)
    return result


class Helps:
    """The tools' help texts, asked for once per subcommand path (aws takes a second or two
    to render each), by whichever command's thread needs it first."""

    def __init__(self):
        self.cache, self.locks, self.lock = {}, {}, threading.Lock()

    def text(self, tool, args):
        key = (tool,) + tuple(args)
        with self.lock:
            lock = self.locks.setdefault(key, threading.Lock())
        with lock:
            if key in self.cache:
                return self.cache[key]
            run = subprocess.run(["/usr/bin/" + tool] + list(args), capture_output=True, text=True,
                                 env=HELP_ENV, stdin=subprocess.DEVNULL, timeout=120)
            text = re.sub(r".\x08", "", run.stdout)  # aws renders its man pages with overstrikes
            self.cache[key] = (run.returncode, text)
            return self.cache[key]

    def of(self, tool, path):
        style = TOOLS[tool]["style"]
        if style == "aws":
            return self.text(tool, path + ["help"])
        if style == "cobra":
            return self.text(tool, path + ["--help"])
        return self.text(tool, TOOLS[tool].get("help", ["--help"]))

    def global_flags(self, tool):
        return self.text(tool, TOOLS[tool]["globals"])[1] if "globals" in TOOLS[tool] else ""


def subcommands(style, text):
    """The subcommands a help text lists; None when it lists none."""
    if style == "aws":
        m = re.search(r"^AVAILABLE (?:SERVICES|COMMANDS|WAITERS)\n(.*?)(?=^\S|\Z)", text, re.S | re.M)
        return set(re.findall(r"^\s+o (\S+)$", m.group(1), re.M)) if m else None
    if style == "cobra":
        names = set()
        for block in re.findall(r"^(?:[A-Z][\w ()-]*)?Commands[^:\n]*:\n(.*?)(?=\n\s*\n|\Z)", text, re.S | re.M):
            names |= set(re.findall(r"^  ([a-z][\w-]*)(?:,\s*\S+)?\s{2,}", block, re.M))
        return names or None
    return None


def has_flag(text, flag):
    return re.search(r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])", text) is not None


def takes_value(text, flag):
    """2 when the help text shows a value after the flag (`--cluster <value>`, `-c,
    --command=COMMAND`, `-n, --namespace='':`, `--region (string)`); 1 when the value is
    optional and so only ever attached (mysql's `-p, --password[=name]`: -p"$PW"); 0 for a
    switch (`=false:` marks one in kubectl's help, `(boolean)` in aws's)."""
    # The first line that starts with the flag, or with its other names (`-c, --command`).
    for line in text.splitlines():
        m = re.search(r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])", line)
        if m and re.fullmatch(r"[\s\[]*(?:-[\w?-]+(?:[,|]\s*|\s+))*", line[:m.start()]):
            break
    else:
        return 0
    spec = re.split(r"\s{2,}|\t", line[m.start():].strip())[0]
    if "[=" in spec:
        return 1
    if re.search(r"=(false|true)\b|\(boolean\)", spec):
        return 0
    return 2 if re.search(r"[=<]|\(\w+\)| [A-Z][A-Z_]+\b", spec) else 0


def check_tool(tool, words, helps, flags=True):
    """Problems with the subcommand and (unless flags is false) the flags of one simple
    command of a checked tool."""
    style, stop_at_arg = TOOLS[tool]["style"], TOOLS[tool].get("stop_at_arg", False)
    path, args, problems = [], words[1:], []
    code, text = helps.of(tool, path)
    context = text + helps.global_flags(tool)
    i, after_path = 0, style == "plain"
    while i < len(args):
        word = args[i]
        if word == "--":
            break
        if word.startswith("-") and len(word) > 1:
            problems += check_flag(word, context, " ".join([tool] + path)) if flags else []
            if "=" not in word and (word.startswith("--") or len(word) == 2) \
                    and takes_value(context, word) == 2:
                i += 1  # its value
        elif not after_path and subcommands(style, text) is not None:
            if word not in subcommands(style, text):
                return [f"unknown subcommand '{word}' of '{' '.join([tool] + path)}'"]
            path.append(word)
            code, text = helps.of(tool, path)
            if code != 0:
                return [f"'{' '.join([tool] + path)}' has no help (exit {code})"]
            context = text + helps.global_flags(tool)
            after_path = subcommands(style, text) is None
            if style == "aws":
                context += helps.of(tool, [])[1]  # aws's global options
        elif stop_at_arg and (after_path or style == "plain"):
            break
        else:
            after_path = True
        i += 1
    return problems


def check_flag(word, context, where):
    if word.startswith("--"):
        name = word.split("=", 1)[0]
        return [] if has_flag(context, name) else [f"unknown flag {name} for '{where}'"]
    for letter in word[1:]:  # a cluster of short flags, such as curl's -fsS
        if not has_flag(context, "-" + letter):
            return [f"unknown flag -{letter} for '{where}'"]
        if takes_value(context, "-" + letter):
            break  # the rest is its value, as in -p5432
    return []


def check(command, helps):
    """(problems, the checked tools it runs, the other command words it runs)."""
    problems, checked, parsed = [], [], []
    placeholders, sanitized = unquoted_placeholders(command)
    syntax = bash_syntax(command)
    # A placeholder at the end (`--desired-count <count>`) is also a syntax error; say so
    # with the placeholder, and check the rest of the command with a word in its place.
    own_syntax = bash_syntax(sanitized) if syntax and placeholders else syntax
    for n, p in enumerate(placeholders, 1):
        last = n == len(placeholders) and syntax and not own_syntax
        problems.append(f"unquoted placeholder {p}: the shell would read it as a redirection; "
                        "use a quoted value or a shell variable" + (f" (bash -n: {syntax})" if last else ""))
    if own_syntax:
        return problems + [f"syntax error (bash -n): {own_syntax}"], checked, parsed
    try:
        commands = simple_commands(sanitized)
    except ValueError as e:
        return problems + [f"shlex cannot split it: {e}"], checked, parsed
    for words in commands:
        if any(w in ("...", "…") or re.search(r"=(\.\.\.|…)$", w) for w in words):
            problems.append("'...' as an argument: pasted, it is passed as is")
        tool, flags = words[0], True
        if tool == "docker" and words[1:2] == ["compose"]:
            # Compose v2's command: the same subcommands as Debian 12's docker-compose 1.29,
            # but flags of its own (up --wait), so only the subcommand is checked there.
            tool, words, flags = "docker-compose", ["docker-compose"] + words[2:], False
        if tool in TOOLS:
            checked.append(tool)
            problems += check_tool(tool, words, helps, flags)
        elif tool in COMMAND_WORDS:
            parsed.append(tool)
    return problems, checked, parsed


def main():
    args = sys.argv[1:]
    must_find, listing = [], False
    while args and args[0] in ("--must-find", "--list"):
        if args[0] == "--list":
            listing, args = True, args[1:]
        else:
            must_find.append(args[1])
            args = args[2:]
    missing = sorted({f"{t} (package {c['package']})" for t, c in TOOLS.items()
                      if not os.access("/usr/bin/" + t, os.X_OK)})
    if missing:
        print(f"check-commands: missing from /usr/bin: {', '.join(missing)}; "
              "packaging/setup-debian.sh --tests installs them", file=sys.stderr)
        return 2
    helps, tally = Helps(), {"checked": Counter(), "parsed": Counter()}
    commands = [(path, number, command) for path in args for number, command in extract(path)]
    # Each command costs a few processes (bash -n, the help it needs first): check each
    # distinct one once (the cases share most), side by side.
    distinct = sorted({command for _, _, command in commands})
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
        results = dict(zip(distinct, pool.map(lambda command: check(command, helps), distinct)))
    found, total, bad = [], len(commands), 0
    for path, number, command in commands:
        problems, checked, parsed = results[command]
        if listing:
            print(f"{path}:{number}: {command}")
        tally["checked"].update(checked)
        tally["parsed"].update(parsed)
        bad += bool(problems)
        for p in problems:
            found.append(p)
            print(f"{path}:{number}: {p}\n    {command}", file=sys.stderr)
    checked = ", ".join(f"{t} ({n})" for t, n in sorted(tally["checked"].items()))
    parsed = ", ".join(f"{t} ({n})" for t, n in sorted(tally["parsed"].items()))
    print(f"check-commands: checked against their help: {checked or 'none'}")
    print(f"check-commands: only parsed, {PARSED_ONLY}: {parsed or 'none'}")
    if must_find:
        missed = [t for t in must_find if not any(t in p for p in found)]
        extra = [p for p in found if not any(t in p for t in must_find)]
        for t in missed:
            print(f"check-commands: the checker missed: {t}", file=sys.stderr)
        for p in extra:
            print(f"check-commands: the checker wrongly reported: {p}", file=sys.stderr)
        return 1 if missed or extra else 0
    print(f"check-commands: {total - bad} of {total} commands pass in {len(args)} files")
    return 1 if bad or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
