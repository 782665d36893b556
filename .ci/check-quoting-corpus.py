#!/usr/bin/env python3
"""Checks the emitted quoting corpus with PyYAML, a YAML 1.1 parser like the ones Kubernetes tooling uses.

Fixtures/yaml/quoting-corpus.expected.yaml is YAMLEmitter's output for the corpus in
Fixtures/yaml/quoting-corpus.json (QuotingCorpusTests keeps the two in step). Every corpus entry must
come back from PyYAML as the same string: as a mapping value, as a sequence item and as a key.
Prints `N passed, M failed` and exits 1 on any failure.
"""
import json
import sys
from pathlib import Path

import yaml

root = Path(__file__).resolve().parent.parent / "Fixtures" / "yaml"
corpus = json.loads((root / "quoting-corpus.json").read_text(encoding="utf-8"))
document = yaml.safe_load((root / "quoting-corpus.expected.yaml").read_text(encoding="utf-8"))

values = list(document["values"].values())
items = document["items"]
keys = list(document["keys"].keys())
passed = failed = 0
for index, entry in enumerate(corpus):
    for role, found in (("value", values), ("item", items), ("key", keys)):
        got = found[index] if index < len(found) else None
        if isinstance(got, str) and got == entry:
            passed += 1
        else:
            failed += 1
            print(f"quoting corpus: {role} {index}: expected {entry!r}, PyYAML read {got!r}")
if len(values) != len(corpus) or len(items) != len(corpus) or len(keys) != len(corpus):
    failed += 1
    print("quoting corpus: the golden document and the corpus have different lengths")
print(f"pyyaml: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
