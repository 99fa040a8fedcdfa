"""A page built before for the same spec, code and assets is copied, not rendered: folium (about a
quarter of a second of every start) is imported only for a page never built (issue 16.4)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from test_page import SPEC

from chronomap.map import page_cache, page_render
from chronomap.map.page import build_page


def _refuse_render(*_args, **_kwargs):
    raise AssertionError("the page was rendered again")


def test_a_page_built_before_is_copied_not_rendered(tmp_path: Path, monkeypatch):
    first = build_page(SPEC, tmp_path / "a").read_text(encoding="utf-8")
    assert len(list(page_cache.cache_dir().glob("*.html"))) == 1
    monkeypatch.setattr(page_render, "render_page", _refuse_render)
    second = build_page(SPEC, tmp_path / "b").read_text(encoding="utf-8")
    assert second == first


def test_another_spec_is_rendered_and_kept_beside(tmp_path: Path):
    build_page(SPEC, tmp_path / "a")
    other = build_page(replace(SPEC, title="Another title"), tmp_path / "b").read_text(encoding="utf-8")
    assert "Another title" in other
    assert len(list(page_cache.cache_dir().glob("*.html"))) == 2


def test_a_page_cut_short_in_the_cache_is_rendered_again(tmp_path: Path):
    whole = build_page(SPEC, tmp_path / "a").read_text(encoding="utf-8")
    (cached,) = page_cache.cache_dir().glob("*.html")
    cached.write_text(whole[: len(whole) // 2], encoding="utf-8")
    assert build_page(SPEC, tmp_path / "b").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_a_cache_that_cannot_be_written_only_means_no_cache(tmp_path: Path, monkeypatch, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    with caplog.at_level(logging.INFO, logger="chronomap.map"):
        index = build_page(SPEC, tmp_path / "a")
    assert index.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert any("not cached" in r.getMessage() and r.levelno == logging.INFO for r in caplog.records)


def test_a_changed_writer_renders_the_page_again(tmp_path: Path, monkeypatch):
    build_page(SPEC, tmp_path / "a")
    monkeypatch.setattr(page_cache, "_WRITERS", (*page_cache._WRITERS, "words.py"))  # as if the code changed
    rendered: list[bool] = []
    real = page_render.render_page
    monkeypatch.setattr(page_render, "render_page", lambda *a: rendered.append(True) or real(*a))
    build_page(SPEC, tmp_path / "b")
    assert rendered == [True]


@pytest.mark.parametrize("warm", [False, True])
def test_folium_is_imported_only_for_a_page_never_built(tmp_path: Path, warm: bool):
    code = ("import sys; from pathlib import Path; from chronomap.map.page import MapPlace, MapSpec, build_page; "
            "spec = MapSpec('t', (MapPlace('m', 'Moscow', 'city', 55.7, 37.6),), ((38.0, 28.0), (60.0, 92.0)), 'NE'); "
            "build_page(spec, Path(sys.argv[1])); print('folium' in sys.modules)")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(root / "desktop"), env.get("PYTHONPATH", "")])
    runs = 2 if warm else 1
    out = ""
    for i in range(runs):
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path / f"p{i}")], capture_output=True, text=True,
                             env=env, cwd=root, timeout=120, check=True).stdout.strip()
    assert out == ("False" if warm else "True")



def _empty_basemap(folder: Path) -> Path:
    folder.mkdir()
    for name in ("countries", "borders", "water"):
        (folder / f"{name}.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return folder


def test_a_changed_base_map_renders_the_page_again(tmp_path: Path):
    """The page holds its base map (page_inline): a changed layer is a new page, not the old copy."""
    folder = _empty_basemap(tmp_path / "basemap")
    first = build_page(SPEC, tmp_path / "a", basemap_dir=folder).read_text(encoding="utf-8")
    water = folder / "water.geojson"
    water.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Aral"},'
                     ' "geometry": null}]}', encoding="utf-8")
    second = build_page(SPEC, tmp_path / "b", basemap_dir=folder).read_text(encoding="utf-8")
    assert '"name": "Aral"' in second and second != first


def test_a_changed_page_script_renders_the_page_again(tmp_path: Path, monkeypatch):
    script = tmp_path / "main.js"
    script.write_text("/* one */", encoding="utf-8")
    monkeypatch.setattr(page_cache, "page_script_paths", lambda: [script])  # the files the key stamps
    build_page(SPEC, tmp_path / "a")
    script.write_text("/* two, longer */", encoding="utf-8")
    rendered: list[bool] = []
    real = page_render.render_page
    monkeypatch.setattr(page_render, "render_page", lambda *a: rendered.append(True) or real(*a))
    build_page(SPEC, tmp_path / "b")
    assert rendered == [True]
