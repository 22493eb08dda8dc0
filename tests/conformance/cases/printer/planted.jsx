// The printer differential's planted case: constructs where Mintlify's printed form differs
// from how people write them (prettier-style parentheses, wrapped objects, comments).
/** A JSDoc block, dropped. */
export const Planted = ({ label = "x", items = [], ...rest }) => {
  const style = { margin: "0 auto", padding: 0 }; // trailing comment

  return (
    <div className="planted" data-x='single' {...rest}>
      {items.map((item, i) => (
        <span key={i} style={{ opacity: i > 0 ? 0.5 : 1 }}>
          {item?.name ?? `item ${i}`} &amp; more &copy;
        </span>
      ))}
      {/* a JSX comment */}
      {label && <>{label}</>}
    </div>
  );
};

const helper = (a, b) => (a + b) * (a - b) ** 2;
export { helper, helper as Renamed };
export function Legacy(x) {
  return typeof x === "string" ? new Date(x) : -(-x);
}
