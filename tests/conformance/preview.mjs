// The `personamap preview` stage: starts the preview on a free port for each site and drives
// it in Debian's Chromium (playwright-core), offline.
//
//   node preview.mjs [--bench N] SITE_DIR ...
//
// Per site it prints `ok   CHECK  SITE` or `FAIL CHECK  SITE: problems` for:
//   preview-index     the index links every page the spec generates
//   preview-maps      every page's maps render, each with the node count the spec says
//                     (`personamap model`), none as Mermaid's error diagram
//   preview-settings  each map drawn with Mermaid's settings for other diagram types emptied
//                     (as the client draws flowcharts) is the same SVG as with the full settings
//   preview-live      editing a label in the spec shows the new label without a reload
//                     (no main-frame navigation), the scroll position kept
//   preview-overlay   saving an invalid spec shows the overlay with the file:line:col that
//                     `personamap check --format json` reports, the maps still drawn under it
//   preview-fix       restoring the spec clears the overlay and shows the old label again
//   preview-offline   no request left 127.0.0.1 (every other request is blocked and counted)
//   preview-stop      SIGTERM ends the server (exit 0) within 5 s
// The site's files are edited in place and restored: pass copies.
//
// With --bench N: N label edits per page (each a new label), and the median time from the write of
// the spec file to the new SVG painted (a frame and a task after the swap), per page and over
// all, printed as `bench` lines.
//
// environment: PERSONAMAP (the binary; default target/release/personamap)
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = process.env.PERSONAMAP ?? path.join(HERE, '../../target/release/personamap');
const CHROMIUM = '/usr/bin/chromium';
const WAIT = 20000;

function installChromium() {
  if (existsSync(CHROMIUM)) return;
  console.error('installing chromium (apt-get) ...');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

// Starts `personamap preview --port 0` on SITE; resolves with { url, child } once it prints its URL.
function startPreview(site) {
  const child = spawn(BIN, ['preview', '--root', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`preview printed no URL: ${out}${stderr}`)), WAIT);
    child.stdout.on('data', (d) => {
      out += d;
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (url) {
        clearTimeout(timer);
        resolve({ url: url[0], child });
      }
    });
    child.on('exit', (code) => reject(new Error(`preview exited (${code}): ${out}${stderr}`)));
  });
}

function stopPreview(child) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('did not exit within 5 s'), 5000);
    child.removeAllListeners('exit');
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : `exited with ${code ?? signal}`);
    });
    child.kill('SIGTERM');
  });
}

function specFiles(site) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.toml')) out.push(p);
    }
  };
  walk(path.join(site, 'personas'));
  return out.sort();
}

// A label line of one of PAGE's maps that occurs exactly once in the spec, quoted:
// { file, text, line, persona }.
async function editableLabel(site, page) {
  const files = await Promise.all(specFiles(site).map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
  for (const persona of page.personas) {
    for (const node of persona.nodes) {
      for (const line of node.lines) {
        if (!/^[\w .:()-]{4,}$/.test(line)) continue;
        const quoted = `"${line}"`;
        const hits = files.filter((f) => f.text.includes(quoted));
        if (hits.length === 1 && hits[0].text.split(quoted).length === 2) {
          return { ...hits[0], line, persona: persona.number };
        }
      }
    }
  }
  return null;
}

function errorPlaces(site) {
  let out = '';
  try {
    execFileSync(BIN, ['check', '--root', site, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    out = e.stdout;
  }
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((d) => d.severity === 'error' && d.file)
    .map((d) => `${d.file}:${d.line}:${d.column}`);
}

const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: WAIT, polling: 20 });

// Resolves on the page's next `personamap:updated` event with the time its maps were painted.
function nextUpdate(page) {
  return page.evaluate((wait) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no update')), wait);
    document.addEventListener('personamap:updated', () => {
      clearTimeout(timer);
      resolve({ painted: window.__personamap.paintedAt, received: window.__personamap.receivedAt });
    }, { once: true });
  }), WAIT);
}

