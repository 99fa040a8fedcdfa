"""``draft_exhibit``: an article file in, a checked draft exhibit folder out."""

from __future__ import annotations

from pathlib import Path

from chronomap.authoring.drafter import draft_article_file
from chronomap.authoring.gazetteer_index import build_index, default_cache_paths
from chronomap.authoring.ids import make_id
from chronomap.authoring.report import DraftReport
from chronomap.authoring.writer import ensure_writable_target, write_exhibit_folder


def draft_exhibit(article: Path, out_dir: Path, title: str | None = None, *, force: bool = False,
                  gazetteer: Path | None = None, bracket_undated: bool = True) -> DraftReport:
    """Draft an exhibit from ``article`` into ``out_dir`` (File → New exhibit from article).

    The folder is written atomically and only once ``chronomap check`` accepts
    it; a non-empty ``out_dir`` is refused unless ``force``.  ``gazetteer`` adds a
    cache file to the project's.  Raises :class:`AuthoringError` with every
    problem (exit code 1 for bad input, 2 for a refused target).
    """
    article, out_dir = Path(article), Path(out_dir)
    ensure_writable_target(out_dir, force)
    caches = (*default_cache_paths(), *((Path(gazetteer),) if gazetteer else ()))
    index = build_index(caches)
    exhibit_id = make_id(out_dir.name or (title or article.stem), "exhibit")
    draft = draft_article_file(article, index=index, exhibit_id=exhibit_id, title=title, bracket_undated=bracket_undated)
    import json

    files = {
        "article.txt": draft.article_text,
        "exhibit.json": json.dumps(draft.exhibit, ensure_ascii=False, indent=2) + "\n",
        "story.json": json.dumps(draft.story, ensure_ascii=False, indent=2) + "\n",
    }
    write_exhibit_folder(out_dir, files, force=force)
    draft.report.out_dir = out_dir
    return draft.report
