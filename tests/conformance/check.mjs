// Conformance checks for Mintlify site folders, using Mintlify's own packages.
//
//   node check.mjs SITE_DIR [SITE_DIR ...]
//
// Prints one line per check per site: "ok   <check>  <site>" or "FAIL <check>  <site>: <why>".
// Checks 1-5 run here, and check 7 (differential, differential.mjs) on sites with a spec; check 6 (llms-txt) runs the Python reference parser, check_llms_txt.py,
// with the interpreter named by $CONFORMANCE_PYTHON (the run script points it at its venv).
// Exit status: 0 when every check of every site passed, 1 otherwise.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { compile } from '@mdx-js/mdx';
import { lockedPages } from './lock.mjs';
import { docsConfigJsonSchema } from '@mintlify/validation';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { JSDOM } from 'jsdom';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

// Mermaid needs a DOM even to parse: install a jsdom window on globalThis first, then import it.
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser',
  'XMLSerializer', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame']) {
  if (!(key in globalThis) || key === 'window' || key === 'document') {
    Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
  }
}
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
// Check 7 (differential.mjs), for sites compiled from a spec (with a personas/ folder).
const { differential } = await import('./differential.mjs');

// The strict docs.json validator (see check 1), compiled once.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateDocsJson = ajv.compile(docsConfigJsonSchema);

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Problem messages go on one report line.
const oneLine = (s) => String(s).replace(/\s*\n\s*/g, ' ').trim();
const CHECKS = ['docs-json-schema', 'prebuild-strict', 'snippet-fixed-point', 'mdx-compile', 'mermaid-parse', 'llms-txt'];

// ---------------------------------------------------------------------------------------------
// Site model: docs.json, its navigation page ids, and their .mdx sources.

// Page ids of the navigation, in order, without duplicates. Page ids sit in every `pages` array
// (strings; objects in that array are nested groups) and in a group's `root`; the walk
// goes through every nesting level (products, versions, languages, tabs, anchors, dropdowns,
// groups, ...). External URLs are not pages.
function navigationPageIds(docsConfig) {
  const ids = [];
  const add = (id) => {
    if (typeof id === 'string' && !/^[a-z]+:\/\//i.test(id) && !ids.includes(id)) ids.push(id);
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pages' && Array.isArray(value)) value.forEach((p) => (typeof p === 'string' ? add(p) : walk(p)));
      else if (key === 'root') add(value);
      else walk(value);
    }
  };
  walk(docsConfig.navigation);
  return ids;
}

// Root-absolute .jsx imports of an MDX source: `import { A, B } from "/snippets/x.jsx"`
// gives { path: "/snippets/x.jsx", names: ["A", "B"] }.
function snippetImports(source) {
  const re = /^import\s+\{([^}]*)\}\s+from\s+["'](\/[^"']+\.jsx)["'];?\s*$/gm;
  return [...source.matchAll(re)].map((m) => ({
    path: m[2],
    names: m[1].split(',').map((n) => n.trim().split(/\s+/)[0]).filter(Boolean), // "A as B" -> A
  }));
}

// The top-level `export const NAME` blocks of a snippet file, by name: each runs from its
// `export const` line to the next top-level `export` line, without trailing newlines.
function exportBlocks(text) {
  const blocks = new Map();
  for (const chunk of text.split(/^(?=export )/m)) {
    const name = chunk.match(/^export const ([A-Za-z_$][\w$]*)/)?.[1];
    if (name) blocks.set(name, chunk.replace(/\n+$/, ''));
  }
  return blocks;
}

