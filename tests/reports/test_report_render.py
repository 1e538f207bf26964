"""The human report: words, numbers in French, and the PDF with its charts."""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest
from sqlalchemy import Engine

from liaison.errors import ValidationError
from liaison.reports.charts import (
    BLUE,
    HOME,
    LIGHT,
    Bar,
    share_bars,
    simplify_path,
    ticks,
    world_map,
)
from liaison.reports.messages import Words
from liaison.reports.render import charts, render, summary, to_html, to_markdown
from liaison.reports.stats import report

NNBSP = "\u202f"  # French thousands separator and space before %


@pytest.fixture
def big() -> dict[str, Any]:
    """A report with the published 2023 orders of magnitude, without a database."""
    by_category = {"drugs": 2589, "information_request": 2589, "illegal_immigration": 1295}
    return {
        "year": 2023,
        "period": {"start": "2023-01-01", "end": "2023-12-31"},
        "home_country": "MA",
        "cases": {
            "total": 6473,
            "previous_total": 5780,
            "change_pct": 12.0,
            "by_category": {k: {"count": v, "share_pct": round(v / 6473 * 100, 1)}
                            for k, v in by_category.items()},
            "by_direction": {"incoming": 4000, "outgoing": 2473},
            "trend": [{"label": str(y), "year": y, "total": t}
                      for y, t in zip(range(2019, 2024), (4100, 4700, 5200, 5780, 6473),
                                      strict=True)],
        },
        "rogatory_letters": {"received": 119, "executed": 121},
        "warrants": {"issued": 92, "arrests": 3280},
        "notes": {"search_notes_national": 245, "wanted_notices_regional": 2006,
                  "cancellations_international": 342, "cancellations_regional": 1},
        "extraditions": {"surrendered_to_home": 54, "previous_surrendered_to_home": 69,
                         "surrendered_by_home": 48},
        "diplomacy": {"meetings": 30, "bilateral_meetings": 20, "agreements_signed": 4,
                      "partner_countries": 3, "partner_country_codes": ["ES", "FR", "TN"]},
        "partners": {
            "by_region": {"europe": {"cases": 4200, "countries": 2, "share_pct": 64.9}},
            "top_countries": [{"code": "ES", "cases": 2400, "share_pct": 37.1}],
        },
    }


def test_french_summary_reads_like_the_review(big: dict[str, Any]) -> None:
    text = " ".join(summary(big, Words.of("fr")))
    assert f"6{NNBSP}473 dossiers de coopération, en hausse de 12{NNBSP}%" in text
    assert "% par rapport à 2022" in text
    assert f"(5{NNBSP}780 dossiers)" in text
    assert f"la part la plus importante revient au trafic de drogue (40{NNBSP}%)" in text
    assert f"devant les demandes d'information (40{NNBSP}%) et l'immigration illégale" in text
    assert f"3{NNBSP}280 arrestations sont intervenues" in text
    assert "1 note de recherche" not in text  # 245: plural
    assert "54 personnes recherchées" in text and "contre 69 en 2022" in text


def test_english_summary(big: dict[str, Any]) -> None:
    text = " ".join(summary(big, Words.of("en")))
    assert "6,473 cooperation files, up 12% on 2022 (5,780 files)" in text
    assert "119 international rogatory letters were received and 121 executed" in text
    assert "By category, drug trafficking made up the largest share (40%)" in text


@pytest.mark.parametrize(
    ("previous", "phrase"),
    [(6473, "un volume identique"), (7000, "en baisse de 7,5"), (0, "sans point de comparaison")],
)
def test_change_wording(big: dict[str, Any], previous: int, phrase: str) -> None:
    total = big["cases"]["total"]
    big["cases"]["previous_total"] = previous
    big["cases"]["change_pct"] = round((total / previous - 1) * 100, 1) if previous else None
    assert phrase in summary(big, Words.of("fr"))[0]


