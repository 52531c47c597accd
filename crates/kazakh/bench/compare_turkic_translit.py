#!/usr/bin/env python3
"""Side by side with the PyPI package turkic-translit (MIT): speed and every difference in output.

    python3 -m venv /tmp/tt && /tmp/tt/bin/pip install turkic-translit
    export CARGO_TARGET_DIR=/root/.cache/birlik-target-kazakh
    cargo build --release -p kazakh --example translit
    /tmp/tt/bin/python crates/kazakh/bench/compare_turkic_translit.py "$CARGO_TARGET_DIR/release/examples/translit"

The text is the Kazakh (Cyrillic) sentences of the evaluation sets plus a word list that exercises every
letter, the loan letters and the casing rules. Speed: both sides transliterate the same ~8 MB text on one
core; the Rust figure includes process start and line-by-line I/O of the example binary, so it is a lower
bound for the library.
"""
import collections
import pathlib
import subprocess
import sys
import time

from turkic_translit.core import to_latin

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"

EXTRA = """Ассамблея АССАМБЛЕЯ ассамблея
Қоян аю ояну дария Азия
Актёр ЁЛКА Ёлка
Цех ЦЕХ цирк станция Федерация
Чек ЧЕМПИОНАТ матч чемпион
Ащы ЩЕТКА Щётка
Электр Экономика ЭКСПО
Съезд объект Ильин ІЛИЯС
Юрист ЮНЕСКО аю Юлия
Бірлік БІРЛІК Ілияс Иә Йемен
Һәм жиһаз ҚАҺАРМАН
Республика Президенті Қасым-Жомарт Тоқаев
"""


def sentences():
    out = []
    for name in ("langid_eval.tsv", "langid_heldout.tsv"):
        for line in (DATA / name).read_text(encoding="utf8").splitlines():
            if line.startswith("kk\t"):
                s = line[3:]
                if any("\u0400" <= c <= "\u04ff" for c in s):
                    out.append(s)
    out.extend(EXTRA.strip().splitlines())
    return out


def main():
    binary = sys.argv[1]
    lines = sentences()
    ours = subprocess.run([binary], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    ours = ours.stdout.splitlines()
    theirs = [to_latin(s, "kk") for s in lines]

    # Differences, word by word, grouped by the Cyrillic letters that cause them.
    by_letter = collections.defaultdict(list)
    n_diff_lines = 0
    for src, a, b in zip(lines, ours, theirs):
        if a == b:
            continue
        n_diff_lines += 1
        for ws, wa, wb in zip(src.split(), a.split(), b.split()):
            if wa != wb:
                key = "".join(sorted({c for c in ws if c in "ЁёЮюЯяЦцЧчЩщЭэЪъЬьИиЙйІі" or c.isupper()}))
                by_letter[key].append((ws, wa, wb))
    print(f"lines: {len(lines)}, lines that differ: {n_diff_lines}")
    seen = set()
    for key, rows in sorted(by_letter.items()):
        for ws, wa, wb in rows:
            if (ws, wa, wb) in seen:
                continue
            seen.add((ws, wa, wb))
            print(f"  {ws}\tours: {wa}\tturkic-translit: {wb}")

    # Speed on the same ~8 MB text.
    text = "\n".join(lines) + "\n"
    big = text * max(1, (8 << 20) // len(text.encode("utf8")))
    mb = len(big.encode("utf8")) / 1e6
    t = time.perf_counter()
    to_latin(big, "kk")
    py = time.perf_counter() - t
    best = None
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([binary], input=big, capture_output=True, text=True, check=True)
        d = time.perf_counter() - t
        best = d if best is None else min(best, d)
    print(f"speed on {mb:.1f} MB: turkic-translit {mb / py:.2f} MB/s, ours (example binary, with I/O) "
          f"{mb / best:.1f} MB/s, ratio {py / best:.0f}x")


if __name__ == "__main__":
    main()
