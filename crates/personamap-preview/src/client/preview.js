// personamap preview, in the browser: draws every map with the embedded Mermaid (ELK layout
// registered, as Mintlify does), follows the server's events and swaps in only the sections
// that changed, drawing only the maps whose source changed. No reload; the scroll stays.
import elk from '/_personamap/vendor/layout-elk/mermaid-layout-elk.esm.min.mjs';

const mermaid = window.mermaid;
mermaid.registerLayoutLoaders(elk);
const options = { startOnLoad: false, securityLevel: 'strict' };

// Mermaid deep-copies its whole configuration, about 900 entries, once or more for every label
// it draws; over 500 of them are the settings of diagram types other than flowcharts. While
// every map drawn is a flowchart, those settings are emptied: the same SVG (checked against the
// full configuration by tests/conformance/preview.mjs), drawn in about two thirds of the time.
// The first diagram of another type puts them back for the rest of the page's life.
const FLOWCHART_SETTINGS = new Set(['flowchart', 'themeVariables', 'elk']);
const FLOWCHARTS = new Set(['flowchart', 'flowchart-v2', 'flowchart-elk']);
const defaults = mermaid.mermaidAPI.defaultConfig;
const emptied = new Map();
for (const [key, value] of Object.entries(defaults)) {
  if (!value || typeof value !== 'object' || Array.isArray(value) || FLOWCHART_SETTINGS.has(key)) continue;
  const saved = { ...value };
  try {
    for (const name of Object.keys(value)) delete value[name];
    emptied.set(key, saved);
  } catch {
    Object.assign(value, saved);
  }
}
mermaid.initialize(options);

function restoreSettings() {
  if (emptied.size === 0) return;
  for (const [key, saved] of emptied) Object.assign(defaults[key], saved);
  emptied.clear();
  mermaid.initialize(options);
}

// Draws `source` as Mermaid would with its full configuration.
async function render(id, source) {
  let type = null;
  try {
    type = mermaid.detectType(source);
  } catch {
    // Not a diagram Mermaid knows: it reports that itself, with its full settings.
  }
  if (!FLOWCHARTS.has(type)) restoreSettings();
  return mermaid.render(id, source);
}

const page = document.body.dataset.page;
const content = document.getElementById('pm-content');
const statusLine = document.getElementById('pm-status');
const widthButton = document.getElementById('pm-width');
const encoded = page.split('/').map(encodeURIComponent).join('/');
// What tests and the benchmark read: the version shown, when its maps were painted, and the
// client's own way of drawing a diagram (`render`).
const state = (window.__personamap = { version: Number(document.body.dataset.version), updates: 0, receivedAt: 0, paintedAt: 0, ready: false, render });

// Mermaid renders one diagram at a time; drawn SVGs are kept by source, so an unchanged map is
// never drawn twice.
const drawn = new Map();
let queue = Promise.resolve();
let serial = 0;

async function draw(figure) {
  const source = figure.querySelector('.pm-source').textContent;
  let svg = drawn.get(source);
  if (svg === undefined) {
    try {
      ({ svg } = await render(`pm-map-${++serial}`, source));
    } catch (error) {
      const pre = document.createElement('pre');
      pre.className = 'pm-render-error';
      pre.textContent = `Mermaid cannot draw this map: ${error?.message ?? error}`;
      svg = pre.outerHTML;
    }
    drawn.set(source, svg);
  }
  figure.querySelector('.pm-diagram').innerHTML = svg;
  size(figure);
}

function drawAll(figures) {
  queue = queue.then(async () => {
    for (const figure of figures) await draw(figure);
  });
  return queue;
}

// Column: the map shrinks to Mintlify's 720 px column, as Mintlify draws it. Natural: its own width.
function size(figure) {
  const svg = figure.querySelector('.pm-diagram > svg');
  if (!svg) return;
  const width = svg.viewBox?.baseVal?.width || svg.getBoundingClientRect().width;
  const natural = document.body.classList.contains('pm-natural');
  svg.style.maxWidth = natural ? 'none' : `${width}px`;
  svg.style.width = natural ? `${width}px` : '100%';
}

widthButton.addEventListener('click', () => {
  const natural = document.body.classList.toggle('pm-natural');
  widthButton.setAttribute('aria-pressed', String(natural));
  widthButton.textContent = natural ? '720 px column' : 'Natural width';
  document.querySelectorAll('.pm-map').forEach(size);
});

// Tabs: one panel shown; the others stay laid out (hidden) so their maps measure right.
document.addEventListener('click', (event) => {
  const button = event.target.closest('.pm-tablist > button');
  if (!button) return;
  select(button.closest('.pm-tabs'), [...button.parentNode.children].indexOf(button));
});

function select(tabs, index) {
  [...tabs.querySelector('.pm-tablist').children].forEach((b, i) => b.setAttribute('aria-selected', String(i === index)));
  [...tabs.querySelectorAll(':scope > .pm-tab')].forEach((p, i) => p.classList.toggle('pm-active', i === index));
}

