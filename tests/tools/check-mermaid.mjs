#!/usr/bin/env node
// Parses and renders every mermaid diagram in the given files with the real mermaid library.
//
// Usage: node check-mermaid.mjs [--out DIR] [--jobs N] FILE…
//   FILE       a markdown file (every ```mermaid fence is checked) or a .mmd file (whole file)
//   --out DIR  also write each rendered diagram to DIR as NAME-N.svg and a screenshot NAME-N.png
//   --jobs N   pages rendering at once (default: half the CPUs, 1 to 4)
//
// Prints "file:line: OK" per diagram (line = the fence's first diagram line) or
// "file:line: error: …" with the line of the error inside the file when mermaid names one.
// Exit status: 0 when every diagram parsed and rendered, 1 when one failed, 2 on bad usage.
//
// Needs `npm ci` in this directory (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) and Debian's chromium
// at /usr/bin/chromium (override with CHROMIUM=/path). No network is used: mermaid is loaded
// from node_modules into blank pages; one browser serves all files.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const mermaidDist = join(here, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

function usage(message) {
    if (message)
        console.error(`check-mermaid: ${message}`);
    console.error('usage: node check-mermaid.mjs [--out DIR] [--jobs N] FILE…');
    process.exit(2);
}

// Every ```mermaid fence of a markdown file, with the 1-based line of its first diagram line.
// Fences follow CommonMark: up to three spaces of indent, ``` or ~~~ of length ≥ 3, closed
// by the same character at least as long.
function diagramsInMarkdown(text) {
    const lines = text.split(/\r?\n/);
    const diagrams = [];
    let open = null;
    for (let i = 0; i < lines.length; ++i) {
        const line = lines[i];
        if (!open) {
            const m = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
            if (m)
                open = { fence: m[1], isMermaid: m[2].toLowerCase() === 'mermaid', start: i + 2, body: [] };
            continue;
        }
        const close = new RegExp(`^ {0,3}${open.fence[0] === '`' ? '`' : '~'}{${open.fence.length},}\\s*$`);
        if (close.test(line)) {
            if (open.isMermaid)
                diagrams.push({ line: open.start, source: open.body.join('\n') });
            open = null;
        } else {
            open.body.push(line);
        }
    }
    if (open && open.isMermaid)
        diagrams.push({ line: open.start, source: open.body.join('\n'), unclosed: true });
    return diagrams;
}

function diagramsInFile(file) {
    const text = readFileSync(file, 'utf8');
    if (extname(file).toLowerCase() === '.mmd')
        return [{ line: 1, source: text }];
    return diagramsInMarkdown(text);
}

// Mermaid's messages say "Parse error on line N" counting from the diagram's first line.
function fileLineOf(diagram, message) {
    const m = /on line (\d+)/.exec(message);
    return m ? diagram.line + Number(m[1]) - 1 : diagram.line;
}

const args = process.argv.slice(2);
let outDir = null;
let jobs = Math.max(1, Math.min(4, Math.floor(cpus().length / 2)));
const files = [];
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--out') {
        outDir = args[++i];
        if (!outDir)
            usage('--out needs a directory');
    } else if (args[i] === '--jobs') {
        jobs = Number(args[++i]);
        if (!Number.isInteger(jobs) || jobs < 1)
            usage('--jobs needs a positive number');
    } else if (args[i] === '-h' || args[i] === '--help') {
        usage();
    } else {
        files.push(args[i]);
    }
}
if (files.length === 0)
    usage('no files given');
if (!existsSync(mermaidDist))
    usage(`${mermaidDist} is missing; run "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci" in ${here}`);
if (outDir)
    mkdirSync(outDir, { recursive: true });

// Every diagram of every file, in order; results are printed in this order too.
const tasks = [];
let failures = 0;
for (const file of files) {
    try {
        for (const [index, diagram] of diagramsInFile(file).entries())
            tasks.push({ file, index, diagram });
    } catch (e) {
        console.log(`${file}: error: ${e.message}`);
        ++failures;
    }
}

// A blank page with mermaid loaded. Nothing may come from the network.
async function mermaidPage(browser) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.route('**/*', route => route.abort());
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
                          + '<body style="margin:0;background:white"><div id="out"></div></body></html>');
    await page.addScriptTag({ path: mermaidDist });
    await page.evaluate(() => {
        window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    });
    return page;
}

async function check(page, task, id) {
    const { file, index, diagram } = task;
    if (diagram.unclosed)
        return { text: `${file}:${diagram.line - 1}: error: mermaid fence is never closed`, failed: true };
    const result = await page.evaluate(async ({ source, id, keep }) => {
        try {
            await window.mermaid.parse(source);
            const { svg } = await window.mermaid.render(id, source);
            if (keep)
                document.getElementById('out').innerHTML = svg;
            return { svg };
        } catch (e) {
            return { error: String(e && e.message ? e.message : e) };
        }
    }, { source: diagram.source, id, keep: !!outDir });
    if (result.error) {
        const message = result.error.split('\n').filter(l => l.trim()).join(' | ');
        return { text: `${file}:${fileLineOf(diagram, result.error)}: error: ${message}`, failed: true };
    }
    if (outDir) {
        const name = `${basename(file, extname(file))}-${index + 1}`;
        writeFileSync(join(outDir, `${name}.svg`), result.svg);
        await page.locator('#out > svg').screenshot({ path: join(outDir, `${name}.png`) });
    }
    return { text: `${file}:${diagram.line}: OK`, failed: false };
}

const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
    // One browser, a few pages taking tasks in turn; output stays in input order.
    const results = new Array(tasks.length);
    let next = 0;
    let printed = 0;
    const flush = () => {
        while (printed < tasks.length && results[printed]) {
            console.log(results[printed].text);
            if (results[printed].failed)
                ++failures;
            ++printed;
        }
    };
    const worker = async () => {
        const page = await mermaidPage(browser);
        while (next < tasks.length) {
            const n = next++;
            results[n] = await check(page, tasks[n], `diagram${n}`);
            flush();
        }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, tasks.length)) }, worker));
} finally {
    await browser.close();
}
process.exit(failures ? 1 : 0);
