"""Hand-written dates of birth and addresses: python -m benchmarks.dob_address benchmarks/dob_address_cases/*.txt [-v].

Markup: [[D:..]] a date of birth, [[A:..]] an address, [[N:..]] must stay; documents are separated by a line
"----"; a file whose name holds "dob" scores DATE_OF_BIRTH, any other STREET_ADDRESS. Every string is invented.
"""

import re
import sys

from transforms.config import load_config
from transforms.records import Document
from transforms.redaction.engine import RedactionEngine

MARK = re.compile(r"\[\[([DAN]):(.*?)\]\]", re.S)
TYPES = {"D": "DATE_OF_BIRTH", "A": "STREET_ADDRESS"}


def parse(doc):
    spans, pos = [], 0
    text = ""
    for m in MARK.finditer(doc):
        text += doc[pos : m.start()]
        spans.append((m.group(1), len(text), len(text) + len(m.group(2))))
        text += m.group(2)
        pos = m.end()
    text += doc[pos:]
    return text, spans


def main():
    files = sys.argv[1:]
    verbose = "-v" in files
    files = [f for f in files if f != "-v"]
    config = load_config(None)
    config = config.model_copy(update={"detectors": [d for d in config.detectors if d != "spacy_ner"]})
    engine = RedactionEngine.from_config(config)
    for f in files:
        docs = [d.strip("\n") for d in open(f).read().split("\n----\n")]
        parsed = [parse(d) for d in docs]
        outs = engine.redact([Document(id=f"d{i}", text=t, source="x") for i, (t, _) in enumerate(parsed)])
        kind = "D" if "dob" in f.rsplit("/", 1)[-1] else "A"
        etype = TYPES[kind]
        tp = partial = miss = fp = 0
        for (text, spans), out in zip(parsed, outs, strict=True):
            reds = [(r.start, r.end, r.entity_type) for r in out.redactions]
            mine = [r for r in reds if r[2] == etype]
            for k, s, e in spans:
                if k == kind:
                    cov = sum(1 for i in range(s, e) if any(a <= i < b for a, b, _ in mine))
                    if cov == e - s:
                        tp += 1
                        st = "OK  "
                    elif cov:
                        partial += 1
                        st = "PART"
                    else:
                        miss += 1
                        st = "MISS"
                    if st != "OK  " or verbose:
                        print(st, repr(text[s:e]), "| got:", [(text[a:b], t) for a, b, t in reds if a < e and b > s])
                        if st != "OK  ":
                            print("      in:", repr(text[:160]))
            for a, b, _t in mine:
                if not any(k == kind and a < e and b > s for k, s, e in spans):
                    fp += 1
                    print("FP  ", repr(text[a:b]), "| in:", repr(text[:100]))
            for k, s, e in spans:
                if k == "N":
                    for a, b, t in reds:
                        if a < e and b > s and t in TYPES.values() and t != etype:
                            print("FPo ", t, repr(text[a:b]))
        n = tp + partial + miss
        print(f"== {f}: {tp}/{n} full, {partial} partial, {miss} missed, {fp} false positives")


main()
