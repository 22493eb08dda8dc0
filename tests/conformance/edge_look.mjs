// How an edge is drawn, in the words both the differential (jsdom) and the browser stage
// (Chromium) compare: `CLASS start:HEAD end:HEAD`, the path's line style class and the heads
// of its markers, from the spec's model (drawnLook) or from a drawn path (pathLook).

// The drawn path's class for each line style of the model.
const STROKE_CLASS = { solid: 'edge-pattern-solid', dotted: 'edge-pattern-dotted', thick: 'edge-thickness-thick', invisible: 'edge-thickness-invisible' };
// The marker heads at the start and the end of an edge with the model's ends.
const HEADS = {
  none: ['none', 'none'], arrow: ['none', 'point'], circle: ['none', 'circle'], cross: ['none', 'cross'],
  'both-arrows': ['point', 'point'], 'both-circles': ['circle', 'circle'], 'both-crosses': ['cross', 'cross'],
};

// How an edge of the model's `kind` and `ends` must be drawn.
export function drawnLook(kind, ends) {
  const [start, end] = HEADS[ends] ?? [`unknown ends ${ends}`, ''];
  return `${STROKE_CLASS[kind] ?? `unknown kind ${kind}`} start:${start} end:${end}`;
}

// How a drawn edge path looks: its line style class and the heads of its markers
// (`url(#…_flowchart-v2-pointEnd)` and the like). Self-contained: the browser stage runs its
// source inside Chromium.
export function pathLook(p) {
  const classes = (p.getAttribute('class') ?? '').split(/\s+/);
  const style = ['edge-thickness-invisible', 'edge-thickness-thick', 'edge-pattern-dotted', 'edge-pattern-solid'].find((c) => classes.includes(c)) ?? 'no style class';
  const head = (attr) => (p.getAttribute(attr) ?? '').match(/(point|circle|cross)(Start|End)/)?.[1] ?? 'none';
  return `${style} start:${head('marker-start')} end:${head('marker-end')}`;
}
