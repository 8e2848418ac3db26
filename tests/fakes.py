"""A stand-in for a spaCy pipeline, so the NER detector's filters are tested without the trained model."""

from __future__ import annotations


class FakeEnt:
    def __init__(self, text: str, label: str, start: int) -> None:
        self.text, self.label_, self.start_char = text, label, start


class FakeDoc:
    ents: list[FakeEnt]


class FakeNlp:
    """Returns the given (text, label) entities for every text that holds them, at their first occurrence."""

    def __init__(self, ents: list[tuple[str, str]]) -> None:
        self._ents = ents

    def pipe(self, texts: list[str], batch_size: int) -> list[FakeDoc]:
        docs = []
        for text in texts:
            doc = FakeDoc()
            doc.ents = [FakeEnt(v, label, text.index(v)) for v, label in self._ents if v in text]
            docs.append(doc)
        return docs
