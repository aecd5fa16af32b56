#!/usr/bin/env node
// Checks .env files with npm dotenv: every line parses, no key is defined twice.
//
// Usage: node check-dotenv.mjs [--expect VALUES.json] FILE…
//   --expect  a JSON object of KEY → value that dotenv must read back from each FILE
//             (used to prove that escaped values survive the round trip)
//
// Each line must be blank, a # comment, or KEY=VALUE with a portable name
// ([A-Za-z_][A-Za-z0-9_]*, an optional "export "), a value that dotenv reads on that line
// alone (a quoted value closes on its own line; multi-line values are written with \n),
// and dotenv must read the whole file as the same keys. Prints "file: KEY KEY …" for a
// good file, "file:line: error: …" per problem.
// Exit status: 0 all good, 1 problems found, 2 bad usage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv');

function usage(message) {
    if (message)
        console.error(`check-dotenv: ${message}`);
    console.error('usage: node check-dotenv.mjs [--expect VALUES.json] FILE…');
    process.exit(2);
}

const assignment = /^\s*(?:export\s+)?([A-Za-z0-9_.-]+)\s*=(.*)$/;
const portableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

// A value starting with a quote must close with that quote on the same line, followed only
// by spaces and an optional comment; dotenv would otherwise read on into later lines.
function quoteProblem(value) {
    const v = value.trimStart();
    const q = v[0];
    if (q !== '"' && q !== "'" && q !== '`')
        return null;
    const closed = new RegExp(`^${q}(?:\\\\${q}|[^${q}])*${q}\\s*(?:#.*)?$`);
    return closed.test(v) ? null : `quoted value does not close on its line: ${v}`;
}

function checkFile(file, expected) {
    const problems = [];
    let text;
    try {
        text = readFileSync(file, 'utf8');
    } catch (e) {
        return { problems: [`${file}: error: ${e.message}`], keys: [] };
    }
    const lines = text.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '')
        lines.pop();
    const seen = new Map();
    lines.forEach((line, i) => {
        const where = `${file}:${i + 1}`;
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const m = assignment.exec(line);
        if (!m) {
            problems.push(`${where}: error: not a comment or KEY=VALUE: ${line}`);
            return;
        }
        const key = m[1];
        if (!portableName.test(key))
            problems.push(`${where}: error: '${key}' is not a portable variable name`);
        const quote = quoteProblem(m[2]);
        if (quote)
            problems.push(`${where}: error: ${quote}`);
        const alone = dotenv.parse(line);
        if (!Object.prototype.hasOwnProperty.call(alone, key) || Object.keys(alone).length !== 1)
            problems.push(`${where}: error: dotenv does not read this line as ${key}`);
        if (seen.has(key))
            problems.push(`${where}: error: duplicate key ${key} (first defined on line ${seen.get(key)})`);
        else
            seen.set(key, i + 1);
    });

    const parsed = dotenv.parse(text);
    const keys = [...seen.keys()];
    const parsedKeys = Object.keys(parsed);
    if (parsedKeys.length !== keys.length || parsedKeys.some(k => !seen.has(k)))
        problems.push(`${file}: error: dotenv reads the keys [${parsedKeys.join(' ')}], the lines define [${keys.join(' ')}]`);
    if (expected) {
        for (const [key, value] of Object.entries(expected)) {
            if (parsed[key] !== value)
                problems.push(`${file}:${seen.get(key) ?? 0}: error: ${key} reads back as ${JSON.stringify(parsed[key])}, expected ${JSON.stringify(value)}`);
        }
    }
    return { problems, keys };
}

const args = process.argv.slice(2);
let expected = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--expect') {
        const path = args[++i];
        if (!path)
            usage('--expect needs a file');
        try {
            expected = JSON.parse(readFileSync(path, 'utf8'));
        } catch (e) {
            usage(`${path}: ${e.message}`);
        }
    } else if (args[i] === '-h' || args[i] === '--help') {
        usage();
    } else {
        files.push(args[i]);
    }
}
if (files.length === 0)
    usage('no files given');

let failed = false;
for (const file of files) {
    const { problems, keys } = checkFile(file, expected);
    if (problems.length) {
        failed = true;
        problems.forEach(p => console.log(p));
    } else {
        console.log(`${file}: ${keys.join(' ')}`);
    }
}
process.exit(failed ? 1 : 0);