function selected(section) {
  return [...section.querySelectorAll('.pm-tabs')].map((t) =>
    [...t.querySelector('.pm-tablist').children].findIndex((b) => b.getAttribute('aria-selected') === 'true'));
}

function diagnostic(d) {
  const item = document.createElement('li');
  const sev = document.createElement('span');
  sev.className = 'pm-sev';
  sev.textContent = `${d.error ? 'error' : 'warning'}[${d.rule}]`;
  item.append(sev, ' ');
  if (d.place) {
    const place = document.createElement('code');
    place.className = 'pm-place';
    place.textContent = d.place;
    item.append(place, ' ');
  }
  const message = document.createElement('span');
  message.className = 'pm-message';
  message.textContent = d.message;
  item.append(message);
  if (d.help) {
    const help = document.createElement('div');
    help.className = 'pm-help';
    help.textContent = `help: ${d.help}`;
    item.append(help);
  }
  return item;
}

// The diagnostics last shown: a save that changes none leaves the overlay and list alone (no
// layout of the page for them).
let shownDiagnostics = '';

function diagnostics(errors, notes) {
  const key = JSON.stringify([errors, notes]);
  if (key === shownDiagnostics) return;
  shownDiagnostics = key;
  const overlay = document.getElementById('pm-overlay');
  overlay.querySelector('ul').replaceChildren(...errors.map(diagnostic));
  overlay.hidden = errors.length === 0;
  const list = document.getElementById('pm-notes');
  list.replaceChildren(...notes.map(diagnostic));
  list.hidden = notes.length === 0;
}

function sectionOf(key, hash, html) {
  const section = document.createElement('section');
  section.dataset.key = key;
  section.dataset.hash = hash;
  section.innerHTML = html;
  return section;
}

async function apply(message) {
  diagnostics(message.errors, message.notes);
  if (!message.page) {
    statusLine.textContent = 'this page is no longer generated';
    return;
  }
  const { sections, html } = message.page;
  const old = [...content.children];
  const byKey = new Map(old.map((s) => [s.dataset.key, s]));
  const byHash = new Map(old.map((s) => [s.dataset.hash, s]));
  const known = (s) => byKey.get(s.key)?.dataset.hash === s.hash || byHash.has(s.hash) || s.key in html;
  if (!sections.every(known)) {
    // Updates were missed (a reconnect): fetch the whole page once.
    const response = await fetch(`/_personamap/page/${encoded}`);
    if (!response.ok) return;
    const full = await response.json();
    if (full.page && full.page.sections.every((s) => s.key in full.page.html)) await apply(full);
    return;
  }
  const next = [];
  const fresh = [];
  for (const s of sections) {
    const same = byKey.get(s.key);
    if (same?.dataset.hash === s.hash) {
      next.push(same);
    } else if (byHash.has(s.hash)) {
      const moved = byHash.get(s.hash);
      moved.dataset.key = s.key;
      next.push(moved);
    } else {
      const section = sectionOf(s.key, s.hash, html[s.key]);
      const before = same ? selected(same) : [];
      section.querySelectorAll('.pm-tabs').forEach((t, i) => before[i] > 0 && select(t, before[i]));
      fresh.push(section);
      next.push(section);
    }
  }
  // The new maps are drawn before they replace the old ones, so nothing jumps meanwhile.
  await drawAll(fresh.flatMap((s) => [...s.querySelectorAll('.pm-map')]));
  // The scroll as it is now: a value kept from scroll events can be stale (the browser
  // dispatches them at its next frame, and a loaded headless one may not have yet).
  const { scrollX, scrollY } = window;
  content.replaceChildren(...next);
  window.scrollTo(scrollX, scrollY);
  // Keep only the drawings still on the page, so a long session does not grow.
  const shown = new Set([...content.querySelectorAll('.pm-source')].map((s) => s.textContent));
  for (const source of drawn.keys()) if (!shown.has(source)) drawn.delete(source);
  document.title = message.page.title;
  state.version = message.version;
  state.updates += 1;
  // A frame, then a task: the frame with the new maps has been painted.
  requestAnimationFrame(() => setTimeout(() => {
    state.paintedAt = Date.now();
    statusLine.textContent = `updated (version ${message.version})`;
    document.dispatchEvent(new CustomEvent('personamap:updated', { detail: message.version }));
  }, 0));
}

let applying = Promise.resolve();
function listen() {
  const events = new EventSource(`/_personamap/events/${encoded}`);
  events.addEventListener('update', (event) => {
    state.receivedAt = Date.now();
    const message = JSON.parse(event.data);
    applying = applying.then(() => apply(message)).catch((error) => {
      statusLine.textContent = `update failed: ${error}`;
    });
  });
  events.addEventListener('open', () => (statusLine.textContent = 'live'));
  events.addEventListener('error', () => (statusLine.textContent = 'reconnecting…'));
}

drawAll([...document.querySelectorAll('.pm-map')]).then(() => {
  state.ready = true;
  state.paintedAt = Date.now();
  listen();
});