async function drawnMaps(page) {
  return page.evaluate(() => [...document.querySelectorAll('figure.pm-map')].map((f) => ({
    persona: Number(f.dataset.persona),
    nodes: f.querySelectorAll('.pm-diagram svg g.node').length,
    error: !!f.querySelector('.pm-render-error') || !!f.querySelector('svg[aria-roledescription="error"]'),
    text: f.querySelector('.pm-diagram')?.textContent ?? '',
  })));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function checkSite(context, site, bench) {
  const results = [];
  const report = (check, problems) => {
    results.push(problems.length === 0);
    console.log(problems.length === 0 ? `ok   ${check}  ${site}` : `FAIL ${check}  ${site}: ${problems.join('; ')}`);
  };
  const model = JSON.parse(execFileSync(BIN, ['model', '--root', site], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }));
  const { url, child } = await startPreview(site);
  const page = await context.newPage();
  let navigations = 0;
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
  const problems = [];
  try {
    await page.goto(url);
    const links = await page.$$eval('.pm-index a', (as) => as.map((a) => a.getAttribute('href')));
    const missing = model.pages.filter((p) => !links.includes(`/${p.id}`)).map((p) => p.id);
    report('preview-index', missing.map((id) => `${id} not listed`));

    const mapProblems = [];
    for (const p of model.pages) {
      await page.goto(url + p.id);
      await until(page, () => window.__personamap?.ready === true);
      const maps = await drawnMaps(page);
      if (maps.length !== p.personas.length) mapProblems.push(`${p.id}: ${maps.length} maps, the spec says ${p.personas.length}`);
      maps.forEach((m, i) => {
        const want = p.personas[i];
        if (!want) return;
        if (m.error) mapProblems.push(`${p.id} map ${i + 1}: Mermaid's error diagram`);
        if (m.persona !== want.number) mapProblems.push(`${p.id} map ${i + 1}: persona ${m.persona}, the spec says ${want.number}`);
        if (m.nodes !== want.nodes.length) mapProblems.push(`${p.id} map ${i + 1}: ${m.nodes} nodes drawn, the spec says ${want.nodes.length}`);
      });
    }
    report('preview-maps', mapProblems);

    // The client draws flowcharts with Mermaid's settings for other diagram types emptied: each
    // map must come out as with the full settings. Tab A draws every map of a page as the client
    // does; tab B first draws a sequence diagram (which puts the settings back), then the maps.
    const settingProblems = [];
    const drawEach = (tab, first) => tab.evaluate(async (first) => {
      const p = window.__personamap;
      const entries = (o) => (o && typeof o === 'object' ? Object.keys(o).reduce((n, k) => n + 1 + entries(o[k]), 0) : 0);
      const out = { svgs: [], before: entries(window.mermaid.mermaidAPI.getConfig()) };
      if (first) out.first = (await p.render('pm-diff-first', first)).svg;
      out.after = entries(window.mermaid.mermaidAPI.getConfig());
      const sources = [...document.querySelectorAll('.pm-source')].map((s) => s.textContent);
      for (const [i, source] of sources.entries()) out.svgs.push((await p.render(`pm-diff-${i}`, source)).svg);
      return out;
    }, first);
    for (const p of model.pages) {
      const [a, b] = [await context.newPage(), await context.newPage()];
      try {
        for (const tab of [a, b]) {
          await tab.goto(url + p.id);
          await until(tab, () => window.__personamap?.ready === true);
        }
        const pruned = await drawEach(a, null);
        const full = await drawEach(b, 'sequenceDiagram\n  Alice->>Bob: hello');
        if (!(pruned.after < full.after)) settingProblems.push(`${p.id}: the settings were not emptied (${pruned.after} entries against ${full.after})`);
        if (!/<svg[^>]*aria-roledescription="sequence"/.test(full.first ?? '')) settingProblems.push(`${p.id}: a sequence diagram after them was not drawn`);
        if (pruned.svgs.length !== p.personas.length) settingProblems.push(`${p.id}: ${pruned.svgs.length} maps drawn`);
        pruned.svgs.forEach((svg, i) => {
          if (svg !== full.svgs[i]) {
            let at = 0;
            while (svg[at] === full.svgs[i]?.[at]) at++;
            settingProblems.push(`${p.id} map ${i + 1}: differs from the full settings' drawing at ${at}: ${JSON.stringify(svg.slice(at, at + 80))} against ${JSON.stringify(full.svgs[i]?.slice(at, at + 80))}`);
          }
        });
      } finally {
        await a.close();
        await b.close();
      }
    }
    report('preview-settings', settingProblems);

    // Live edits on the first page whose maps have an editable label.
    let target = null;
    let edit = null;
    for (const p of model.pages) {
      edit = await editableLabel(site, p);
      if (edit) {
        target = p;
        break;
      }
    }
    if (!edit) {
      report('preview-live', ['no label to edit']);
    } else {
      await page.goto(url + target.id);
      await until(page, () => window.__personamap?.ready === true);
      const index = target.personas.findIndex((x) => x.number === edit.persona);
      await page.evaluate((i) => document.querySelectorAll('figure.pm-map')[i].scrollIntoView(), index);
      const scrolled = await page.evaluate(() => window.scrollY);
      const before = navigations;
      const edited = `${edit.line} edited`;
      const live = [];
      let update = nextUpdate(page);
      await writeFile(edit.file, edit.text.replace(`"${edit.line}"`, `"${edited}"`));
      await update;
      // Labels are wrapped into lines: compared without white space.
      await until(page, ([i, label]) => (document.querySelectorAll('figure.pm-map')[i]?.textContent ?? '').replace(/\s+/g, '').includes(label.replace(/\s+/g, '')), [index, edited]).catch(() => live.push(`the new label ${edited} (${path.relative(site, edit.file)}) is not shown in map ${index + 1}`));
      if (navigations !== before) live.push(`the page navigated ${navigations - before} time(s)`);
      const y = await page.evaluate(() => window.scrollY);
      if (Math.abs(y - scrolled) > 1) live.push(`scrolled from ${scrolled} to ${y}`);
      report('preview-live', live);

      // An invalid spec: the overlay, at the place `check` reports.
      const broken = `${edit.text}\n[[persona]]\nnumber = "not a number"\n`;
      update = nextUpdate(page);
      await writeFile(edit.file, broken);
      const places = errorPlaces(site);
      await update.catch(() => {});
      const overlay = [];
      if (places.length === 0) overlay.push('`check` found no located error in the broken spec');
      await until(page, () => !document.getElementById('pm-overlay').hidden).catch(() => overlay.push('no overlay'));
      const shown = await page.$eval('#pm-overlay', (o) => o.textContent);
      for (const place of places) if (!shown.includes(place)) overlay.push(`overlay lacks ${place}: ${shown.slice(0, 300)}`);
      const under = await drawnMaps(page);
      if (under.length !== target.personas.length || under.some((m) => m.nodes === 0)) overlay.push('the last good maps are gone');
      if (navigations !== before) overlay.push('the page navigated');
      report('preview-overlay', overlay);

      // The fix clears it.
      const fixed = [];
      await writeFile(edit.file, edit.text);
      await until(page, () => document.getElementById('pm-overlay').hidden).catch(() => fixed.push('the overlay stays'));
      await until(page, ([i, label]) => {
        const text = (document.querySelectorAll('figure.pm-map')[i]?.textContent ?? '').replace(/\s+/g, '');
        const bare = label.replace(/\s+/g, '');
        return text.includes(bare) && !text.includes(`${bare}edited`);
      }, [index, edit.line]).catch(() => fixed.push('the old label is not back'));
      if (navigations !== before) fixed.push('the page navigated');
      report('preview-fix', fixed);
    }

    if (bench > 0) {
      const all = [];
      for (const p of model.pages) {
        const e = await editableLabel(site, p);
        if (!e) continue;
        await page.goto(url + p.id);
        await until(page, () => window.__personamap?.ready === true);
        const times = [];
        const served = [];
        for (let i = 0; i < bench; i++) {
          // A new label each time: every save is a map Mermaid has not drawn yet.
          const label = `${e.line} v${i}`;
          const update = nextUpdate(page);
          const written = Date.now();
          await writeFile(e.file, e.text.replace(`"${e.line}"`, `"${label}"`));
          const { painted, received } = await update;
          times.push(painted - written);
          served.push(received - written);
          // Saves a moment apart, as an author's are.
          await new Promise((r) => setTimeout(r, 100));
        }
        await writeFile(e.file, e.text);
        await nextUpdate(page).catch(() => {});
        all.push(...times);
        console.log(`bench save-to-paint ${p.id}: median ${median(times)} ms, min ${Math.min(...times)} ms, max ${Math.max(...times)} ms (${times.length} saves); save to event received: median ${median(served)} ms`);
      }
      if (all.length) console.log(`bench save-to-paint all pages: median ${median(all)} ms over ${all.length} saves`);
    }
  } catch (e) {
    problems.push(String(e?.stack ?? e));
  } finally {
    await page.close();
    const stopped = await stopPreview(child);
    report('preview-stop', stopped ? [stopped] : []);
  }
  if (problems.length) report('preview-run', problems);
  return results.every(Boolean);
}

async function main() {
  const args = process.argv.slice(2);
  let bench = 0;
  const sites = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--bench') bench = Number(args[++i]);
    else sites.push(path.resolve(args[i]));
  }
  if (sites.length === 0) {
    console.error('usage: node preview.mjs [--bench N] SITE_DIR ...');
    process.exit(2);
  }
  installChromium();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'preview-stage-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Every request that would leave 127.0.0.1 is blocked and counted.
  const left = [];
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if ((protocol === 'http:' && hostname === '127.0.0.1') || protocol === 'data:') return route.continue();
    left.push(route.request().url());
    return route.abort();
  });
  let ok = true;
  try {
    for (const site of sites) {
      const before = left.length;
      ok = (await checkSite(context, site, bench)) && ok;
      const out = left.slice(before);
      console.log(out.length === 0 ? `ok   preview-offline  ${site}` : `FAIL preview-offline  ${site}: ${out.length} request(s) left 127.0.0.1: ${out.slice(0, 5).join(', ')}`);
      ok = ok && out.length === 0;
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

await main();
