"""Month names of the app's languages, from CLDR through Babel 2.19.0, kept as data.

Babel's import and its three locales' data took ~15-20 MB of the app's resident memory and were
used for these 72 words (tests/benchmarks/bench_memory.py). The table is what Babel gives, checked
against it by tests/unit/story/test_month_names.py; regenerate it with
``python -m chronomap.story.month_names`` (needs the ``test`` extra) when that test says it differs.

Source: Unicode CLDR, via Babel (https://babel.pocoo.org). Licence: Unicode License v3
(https://www.unicode.org/license.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

#: Per language: (the month inside a date, the month standing alone), January first, as CLDR's
#: "format" and "stand-alone" wide forms (genitive inside a date where the language needs it).
MONTHS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'),
        ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'),
    ),
    "ru": (
        ('января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'),
        ('январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'),
    ),
    "kk": (
        ('қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'),
        ('Қаңтар', 'Ақпан', 'Наурыз', 'Сәуір', 'Мамыр', 'Маусым', 'Шілде', 'Тамыз', 'Қыркүйек', 'Қазан', 'Қараша', 'Желтоқсан'),
    ),
}


def from_cldr(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What Babel gives for *lang* now (imported only here: the app never calls this)."""
    from babel import Locale

    locale = Locale.parse(lang)
    return (tuple(locale.months["format"]["wide"][m] for m in range(1, 13)),
            tuple(locale.months["stand-alone"]["wide"][m] for m in range(1, 13)))


def main(path: Path | None = None) -> int:
    """Write this file (or *path*, a copy of it) again with Babel's names, keeping all but the table."""
    path = path or Path(__file__)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("MONTHS: dict", 1)
    tail = rest.split("\n}\n", 1)[1]
    rows = []
    for lang in MONTHS:
        within, alone = from_cldr(lang)
        rows.append(f'    "{lang}": (\n        {within!r},\n        {alone!r},\n    ),')
    table = "MONTHS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {\n" + "\n".join(rows) + "\n}\n"
    from chronomap.atomic import write_text_atomic

    write_text_atomic(path, head + table + tail)
    print(f"{path}: {len(MONTHS)} languages written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
