// The printer's tricky constructs (also its insta snapshot in crates/personamap-print).

export const Exprs = async (a, b) => {
  // dropped
  const o = { x: 1, "y-z": [1, , 3,], [a]: { deep: { deeper: true } }, ...b, get g() { return 1 }, m(x) {} };
  const p = (a + b) * (a - b) ** 2 + (a ** b) ** 2 + -(-a) + +(+a) + - --a + typeof (a + b);
  const q = (a ?? b) || (a && b) ? (a, b) : a = b;
  const r = new (f())(1) + new a.b.C + (function () {})() + (() => ({ a }))();
  const s = a?.b?.[c]?.(d) ?? (await a) ?? `t${a}u${b}v`;
  const t = styled.div`x` + f`y`;
  const { u = 1, v: [w, ...x], ...y } = o;
  ({ a, b } = o);
  return s;
};
export const Statements = async function* named(a) {
  label: for (let i = 0, j = 1; i < 3; i++) { if (i) continue label; else break; }
  for (const k in a) yield k;
  for await (const k of a) yield* k;
  while (a) a--;
  do { a++ } while (a < 3);
  switch (a) { case 1: { a = 2; } case 2: a = 3; break; default: }
  try { throw new Error("x") } catch { } finally { debugger; }
  try {} catch (e) {}
  if (a) {} else if (b in a) {} else ;
};
export class Klass extends (a, b) {
  static #p = 1;
  q;
  constructor(x) { super(x); super.y(); }
  static get [k]() { return this.#p; }
  async *gen() {}
  static { init(); }
}
export const Jsx = () => <A.B.C ns:attr="&quot;q&quot; &amp;amp; <ok>" b={<i />} c=<>f</> d='it&apos;s'>
  text with &lt;tag&gt; &#123;braces&#125; and &copy; &amp; and more
  {/* comment only */}
  <></>
</A.B.C>;
const local = 1, other = 2;
export { local as Renamed, other };
export * as ns from "/snippets/x.jsx";
export { Remote } from "/snippets/y.jsx";
