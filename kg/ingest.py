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


def read_document(path: str | os.PathLike[str]) -> tuple[Document | None, list[Problem]]:
    """Read one file into a Document; problems name the file and what is wrong."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(str(p), f"file too large ({size} bytes > {MAX_BYTES})")]
        data = p.read_bytes()
    except PermissionError:
        return None, [Problem(str(p), "permission denied")]
    except IsADirectoryError:
        return None, [Problem(str(p), "is a directory, not a file")]
    except OSError as exc:
        return None, [Problem(str(p), f"cannot read ({exc.strerror or exc})")]
    try:
        raw, encoding, warning = decode(data)
    except ValueError as exc:
        return None, [Problem(str(p), str(exc))]
    if _binary_ratio(raw) > 0.1:
        return None, [Problem(str(p), "binary or garbled content; not a text file")]
    problems = [Problem(str(p), warning, skipped=False)] if warning else []
    doc = make_document(raw, path=str(p), encoding=encoding, digest_of=data)
    if not doc.text.strip():
        return None, [Problem(str(p), "no text after normalisation (empty or white space only)")]
    return doc, problems


def make_document(raw: str, *, path: str = "<text>", encoding: str = "utf-8", digest_of: bytes | None = None) -> Document:
    """Build a Document from decoded text (the content hash is of the bytes when given)."""
    raw = raw.lstrip("\ufeff")
    text, offsets = normalize(raw)
    digest = hashlib.sha256(digest_of if digest_of is not None else raw.encode("utf-8")).hexdigest()
    return Document(
        id=digest[:16],
        path=path,
        title=_title(text, path),
        raw=raw,
        text=text,
        offsets=tuple(offsets),
        encoding=encoding,
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
        doc, problems = read_document(item)
        yield from problems
        if doc is not None:
            yield doc
