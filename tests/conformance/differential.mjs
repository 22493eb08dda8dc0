// Differential conformance: what readers see against what the author wrote.
//
//   node differential.mjs [--no-props] SITE_DIR [SITE_DIR ...]   check sites (one line each)
//   node differential.mjs --self-test                            planted cases, see below
//
// The author's side is `personamap model --root SITE` (the resolved spec as JSON; the binary is
// $PERSONAMAP, default target/release/personamap, else target/debug/personamap). The readers'
// side is the site's generated pages, as the real consumers show them:
//
// - mermaid: every persona's diagram, taken from the page's rendered code block, parsed with
//   Mermaid's own parser (getDiagramFromText: vertices, edges, classes, links, direction,
//   accTitle/accDescr) and rendered to SVG in jsdom (the node and edge label text, tooltips and
//   link targets a reader sees). Compared: node ids, displayed label lines, node classes and
//   each class's styles, edge ends, kinds and labels, click targets and tooltips, accessible
//   title and description, direction.
// - mdx: the page evaluated with @mdx-js/mdx and rendered with React (stand-ins for Mintlify's
//   components), split into its sections; the text of every prose field, heading, legend cell,
//   text version, link list, card and tab title is compared with the spec's Markdown rendered
//   independently (remark + GFM, as MDX reads Markdown: no raw HTML, no angle autolinks, no
//   indented code) or with the plain text of labels. Both sides read maths as Mintlify does
//   (remark-math) and show a formula as `⟨math:SOURCE⟩`. A page field written as MDX
//   (`prose = "mdx"`) is compared as structure instead: the spec's MDX evaluated on its own,
//   Mintlify's components as stand-ins, must give the same elements and text as the page.
// - props: the same MDX comparison on what Mintlify's prebuild writes for the page
//   (src/_props/<page>.mdx, snippets inlined): the Markdown export readers and LLMs get.
//
// Texts are compared with runs of spaces, tabs and line breaks folded into one space.
// Prints "ok   differential  <site>" or "FAIL differential  <site>: <field>: expected …, got …; …",
// then "differential: N sites, M comparisons, K differences, J kept as written" on stderr; edge
// labels of a page with `edge_labels = "verbatim"` (the author keeps a published page's bytes,
// `personamap check` warns) are noted on stderr, not failed. Exit 1 on any difference.
//
// Self-test: cases/differential/good (a spec and its generated site) must show no difference;
// each cases/differential/broken-<comparison>/ (files laid over a copy of good) must fail with a
// difference whose field names <comparison>.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { evaluate } from '@mdx-js/mdx';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

import { drawnLook, pathLook } from './edge_look.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

// --- the DOM Mermaid needs ------------------------------------------------------------------
// check.mjs installs a jsdom window before importing this module; standalone, install one here.
if (globalThis.document === undefined) {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const key of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser',
    'XMLSerializer', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame']) {
    if (!(key in globalThis) || key === 'window' || key === 'document') {
      Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
    }
  }
}
// Rendering (not parsing) also measures text and builds a style sheet, which jsdom lacks: give
// every element a box from its text length (the layout is not compared, only texts).
{
  const w = globalThis.window;
  globalThis.CSSStyleSheet ??= w.CSSStyleSheet;
  const box = (el) => {
    const width = 8 * (el.textContent ?? '').length + 1;
    return { x: 0, y: 0, left: 0, top: 0, right: width, bottom: 16, width, height: 16 };
  };
  w.SVGElement.prototype.getBBox ??= function getBBox() { return box(this); };
  w.SVGElement.prototype.getComputedTextLength ??= function getComputedTextLength() { return box(this).width; };
  w.Element.prototype.getBoundingClientRect = function getBoundingClientRect() { return box(this); };
}
const { default: mermaid } = await import('mermaid');
const { default: DOMPurify } = await import('dompurify');
mermaid.initialize({ startOnLoad: false });
const document = globalThis.document;

// --- texts ----------------------------------------------------------------------------------

// NUL never reaches a reader: Markdown, HTML and Mermaid all show U+FFFD for it.
const fold = (s) => String(s ?? '').replaceAll('\u0000', '\uFFFD').replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'TD', 'TH',
  'THEAD', 'TBODY', 'PRE', 'BLOCKQUOTE', 'SECTION', 'DETAILS', 'ASIDE', 'HR', 'BR', 'IMG']);

// The text a reader sees in DOM nodes: text, with blocks and line breaks as whitespace.
function textOf(nodes) {
  let out = '';
  const walk = (n) => {
    if (n.nodeType === 3) out += n.nodeValue;
    else if (n.nodeType === 1) {
      // GFM footnotes gather at the end of the page, not where they were written.
      if (n.hasAttribute('data-footnotes') || n.hasAttribute('data-footnote-ref')) return;
      const block = BLOCK.has(n.tagName.toUpperCase());
      if (block) out += '\n';
      if (n.tagName === 'IMG') out += n.getAttribute('alt') ?? '';
      n.childNodes.forEach(walk);
      if (block) out += '\n';
    }
  };
  [].concat(nodes).forEach(walk);
  return fold(out);
}

