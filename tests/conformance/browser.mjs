// The real-browser stage: every Mermaid diagram of every site, rendered by Mermaid 11 (with
// @mermaid-js/layout-elk registered, as Mintlify does) in Debian's Chromium driven by
// playwright-core, all in one browser.
//
//   node browser.mjs [options] SITE_DIR ...
//   node browser.mjs --self-test
//
// Options:
//   --png DIR               write one PNG per diagram (natural size) under DIR/<site>/
//   --personamap BIN        compare each diagram's measured width with `BIN estimate --root SITE`
//   --require-clear PAGE    PAGE's diagrams must have no edge under a node that is not one of its ends
//   --compare BEFORE,AFTER,F  each map's smallest label in a 720 px column on page AFTER must be at
//                           least F times what it is on page BEFORE (maps matched by position)
//   --figures FILE          write the measured figures of every diagram as JSON lines
//   --lenient-estimate SITE  report SITE's estimate errors without holding them to 25% (the
//                           hostile sites: labels of random scripts drawn by fallback fonts)
//
// Per site it prints one line per check, `ok   CHECK  SITE` or `FAIL CHECK  SITE: problems`:
//   browser-render     no diagram renders as an error
//   browser-nodes      one drawn node per declared node, nothing else
//   browser-links      every `click ID href` is an <a> around its node with that href
//   browser-edges      (with --personamap) every edge drawn as the spec's model says: between
//                      its two nodes, with its line style (solid, dotted, thick, invisible) and
//                      its heads at each end (none, arrow, circle, cross), on every persona map
//   browser-styles     computed fill, stroke and stroke-dasharray of every node as its classDefs say
//   browser-estimate   (with --personamap) the estimated natural width within 25% of the measured,
//                      unless both fit the 720 px column (no label shrinks either way)
//   browser-clear      (with --require-clear) no edge under an unrelated node on that page
//   browser-labels     (with --compare) the label size ratio
// and one `map` line per diagram with its figures: natural width, smallest label in a 720 px
// column, edges under unrelated nodes (and which), the estimate and its error.
import { chromium } from 'playwright-core';
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockedPages } from './lock.mjs';
import { drawnLook, pathLook } from './edge_look.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const COLUMN = 720; // Mintlify's content column, px
const ESTIMATE_TOLERANCE = 0.25;

// ---------------------------------------------------------------------------------------------
// Sites: the pages personamap compiled (personas/generated.lock), else the navigation's pages;
// every ```mermaid fence of each, with its meta.

function navigationPageIds(docsConfig) {
  const ids = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pages' && Array.isArray(value)) value.forEach((p) => (typeof p === 'string' ? ids.includes(p) || ids.push(p) : walk(p)));
      else walk(value);
    }
  };
  walk(docsConfig.navigation);
  return ids.filter((id) => !/^[a-z]+:\/\//i.test(id));
}

function sitePages(siteDir) {
  const lock = path.join(siteDir, 'personas', 'generated.lock');
  if (existsSync(lock)) {
    return lockedPages(readFileSync(lock, 'utf8'));
  }
  return navigationPageIds(JSON.parse(readFileSync(path.join(siteDir, 'docs.json'), 'utf8')));
}

