// Shared by the conformance checks: reading personamap's lock.

// The page ids a personamap lock lists: `path = "….mdx"` lines of its `[[file]]` tables (the
// lock's format since issue 11), or one path a line (the earlier format).
export function lockedPages(text) {
  return text.split('\n').map((l) => l.trim()).flatMap((l) => {
    const toml = l.match(/^path\s*=\s*("(?:[^"\\]|\\.)*")$/);
    const file = toml ? JSON.parse(toml[1]) : (l.startsWith('#') || l.includes('=') ? '' : l);
    return file.endsWith('.mdx') ? [file.slice(0, -'.mdx'.length)] : [];
  });
}
