#!/usr/bin/env python3
"""Parse every alert expression of every rendered PrometheusRule with a real PromQL parser.

The CRD schema only says `expr` is a string; promql-parser (the Rust PromQL parser, as used by
GreptimeDB and others) rejects what Prometheus would reject at load time. Usage:
    check-alert-expressions.py DIR...   (every prometheusrule.yaml below each DIR)
"""
import sys
from pathlib import Path

import promql_parser
import yaml

count = 0
failures = 0
for root in sys.argv[1:]:
    for path in sorted(Path(root).rglob("prometheusrule.yaml")):
        document = yaml.safe_load(path.read_text())
        for group in document["spec"]["groups"]:
            for rule in group["rules"]:
                count += 1
                try:
                    promql_parser.parse(rule["expr"])
                except ValueError as error:
                    failures += 1
                    print(f"{path}: error: alert {rule['alert']}: {error}")
print(f"alert expressions: {count} parsed, {failures} errors")
sys.exit(1 if failures or count == 0 else 0)
