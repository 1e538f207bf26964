"""Fixtures of the screening tests: a small generated data set and one Spark session."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

LOCALES = ["fr_FR", "ar_AA", "ru_RU", "es_ES", "en_GB", "tr_TR", "it_IT"]
MAGHREB = ["Mohamed El Amrani", "Youssef Chraibi", "Fatima Zahra Bennani", "Ahmed Ben Ali",
           "Abdelkader Tazi", "Khadija El Idrissi", "Rachid Ouazzani", "Said Benjelloun"]


def _perturb(rng: random.Random, name: str) -> str:
    parts = name.split()
    roll = rng.random()
    if roll < 0.25 and len(parts) > 1:
        parts = parts[1:] + parts[:1]
    elif roll < 0.5:
        word = rng.randrange(len(parts))
        w = parts[word]
        if len(w) > 4:
            i = rng.randrange(1, len(w) - 1)
            parts[word] = w[:i] + w[i + 1:]
    out = " ".join(parts)
    return out.upper() if rng.random() < 0.3 else out


def generate(directory: Path, size: int = 300, queries: int = 200, seed: int = 7) -> Path:
    """A small watchlist and query set (half true hits with light perturbations)."""
    from faker import Faker

    rng = random.Random(seed)
    fakers = [Faker(loc) for loc in LOCALES]
    for f in fakers:
        f.seed_instance(seed)
    rows = []
    for i in range(size):
        name = rng.choice(MAGHREB) if i % 5 == 0 else rng.choice(fakers).name()
        dob = f"{rng.randint(1955, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append({"id": f"W{i:05d}", "full_name": name, "alt_names": "", "birth_date": dob,
                     "nationality": rng.choice(["MA", "DZ", "FR", "RU", "ES", ""]),
                     "gender": "M"})
    qrows = []
    for j in range(queries):
        if j % 2 == 0:
            src = rng.choice(rows)
            qrows.append({"qid": f"Q{j:05d}", "full_name": _perturb(rng, src["full_name"]),
                          "birth_date": src["birth_date"] if rng.random() < 0.8 else "",
                          "nationality": src["nationality"]})
        else:
            qrows.append({"qid": f"Q{j:05d}", "full_name": rng.choice(fakers).name(),
                          "birth_date": f"{rng.randint(1955, 2005)}", "nationality": ""})
    _write(directory / "watchlist.csv", rows)
    _write(directory / "queries.csv", qrows)
    return directory


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fp:
        w = csv.DictWriter(fp, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


@pytest.fixture(scope="session")
def small_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("screening"))


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from liaison.screening.spark import get_spark

    session = get_spark("local[2]")
    yield session
    session.stop()
