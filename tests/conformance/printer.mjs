// Printer differential: every named export of every .jsx file under the folders given, as
// personamap prints it for a page's Markdown export (the print_exports example of the
// personamap-print crate) and as Mintlify does: acorn + acorn-jsx with the options and
// versions of @mintlify/common's getJsxEsmTree (no comments collected, so none printed), then
// estree-util-to-js with its JSX handlers on the statement Mintlify's findExport picks. Any difference fails, with the file, the export and the first
// differing line.
//
//   node printer.mjs PRINT_EXPORTS_BIN DIR [DIR ...]
//   node printer.mjs PRINT_EXPORTS_BIN --self-test
//
// Prints one line per difference, then "printer: N exports in M files identical, K differ";
// exits non-zero on any difference. --self-test checks the planted case in cases/printer/:
// personamap's print must match, and the export's own source text (a printer that printed
// nothing but the input) must be reported as a difference.
import { Parser } from 'acorn-mintlify';
import acornJsx from 'acorn-jsx';
import { toJs, jsx } from 'estree-util-to-js';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const parser = Parser.extend(acornJsx());

function jsxFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsxFiles(full));
    else if (name.endsWith('.jsx')) out.push(full);
  }
  return out;
}

const exportName = (n) => (n.type === 'Identifier' ? n.name : String(n.value));

function bindingNames(pattern, out) {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier': out.push(pattern.name); break;
    case 'ArrayPattern': pattern.elements.forEach((e) => bindingNames(e, out)); break;
    case 'RestElement': bindingNames(pattern.argument, out); break;
    case 'AssignmentPattern': bindingNames(pattern.left, out); break;
    case 'ObjectPattern':
      for (const p of pattern.properties) bindingNames(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
  }
}

// Every named export, in source order (what personamap's Snippet::exports lists).
function namedExports(program) {
  const names = [];
  for (const node of program.body) {
    if (node.type === 'ExportAllDeclaration' && node.exported) names.push(exportName(node.exported));
    if (node.type !== 'ExportNamedDeclaration') continue;
    const d = node.declaration;
    if (d?.type === 'VariableDeclaration') d.declarations.forEach((x) => bindingNames(x.id, names));
    else if (d?.id) names.push(d.id.name);
    for (const s of node.specifiers) names.push(exportName(s.exported));
  }
  return names;
}

const print = (node) => toJs({ type: 'Program', sourceType: 'module', body: [node] }, { handlers: jsx }).value;
const addExportPrefix = (value) => (value.startsWith('export') ? value : `export ${value}`);

function localDeclaration(program, name) {
  for (const node of program.body) {
    if (node.type === 'VariableDeclaration' && node.declarations.some((d) => d.id.type === 'Identifier' && d.id.name === name)) return node;
    if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id?.name === name) return node;
  }
  return null;
}

// Mintlify's findExport (@mintlify/common), over the whole file: the text inlined for `name`,
// or null.
function findExport(program, name) {
  for (const node of program.body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    if (node.specifiers.length > 0) {
      for (const s of node.specifiers) {
        if (exportName(s.exported) !== name) continue;
        const local = localDeclaration(program, s.local.name);
        if (local) return addExportPrefix(print(local));
      }
      continue;
    }
    const d = node.declaration;
    if (d?.type === 'VariableDeclaration') {
      if (d.declarations.some((x) => x.id.type === 'Identifier' && x.id.name === name)) return addExportPrefix(print(node));
    } else if ((d?.type === 'FunctionDeclaration' || d?.type === 'ClassDeclaration') && d.id?.name === name) {
      return addExportPrefix(print(node));
    }
  }
  return null;
}

function mintlify(file) {
  const src = readFileSync(file, 'utf8');
  let program;
  try {
    program = parser.parse(src.trim(), { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true });
  } catch (e) {
    return { error: `${e.loc?.line}:${(e.loc?.column ?? 0) + 1}: ${e.message}` };
  }
  const exports = {};
  for (const name of namedExports(program)) exports[name] = findExport(program, name);
  return { exports };
}

function personamap(bin, files) {
  const json = execFileSync(bin, files, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(json);
}

function firstDifference(a, b) {
  const al = String(a).split('\n');
  const bl = String(b).split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}: personamap ${JSON.stringify(al[i])}, estree-util-to-js ${JSON.stringify(bl[i])}`;
  }
  return 'same lines';
}

// Compares both sides; returns [identical exports, difference lines].
function compare(files, ours) {
  let same = 0;
  const diffs = [];
  for (const file of files) {
    const theirs = mintlify(file);
    const mine = ours[file] ?? { error: 'no result from personamap' };
    if (theirs.error !== undefined || mine.error !== undefined) {
      // A file neither parses is no difference; one side failing alone is.
      if (theirs.error === undefined || mine.error === undefined) {
        diffs.push(`${file}: personamap ${mine.error ?? 'parses'}; acorn ${theirs.error ?? 'parses'}`);
      }
      continue;
    }
    const [a, b] = [mine.exports, theirs.exports];
    const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    for (const name of names) {
      if (!(name in a) || !(name in b)) {
        diffs.push(`${file}: export ${name} is listed by ${name in a ? 'personamap' : 'acorn'} only`);
      } else if (a[name] !== b[name]) {
        diffs.push(`${file}: ${name}: ${firstDifference(a[name], b[name])}`);
      } else {
        same += 1;
      }
    }
  }
  return [same, diffs];
}

const [bin, ...args] = process.argv.slice(2);
if (!bin || args.length === 0) {
  console.error('usage: node printer.mjs PRINT_EXPORTS_BIN DIR [DIR ...] | PRINT_EXPORTS_BIN --self-test');
  process.exit(2);
}
if (args[0] === '--self-test') {
  const files = jsxFiles(path.join(HERE, 'cases', 'printer'));
  const ours = personamap(bin, files);
  const [same, diffs] = compare(files, ours);
  const matchOk = diffs.length === 0 && same > 0;
  console.log(`${matchOk ? 'ok  ' : 'FAIL'} printer: personamap prints the ${same} planted exports as estree-util-to-js does${matchOk ? '' : `: ${diffs.join('; ')}`}`);
  // Plant a wrong printer: each export's own source text, unprinted.
  const planted = {};
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const program = parser.parse(src, { ecmaVersion: 'latest', sourceType: 'module' });
    const exports = {};
    for (const node of program.body) {
      if (node.type !== 'ExportNamedDeclaration') continue;
      for (const name of namedExports({ body: [node] })) exports[name] = `${src.slice(node.start, node.end)}\n`;
    }
    planted[file] = { exports };
  }
  const [, plantedDiffs] = compare(files, planted);
  const caught = plantedDiffs.length > 0;
  console.log(`${caught ? 'ok  ' : 'FAIL'} printer: a printer that returns the source text is caught (${plantedDiffs.length} differences)`);
  process.exit(matchOk && caught ? 0 : 1);
}
const files = args.flatMap((dir) => jsxFiles(dir));
const [same, diffs] = compare(files, personamap(bin, files));
for (const d of diffs) console.log(`FAIL printer ${d}`);
console.log(`printer: ${same} exports in ${files.length} files identical, ${diffs.length} differ`);
process.exit(diffs.length === 0 ? 0 : 1);
