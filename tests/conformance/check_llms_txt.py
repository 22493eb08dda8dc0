"""Conformance check 6: a site's root llms.txt, read by the reference parser (PyPI llms-txt 0.0.7).

    python check_llms_txt.py SITE_DIR [--expect-pages ID ...]

Prints one line per problem and exits 1 if there is any, else prints nothing and exits 0
(check.mjs turns that into the "llms-txt" result line). Passes when parse_llms_file() reads the file, finds an H1 title, and, for every page id given
after --expect-pages, some section entry has a URL ending in "/<page id>.md". A site without a
root llms.txt passes when every expected page is in docs.json navigation: Mintlify then serves
its own index, which lists every navigation page.

Parser quirks this relies on (they are why a file can look fine and still fail):
- an H1 followed directly by a "## Section" (no summary or paragraph between) does not parse;
- every non-empty line inside a section must be a "- [Title](url)" link line;
- a summary with nothing after it is taken as the paragraph, not the summary;
- "###" headings also start a section (the split is on "^##").
"""

import argparse
import json
import sys
from pathlib import Path

from llms_txt import parse_llms_file


def navigation_pages(docs_json: Path) -> set[str]:
    """Page ids listed anywhere in docs.json navigation (strings in `pages` arrays, `root`)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "pages" and isinstance(value, list):
                    for item in value:
                        if isinstance(item, str):
                            found.add(item)
                        else:
                            walk(item)
                elif key == "root" and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)

    try:
        walk(json.loads(docs_json.read_text(encoding="utf-8")).get("navigation"))
    except (OSError, ValueError, AttributeError):
        pass
    return found


def problems(site_dir: Path, expected_pages: list[str]) -> list[str]:
    path = site_dir / "llms.txt"
    if not path.is_file():
        # Without a root llms.txt Mintlify serves its own index of every navigation page (what
        # personamap leaves a site without one to): each page must then be in navigation.
        nav = navigation_pages(site_dir / "docs.json")
        return [f"no llms.txt at the site root, and page {page} is not in docs.json navigation, "
                "so Mintlify's own index would not list it"
                for page in expected_pages if page not in nav]
    try:
        parsed = parse_llms_file(path.read_text(encoding="utf-8"))
    except Exception as err:  # the parser reports malformed input as TypeError/AttributeError
        return [f"parse_llms_file failed ({type(err).__name__}: {err}); "
                "an H1 needs a '>' summary or paragraph before the first '##', "
                "and sections may hold only '- [Title](url)' lines"]
    if not parsed.title:
        return ["no H1 title"]
    urls = [link["url"] for links in parsed.sections.values() for link in links]
    missing = [page for page in expected_pages
               if not any(url.endswith(f"/{page}.md") for url in urls)]
    return [f"no entry for page {page} (URL ending /{page}.md)" for page in missing]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--expect-pages", nargs="*", default=[], metavar="ID")
    args = parser.parse_args()
    found = problems(args.site_dir, args.expect_pages)
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
