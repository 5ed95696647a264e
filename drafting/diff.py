"""A word-level diff of two versions of the draft, per commitment and paragraph (matched on their keys)."""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafting.models import DraftVersion
from drafting.selectors import version_text


@dataclass
class ParagraphDiff:
    key: str
    section: str
    # (kind, text): kind is "same", "ins" or "del"
    parts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(kind != "same" for kind, _ in self.parts)


@dataclass
class CommitmentDiff:
    number: str
    title: str
    paragraphs: list[ParagraphDiff] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(paragraph.changed for paragraph in self.paragraphs)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The words of `old` and `new` as runs kept, deleted and inserted."""
    before, after = old.split(), new.split()
    if before == after:  # most paragraphs of a new version: what the search would say, without it
        return [("same", " ".join(before))] if before else []
    return searched_diff(before, after)


def searched_diff(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """Two lists of words as runs kept, deleted and inserted, from SequenceMatcher's opcodes."""
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(after[j1:j2])))
    return parts


def _texts(version: DraftVersion) -> dict:
    return {copy.key: (copy, {p.key: p for p in copy.shown_paragraphs}) for copy in version_text(version=version)}


def versions_diff(old: DraftVersion, new: DraftVersion) -> list[CommitmentDiff]:
    """Every commitment of either version, in the newer one's order, each paragraph compared with the paragraph of
    the same key (a paragraph only in one version is all inserted or all deleted)."""
    before, after = _texts(old), _texts(new)
    keys = list(after) + [key for key in before if key not in after]
    result = []
    for key in keys:
        copy, new_paragraphs = after.get(key) or before[key]
        old_paragraphs = before.get(key, (None, {}))[1]
        new_paragraphs = after.get(key, (None, {}))[1]
        diff = CommitmentDiff(number=copy.number, title=copy.title)
        for pkey in list(new_paragraphs) + [k for k in old_paragraphs if k not in new_paragraphs]:
            paragraph = new_paragraphs.get(pkey) or old_paragraphs[pkey]
            old_text = old_paragraphs[pkey].text if pkey in old_paragraphs else ""
            new_text = new_paragraphs[pkey].text if pkey in new_paragraphs else ""
            diff.paragraphs.append(
                ParagraphDiff(key=pkey, section=paragraph.get_section_display(), parts=word_diff(old_text, new_text))
            )
        result.append(diff)
    return result