// The ```mermaid blocks of an MDX text, in order: { text, meta, line }.
export function mermaidBlocks(mdx) {
  const blocks = [];
  const lines = mdx.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^(`{3,}|~{3,})mermaid\b(.*)$/);
    if (!open) continue;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith(open[1]); j++) body.push(lines[j]);
    blocks.push({ text: body.join('\n') + '\n', meta: open[2].trim(), line: i + 1 });
    i = j;
  }
  return blocks;
}

// What the diagram text declares: nodes with their classes, clicks, class definitions.
export function declared(text) {
  const nodes = new Map(); // id -> [class, ...]
  const clicks = new Map(); // id -> href
  const classDefs = new Map(); // name -> { fill, stroke, dash }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let m;
    if ((m = line.match(/^([A-Za-z0-9_]+)\[".*"\](?::::([A-Za-z0-9_]+))?$/))) {
      nodes.set(m[1], m[2] ? [m[2]] : []);
    } else if ((m = line.match(/^click\s+(\S+)\s+href\s+"([^"]*)"/))) {
      clicks.set(m[1], m[2]);
    } else if ((m = line.match(/^classDef\s+(\S+)\s+(.*)$/))) {
      const props = {};
      for (const part of m[2].split(',')) {
        const [k, ...v] = part.split(':');
        props[k.trim()] = v.join(':').trim();
      }
      classDefs.set(m[1], { fill: props.fill, stroke: props.stroke, dash: props['stroke-dasharray'] });
    } else if ((m = line.match(/^class\s+([A-Za-z0-9_,]+)\s+([A-Za-z0-9_]+)$/))) {
      for (const id of m[1].split(',')) nodes.get(id)?.push(m[2]);
    }
  }
  return { nodes, clicks, classDefs };
}

// ---------------------------------------------------------------------------------------------
// The browser side: a loopback server gives the page the pinned packages; one Chromium renders
// every diagram, one after another, in one tab.

async function startServer() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/') {
      res.setHeader('content-type', 'text/html');
      return res.end(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff">
<div id="column" style="width:${COLUMN}px"></div><div id="natural" style="display:inline-block"></div></body></html>`);
    }
    const file = path.join(HERE, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(path.join(HERE, 'node_modules') + path.sep)) {
      res.statusCode = 404;
      return res.end();
    }
    try {
      const body = await readFile(file);
      res.setHeader('content-type', /\.m?js$/.test(file) ? 'text/javascript' : 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function installChromium() {
  if (existsSync(CHROMIUM)) return;
  console.error('installing chromium (apt-get) ...');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function openBrowser() {
  await installChromium();
  const server = await startServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'browser-stage-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(async () => {
    const { default: mermaid } = await import('/node_modules/mermaid/dist/mermaid.esm.min.mjs');
    const { default: elk } = await import('/node_modules/@mermaid-js/layout-elk/dist/mermaid-layout-elk.esm.min.mjs');
    mermaid.registerLayoutLoaders(elk);
    mermaid.initialize({ startOnLoad: false });
    window.mermaid = mermaid;
  });
  const close = async () => {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { page, close };
}

// Renders one diagram in the page and measures it. Runs inside Chromium.
async function measureInPage({ text, id, nodeIds, lookSource }) {
  const column_ = document.getElementById('column');
  const natural = document.getElementById('natural');
  column_.innerHTML = '';
  natural.innerHTML = '';
  let svgText;
  try {
    ({ svg: svgText } = await window.mermaid.render(id, text));
  } catch (err) {
    document.getElementById(id)?.remove();
    document.getElementById('d' + id)?.remove();
    return { error: String(err?.message ?? err).split('\n').slice(0, 2).join(' ') };
  }
  if (/aria-roledescription="error"/.test(svgText)) return { error: 'Mermaid drew its error diagram' };

  // In a 720 px column: how far the diagram is scaled down, and the smallest label.
  column_.innerHTML = svgText;
  const colSvg = column_.querySelector('svg');
  const viewBox = colSvg.viewBox.baseVal;
  const scale = colSvg.getBoundingClientRect().width / viewBox.width;
  const labelSizes = [...colSvg.querySelectorAll('.nodeLabel, .edgeLabel span, .edgeLabel text, g.node text')]
    .filter((el) => el.textContent.trim() !== '')
    .map((el) => parseFloat(getComputedStyle(el).fontSize));
  const fontPx = labelSizes.length ? Math.min(...labelSizes) : 16;
  column_.innerHTML = '';

  // At natural size: nodes, links, styles, geometry.
  natural.innerHTML = svgText;
  const svg = natural.querySelector('svg');
  svg.style.maxWidth = 'none';
  svg.setAttribute('width', String(viewBox.width));
  const drawn = [...svg.querySelectorAll('g.node')].map((g) => {
    const dataId = g.getAttribute('data-id') ?? g.id.replace(new RegExp(`^${id}-flowchart-`), '').replace(/-\d+$/, '');
    const shape = g.querySelector('.label-container') ?? g.querySelector('rect, path, polygon, circle');
    const cs = shape ? getComputedStyle(shape) : null;
    const a = g.closest('a');
    const r = g.getBoundingClientRect();
    return {
      id: dataId,
      fill: cs?.fill ?? null,
      stroke: cs?.stroke ?? null,
      dash: cs?.strokeDasharray ?? null,
      href: a ? a.getAttribute('xlink:href') ?? a.getAttribute('href') : null,
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    };
  });
  const byLength = [...nodeIds].sort((a, b) => b.length - a.length);
  const edges = [...svg.querySelectorAll('path.flowchart-link')].map((p) => {
    const dataId = p.getAttribute('data-id') ?? p.id.replace(`${id}-`, '');
    // L_<from>_<to>_<n>: find the pair of declared ids that spells it.
    let ends = null;
    const inner = dataId.replace(/^L_/, '').replace(/_\d+$/, '');
    for (const a of byLength) {
      if (inner.startsWith(a + '_') && nodeIds.includes(inner.slice(a.length + 1))) {
        ends = [a, inner.slice(a.length + 1)];
        break;
      }
    }
    const points = [];
    const total = p.getTotalLength();
    const ctm = p.getScreenCTM();
    for (let d = 0; d <= total; d += 3) {
      const q = p.getPointAtLength(d);
      points.push(new DOMPoint(q.x, q.y).matrixTransform(ctm));
    }
    return { id: dataId, ends, points: points.map((q) => [q.x, q.y]) };
  });
  // Every edge as drawn, invisible ones included: its ends and its look.
  const ends = (dataId) => {
    const inner = dataId.replace(/^L_/, '').replace(/_\d+$/, '');
    const a = byLength.find((a) => inner.startsWith(a + '_') && nodeIds.includes(inner.slice(a.length + 1)));
    return a === undefined ? null : `${a} ${inner.slice(a.length + 1)}`;
  };
  // eslint-disable-next-line no-new-func
  const pathLook = new Function(`return (${lookSource});`)();
  const looks = [...svg.querySelectorAll('path[data-id^="L_"]')].map((p) => `${ends(p.getAttribute('data-id'))} ${pathLook(p)}`);
  const inset = 3;
  const under = [];
  for (const e of edges) {
    if (!e.ends) continue;
    for (const n of drawn) {
      if (e.ends.includes(n.id)) continue;
      const b = n.box;
      if (e.points.some(([x, y]) => x > b.left + inset && x < b.right - inset && y > b.top + inset && y < b.bottom - inset)) {
        under.push(`${e.ends[0]}→${e.ends[1]} under ${n.id}`);
      }
    }
  }
  return {
    naturalWidth: viewBox.width,
    naturalHeight: viewBox.height,
    scale,
    smallestLabel: fontPx * Math.min(1, scale),
    drawn: drawn.map(({ box, ...rest }) => rest),
    edgesUnder: new Set(under.map((u) => u.split(' under ')[0])).size,
    under,
    unmatchedEdges: edges.filter((e) => !e.ends).map((e) => e.id),
    looks,
  };
}

// ---------------------------------------------------------------------------------------------
// Comparing what was drawn with what the text declares.

function hexToRgb(hex) {
  let h = hex.replace('#', '');
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  if (h.length === 8) {
    const a = parseInt(h.slice(6, 8), 16) / 255;
    return `rgba(${r}, ${g}, ${b}, ${Math.round(a * 1000) / 1000})`;
  }
  return `rgb(${r}, ${g}, ${b})`;
}

const dashNumbers = (d) => (!d || d === 'none' ? [] : d.split(/[\s,]+/).filter(Boolean).map((x) => parseFloat(x)));

function sameColour(computed, hex) {
  if (!computed) return false;
  const want = hexToRgb(hex);
  const norm = (s) => s.replace(/rgba\((\d+), (\d+), (\d+), 1\)/, 'rgb($1, $2, $3)').replace(/(\d\.\d{3})\d+/, '$1');
  return norm(computed) === norm(want);
}

// One diagram's problems per check, given its declaration and its measurement.
export function compare(decl, m) {
  const out = { nodes: [], links: [], styles: [] };
  const counts = new Map();
  for (const d of m.drawn) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  for (const id of decl.nodes.keys()) {
    const n = counts.get(id) ?? 0;
    if (n !== 1) out.nodes.push(`${id} drawn ${n} times`);
  }
  for (const [id, n] of counts) if (!decl.nodes.has(id)) out.nodes.push(`${id} drawn ${n} time(s) but never declared`);
  for (const d of m.drawn) {
    const want = decl.clicks.get(d.id);
    if (want === undefined) {
      if (d.href !== null) out.links.push(`${d.id} is a link to ${d.href} without a click line`);
      continue;
    }
    if (d.href === null) out.links.push(`${d.id} is not inside an <a>`);
    else if (new URL(d.href, 'http://site.test/').href !== new URL(want, 'http://site.test/').href) {
      out.links.push(`${d.id} links to ${d.href}, the click says ${want}`);
    }
  }
  for (const d of m.drawn) {
    const classes = decl.nodes.get(d.id) ?? [];
    const style = {};
    for (const c of classes) {
      for (const [k, v] of Object.entries(decl.classDefs.get(c) ?? {})) if (v !== undefined) style[k] = v;
    }
    if (style.fill && !sameColour(d.fill, style.fill)) out.styles.push(`${d.id} fill ${d.fill}, classDef says ${style.fill}`);
    if (style.stroke && !sameColour(d.stroke, style.stroke)) out.styles.push(`${d.id} stroke ${d.stroke}, classDef says ${style.stroke}`);
    const want = dashNumbers(style.dash);
    const got = dashNumbers(d.dash);
    const same = want.length === 0 ? got.every((x) => x === 0) || got.length === 0 : want.join(',') === got.join(',');
    if (!same) out.styles.push(`${d.id} stroke-dasharray ${d.dash}, classDef says ${style.dash ?? 'none'}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A whole run.

// The spec's persona maps per page (`BIN model --root SITE`), in page order: each map's edges
// as `FROM TO LOOK` (see drawnLook), to hold the drawn edges to.
function modelEdges(bin, siteDir) {
  if (!bin) return null;
  let model;
  try {
    model = JSON.parse(execFileSync(bin, ['model', '--root', siteDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }));
  } catch {
    return null;
  }
  const map = new Map();
  for (const page of model.pages ?? []) {
    map.set(page.id, page.personas.map((p) => p.edges.map((e) => `${e.from} ${e.to} ${drawnLook(e.kind, e.ends)}`).sort()));
  }
  return map;
}

function estimates(bin, siteDir) {
  if (!bin) return null;
  const text = execFileSync(bin, ['estimate', '--root', siteDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const map = new Map();
  for (const line of text.split('\n').filter(Boolean)) {
    const e = JSON.parse(line);
    map.set(`${e.page}#${e.block}`, e.width);
  }
  return map;
}

export async function run(sites, opts) {
  const browser = await openBrowser();
  const figures = [];
  let allPassed = true;
  let counter = 0;
  try {
    for (const siteDir of sites) {
      const name = path.basename(siteDir);
      const problems = { render: [], nodes: [], links: [], styles: [], edges: [], estimate: [], clear: [] };
      const est = estimates(opts.personamap, siteDir);
      const specEdges = modelEdges(opts.personamap, siteDir);
      let mapsChecked = 0;
      for (const pageId of sitePages(siteDir)) {
        const file = path.join(siteDir, `${pageId}.mdx`);
        if (!existsSync(file)) continue;
        const blocks = mermaidBlocks(await readFile(file, 'utf8'));
        // A compiled page draws one map per persona, in order.
        const pageEdges = specEdges?.get(pageId);
        if (pageEdges && pageEdges.length !== blocks.length) {
          problems.edges.push(`${pageId}: ${blocks.length} diagrams for ${pageEdges.length} personas`);
        }
        for (const [i, block] of blocks.entries()) {
          const where = `${pageId}#${i + 1}`;
          const decl = declared(block.text);
          const id = `m${++counter}`;
          const m = await browser.page.evaluate(measureInPage, { text: block.text, id, nodeIds: [...decl.nodes.keys()], lookSource: pathLook.toString() });
          if (m.error) {
            problems.render.push(`${where}: ${m.error}`);
            continue;
          }
          const c = compare(decl, m);
          if (pageEdges && pageEdges.length === blocks.length) {
            const want = pageEdges[i];
            const got = [...m.looks].sort();
            mapsChecked += 1;
            if (JSON.stringify(want) !== JSON.stringify(got)) {
              const missing = want.filter((w) => !got.includes(w));
              const extra = got.filter((g) => !want.includes(g));
              problems.edges.push(`${where}: spec says ${JSON.stringify(missing)}, drawn ${JSON.stringify(extra)}`);
            }
          }
          for (const k of ['nodes', 'links', 'styles']) problems[k].push(...c[k].map((p) => `${where}: ${p}`));
          if (m.unmatchedEdges.length) problems.nodes.push(`${where}: edges whose ends are not declared nodes: ${m.unmatchedEdges.join(', ')}`);
          const estimate = est?.get(where);
          const fig = {
            site: name, page: pageId, block: i + 1,
            width: Math.round(m.naturalWidth), smallest_label_px: Math.round(m.smallestLabel * 10) / 10,
            edges_under: m.edgesUnder, under: m.under,
          };
          if (estimate !== undefined) {
            fig.estimate = Math.round(estimate);
            fig.estimate_error = Math.round(((estimate - m.naturalWidth) / m.naturalWidth) * 1000) / 10;
            // The estimate decides whether labels shrink in the column (`small-labels`): a map
            // that fits the column both as estimated and as drawn is shown at full size either way.
            const fits = Math.max(estimate, m.naturalWidth) <= COLUMN;
            if (Math.abs(estimate - m.naturalWidth) / m.naturalWidth > ESTIMATE_TOLERANCE && !fits && !opts.lenient.includes(siteDir)) {
              problems.estimate.push(`${where}: estimated ${Math.round(estimate)} px, measured ${Math.round(m.naturalWidth)} px (${fig.estimate_error}%)`);
            }
          } else if (est) {
            problems.estimate.push(`${where}: no estimate`);
          }
          if (opts.requireClear.includes(pageId) && m.edgesUnder > 0) problems.clear.push(`${where}: ${m.under.join(', ')}`);
          figures.push(fig);
          console.log(`map  ${name} ${where}: width ${fig.width} px, smallest label ${fig.smallest_label_px} px in ${COLUMN} px, ${fig.edges_under} edge(s) under unrelated nodes${m.under.length ? ` (${m.under.join('; ')})` : ''}${fig.estimate !== undefined ? `, estimate ${fig.estimate} px (${fig.estimate_error > 0 ? '+' : ''}${fig.estimate_error}%)` : ''}`);
          if (opts.png) {
            const dir = path.join(opts.png, name);
            await mkdir(dir, { recursive: true });
            await browser.page.locator('#natural > svg').screenshot({ path: path.join(dir, `${pageId.replaceAll('/', '__')}-${i + 1}.png`) });
          }
        }
      }
      const report = (check, list) => {
        allPassed &&= list.length === 0;
        console.log(list.length === 0 ? `ok   ${check}  ${name}` : `FAIL ${check}  ${name}: ${list.join('; ')}`);
      };
      report('browser-render', problems.render);
      report('browser-nodes', problems.nodes);
      report('browser-links', problems.links);
      report('browser-styles', problems.styles);
      if (specEdges) report(`browser-edges`, mapsChecked > 0 || problems.edges.length ? problems.edges : []);
      if (est) report('browser-estimate', problems.estimate);
      if (opts.requireClear.length) report('browser-clear', problems.clear);
    }
    for (const spec of opts.compare) {
      const [before, after, factor] = spec.split(',');
      const list = [];
      const b = figures.filter((f) => f.page === before);
      const a = figures.filter((f) => f.page === after);
      if (b.length === 0 || b.length !== a.length) list.push(`${before} has ${b.length} maps, ${after} has ${a.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const ratio = a[i].smallest_label_px / b[i].smallest_label_px;
        if (!(ratio >= Number(factor))) list.push(`map ${i + 1}: ${b[i].smallest_label_px} px -> ${a[i].smallest_label_px} px (${ratio.toFixed(2)}x < ${factor}x)`);
      }
      allPassed &&= list.length === 0;
      console.log(list.length === 0 ? `ok   browser-labels  ${after}` : `FAIL browser-labels  ${after}: ${list.join('; ')}`);
    }
  } finally {
    await browser.close();
  }
  if (opts.figures) await writeFile(opts.figures, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
  return allPassed;
}

// ---------------------------------------------------------------------------------------------
// Self-test: each check fails on a planted case.

const PLANTED = {
  'browser-render': 'flowchart LR\n  A["a"]:::c\n  A -.x.-> A\n  classDef c fill:#ffffff,stroke:#000000,color:#000000\n',
  'browser-nodes': 'flowchart LR\n  A["a"]:::c\n  B["b"]:::c\n  A --> Ghost\n  classDef c fill:#ffffff,stroke:#000000,color:#000000\n',
  'browser-links': 'flowchart LR\n  A["a"]:::c\n  click A href "javascript:alert(1)" "tip"\n  classDef c fill:#ffffff,stroke:#000000,color:#000000\n',
  'browser-styles': 'flowchart LR\n  A["a"]:::c\n  B["b"]:::c\n  A --> B\n  style B fill:#00ff00\n  classDef c fill:#ff0000,stroke:#000000,color:#000000,stroke-dasharray:4 2\n',
  // The spec's `A --> B` drawn with a circle end, and with both heads.
  'browser-edges': 'flowchart LR\n  A["a"]:::c\n  B["b"]:::c\n  A --o B\n  classDef c fill:#ffffff,stroke:#000000,color:#000000\n',
  'browser-edges.both': 'flowchart LR\n  A["a"]:::c\n  B["b"]:::c\n  A <--> B\n  classDef c fill:#ffffff,stroke:#000000,color:#000000\n',
  'browser-styles.dash': 'flowchart LR\n  A["a"]:::c\n  style A stroke-dasharray:0\n  classDef c fill:#ffffff,stroke:#000000,color:#000000,stroke-dasharray:4 2\n',
  // Livepeer's persona 3 map as published (the reproduction page): with the default layout the
  // edge "BYOC container -> go-livepeer" runs under "Guide: Per-second pricing".
  'browser-clear': mermaidBlocks(readFileSync(path.join(HERE, '../../v2/developers/concepts/infra-stack.mdx'), 'utf8'))[2]?.text ?? '',
};

async function selfTest() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'browser-self-test-'));
  const sites = [];
  const good = 'flowchart LR\n  A["a"]:::c\n  B["b"]:::d\n  A --> B\n  click B href "/x#y" "tip"\n  classDef c fill:#ffeeee,stroke:#112233,color:#000000\n  classDef d fill:#eeffee,stroke:#445566,color:#000000,stroke-dasharray:4 2\n';
  // The spec of `good`'s one map, for `model` (the fake personamap below prints it).
  const model = JSON.stringify({ pages: [{ id: 'p/page', personas: [{ edges: [{ from: 'A', to: 'B', kind: 'solid', ends: 'arrow' }] }] }] });
  const make = async (name, text, estimate) => {
    const dir = path.join(work, name);
    await mkdir(path.join(dir, 'p'), { recursive: true });
    await writeFile(path.join(dir, 'docs.json'), JSON.stringify({ navigation: { pages: ['p/page'] } }));
    await writeFile(path.join(dir, 'p', 'page.mdx'), `# t\n\n\`\`\`mermaid\n${text}\`\`\`\n`);
    await writeFile(path.join(dir, 'model'), model);
    if (estimate !== undefined) await writeFile(path.join(dir, 'estimate'), JSON.stringify({ page: 'p/page', block: 1, width: estimate }) + '\n');
    sites.push(dir);
  };
  await make('good', good);
  for (const [check, text] of Object.entries(PLANTED)) await make(check, text);
  // browser-estimate: an estimate three times the real width.
  await make('browser-estimate', good, 900);
  const fakeBin = path.join(work, 'fake-personamap');
  await writeFile(fakeBin, '#!/bin/sh\n[ "$1" = model ] && exec cat "$3/model"\ncat "$3/estimate" 2>/dev/null; exit 0\n', { mode: 0o755 });

  const lines = [];
  const log = console.log;
  console.log = (line) => lines.push(line);
  try {
    await run(sites, { personamap: fakeBin, requireClear: ['p/page'], compare: ['p/page,p/page,1.5'], png: null, figures: null, lenient: [] });
  } finally {
    console.log = log;
  }
  let passed = 0;
  let failed = 0;
  const assert = (site, check, want) => {
    const line = lines.find((l) => l.startsWith(`ok   ${check}  ${site}`) || l.startsWith(`FAIL ${check}  ${site}`)) ?? '';
    const ok = want === 'ok' ? line.startsWith('ok ') : line.startsWith('FAIL ');
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${site}: ${check} ${want === 'ok' ? 'passes' : 'fails'}${ok ? ' as expected' : `; got: ${line || 'no line'}`}`);
    ok ? passed++ : failed++;
  };
  for (const check of ['browser-render', 'browser-nodes', 'browser-links', 'browser-styles', 'browser-edges', 'browser-clear']) assert('good', check, 'ok');
  assert('good', 'browser-estimate', 'FAIL'); // the fake estimator knows no width for it
  for (const site of [...Object.keys(PLANTED), 'browser-estimate']) assert(site, site.split('.')[0], 'FAIL');
  // The label comparison of a page with itself is 1.0x.
  const labels = lines.find((l) => l.includes('browser-labels')) ?? '';
  const ok = labels.startsWith('FAIL ');
  console.log(`${ok ? 'ok  ' : 'FAIL'} compare: browser-labels fails on a 1.0x ratio${ok ? ' as expected' : `; got: ${labels}`}`);
  ok ? passed++ : failed++;
  await rm(work, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  if (argv[0] === '--self-test') return selfTest();
  const opts = { png: null, personamap: null, requireClear: [], compare: [], figures: null, lenient: [] };
  const sites = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--png') opts.png = argv[++i];
    else if (a === '--personamap') opts.personamap = argv[++i];
    else if (a === '--require-clear') opts.requireClear.push(argv[++i]);
    else if (a === '--compare') opts.compare.push(argv[++i]);
    else if (a === '--figures') opts.figures = argv[++i];
    else if (a === '--lenient-estimate') opts.lenient.push(path.resolve(argv[++i]));
    else sites.push(path.resolve(a));
  }
  if (sites.length === 0) {
    console.error('usage: node browser.mjs [--png DIR] [--personamap BIN] [--require-clear PAGE] [--compare BEFORE,AFTER,F] [--figures FILE] SITE_DIR ... | --self-test');
    return false;
  }
  return run(sites, opts);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = (await main(process.argv.slice(2))) ? 0 : 1;
}