async function loadSite(dir) {
  const siteDir = path.resolve(dir);
  const docsConfig = JSON.parse(await readFile(path.join(siteDir, 'docs.json'), 'utf8'));
  const pages = navigationPageIds(docsConfig).map((id) => {
    const file = path.join(siteDir, `${id}.mdx`);
    return { id, file, exists: existsSync(file) };
  });
  return { siteDir, docsConfig, pages };
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns a list of problem strings (empty = pass).

// 1. docs.json against the strict JSON Schema that @mintlify/validation exports (draft-07).
//    validateDocsConfig() is not used: it silently drops unknown keys.
function checkDocsJsonSchema(site) {
  if (validateDocsJson(site.docsConfig)) return [];
  // The root is an anyOf over themes, so errors repeat once per theme branch: deduplicate.
  const messages = validateDocsJson.errors.map((e) => {
    const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
    return `${e.instancePath || '/'} ${e.message}${extra}`;
  });
  return [...new Set(messages)].slice(0, 5);
}

// 2. What `mint validate` runs: prebuild in strict mode, in its own process (prebuild.mjs) with
//    the site's scratch folder as working directory; the snippet check reads its output there.
//    Started for every site at once (see below), awaited here.
async function checkPrebuildStrict(job) {
  const { code, output } = await job.prebuild;
  if (code === 0) return [];
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return [lines.join(' | ') || `prebuild exited with status ${code}`];
}

function startPrebuild(siteDir, scratch) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(HERE, 'prebuild.mjs'), siteDir], { cwd: scratch });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

// 3. Snippet fixed point: prebuild writes each page with its snippets inlined to
//    <scratch>/src/_props/<page id>.mdx (this is what the Markdown export shows); only the
//    exports a page imports are inlined. Each imported `export const` block of a .jsx snippet
//    must appear there verbatim, i.e. the snippet file must already be in Mintlify's printed form.
async function checkSnippetFixedPoint(site, scratch, prebuildOk) {
  if (!prebuildOk) return ['prebuild failed, no inlined pages to compare'];
  const problems = [];
  for (const page of site.pages.filter((p) => p.exists)) {
    const source = await readFile(page.file, 'utf8');
    const imports = snippetImports(source);
    if (imports.length === 0) continue;
    const inlinedFile = path.join(scratch, 'src', '_props', `${page.id}.mdx`);
    if (!existsSync(inlinedFile)) {
      problems.push(`${page.id}.mdx: prebuild wrote no src/_props/${page.id}.mdx`);
      continue;
    }
    const inlined = await readFile(inlinedFile, 'utf8');
    for (const { path: snippet, names } of imports) {
      const blocks = exportBlocks(await readFile(path.join(site.siteDir, snippet), 'utf8'));
      for (const name of names) {
        const block = blocks.get(name);
        if (block === undefined) {
          problems.push(`${page.id}.mdx: ${snippet} has no top-level \`export const ${name}\``);
        } else if (!inlined.includes(block)) {
          problems.push(`${page.id}.mdx: ${name} from ${snippet} is not inlined byte-for-byte (${firstDifference(block, inlined)})`);
        }
      }
    }
  }
  return problems;
}

// Where the snippet text stops matching the inlined page, for a readable failure message:
// the longest prefix of the snippet found in the page, and the snippet line after it.
function firstDifference(snippet, inlined) {
  const lines = snippet.split('\n');
  let n = 0;
  while (n < lines.length && inlined.includes(lines.slice(0, n + 1).join('\n'))) n++;
  return `snippet line ${n + 1} differs: ${JSON.stringify(lines[n] ?? '')}`;
}

// 4. and 5. Every page compiled with @mdx-js/mdx (remark-frontmatter, remark-gfm); a small
//    remark plugin collects the page's ```mermaid code blocks from the same syntax tree, and
//    each block goes through mermaid.parse().
async function checkMdxAndMermaid(site) {
  const mdxProblems = [];
  const mermaidProblems = [];
  for (const page of site.pages) {
    if (!page.exists) {
      mdxProblems.push(`${page.id}: no file ${page.id}.mdx`);
      continue;
    }
    const blocks = [];
    const collectMermaid = () => (tree) => {
      const visit = (node) => {
        if (node.type === 'code' && node.lang === 'mermaid') blocks.push(node);
        (node.children ?? []).forEach(visit);
      };
      visit(tree);
    };
    try {
      await compile(await readFile(page.file, 'utf8'), {
        remarkPlugins: [remarkFrontmatter, remarkGfm, remarkMath, collectMermaid],
      });
    } catch (err) {
      const where = err.line ? ` line ${err.line}:${err.column}` : '';
      mdxProblems.push(`${page.id}.mdx${where}: ${oneLine(err.reason ?? err.message)}`);
      mermaidProblems.push(`${page.id}.mdx: not checked, the page does not compile`);
      continue;
    }
    for (const [i, block] of blocks.entries()) {
      try {
        await mermaid.parse(block.value);
      } catch (err) {
        mermaidProblems.push(`${page.id}.mdx block ${i + 1} (line ${block.position.start.line}): ${oneLine(err.message)}`);
      }
    }
  }
  return { mdxProblems, mermaidProblems };
}

