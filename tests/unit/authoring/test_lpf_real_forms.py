"""Linked Places as real exports write it (Peripleo, Pleiades, Locating a National Collection), not only as the spec does."""

import json
import unicodedata
from pathlib import Path

import pytest

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.lpf import LPF_CONTEXT, lpf_to_places
from chronomap.authoring.lpf_forms import property_when

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _collection(*features):
    return {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": list(features)}


def _feature(title, point=(68.3, 42.85), **extra):
    geometry = {"type": "Point", "coordinates": list(point)} if point else None
    return {"type": "Feature", "@id": f"http://example.org/{title.lower()}", "properties": {"title": title},
            "geometry": geometry, **extra}


def test_places_without_geometry_are_listed_by_title_and_the_rest_imported():
    document = json.loads((CORPUS / "pausanias-book1.lpf.json").read_text(encoding="utf-8"))
    imported = lpf_to_places(document, "pausanias.json")
    assert len(imported.places) == 38
    line = next(x for x in imported.not_carried if x.startswith("places without a geometry"))
    assert "'Lapethos' (features[20])" in line and "'Salaminiae' (features[21])" in line
    assert all(imported.titles[p["id"]] not in ("Lapethos", "Salaminiae") for p in imported.places)


def test_a_file_where_no_place_has_a_geometry_is_refused_in_one_line():
    with pytest.raises(AuthoringError) as caught:
        lpf_to_places(_collection(_feature("Lapethos", None), _feature("Salaminiae", None)), "unlocated.json")
    (problem,) = caught.value.problems
    assert problem.path == "features" and "found 2 feature(s) and none with a geometry" in problem.message


@pytest.mark.parametrize("value, edtf", [(">=730", "0730"), ("≥ 730", "0730"), ("<=800", "0800"), ("730", "0730"),
                                         ("c. 730", "0730~"), ("1850-1859", "1850/1859"), ("-300", "-0300"),
                                         ("1859-1850", None), ("[s.a.]", None), ("soon", None), (730, None),
                                         (">=" + "9" * 30, None)])
def test_property_when_strings(value, edtf):
    read = property_when(value)
    assert (read[0] if read else None) == edtf


def test_a_when_in_the_properties_dates_the_place_and_says_how_it_was_read():
    document = json.loads((CORPUS / "early-monasteries.lpf.json").read_text(encoding="utf-8"))
    imported = lpf_to_places(document, "monasteries.json")
    by_title = {imported.titles[pid]: when for pid, when in imported.whens.items()}
    assert by_title["Campodunum"] == "0730" and by_title["Whitby"] == "0657" and "Watton" not in by_title
    assert any(n.startswith("Campodunum: properties.when '>=730' read as 0730") for n in imported.notes)
    assert any(line.startswith("properties.when strings") for line in imported.not_carried)


def test_an_lpf_when_object_wins_over_a_properties_when():
    when = {"timespans": [{"start": {"in": "1219"}, "end": {"in": "1221"}}]}
    feature = _feature("Otrar", when=when)
    feature["properties"]["when"] = ">=900"
    assert lpf_to_places(_collection(feature), "t.json").whens == {"otrar": "1219/1221"}


def test_decomposed_names_are_composed():
    document = json.loads((CORPUS / "pleiades-yuntdag.lpf.json").read_text(encoding="utf-8"))
    assert not unicodedata.is_normalized("NFC", document["features"][0]["properties"]["title"])
    imported = lpf_to_places(document, "yuntdag.json")
    (place,) = imported.places
    assert imported.titles[place["id"]] == place["names"]["en"] == unicodedata.normalize("NFC", "Yüntdağ")


def test_a_name_attested_from_a_year_on_has_not_lapsed():
    # WHG's Pleiades example: the modern name 'Yüntdağ' attested from 1700, the record running to 2100
    imported = lpf_to_places(json.loads((CORPUS / "pleiades-yuntdag.lpf.json").read_text(encoding="utf-8")), "y.json")
    (place,) = imported.places
    assert "historical_names" not in place and imported.whens[place["id"]] == "1700/2100"


def test_a_line_only_place_is_placed_on_its_line_and_the_line_listed():
    river = _feature("Penkalas (river)", None)
    river["geometry"] = {"type": "LineString", "coordinates": [[29.5, 39.1], [29.6, 39.2], [29.7, 39.3]]}
    road = _feature("Via Egnatia", None)
    road["geometry"] = {"type": "MultiLineString", "coordinates": [[[19.4, 41.3]], [[22.9, 40.6], [26.0, 40.9], [28.9, 41.0]]]}
    imported = lpf_to_places(_collection(river, road), "lines.json")
    assert [p["point"] for p in imported.places] == [{"lat": 39.2, "lon": 29.6}, {"lat": 40.9, "lon": 26.0}]
    assert any(n.startswith("Penkalas (river): no point or outline; placed at the middle vertex") for n in imported.notes)
    assert any(line.startswith("line geometries") for line in imported.not_carried)


def test_a_line_without_a_usable_position_is_still_refused():
    bad = _feature("Nowhere", None)
    bad["geometry"] = {"type": "LineString", "coordinates": [["29.5", "39.1"], [500, 500]]}
    with pytest.raises(AuthoringError) as caught:
        lpf_to_places(_collection(bad, _feature("Otrar")), "lines.json")
    assert caught.value.problems[0].path == "features[0].geometry"


def test_a_repeated_id_keeps_both_records_and_says_so():
    first, second = _feature("Almaty"), _feature("Impostor", (10, 10))
    second["@id"] = first["@id"]
    imported = lpf_to_places(_collection(first, second), "dup.json")
    assert len(imported.places) == 2 and len({p["id"] for p in imported.places}) == 2
    assert any(n.startswith("features[1]: @id 'http://example.org/almaty' repeats features[0]'s") for n in imported.notes)


def test_a_properties_description_is_kept_when_the_record_has_no_descriptions():
    document = json.loads((CORPUS / "pausanias-book1.lpf.json").read_text(encoding="utf-8"))
    gallia = lpf_to_places(document, "p.json").places[0]
    assert gallia["description"].startswith("The ancient region known to the Romans as \"Gallia\" (Gaul).")
    agora = lpf_to_places(json.loads((CORPUS / "agora-monuments.lpf.json").read_text(encoding="utf-8")), "a.json")
    assert agora.places[0]["description"] == "Late 6th B.C."  # written as a list of one string


def test_properties_chronomap_does_not_read_are_listed_by_name():
    document = json.loads((CORPUS / "early-monasteries.lpf.json").read_text(encoding="utf-8"))
    lost = lpf_to_places(document, "m.json").not_carried
    assert "other properties, by name (records holding each) — type (32), founder (26), diocese (16)" in lost


def test_an_lpf_when_object_among_the_properties_dates_the_place():
    feature = _feature("Otrar")
    feature["properties"]["when"] = {"timespans": [{"start": {"in": "1219"}, "end": {"in": "1221"}}]}
    assert lpf_to_places(_collection(feature), "t.json").whens == {"otrar": "1219/1221"}
