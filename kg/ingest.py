"""Ingest: find text files, detect their encoding, and make Documents.

Encodings are detected, never assumed: BOMs first (UTF-8, UTF-16), then strict UTF-8,
then strict GB18030 (a superset of GBK and GB2312), then Big5, then charset-normalizer's
best guess. Anything that is not text is reported as a Problem and skipped.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Document, Problem
from kg.normalize import normalize

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
MAX_BYTES = 200 * 1024 * 1024


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Problem]:
    """Yield text files under ``paths`` (recursively, sorted), or a Problem for each bad path."""
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Problem(str(path), "no such file or directory")
            continue
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if name.startswith("."):
                        continue
                    if f.suffix.lower() not in TEXT_SUFFIXES:
                        yield Problem(str(f), f"not a text file (suffix {f.suffix or 'none'}); skipped")
                        continue
                    yield from _once(f, seen)
                for d in list(dirs):
                    sub = Path(root) / d
                    if sub.is_symlink():
                        yield Problem(str(sub), "symbolic link to a directory; not followed")
        else:
            yield from _once(path, seen)


def _once(f: Path, seen: set[Path]) -> Iterator[Path | Problem]:
    try:
        real = f.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        yield Problem(str(f), f"cannot resolve path ({exc.__class__.__name__}: {exc})")
        return
    if real.is_dir():
        yield Problem(str(f), "is a directory, not a file")
        return
    if real not in seen:
        seen.add(real)
        yield f


def decode(data: bytes) -> tuple[str, str, str | None]:
    """Decode bytes: return (text, encoding, warning or None). Raises ValueError if not text."""
    if not data:
        raise ValueError("empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, None
    if 0 in data[:65536]:
        # NUL bytes: UTF-16 without a BOM, or binary
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _chinese_score(text) >= 0.7:
                return text, enc, None
        raise ValueError("binary content (NUL bytes); not a text file")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    # legacy Chinese encodings and BOM-less UTF-16: keep the decode that reads most like Chinese
    scored = []
    for enc in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((_chinese_score(text), enc, text))
    if scored:
        score, enc, text = max(scored, key=lambda x: x[0])
        if score >= 0.7:
            return text, enc, None
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        text = data.decode(best.encoding, errors="replace")
        return text, best.encoding, f"encoding guessed as {best.encoding}"
    text = data.decode("utf-8", errors="replace")
    return text, "utf-8", "invalid UTF-8 bytes replaced with U+FFFD"


_CJK = re.compile(r"[\u4e00-\u9fff]")


_READABLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\s0-9A-Za-z.,;:!?()\[\]%\-“”‘’《》—…·]")


def _chinese_score(text: str) -> float:
    """Share of readable characters (CJK, punctuation, ASCII words, no stray controls).

    A wrong legacy decode yields code points spread over the whole BMP, so it scores low;
    ASCII letters interleaved one by one with CJK characters (UTF-16 read as GBK) are penalised.
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    readable = sum(1 for c in sample if _READABLE.match(c))
    flips = len(re.findall(r"[\u4e00-\u9fff][A-Za-z][\u4e00-\u9fff]", sample))
    return (readable - 3 * flips) / len(sample)


def _binary_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    return bad / len(sample)


PART_CHARS = 1_000_000  # huge files are read in parts of about this many characters


def read_documents(path: str | os.PathLike[str]) -> tuple[list[Document], list[Problem]]:
    """Read one file into Documents (one, or several parts of a huge file); problems name the
    file and what is wrong with it."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            return [], [Problem(str(p), f"file too large ({size} bytes > {MAX_BYTES})")]
        data = p.read_bytes()
    except PermissionError:
        return [], [Problem(str(p), "permission denied")]
    except IsADirectoryError:
        return [], [Problem(str(p), "is a directory, not a file")]
    except OSError as exc:
        return [], [Problem(str(p), f"cannot read ({exc.strerror or exc})")]
    try:
        raw, encoding, warning = decode(data)
    except ValueError as exc:
        return [], [Problem(str(p), str(exc))]
    if _binary_ratio(raw) > 0.1:
        return [], [Problem(str(p), "binary or garbled content; not a text file")]
    problems = [Problem(str(p), warning, skipped=False)] if warning else []
    raw = raw.lstrip("\ufeff")
    digest = hashlib.sha256(data).hexdigest()[:16]
    parts = split_parts(raw)
    docs = []
    for n, (base, chunk) in enumerate(parts):
        doc_id = digest if len(parts) == 1 else f"{digest}-{n + 1}"
        doc = make_document(chunk, path=str(p), encoding=encoding, doc_id=doc_id, base=base)
        if doc.text.strip():
            docs.append(doc)
    if not docs:
        return [], [Problem(str(p), "no text after normalisation (empty or white space only)")]
    if len(parts) > 1:
        problems.append(Problem(str(p), f"large file read in {len(parts)} parts", skipped=False))
    return docs, problems


def read_document(path: str | os.PathLike[str]) -> tuple[Document | None, list[Problem]]:
    """Read one (not huge) file into one Document."""
    docs, problems = read_documents(path)
    return (docs[0] if docs else None), problems


def split_parts(raw: str, size: int = PART_CHARS) -> list[tuple[int, str]]:
    """Cut text longer than two parts at paragraph or sentence ends near every ``size``
    characters (hard cuts only when a window has neither), so memory stays bounded."""
    if len(raw) <= 2 * size:
        return [(0, raw)]
    parts = []
    pos = 0
    while pos < len(raw):
        end = min(len(raw), pos + size)
        if end < len(raw):
            lo = pos + size * 9 // 10
            window = raw[lo:end]
            cut = window.rfind("\n")
            if cut < 0:
                cut = max(window.rfind(c) for c in "。！？!?")
            if cut >= 0:
                end = lo + cut + 1
        parts.append((pos, raw[pos:end]))
        pos = end
    return parts


def make_document(
    raw: str,
    *,
    path: str = "<text>",
    encoding: str = "utf-8",
    doc_id: str | None = None,
    base: int = 0,
) -> Document:
    """Build a Document from decoded text (id: the content hash unless given)."""
    raw = raw.lstrip("\ufeff") if base == 0 else raw
    text, offsets = normalize(raw)
    if doc_id is None:
        doc_id = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
    return Document(
        id=doc_id,
        path=path,
        title=_title(text, path),
        raw=raw,
        text=text,
        offsets=array("L", offsets),
        encoding=encoding,
        base=base,
    )


def _title(text: str, path: str) -> str:
    for line in text.splitlines():
        line = line.strip(" -—■•")
        if 4 <= len(line) <= 60 and _CJK.search(line) and not re.search("[，。；！？]", line):
            return line
    return Path(path).stem


def ingest(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Problem]:
    """Yield a Document for each readable text file under ``paths`` and a Problem for each other."""
    for item in discover(paths):
        if isinstance(item, Problem):
            yield item
            continue
        docs, problems = read_documents(item)
        yield from problems
        yield from docs
