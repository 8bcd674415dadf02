#!/usr/bin/env python3
"""Scores an in-process extraction (written by org.dossier.language.eval.GoldSetExtraction) against a gold set with
the project's one scorer, ../shared/tools/dossier_eval.py, exactly as score-seeds scores a running stack.

Usage: score-extractions.py SHARED_DIR SET EXTRACTION_JSON [--details]
  SET  seeds | dev (a folder of SHARED_DIR/corpus holding gold.json)
Prints, with --details, each article's found and missed statements and the events missed, then one JSON line of the
figures."""
import json, pathlib, sys

shared, subset, out = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
details = "--details" in sys.argv
sys.path.insert(0, str(shared / "tools"))
import dossier_eval as d

corpus = shared / "corpus" / subset
gold = json.loads((corpus / "gold.json").read_text())
ex = json.load(open(out))
persons = ex.pop("__persons")
timeline = ex.pop("__timeline", [])
texts = {}
for a in gold["articles"]:
    text = (corpus / a["file"]).read_text()
    texts[a["file"]] = text.partition("\n\n")[2] if gold.get("headerFormat") else text
figures = {}
for core in (True, False):
    rep = d.score(gold, texts, ex, persons, timeline, core_only=core)
    if core and details:
        for f, a in rep["articles"].items():
            print(f"{f}: {a['found']} found; missed {a['missed']}; not in gold {a['unmatched_system']}")
    key = "core" if core else "all"
    figures[key] = {k: v for k, v in rep.items() if k not in ("articles", "timeline")}
    # Event mentions are not merged across or within articles here (timeline-service does that): only whether each
    # gold event is found with its dates is comparable with the stack's figure.
    figures[key]["event_mentions"] = {"events_found_with_right_dates": rep["timeline"]["events_found_with_right_dates"],
                                      "events": rep["timeline"]["events"]}
    if core and details:
        print("events missed or misdated:", rep["timeline"]["missing"])
print(json.dumps(figures))