function htmlNodes(html) {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

// Mintlify renders pages and reprints them (prebuild) with remark-math: `$…$` and `$$…$$` are
// maths, drawn by KaTeX. A formula is compared as a placeholder holding its source, trimmed, so
// that `$$ x $$` and its reprint `$x$` read the same and text read as maths does not. With
// `{ asWritten: true }` a formula stays as written instead (where the text is shown as plain
// text, as in a tab title).
function mathAsText({ asWritten = false } = {}) {
  return (tree, file) => {
    const placeholder = (node) => ({
      type: 'text',
      value: asWritten ? String(file.value).slice(node.position.start.offset, node.position.end.offset) : `⟨math:${node.value.trim()}⟩`,
    });
    const walk = (node) => {
      node.children?.forEach((child, i) => {
        if (child.type === 'inlineMath') node.children[i] = placeholder(child);
        else if (child.type === 'math') node.children[i] = { type: 'paragraph', children: [placeholder(child)] };
        else walk(child);
      });
    };
    walk(tree);
  };
}
const MATH = [remarkMath, mathAsText];

// Markdown as Mintlify's MDX reads it (CommonMark + GFM + maths without raw HTML, angle
// autolinks or indented code), rendered by React: the meaning of a Markdown field of the spec.
function mdxMarkdown() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['htmlFlow', 'htmlText', 'autolink', 'codeIndented'] } });
}
const markdownWith = (math) => unified().use(remarkParse).use(mdxMarkdown).use(remarkGfm).use(remarkMath).use(mathAsText, math).use(remarkRehype);
const markdown = markdownWith({});
const markdownAsWritten = markdownWith({ asWritten: true });
function markdownText(source, processor = markdown) {
  // A leading U+FEFF is text inside a page (remark drops it only at a document's start).
  const text = String(source ?? '');
  const file = text.startsWith('\uFEFF') ? `\n${text}` : text;
  const hast = processor.runSync(processor.parse(file), file);
  return textOf(htmlNodes(renderToStaticMarkup(toJsxRuntime(hast, { Fragment: runtime.Fragment, jsx: runtime.jsx, jsxs: runtime.jsxs }))));
}
// Prose fields are Markdown in which a JSX comment `{/* … */}` (its text holding no `*/` and
// balanced braces, as MDX counts them) is a comment, as MDX reads it, outside code and maths: in
// one paragraph, or on lines of its own (then it may hold blank lines, and it ends a paragraph
// before it, as MDX reads it as a flow expression).
// Code, maths and paragraphs are where remark finds them (read as MDX reads Markdown), the
// comments hidden; the two are read again until they agree. Everything else stays as written.
const COMMENT_AT = /^\{\/\*((?!\*\/)[\s\S])*\*\/\}/;
const balanced = (body) => {
  let depth = 0;
  for (const c of body) {
    if (c === '{') depth += 1;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
};
const commentAt = (text) => {
  const m = COMMENT_AT.exec(text);
  return m && balanced(m[0].slice(3, -3)) ? m[0].length : 0;
};
const markdownTree = unified().use(remarkParse).use(mdxMarkdown).use(remarkGfm).use(remarkMath);
// Code and maths ([start, end, block]) and paragraphs ([start, end]) of `text`.
function codeAndParagraphs(text) {
  // A leading U+FEFF is text inside a page (remark drops it only at a document's start).
  const shift = text.startsWith('\uFEFF') ? 1 : 0;
  const tree = markdownTree.parse(shift ? `\n${text}` : text);
  const code = [];
  const paragraphs = [];
  const walk = (node) => {
    const at = node.position ? [node.position.start.offset - shift, node.position.end.offset - shift] : null;
    if (['code', 'math', 'inlineCode', 'inlineMath'].includes(node.type)) {
      code.push([...at, node.type === 'code' || node.type === 'math']);
      return;
    }
    if (['paragraph', 'heading', 'tableCell'].includes(node.type)) paragraphs.push(at);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  code.sort((x, y) => x[0] - y[0]);
  return { code, paragraphs };
}
// The comments of `text` ([start, end, block]) outside `code`, from the left.
function findComments(text, code, paragraphs) {
  const out = [];
  let i = 0;
  let line = 0;
  let blank = true;
  while (i < text.length) {
    const span = code.find(([start, end]) => start <= i && i < end);
    if (span) {
      const n = text.lastIndexOf('\n', span[1] - 1);
      if (n >= i) line = n + 1;
      blank = line === span[1];
      i = span[1];
      continue;
    }
    if (text[i] === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      blank = false;
      i += 2;
      continue;
    }
    let found = null;
    if (text[i] === '{') {
      if (blank) {
        const m = /^[ \t]*(\{\/\*((?!\*\/)[\s\S])*\*\/\})[ \t]*(\n|$)/.exec(text.slice(line));
        if (m && balanced(m[1].slice(3, -3))) found = [line, line + m[0].length, true];
      }
      const len = found ? 0 : commentAt(text.slice(i));
      if (len && paragraphs.some(([start, end]) => start <= i && i + len <= end)) found = [i, i + len, false];
    }
    if (found) {
      out.push(found);
      const n = text.lastIndexOf('\n', found[1] - 1);
      if (n >= i) line = n + 1;
      blank = line === found[1];
      i = found[1];
      continue;
    }
    if (text[i] === '\n') {
      line = i + 1;
      blank = true;
    } else if (text[i] !== ' ' && text[i] !== '\t') blank = false;
    i += 1;
  }
  return out;
}
// `text` with its comments hidden, offsets kept: a block as blank lines, an inline comment as
// a punctuation character and commas.
const masked = (text, comments) => {
  let out = '';
  let at = 0;
  for (const [start, end, block] of comments) {
    const body = text.slice(start, end);
    out += text.slice(at, start) + (block ? body.replace(/[^\n]/g, ' ') : COMMENT + ','.repeat(body.length - 1));
    at = end;
  }
  return out + text.slice(at);
};
function withoutComments(source) {
  const text = String(source ?? '');
  if (!text.includes('{/*')) return text;
  let { code, paragraphs } = codeAndParagraphs(text);
  let comments = [];
  for (let round = 0; round < 4; round += 1) {
    const found = findComments(text, code, paragraphs);
    if (JSON.stringify(found) === JSON.stringify(comments)) break;
    comments = found;
    ({ code } = codeAndParagraphs(masked(text, comments)));
  }
  let out = '';
  let at = 0;
  for (const [start, end, block] of comments) {
    // MDX shows nothing there, but a delimiter run next to an inline one is next to punctuation.
    out += text.slice(at, start) + (block ? '' : COMMENT);
    at = end;
  }
  return out + text.slice(at);
}

// A punctuation character standing for an inline comment until the text is rendered.
const COMMENT = '\u2E4F';

const proseText = (source) => fold(markdownText(withoutComments(source)).replaceAll(COMMENT, ''));

// Inline Markdown (a heading, a table cell): read in the middle of a paragraph, so that line-start
// syntax (`1. `, `# `, `> `) stays text as it does inside a heading or cell.
const inlineText = (source, processor = markdown) => fold(markdownText(`a ${source ?? ''}`, processor).replace(/^a ?/, ''));

// --- the model ------------------------------------------------------------------------------

function personamapBin() {
  if (process.env.PERSONAMAP) return process.env.PERSONAMAP;
  const release = path.join(ROOT, 'target', 'release', 'personamap');
  return existsSync(release) ? release : path.join(ROOT, 'target', 'debug', 'personamap');
}

function loadModel(siteDir) {
  const r = spawnSync(personamapBin(), ['model', '--root', siteDir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`personamap model failed: ${fold(r.stderr || r.error?.message)}`);
  return JSON.parse(r.stdout);
}

// --- one comparison -------------------------------------------------------------------------

class Report {
  constructor() {
    this.comparisons = 0;
    this.differences = [];
    // Differences the author chose and `personamap check` warns about (a page that keeps its
    // edge labels verbatim): reported, not failed.
    this.known = [];
  }
  same(field, expected, actual) {
    this.comparisons += 1;
    const e = typeof expected === 'string' ? expected : JSON.stringify(expected);
    const a = typeof actual === 'string' ? actual : JSON.stringify(actual);
    if (e !== a) this.differences.push(`${field}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  }
  fail(field, why) {
    this.comparisons += 1;
    this.differences.push(`${field}: ${why}`);
  }
}

// --- Mermaid --------------------------------------------------------------------------------

let renderCount = 0;
// The parser's texts hold Mermaid's placeholders for entity codes (`#35;` is `ﬂ°°35¶ß`), which
// rendering turns back into characters: do the same for the texts read from the parser.
const decodeEntities = (text) => htmlNodes(String(text ?? '')
  .replace(/ﬂ°°(\d+)¶ß/g, '&#$1;')
  .replace(/ﬂ°([A-Za-z]\w*)¶ß/g, '&$1;')
  .replaceAll('<', '&lt;')).textContent;
const labelLines = (el) => {
  if (!el) return [];
  const html = el.innerHTML.replace(/<br\s*\/?>/gi, '\n');
  return htmlNodes(html).textContent.split('\n').map(fold);
};

async function compareDiagram(r, where, source, persona, page) {
  let diagram;
  try {
    diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  } catch (err) {
    return r.fail(`${where} mermaid parse`, fold(err.message));
  }
  const db = diagram.db;
  const vertices = db.getVertices();
  r.same(`${where} mermaid node ids`, persona.nodes.map((n) => n.id).sort(), [...vertices.keys()].sort());
  r.same(`${where} mermaid direction`, persona.direction.replace("TD", "TB"), db.getDirection?.() ?? persona.direction);
  const clicks = page.links !== 'none';
  for (const n of persona.nodes) {
    const v = vertices.get(n.id);
    if (!v) continue;
    r.same(`${where} mermaid node ${n.id} classes`, [n.class], v.classes.filter((c) => c !== 'clickable'));
    r.same(`${where} mermaid node ${n.id} link`, clicks && n.href ? n.href.replaceAll('"', '%22') : null, v.link ?? null);
  }
  const classes = db.getClasses();
  for (const c of persona.classes) {
    r.same(`${where} mermaid classDef ${c.name}`, c.style, classes.get(c.name)?.styles ?? null);
  }
  // Each edge: its ends, line style, heads and length, as Mermaid's `destructLink` made them.
  const key = (e) => `${e.from} ${e.to} ${e.kind} ${e.ends} ${e.length}`;
  const edges = db.getEdges();
  r.same(`${where} mermaid edges`, persona.edges.map(key).sort(),
    edges.map((e) => `${e.start} ${e.end} ${STROKES[e.stroke] ?? e.stroke} ${ENDS[e.type] ?? e.type} ${e.length}`).sort());
  const acc = persona.accessible;
  r.same(`${where} mermaid accTitle`, fold(acc?.title ?? ''), fold(decodeEntities(db.getAccTitle())));
  r.same(`${where} mermaid accDescr`, fold(acc?.descr ?? ''), fold(decodeEntities(db.getAccDescription())));

  // Rendered: what the reader sees.
  const id = `differential-${renderCount++}`;
  let svg;
  try {
    ({ svg } = await mermaid.render(id, source));
  } catch (err) {
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
    return r.fail(`${where} mermaid render`, fold(err.message));
  }
  const host = htmlNodes(svg);
  const svgRoot = host.querySelector('svg');
  r.same(`${where} svg accTitle`, fold(acc?.title ?? ''), fold(svgRoot?.querySelector(':scope > title')?.textContent ?? ''));
  r.same(`${where} svg accDescr`, fold(acc?.descr ?? ''), fold(svgRoot?.querySelector(':scope > desc')?.textContent ?? ''));
  for (const n of persona.nodes) {
    const v = vertices.get(n.id);
    const g = v && host.querySelector(`g.node[id="${id}-${v.domId}"]`);
    if (!g) {
      r.fail(`${where} svg node ${n.id}`, 'not drawn');
      continue;
    }
    r.same(`${where} svg node ${n.id} label lines`, n.lines.map(fold), labelLines(g.querySelector('.nodeLabel') ?? g.querySelector('.label')));
    const title = g.getAttribute('title');
    const tooltip = title === null ? null : fold(htmlNodes(DOMPurify.sanitize(title)).textContent);
    r.same(`${where} svg node ${n.id} tooltip`, clicks && n.href && n.tooltip !== null ? fold(n.tooltip) : null, tooltip);
    const anchor = g.closest('a');
    r.same(`${where} svg node ${n.id} link`, clicks && n.href ? n.href.replaceAll('"', '%22') : null,
      anchor ? anchor.getAttribute('xlink:href') ?? anchor.getAttribute('href') : null);
  }
  // Edge looks as drawn: the path's line style class and its markers, against the spec's.
  const expectedLooks = new Map();
  persona.edges.forEach((e) => expectedLooks.set(`${e.from} ${e.to}`, [...(expectedLooks.get(`${e.from} ${e.to}`) ?? []), drawnLook(e.kind, e.ends)]));
  const actualLooks = new Map();
  for (const e of edges) {
    // An invisible edge is drawn too, without the `flowchart-link` class.
    // Matched by exact comparison: the selector engine matched `data-id` values regardless
    // of case (`L_ox_ox_0` found `L_Ox_Ox_0`), and Mermaid ids are case-sensitive.
    const p = [...host.querySelectorAll('path[data-id]')].find((q) => q.getAttribute('data-id') === e.id);
    const got = p ? pathLook(p) : 'not drawn';
    actualLooks.set(`${e.start} ${e.end}`, [...(actualLooks.get(`${e.start} ${e.end}`) ?? []), got]);
  }
  for (const [pair, want] of expectedLooks) {
    r.same(`${where} svg edge ${pair.replace(' ', ' → ')} looks`, [...want].sort(), [...(actualLooks.get(pair) ?? [])].sort());
  }
  // Edge labels, by edge id (a self-loop is drawn as three parts, `<id>-cyclic-special-…`).
  const labelsById = new Map();
  for (const g of host.querySelectorAll('g.edgeLabel g.label[data-id]')) {
    const edgeId = attr(g, 'data-id').replace(/-cyclic-special-.*$/, '');
    labelsById.set(edgeId, fold(`${labelsById.get(edgeId) ?? ''} ${g.textContent}`));
  }
  const expectedLabels = new Map();
  persona.edges.forEach((e) => expectedLabels.set(`${e.from} ${e.to}`, [...(expectedLabels.get(`${e.from} ${e.to}`) ?? []), fold(e.label ?? '')]));
  const actualLabels = new Map();
  edges.forEach((e) => actualLabels.set(`${e.start} ${e.end}`, [...(actualLabels.get(`${e.start} ${e.end}`) ?? []), labelsById.get(e.id) ?? '']));
  for (const [pair, want] of expectedLabels) {
    const field = `${where} svg edge ${pair.replace(' ', ' → ')} labels`;
    const got = [...(actualLabels.get(pair) ?? [])].sort();
    if (page.edge_labels === 'verbatim' && JSON.stringify([...want].sort()) !== JSON.stringify(got)) {
      r.comparisons += 1;
      r.known.push(`${field}: expected ${JSON.stringify([...want].sort())}, got ${JSON.stringify(got)} (edge_labels = "verbatim")`);
    } else {
      r.same(field, [...want].sort(), got);
    }
  }
}

// Mermaid's names for a link (`db.getEdges()`: `stroke`, `type`) in the model's words.
const STROKES = { normal: 'solid', dotted: 'dotted', thick: 'thick', invisible: 'invisible' };
const ENDS = {
  arrow_open: 'none', arrow_point: 'arrow', arrow_circle: 'circle', arrow_cross: 'cross',
  double_arrow_point: 'both-arrows', double_arrow_circle: 'both-circles', double_arrow_cross: 'both-crosses',
};
// What a link's ends mean, in the text version.
const ENDS_MEANING = {
  none: 'no arrow', arrow: '', circle: 'circle end', cross: 'cross end',
  'both-arrows': 'both ways', 'both-circles': 'circle ends', 'both-crosses': 'cross ends',
};

// --- MDX ------------------------------------------------------------------------------------

const attr = (el, name) => el.getAttribute(name);
// The rest of Mintlify's components that MDX prose (`prose = "mdx"`) may use: the table
// `COMPONENTS` of crates/personamap-syntax/src/mdx/components.rs, less those with their own
// stand-in below. Each renders as an element naming it, its props and its children; the inline
// ones as a span, so that HTML keeps them inside their paragraph.
const MORE_COMPONENTS = ['Tip', 'Warning', 'Info', 'Check', 'Danger', 'Callout', 'CardGroup', 'Steps', 'Step',
  'AccordionGroup', 'Expandable', 'Frame', 'Tooltip', 'CodeGroup', 'ResponseField', 'ParamField', 'Update', 'Panel',
  'Visibility', 'Badge'];
const INLINE = new Set(['Tooltip', 'Badge']);
const stub = (name) => ({ children, ...props }) =>
  createElement(INLINE.has(name) ? 'span' : 'div', { 'data-c': name.toLowerCase(), 'data-props': JSON.stringify(props) }, children);
const standIns = (divider) => ({
  [divider]: () => createElement('div', { role: 'separator', 'data-c': 'divider' }),
  Card: ({ title, href, icon, children }) => createElement('div', { 'data-c': 'card', 'data-title': title, 'data-href': href, 'data-icon': icon }, children),
  Columns: ({ children }) => createElement('div', { 'data-c': 'columns' }, children),
  Tabs: ({ children }) => createElement('div', { 'data-c': 'tabs' }, children),
  Tab: ({ title, icon, children }) => createElement('section', { 'data-c': 'tab', 'data-title': title, 'data-icon': icon }, children),
  Accordion: ({ title, children }) => createElement('details', { 'data-c': 'accordion', 'data-title': title }, children),
  Note: ({ children }) => createElement('aside', { 'data-c': 'note' }, children),
  Icon: () => null,
  ...Object.fromEntries(MORE_COMPONENTS.map((name) => [name, stub(name)])),
});

// The page's MDX, runnable: root-absolute snippet imports cannot be resolved here; their
// components come from the stand-ins instead (in a prebuild page they are inlined exports).
const withoutSnippetImports = (source) => source.replace(/^import\s+\{[^}]*\}\s+from\s+["']\/[^"']+\.jsx["'];?[ \t]*$/gm, '');

// Mintlify's global components, which inlined snippets use without importing them.
globalThis.Icon ??= () => null;

async function renderPage(source, divider) {
  const { default: Content } = await evaluate(withoutSnippetImports(source), {
    ...runtime,
    baseUrl: import.meta.url,
    remarkPlugins: [remarkFrontmatter, remarkGfm, ...MATH],
  });
  const host = htmlNodes(renderToStaticMarkup(createElement(Content, { components: standIns(divider) })));
  // React 19 adds <link rel=preload> for images at the top: not page content.
  return [...host.childNodes].filter((n) => (n.nodeType === 1 && n.tagName !== 'LINK') || (n.nodeType === 3 && fold(n.nodeValue) !== ''));
}

// The structure a reader gets from DOM nodes: elements with their attributes (components as
// their stand-ins), and text with whitespace folded; whitespace between blocks left out.
function shapeOf(nodes) {
  const walk = (n) => {
    if (n.nodeType === 3) return fold(n.nodeValue);
    if (n.nodeType !== 1) return '';
    const attrs = [...n.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).sort().join('');
    return `<${n.tagName.toLowerCase()}${attrs}>${[...n.childNodes].map(walk).filter(Boolean).join(' ')}</>`;
  };
  return [].concat(nodes).map(walk).filter(Boolean).join(' ');
}

// A page field written as MDX (`prose = "mdx"`), compared as structure: the page must show what
// the spec's MDX shows evaluated on its own, components included.
async function compareMdxProse(r, field, source, nodes, divider) {
  let want;
  try {
    want = shapeOf(await renderPage(source ?? '', divider));
  } catch (err) {
    return r.fail(`${field} evaluate`, fold(err.reason ?? err.message));
  }
  r.same(field, want, shapeOf(nodes));
}

const isDivider = (n) => n.nodeType === 1 && attr(n, 'role') === 'separator';
const isMermaid = (n) => n.nodeType === 1 && n.tagName === 'PRE' && n.querySelector('code.language-mermaid');

function sections(nodes) {
  const out = [[]];
  for (const n of nodes) {
    if (isDivider(n)) out.push([]);
    else out.at(-1).push(n);
  }
  return out;
}

// One persona's part of a page (after its heading or inside its tab): intro, diagram, links
// and text version, read from the end. Returns the diagram source, or null.
async function comparePersonaBody(r, where, nodes, persona, page, divider) {
  const rest = [...nodes];
  if (page.accessible) {
    const acc = rest.at(-1);
    if (acc?.getAttribute?.('data-c') !== 'accordion') {
      r.fail(`${where} text version`, `missing (last block: ${fold(acc?.outerHTML ?? 'none').slice(0, 80)})`);
    } else {
      rest.pop();
      r.same(`${where} text version title`, `Text version of the Persona ${persona.shown ?? persona.number} map`, fold(attr(acc, 'data-title')));
      // Each edge: `A → B`, then in parentheses what the link means (its kind unless solid,
      // its ends unless one arrow head, its span when longer) and its label.
      const name = (id) => fold(persona.nodes.find((n) => n.id === id)?.text);
      const meaning = (e) => [e.kind === 'solid' ? '' : e.kind, e.kind === 'invisible' ? '' : ENDS_MEANING[e.ends],
        e.length > 1 ? `spans ${e.length} ranks` : ''].filter(Boolean).join(', ');
      const extra = (e) => [meaning(e), fold(e.label ?? '')].filter(Boolean).join(': ');
      const expected = ['Nodes', ...persona.nodes.map((n) => fold(n.text)), 'Edges',
        ...persona.edges.map((e) => `${name(e.from)} → ${name(e.to)}${extra(e) ? ` (${extra(e)})` : ''}`)];
      r.same(`${where} text version`, fold(expected.join('\n')), textOf(acc));
      const hrefs = [...acc.querySelectorAll('a')].map((a) => attr(a, 'href'));
      r.same(`${where} text version links`, persona.nodes.filter((n) => n.href).map((n) => n.href), hrefs);
    }
  }
  const linked = persona.nodes.filter((n) => n.href);
  if (linked.length > 0 && page.listed_links !== 'none') {
    const block = rest.pop();
    if (page.listed_links === 'list') {
      const items = block?.tagName === 'UL' ? [...block.children] : [];
      // With `mark_links`, a tooltip that says more than the label follows the link.
      const tip = (n) => (page.mark_links && n.tooltip !== n.text ? `: ${fold(n.tooltip)}` : '');
      r.same(`${where} link list`, linked.map((n) => `${fold(n.text)}${tip(n)} <${n.href}>`),
        items.map((li) => `${textOf(li)} <${[...li.querySelectorAll('a')].map((a) => attr(a, 'href')).join(' ')}>`));
    } else {
      const cards = block?.getAttribute?.('data-c') === 'columns' ? [...block.querySelectorAll('[data-c=card]')] : [];
      r.same(`${where} link cards`, linked.map((n) => `${fold(n.text)} <${n.href}>`),
        cards.map((c) => `${fold(attr(c, 'data-title'))} <${attr(c, 'data-href')}>${textOf(c)}`));
    }
  }
  const diagram = rest.pop();
  if (!diagram || !isMermaid(diagram)) {
    r.fail(`${where} diagram`, 'no mermaid block where the diagram belongs');
    rest.push(diagram);
  }
  if (persona.prose === 'mdx') await compareMdxProse(r, `${where} intro`, persona.intro, rest.filter(Boolean), divider);
  else r.same(`${where} intro`, proseText(persona.intro), textOf(rest.filter(Boolean)));
  return diagram && isMermaid(diagram) ? diagram.querySelector('code').textContent : null;
}

// Compares one page's MDX (the generated file or prebuild's reprint) with the model; the
// diagram sources found, by persona number, go to `diagrams` when given.
async function comparePage(r, label, source, page, divider, diagrams) {
  let nodes;
  try {
    nodes = await renderPage(source, divider);
  } catch (err) {
    return r.fail(`${label} evaluate`, fold(err.reason ?? err.message));
  }
  const parts = sections(nodes);
  const want = 1 + (page.layout === 'tabs' ? 1 : page.personas.length) + (page.closing ? 1 : 0) + (page.related.length ? 1 : 0);
  if (parts.length !== want) {
    return r.fail(`${label} sections`, `expected ${want} parts between dividers, got ${parts.length}: ${parts.map((p) => textOf(p).slice(0, 40)).join(' | ')}`);
  }
  // Top: banner, intro, legend heading and table.
  const top = [...parts[0]];
  if (page.banner === 'livepeer' && top[0]?.getAttribute('data-c') === 'note') top.shift();
  if (page.link_note) {
    const note = top.pop();
    r.same(`${label} legend note`, page.link_note, note?.tagName === 'P' ? textOf(note) : `<no paragraph: ${textOf(note ?? [])}>`);
  }
  const table = top.pop();
  const heading = top.pop();
  r.same(`${label} legend heading`, inlineText(page.legend), heading?.tagName === 'H2' ? textOf(heading) : `<no h2: ${textOf(heading ?? [])}>`);
  const rows = table?.tagName === 'TABLE' ? [...table.querySelectorAll('tbody tr')] : [];
  r.same(`${label} legend rows`, page.legend_rows.length, rows.length);
  page.legend_rows.forEach((row, i) => {
    const cells = rows[i] ? [...rows[i].children].map((c) => textOf(c)) : [];
    r.same(`${label} legend row ${i + 1} class`, row.class, cells[0] ?? '');
    // With `swatches`, a sample column between: a box, then its fill, stroke and dash in words.
    if (page.swatches) {
      r.same(`${label} legend row ${i + 1} sample`, `fill ${row.fill}, ${row.dashed ? 'dashed ' : ''}stroke ${row.stroke}`, cells[1] ?? '');
    }
    r.same(`${label} legend row ${i + 1} meaning`, inlineText(row.meaning), cells[page.swatches ? 2 : 1] ?? '');
  });
  if (page.prose === 'mdx') await compareMdxProse(r, `${label} intro`, page.intro, top, divider);
  else r.same(`${label} intro`, proseText(page.intro), textOf(top));

  let next = 1;
  if (page.layout === 'tabs') {
    const tabs = parts[next++];
    const list = tabs.length === 1 && attr(tabs[0], 'data-c') === 'tabs' ? [...tabs[0].querySelectorAll(':scope > [data-c=tab]')] : [];
    r.same(`${label} tabs`, page.personas.length, list.length);
    for (const [i, p] of page.personas.entries()) {
      const tab = list[i];
      if (!tab) continue;
      const where = `${label} persona ${p.number}`;
      // A tab title is plain text: maths shows as written.
      const nick = fold(p.nickname) !== '' ? ` ("${inlineText(p.nickname, markdownAsWritten)}")` : '';
      r.same(`${where} tab title`, fold(p.tab_title ?? `Persona ${p.shown ?? p.number} – ${inlineText(p.name, markdownAsWritten)}${nick}`), fold(attr(tab, 'data-title')));
      const src = await comparePersonaBody(r, where, [...tab.childNodes].filter((n) => n.nodeType === 1 || fold(n.nodeValue) !== ''), p, page, divider);
      if (diagrams && src !== null) diagrams.set(p.number, src);
    }
  } else {
    for (const p of page.personas) {
      const part = [...parts[next++]];
      const where = `${label} persona ${p.number}`;
      const h = part.shift();
      const nick = fold(p.nickname) !== '' ? ` ("${inlineText(p.nickname)}")` : '';
      r.same(`${where} heading`, fold(`Persona ${p.shown ?? p.number} – ${inlineText(p.name)}${nick}`), h?.tagName === 'H2' ? textOf(h) : `<no h2: ${textOf(h ?? [])}>`);
      const src = await comparePersonaBody(r, where, part, p, page, divider);
      if (diagrams && src !== null) diagrams.set(p.number, src);
    }
  }
  if (page.closing && page.prose === 'mdx') await compareMdxProse(r, `${label} closing`, page.closing, parts[next++], divider);
  else if (page.closing) r.same(`${label} closing`, proseText(page.closing), textOf(parts[next++]));
  if (page.related.length) {
    const part = parts[next++];
    r.same(`${label} related heading`, 'Related Pages', part[0]?.tagName === 'H2' ? textOf(part[0]) : '<no h2>');
    const cards = part[1] ? [...part[1].querySelectorAll('[data-c=card]')] : [];
    r.same(`${label} related cards`, page.related.map((c) => `${fold(c.title)} <${c.href}> ${proseText(c.description)}`),
      cards.map((c) => `${fold(attr(c, 'data-title'))} <${attr(c, 'data-href')}> ${textOf(c)}`));
    r.same(`${label} related icons`, page.related.map((c) => c.icon ?? null), cards.map((c) => attr(c, 'data-icon')));
  }
}

// --- one site -------------------------------------------------------------------------------

/// Every comparison of one site; `scratch` is the folder prebuild wrote into (null: skip props).
export async function differential(siteDir, scratch) {
  const r = new Report();
  let model;
  try {
    model = loadModel(siteDir);
  } catch (err) {
    r.fail('model', fold(err.message));
    return r;
  }
  for (const page of model.pages) {
    const file = path.join(siteDir, `${page.id}.mdx`);
    if (!existsSync(file)) {
      r.fail(`${page.id}`, 'no page file');
      continue;
    }
    const diagrams = new Map();
    await comparePage(r, `${page.id} mdx`, readFileSync(file, 'utf8'), page, model.divider, diagrams);
    for (const p of page.personas) {
      const where = `${page.id} persona ${p.number}`;
      if (diagrams.has(p.number)) await compareDiagram(r, where, diagrams.get(p.number), p, page);
    }
    if (scratch) {
      const props = path.join(scratch, 'src', '_props', `${page.id}.mdx`);
      if (existsSync(props)) await comparePage(r, `${page.id} props`, readFileSync(props, 'utf8'), page, model.divider, null);
      else r.fail(`${page.id} props`, `prebuild wrote no src/_props/${page.id}.mdx`);
    }
  }
  return r;
}

// Runs Mintlify's prebuild (prebuild.mjs) for a site into a fresh scratch folder.
function prebuildInto(siteDir) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'differential-prebuild-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(HERE, 'prebuild.mjs'), siteDir], { cwd: scratch, stdio: 'ignore' });
    child.on('close', () => resolve(scratch));
  });
}

async function checkSites(dirs, props) {
  let comparisons = 0;
  let differences = 0;
  let known = 0;
  // Prebuild of the next site runs while this one is compared.
  let pending = props && dirs.length ? prebuildInto(path.resolve(dirs[0])) : null;
  for (const [i, dir] of dirs.entries()) {
    const siteDir = path.resolve(dir);
    const scratch = pending ? await pending : null;
    pending = props && i + 1 < dirs.length ? prebuildInto(path.resolve(dirs[i + 1])) : null;
    const r = await differential(siteDir, scratch);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    comparisons += r.comparisons;
    differences += r.differences.length;
    known += r.known.length;
    const name = path.basename(siteDir);
    console.log(r.differences.length === 0 ? `ok   differential  ${name}` : `FAIL differential  ${name}: ${r.differences.join('; ')}`);
    for (const k of r.known) console.error(`note differential  ${name}: kept as written: ${k}`);
  }
  console.error(`differential: ${dirs.length} sites, ${comparisons} comparisons, ${differences} differences, ${known} kept as written`);
  return differences === 0;
}

async function selfTest() {
  const base = path.join(HERE, 'cases', 'differential');
  const work = mkdtempSync(path.join(os.tmpdir(), 'differential-cases-'));
  let passed = 0;
  let failed = 0;
  try {
    const good = await differential(path.join(base, 'good'), null);
    if (good.differences.length === 0) {
      console.log(`ok   differential good: no difference (${good.comparisons} comparisons)`);
      passed += 1;
    } else {
      console.log(`FAIL differential good: ${good.differences.join('; ')}`);
      failed += 1;
    }
    for (const name of readdirSync(base).filter((n) => n.startsWith('broken-')).sort()) {
      const dir = path.join(work, name);
      cpSync(path.join(base, 'good'), dir, { recursive: true });
      cpSync(path.join(base, name), dir, { recursive: true });
      const wantProps = name.includes('props');
      const scratch = wantProps ? await prebuildInto(dir) : null;
      const r = await differential(dir, scratch);
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      // The case name's words, in order, name the field that must differ.
      const words = name.slice('broken-'.length).split('.')[0].split('-');
      const field = words.join(' ');
      const names = (d) => d.slice(0, d.indexOf(':')).toLowerCase();
      const hit = r.differences.find((d) => words.reduce((at, w) => (at < 0 ? at : names(d).indexOf(w, at)), 0) >= 0);
      if (hit) {
        console.log(`ok   differential ${name}: fails as expected: ${hit.slice(0, 200)}`);
        passed += 1;
      } else {
        console.log(`FAIL differential ${name}: no difference in "${field}"; got: ${r.differences.join('; ') || 'none'}`);
        failed += 1;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  let ok;
  if (args[0] === '--self-test') ok = await selfTest();
  else {
    const props = args[0] !== '--no-props';
    ok = await checkSites(props ? args : args.slice(1), props);
  }
  process.exit(ok ? 0 : 1);
}
