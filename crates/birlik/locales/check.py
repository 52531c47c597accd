#!/usr/bin/env python3
"""Checks the Fluent message files of Birlik.

Run from anywhere (needs the `fluent.syntax` package, nothing else):

    python3 -m venv /tmp/fl && /tmp/fl/bin/pip install fluent.syntax
    /tmp/fl/bin/python crates/birlik/locales/check.py

It checks that
  * locales/{kk,ru,en}/*.ftl parse without junk (syntax errors) and without duplicate ids;
  * the three languages define exactly the same message ids, each with the same variables;
  * plural selectors use only the language's CLDR categories (kk: one other; ru: one few many other;
    en: one other), and the count messages in FULL_PLURALS spell out all of them;
  * every key the app uses exists: literal keys in templates (`ctx.t("…")`, `ctx.count("…", …)`) and Rust
    sources (`t("…")`, `t_args("…")`, `FieldError::new("field", "key")`, `"error-…"` and `"field-…"`
    literals), plus the keys the app builds at runtime (listed in DYNAMIC below, and derived from the
    enums and constants named in DERIVED: search kinds, export tables, roles, body kinds, positions); a
    `t(&format!("prefix-{}", …))` whose prefix has no message at all is reported too.
Exit status 0 when all is well, 1 otherwise. Unused messages are listed as information only.
"""

import re
import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast, visitor

LOCALES = Path(__file__).resolve().parent
CRATE = LOCALES.parent
LANGS = ["kk", "ru", "en"]
PLURALS = {"kk": {"one", "other"}, "ru": {"one", "few", "many", "other"}, "en": {"one", "other"}}

# Keys the app builds at runtime from data (format!("level-{}", …), label_key(), role names, error kinds).
DYNAMIC = """
level-republican level-regional
kind-group kind-association kind-body kind-person
table-regions table-ethnic-groups table-bodies table-associations table-members
table-meetings table-agenda-items table-motions table-votes table-decisions
month-name-1 month-name-2 month-name-3 month-name-4 month-name-5 month-name-6 month-name-7 month-name-8 month-name-9 month-name-10 month-name-11 month-name-12 weekday-1 weekday-2 weekday-3 weekday-4 weekday-5 weekday-6 weekday-7
role-admin role-secretariat role-member role-participant
body-kind-national-session body-kind-council body-kind-regional-assembly body-kind-public-consent-council
body-kind-mothers-council body-kind-ethnomediation-council body-kind-scientific-expert-council
body-kind-thematic-council
position-chair position-deputy-chair position-secretary position-member
error-not-found error-validation error-bad-request error-login-required error-forbidden error-rate-limited
error-too-large error-internal error-csrf
field-required field-too-short field-too-long field-invalid-characters field-not-a-number field-out-of-range
field-invalid-date field-invalid-url field-invalid-choice field-region-required field-unknown-region
field-groups-required field-too-many field-unknown-group field-unknown-body field-parent-cycle
field-unknown-person field-unknown-association field-term-end-before-start field-invalid-email
field-wrong-password reset-invalid confirm-invalid
site-name login-failed none choose count-associations search-results
notify-statement-published notify-statement-moderated-published notify-statement-moderated-rejected
notify-agenda-published notify-kind-statement-published notify-kind-statement-moderated notify-kind-agenda-published
notify-minutes-approved notify-kind-minutes-approved
notify-delivery-instant notify-delivery-daily notify-delivery-never
""".split()

KEY = r"[a-z][a-z0-9-]*"
PATTERNS = [
    re.compile(r"""\bctx\.(?:t|count)\(\s*"(%s)\"""" % KEY),
    re.compile(r"""(?:\.|\b)t(?:_args)?\(\s*&?"(%s)\"""" % KEY),
    re.compile(r"""FieldError::new\(\s*[^,()]+,\s*"(%s)\"""" % KEY),
]
# Only in Rust sources: in templates "field-error" is a CSS class.
RUST_ONLY = [re.compile(r""""((?:error|field)-[a-z0-9-]+)\"""")]
# A key built at runtime: t(&format!("level-{}", …)) or ctx.t(format!("table-{}", table).as_str()).
PREFIX = re.compile(r"""\bt\(\s*&?format!\(\s*"([a-z][a-z0-9-]*-)\{""")
# Keys derived from the sources, so that a new variant is caught: (file, pattern, key template).
DERIVED = [
    ("src/registry/mod.rs", r'SearchDoc \{ kind: "([a-z_]+)"', "kind-{}"),
    ("src/registry/export.rs", r'pub const TABLES: \[&str; \d+\] = \[([^\]]*)\]', "table-{}"),
    ("src/accounts/mod.rs", r'Role::\w+(?: \{ \.\. \})? => "([a-z_]+)"', "role-{}"),
    ("src/registry/model.rs", r'BodyKind::\w+ => "([a-z_]+)"', "body-kind-{}"),
    ("src/registry/model.rs", r'Position::\w+ => "([a-z_]+)"', "position-{}"),
    ("src/platform/web/error.rs", r'AppError::\w+(?:\(_\))? => "([a-z-]+)"', "{}"),
    ("src/platform/search.rs", r'pub const KINDS: \[&str; \d+\] =\s*\[([^\]]*)\]', "kind-{}"),
    ("src/platform/search.rs", r'pub const KINDS: \[&str; \d+\] =\s*\[([^\]]*)\]', "search-type-{}"),
    ("src/platform/web/page.rs", r'=> "([a-z-]+)",', "error-title-{}"),
    ("src/platform/web/page.rs", r'=> "([a-z-]+)",', "error-help-{}"),
    ("src/platform/web/mod.rs", r'const FLASHES: \[&str; \d+\] = \[([^\]]*)\]', "{}"),
]
# Messages that must spell out every plural category of the language.
FULL_PLURALS = {"count-associations", "search-results"}


