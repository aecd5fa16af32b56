#!/usr/bin/env node
// Lints markdown files with markdownlint-cli2 and the committed structural rules.
//
// Usage: node check-markdown.mjs FILE…
//
// The rules are .markdownlint-cli2.jsonc beside this script (headings, fences with a
// language, no trailing spaces, table column counts, a single h1, no raw HTML but <br>;
// line length is not checked). Paths are taken literally, never as globs. Prints
// markdownlint's "file:line:column rule description" per problem.
// Exit status: 0 clean, 1 problems found, 2 bad usage or a missing tool.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const config = join(here, '.markdownlint-cli2.jsonc');

const files = process.argv.slice(2);
if (files.length === 0 || files.includes('-h') || files.includes('--help')) {
    console.error('usage: node check-markdown.mjs FILE…');
    process.exit(2);
}
if (!existsSync(cli)) {
    console.error(`check-markdown: ${cli} is missing; run "npm ci" in ${here}`);
    process.exit(2);
}
for (const file of files) {
    if (!existsSync(file)) {
        console.error(`check-markdown: ${file}: no such file`);
        process.exit(2);
    }
}
// "--" makes markdownlint-cli2 take the remaining arguments as literal paths.
const result = spawnSync(process.execPath, [cli, '--config', config, '--', ...files.map(f => resolve(f))],
                         { stdio: 'inherit' });
if (result.error) {
    console.error(`check-markdown: ${result.error.message}`);
    process.exit(2);
}
process.exit(result.status === 0 ? 0 : (result.status === 2 ? 2 : 1));
