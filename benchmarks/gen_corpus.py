"""Generate benchmark corpora of many documents from the seed texts.

Paragraphs of the seeds are sampled into documents of 2–20 KB; the two characters before
every organisation-type suffix (基金会, 公司, 协会 …) are replaced, per document, by characters
drawn from a pool, so that organisation names vary and entities do not collapse into the
few of the seeds. Deterministic for a given size and seed.

    python benchmarks/gen_corpus.py 10 benchmarks/corpora/10mb
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = re.compile(r"([\u4e00-\u9fff]{2})(基金会|有限公司|公司|协会|集团|研究院|研究所|大学|联合会|促进会|中心)")
POOL = "青绿蓝白金银山川河湖海林森松柏竹梅兰菊星云月日光明华夏东西南北中远航安和平康泰丰盛德仁义信诚博雅"


def paragraphs() -> list[str]:
    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out.extend(p for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 20)
    return out


def vary(text: str, rng: random.Random) -> str:
    mapping: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        stem = m.group(1)
        if stem not in mapping:
            mapping[stem] = rng.choice(POOL) + rng.choice(POOL)
        return mapping[stem] + m.group(2)

    return SUFFIX.sub(sub, text)


def generate(size_mb: float, out_dir: str | Path, seed: int = 0) -> list[Path]:
    """Write documents totalling about ``size_mb`` MB of UTF-8 into ``out_dir``."""
    rng = random.Random(seed)
    paras = paragraphs()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = int(size_mb * 1_000_000)
    written: list[Path] = []
    total = 0
    n = 0
    while total < target:
        doc_size = rng.randint(2_000, 20_000)
        parts: list[str] = []
        size = 0
        while size < doc_size:
            p = rng.choice(paras)
            parts.append(p)
            size += len(p.encode("utf-8"))
        text = vary("\n\n".join(parts), rng)
        path = out / f"doc{n:06d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        total += len(text.encode("utf-8"))
        n += 1
    return written


def ensure(size_mb: float, base: str | Path = ROOT / "benchmarks" / "corpora") -> Path:
    """The corpus of ``size_mb`` MB, generated once and reused."""
    out = Path(base) / f"{size_mb:g}mb"
    if not (out / ".complete").exists():
        for old in out.glob("*.txt"):
            old.unlink()
        generate(size_mb, out)
        (out / ".complete").write_text("ok", encoding="utf-8")
    return out


if __name__ == "__main__":
    generate(float(sys.argv[1]), sys.argv[2])