// 6. The site's root llms.txt, read by the Python reference parser: it must parse, have a title,
//    and list every compiled page (an entry whose URL ends in /<page id>.md). The compiled pages
//    are the .mdx files personamap lists in personas/generated.lock; a site without that file
//    (a hand-made case) must list every navigation page.
function compiledPages(site) {
  const lock = path.join(site.siteDir, 'personas', 'generated.lock');
  if (!existsSync(lock)) return site.pages.map((p) => p.id);
  return lockedPages(readFileSync(lock, 'utf8'));
}

function checkLlmsTxt(siteDir, pageIds) {
  const python = process.env.CONFORMANCE_PYTHON || 'python3';
  const result = spawnSync(python, [path.join(HERE, 'check_llms_txt.py'), siteDir, '--expect-pages', ...pageIds], {
    encoding: 'utf8',
  });
  if (result.status === 0) return [];
  const output = result.stdout.trim() || result.stderr.trim() || result.error?.message || `exit status ${result.status}`;
  return output.split('\n').map(oneLine);
}

// All six checks of one site, printed as they finish; returns whether all passed.
async function checkSite(job) {
  const name = path.basename(job.siteDir);
  let allPassed = true;
  const report = (check, problems) => {
    allPassed &&= problems.length === 0;
    console.log(problems.length === 0 ? `ok   ${check}  ${name}` : `FAIL ${check}  ${name}: ${problems.join('; ')}`);
  };

  let site;
  try {
    site = await loadSite(job.siteDir);
  } catch (err) {
    // Without a readable docs.json none of the checks can run.
    for (const check of CHECKS) report(check, [`cannot read docs.json: ${oneLine(err.message)}`]);
    return false;
  }
  report('docs-json-schema', checkDocsJsonSchema(site));
  const prebuildProblems = await checkPrebuildStrict(job);
  report('prebuild-strict', prebuildProblems);
  report('snippet-fixed-point', await checkSnippetFixedPoint(site, job.scratch, prebuildProblems.length === 0));
  const { mdxProblems, mermaidProblems } = await checkMdxAndMermaid(site);
  report('mdx-compile', mdxProblems);
  report('mermaid-parse', mermaidProblems);
  report('llms-txt', checkLlmsTxt(site.siteDir, compiledPages(site)));
  if (existsSync(path.join(site.siteDir, 'personas')) && !process.env.CONFORMANCE_NO_DIFFERENTIAL) {
    report('differential', (await differential(site.siteDir, prebuildProblems.length === 0 ? job.scratch : null)).differences);
  }
  return allPassed;
}

// Prebuild (the slow part) starts for all sites in parallel; the sites are then checked and
// reported in order, and the scratch folders removed.
// At most a few prebuild processes run at once (each takes a few hundred MB), so a batch of
// a hundred sites fits the machine.
const PARALLEL = Math.max(2, os.cpus().length);
let running = 0;
const waiting = [];
function limited(task) {
  return new Promise((resolve) => {
    const run = () => {
      running += 1;
      task().then((result) => {
        running -= 1;
        waiting.shift()?.();
        resolve(result);
      });
    };
    if (running < PARALLEL) run();
    else waiting.push(run);
  });
}

const jobs = [];
for (const dir of process.argv.slice(2)) {
  const siteDir = path.resolve(dir);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'conformance-prebuild-'));
  jobs.push({ siteDir, scratch, prebuild: limited(() => startPrebuild(siteDir, scratch)) });
}
let allPassed = true;
try {
  for (const job of jobs) allPassed = (await checkSite(job)) && allPassed;
} finally {
  await Promise.all(jobs.map((job) => job.prebuild.then(() => rm(job.scratch, { recursive: true, force: true }))));
}
process.exitCode = allPassed ? 0 : 1;