def test_unknown_language_or_format(big: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Words.of("de")
    with pytest.raises(ValidationError):
        render(big, "docx")


def test_report_from_records_renders(records: Engine) -> None:
    html = to_html(report(2023, records, home_country="MA"), "fr")
    assert "4 dossiers de coopération, en hausse de 100" in html


def test_html_and_markdown_hold_tables_and_offline_charts(big: dict[str, Any]) -> None:
    html = to_html(big, "fr")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 4  # inline, no image
    assert "<img" not in html
    assert html.count('role="img"') == 4
    assert "http://" not in html.replace('xmlns="http://', "") and "https://" not in html
    assert "<td>Trafic de drogue</td>" in html
    md = to_markdown(big, "en")
    assert "| Drug trafficking | 2,589 | 40% |" in md
    assert md.startswith("# Annual report 2023")


def test_world_map_colours_partners_and_home() -> None:
    svg = str(world_map({"ES": BLUE, "MA": HOME, "tn": BLUE}, "m", "Partners", "Spain, Tunisia"))
    assert '<g class="es country map-element" fill="#1f4e79">' in svg
    assert '<g class="tn country map-element" fill="#1f4e79">' in svg
    assert '<g class="ma country map-element" fill="#9b2226">' in svg
    assert '<g class="fr country map-element">' in svg  # the map's light grey
    assert f'<g fill="{LIGHT}"' in svg
    assert '<title id="m-title">Partners</title><desc id="m-desc">Spain, Tunisia</desc>' in svg
    assert svg.count(" id=") == 2  # none of the source map's ids (they would repeat)


def test_outlines_are_simplified_to_their_end_points() -> None:
    # relative curves: only their end points count; points nearer than 1.5 units dropped
    assert simplify_path("m 10,10 c 1,1 2,2 3,3 0.2,0.2 0.4,0.4 0.5,0.5 l 10 0 h 5 v 5 z") == (
        "M10 10L13 13L24 14L28 14L28 18Z"
    )
    # absolute commands, numbers written without spaces, a second shape after Z
    assert simplify_path("M10-10L20.5.5C1 1 2 2 30 30ZM0 0l5 5") == "M10 -10L20 0L30 30ZM0 0L5 5"


def test_axis_graduations_are_round() -> None:
    assert ticks(40) == [0, 10, 20, 30, 40]
    assert ticks(6473) == [0, 2000, 4000, 6000, 8000]
    assert ticks(3.2) == [0, 1, 2, 3, 4]
    assert ticks(0) == [0, 1]


def test_bars_are_accessible_images_with_their_figures() -> None:
    svg = str(share_bars([Bar("Drogue <trafic>", 40.0, "40 %"), Bar("Vols", 12.5, "12,5 %")],
                         "c", "Par catégorie", "Part (%)"))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart"')
    assert 'role="img" aria-labelledby="c-title" aria-describedby="c-desc"' in svg
    assert '<desc id="c-desc">Drogue &lt;trafic&gt;: 40 %; Vols: 12,5 %.</desc>' in svg
    assert "<title>Vols: 12,5 %</title>" in svg  # each bar's tooltip
    assert "Part (%)</text>" in svg
    assert share_bars([], "c", "Par catégorie") == ""


def test_charts_are_svg(big: dict[str, Any]) -> None:
    drawn = charts(big, Words.of("fr"))
    assert set(drawn) == {"trend", "categories", "regions", "map"}
    assert all(str(chart).startswith("<svg") for chart in drawn.values())
    assert "Trafic de drogue" in drawn["categories"]
    assert f"6{NNBSP}473</text>" in drawn["trend"]  # French number format
    assert "6,473</text>" in charts(big, Words.of("en"))["trend"]
    assert "Maroc en rouge" in drawn["map"] and "Espagne" in drawn["map"]


def test_pdf_has_three_pages_and_its_charts(big: dict[str, Any]) -> None:
    pdf = render(big, "pdf", "fr")
    assert pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    first, second, third = (page.extract_text() for page in reader.pages)
    assert "Bilan annuel 2023" in first and "Chiffres clés" in first
    assert "Part (%)" in second and "Dossiers" in second  # category and trend charts
    assert "Europe" in second + third  # the regions chart and table
    assert "Pays partenaires de la période" in third  # the map closes the report
    forms = {
        name
        for page in reader.pages
        for name, ref in page["/Resources"].get("/XObject", {}).items()
        if ref.get_object().get("/Subtype") == "/Form"
    }
    assert len(forms) >= 4  # the charts and the map, as vectors
    assert not [image for page in reader.pages for image in page.images]  # no picture


def test_an_empty_year_still_renders(db_engine: Engine) -> None:
    if db_engine.dialect.name != "sqlite":
        return  # rendering does not depend on the database
    empty = report(2023, db_engine, home_country="MA")
    html = to_html(empty, "fr")
    assert "Aucun enregistrement pour la période." in html
    assert "0 dossier de coopération, sans point de comparaison pour 2022" in html
    assert to_markdown(empty, "en").count("| Files |") >= 1
