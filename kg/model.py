"""The small frozen records the pipeline stages hand to each other.

Offsets are character offsets into ``Document.text`` (the normalised text) unless a
field name says ``raw``; ``Document.to_raw`` maps them back to the decoded source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Organization", "Person", "Project", "Place", "Award", "Event", "Publication"]

ENTITY_TYPES: tuple[str, ...] = (
    "Organization",
    "Person",
    "Project",
    "Place",
    "Award",
    "Event",
    "Publication",
)
ORG_SUBTYPES: tuple[str, ...] = (
    "Foundation",
    "Company",
    "GovernmentAgency",
    "SocialOrganization",
    "ResearchInstitute",
    "MediaOrganization",
    "Network",
    "Other",
)
PREDICATES: tuple[str, ...] = (
    "funds",
    "supports",
    "partnersWith",
    "implements",
    "initiates",
    "organizes",
    "participatesIn",
    "locatedIn",
    "receivedAward",
    "memberOf",
    "worksFor",
    "publishes",
    "subOrganizationOf",
    "partOf",
)

Qualifiers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Document:
    """One source text: raw decoded content, normalised text and the offset map between them."""

    id: str  # content hash (hex), the stable key of the document
    path: str
    title: str
    raw: str
    text: str
    offsets: Sequence[int]  # offsets[i] = raw index of text[i]; len(text) + 1 entries (compact array)
    encoding: str = "utf-8"
    base: int = 0  # raw offset of this part in its source file (huge files are read in parts)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span to the raw source file's character offsets."""
        if not self.offsets:
            return self.base + start, self.base + end
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start, min(end, len(self.offsets) - 1))
        if end == start:
            return self.base + self.offsets[start], self.base + self.offsets[start]
        return self.base + self.offsets[start], self.base + self.offsets[end - 1] + 1

    def slim(self) -> Document:
        """The same document without its text, once extraction no longer needs it."""
        return Document(self.id, self.path, self.title, "", "", (), self.encoding, self.base)


@dataclass(frozen=True, slots=True)
class Section:
    """A block of a document: a news article, a case-book case, a table or plain text."""

    doc_id: str
    index: int
    kind: Literal["article", "case", "table", "text"]
    start: int
    end: int
    title: str = ""
    fields: Qualifiers = ()  # structured fields, e.g. (("项目机构", "…"), ("实施地点", "…"))


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    section: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming an entity."""

    doc_id: str
    start: int
    end: int
    text: str  # surface form as written (normalised text)
    type: str
    subtype: str | None = None
    rule: str = ""
    name: str = ""  # cleaned name (quotes and inner spaces removed); defaults to text

    @property
    def key(self) -> str:
        return self.name or self.text


@dataclass(frozen=True, slots=True)
class Alias:
    """A declared alternative name found in text (以下简称“X”, （CCF）…)."""

    doc_id: str
    full: str
    short: str
    rule: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed relation between two mentions, with the sentence that states it."""

    subject: Mention
    predicate: str
    object: Mention
    doc_id: str
    evidence: str
    start: int  # evidence span in normalised text
    end: int
    rule: str
    confidence: float
    qualifiers: Qualifiers = ()
    raw_start: int = -1  # evidence span in the raw source file, set by the pipeline
    raw_end: int = -1


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing after corpus-wide resolution."""

    key: str  # stable identifier (used for the IRI)
    name: str  # canonical label
    type: str
    subtype: str | None = None
    aliases: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    merges: tuple[tuple[str, str, str], ...] = ()  # (alias, rule, evidence)


@dataclass(frozen=True, slots=True)
class ResolvedRelation:
    subject: str  # Entity.key
    predicate: str
    object: str
    doc_id: str
    evidence: str
    raw_start: int
    raw_end: int
    rule: str
    confidence: float
    qualifiers: Qualifiers = ()


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything extracted from one document; the unit of caching and parallelism."""

    document: Document
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[Alias, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    """The resolved corpus: what the graph stage turns into RDF."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    relations: tuple[ResolvedRelation, ...]
    problems: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input; the build reports it and goes on."""

    path: str
    message: str
    skipped: bool = True  # False: read, but with a warning (e.g. replaced bytes)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
