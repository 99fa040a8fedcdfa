"""The translations are complete: every interface string, in every language, compiled.

lupdate runs over the code into copies of the .ts files, so a string added to
the code without a translation fails here, not in front of a visitor.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chronomap.i18n import LANGUAGES, qm_path, ts_path
from chronomap.i18n.build import compile_qm, update_ts

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes" \
                else [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), translation.get("type"), forms


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> dict[str, Path]:
    """Each committed .ts merged with the strings the code has now (the committed files untouched)."""
    out = {}
    for lang in LANGUAGES:
        copy = tmp_path_factory.mktemp(lang) / ts_path(lang).name
        shutil.copy(ts_path(lang), copy)
        update_ts(lang, copy)
        out[lang] = copy
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_in_the_code_is_translated(refreshed, lang):
    unfinished = [f"{context}: {source!r} ({kind or 'empty'})" for context, source, kind, forms in _messages(refreshed[lang])
                  if kind in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms)]
    assert not unfinished, f"chronomap_{lang}.ts needs: " + "; ".join(unfinished)


@pytest.mark.parametrize("lang", ("ru", "kk"))
def test_the_committed_ts_holds_every_string_of_the_code(refreshed, lang):
    committed = {(c, s) for c, s, _, _ in _messages(ts_path(lang))}
    current = {(c, s) for c, s, _, _ in _messages(refreshed[lang])}
    assert current == committed, "run: python -m chronomap.i18n.build"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_and_one_accelerator(lang):
    wrong = []
    for context, source, _, forms in _messages(ts_path(lang)):
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                wrong.append(f"{context}: {source!r} → {form!r}: placeholders differ")
            if "&" in source and form.count("&") != 1:
                wrong.append(f"{context}: {source!r} → {form!r}: needs one & accelerator")
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_files_are_up_to_date(tmp_path, lang):
    fresh = tmp_path / "fresh.qm"
    compile_qm(ts_path(lang), fresh)
    assert qm_path(lang).read_bytes() == fresh.read_bytes(), "run: python -m chronomap.i18n.build"


def test_menu_accelerators_do_not_clash_within_a_menu():
    """Alt+letter must pick one item: the top-level menu titles differ in their accelerator letter."""
    titles = ("&File", "&Edit", "&View", "&Go", "&Help")
    for lang in ("ru", "kk"):
        table = {s: f[0] for c, s, _, f in _messages(ts_path(lang)) if c == "MainWindow"}
        letters = [table[t].split("&", 1)[1][0].lower() for t in titles]
        assert len(set(letters)) == len(letters), (lang, letters)