class Vars(visitor.Visitor):
    def __init__(self):
        super().__init__()
        self.names = set()
        self.selects = []

    def visit_VariableReference(self, node):
        self.names.add(node.id.name)
        self.generic_visit(node)

    def visit_SelectExpression(self, node):
        self.selects.append(node)
        self.generic_visit(node)


def load(lang, problems):
    messages = {}
    files = sorted((LOCALES / lang).glob("*.ftl"))
    if not files:
        problems.append(f"{lang}: no .ftl files in {LOCALES / lang}")
    for path in files:
        resource = FluentParser(with_spans=True).parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                line = path.read_text(encoding="utf-8")[: entry.span.start].count("\n") + 1
                notes = "; ".join(a.message for a in entry.annotations)
                problems.append(f"{path.relative_to(CRATE)}:{line}: junk: {notes}: {entry.content.strip()[:80]!r}")
            elif isinstance(entry, ast.Message):
                name = entry.id.name
                if name in messages:
                    problems.append(f"{path.relative_to(CRATE)}: duplicate id {name}")
                if entry.value is None:
                    problems.append(f"{path.relative_to(CRATE)}: {name} has no value")
                messages[name] = entry
    return messages


def used_keys():
    keys, prefixes = {}, set()
    files = list((CRATE / "src").rglob("*.rs")) + list((CRATE / "src").rglob("*.html"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in PATTERNS + (RUST_ONLY if path.suffix == ".rs" else []):
            for m in pattern.finditer(text):
                line = text[: m.start()].count("\n") + 1
                keys.setdefault(m.group(1), f"{path.relative_to(CRATE)}:{line}")
        prefixes.update(PREFIX.findall(text))
    for key in DYNAMIC:
        keys.setdefault(key, "check.py DYNAMIC")
    for file, pattern, template in DERIVED:
        path = CRATE / file
        if not path.exists():
            continue
        for m in re.finditer(pattern, path.read_text(encoding="utf-8")):
            for code in re.findall(r'"([^"]+)"', m.group(1)) if '"' in m.group(1) else [m.group(1)]:
                keys.setdefault(template.format(code.replace("_", "-")), f"{file} ({template})")
    return keys, prefixes


def main():
    problems = []
    catalogs = {lang: load(lang, problems) for lang in LANGS}

    ids = {lang: set(c) for lang, c in catalogs.items()}
    every = set().union(*ids.values())
    for lang in LANGS:
        missing = sorted(every - ids[lang])
        if missing:
            problems.append(f"{lang}: missing {len(missing)} ids present elsewhere: {' '.join(missing)}")

    for name in sorted(set.intersection(*ids.values())):
        seen = {}
        for lang in LANGS:
            v = Vars()
            v.visit(catalogs[lang][name])
            seen[lang] = v.names
            for select in v.selects:
                cats = {variant.key.name for variant in select.variants if isinstance(variant.key, ast.Identifier)}
                bad = cats - PLURALS[lang]
                if bad and cats & PLURALS[lang]:
                    problems.append(f"{lang}: {name}: plural categories {sorted(bad)} do not exist in {lang}")
                if name in FULL_PLURALS and cats != PLURALS[lang]:
                    problems.append(f"{lang}: {name}: plural categories {sorted(cats)}, want {sorted(PLURALS[lang])}")
        if len({frozenset(s) for s in seen.values()}) > 1:
            problems.append(f"{name}: variables differ: " + ", ".join(f"{l}={sorted(s)}" for l, s in seen.items()))

    keys, prefixes = used_keys()
    for key, where in sorted(keys.items()):
        for lang in LANGS:
            if key not in ids[lang]:
                problems.append(f"{lang}: missing {key} (used at {where})")
    for prefix in sorted(prefixes):
        if not any(i.startswith(prefix) for i in every):
            problems.append(f"no message starts with {prefix!r}, built by format! in the sources")

    unused = sorted(i for i in every if i not in keys and not any(i.startswith(p) for p in prefixes))
    print(f"{len(every)} ids per language, {len(keys)} keys used by the app")
    if unused:
        print(f"not referenced literally (fine if built at runtime): {' '.join(unused)}")
    for p in problems:
        print("ERROR", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
