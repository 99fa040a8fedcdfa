"""Which interface language a locale name means."""

from __future__ import annotations

import pytest

from chronomap.i18n import LANGUAGES, NATIVE_NAMES, check_language, language_from_locale


@pytest.mark.parametrize(("locale", "lang"), [
    ("ru_RU", "ru"), ("ru-KZ", "ru"), ("kk_KZ", "kk"), ("kk_KZ.UTF-8", "kk"), ("en_GB.UTF-8", "en"),
    ("de_DE", "en"), ("C", "en"), ("", "en"), (None, "en"), ("KK", "kk"),
])
def test_language_from_locale(locale, lang):
    assert language_from_locale(locale) == lang


def test_each_language_has_its_own_name_and_no_flag():
    assert set(NATIVE_NAMES) == set(LANGUAGES)
    assert NATIVE_NAMES == {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="'de' is not available; expected one of kk, ru, en"):
        check_language("de")
