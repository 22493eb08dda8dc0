#!/usr/bin/env python3
"""Writes N sites of random prose for the differential stage: prose_sites.py OUT N [SEED].

Each site (OUT/prose-NN: docs.json, index.mdx, personas/spec.toml) has 30 pages whose intro
and closing, and one persona whose intro, are random mixes of the pieces that open or close
Markdown and MDX constructs (fences, code, maths, JSX comments, lists, quotes, ESM words,
CRLF), as the prose property test in crates/personamap-check/tests/properties.rs draws them.
The same seed gives the same sites.
"""
import json
import os
import random
import sys

PIECES = ["`", "``", "```", "~~~", "$", "$$", "{", "}", "<", "<b", ">", "> ", "\n", "\n\n", " ",
          "    ", "\t", "- ", "1. ", "* ", "# ", "|", "---", "\\", "import", "export", "{/*", "*/}",
          "a", "b c", "\ufeff", "\r\n"]
DOCS = {"name": "Prose", "theme": "mint", "colors": {"primary": "#0b66ff"},
        "navigation": {"groups": [{"group": "Docs", "pages": ["index"]}]}}


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)

    def prose():
        return "".join(rng.choice(PIECES) for _ in range(rng.randrange(4, 24)))

    def s(text):
        return json.dumps(text, ensure_ascii=False)

    for i in range(n):
        site = os.path.join(out, f"prose-{i:02}")
        os.makedirs(os.path.join(site, "personas"), exist_ok=True)
        with open(os.path.join(site, "docs.json"), "w", encoding="utf-8") as f:
            json.dump(DOCS, f, indent=2)
        with open(os.path.join(site, "index.mdx"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: Home\ndescription: Home.\n---\n\nWelcome.\n")
        spec = ['[site]\nbase_url = "https://prose.dev"\n\n[divider]\npath = "snippets/Divider.jsx"\nlogo = "/logo.svg"\n']
        for p in range(30):
            spec.append(f'[[page]]\nid = "p{p}"\ntitle = "Page {p}"\ndescription = "Prose {p}."\n'
                        f'navigation = ["Docs"]\npersonas = [1]\nintro = {s(prose())}\nclosing = {s(prose())}\n')
        spec.append('[[palette]]\nname = "p"\nmeaning = "Persona"\nfill = "#0b66ff"\nstroke = "#0a4cc6"\ncolor = "#ffffff"\n')
        spec.append(f'[[persona]]\nnumber = 1\nname = "One"\nintro = {s(prose())}\nedges = "A --> B"\n\n'
                    '[[persona.group]]\nclass = "p"\nnodes = [{ id = "A", label = ["A"] }, { id = "B", label = ["B"] }]\n')
        with open(os.path.join(site, "personas", "spec.toml"), "w", encoding="utf-8") as f:
            f.write("\n".join(spec))


if __name__ == "__main__":
    main()
