"""The desk window's exhibits: open, draft, edit and replace one, its errors and its About box."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from chronomap.desk.open_dialog import ExhibitOpenDialog
from chronomap.desk.window_part import WindowPart

if TYPE_CHECKING:
    from chronomap.story.model import Exhibit, ExhibitError
    from chronomap.story.timeline import Moment


class WindowExhibits(WindowPart):
    """Part of :class:`~chronomap.desk.main_window.MainWindow`: which exhibit it shows, and what it says about it."""

    def open_exhibit_dialog(self) -> None:
        dialog = ExhibitOpenDialog(self)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is not None:
            self.open_exhibit(chosen)

    def new_exhibit_dialog(self, folder: Path | None = None) -> None:
        """File → New exhibit…: a folder and an article, drafted or empty, then the editor on it."""
        from chronomap.desk.studio_new import new_exhibit

        new_exhibit(self, folder)  # type: ignore[arg-type]  # (self is the MainWindow)

    def new_exhibit_from_article(self, article: Path, folder: Path) -> bool:
        """Draft an exhibit (chronomap draft) and open it; its report is shown to the curator."""
        from chronomap.authoring import draft_exhibit
        from chronomap.story.model import ExhibitError

        try:
            report = draft_exhibit(article, folder)
        except ExhibitError as exc:
            self.show_exhibit_errors(article, exc)
            return False
        opened = self.open_exhibit(folder)
        if opened:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Draft exhibit"),
                              self.tr("A draft was made from {name}. Check it before showing it to visitors.").format(
                                  name=article.name), parent=self)
            box.setDetailedText(str(report))
            box.setObjectName("draftReport")
            box.open()
            self.draft_box = box
        return opened

    def open_exhibit(self, source: Path) -> bool:
        """Open an exhibit folder, or a TimelineJS / LPF file converted to one; on errors
        show them and keep the current exhibit."""
        from chronomap.authoring import open_any
        from chronomap.story.loader import load_exhibit
        from chronomap.story.model import ExhibitError

        try:
            folder = open_any(source)
            exhibit = load_exhibit(folder)
        except ExhibitError as exc:
            self.show_exhibit_errors(source, exc)
            return False
        self.stop_playing()
        kept = self._moment_kept_in(exhibit)
        self._install(exhibit, self.model.language, self.model.look, start=kept)
        return True

    def _moment_kept_in(self, exhibit: Exhibit) -> Moment | None:
        """The moment shown now, in *exhibit*, when it is this exhibit again (the editor closed, the
        folder opened again): the curator stays on the event they were at. None for another exhibit."""
        from chronomap.story.timeline import Timeline

        if exhibit.meta.id != self.exhibit.meta.id:
            return None
        timeline, pinned = Timeline(exhibit), self.model.moment.pinned_event
        if pinned and exhibit.has_event(pinned):
            return timeline.moment_for_event(pinned)
        return timeline.moment_at(self.model.day)

    def edit_exhibit(self) -> None:
        """Edit mode: the exhibit editor docked beside this map, article and timeline."""
        from chronomap.desk.studio_dock import open_studio

        self.stop_playing()
        open_studio(self)  # type: ignore[arg-type]  # (self is the MainWindow)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """Show another version of the exhibit (the editor's), the page drawn again."""
        self.stop_playing()
        self._install(exhibit, self.model.language, self.model.look)

    def show_exhibit_errors(self, folder: Path, exc: ExhibitError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("This exhibit cannot be opened"),
                          self.tr("%n problem(s) in {folder}. The current exhibit stays open.", "", len(exc.problems)).format(
                              folder=folder), parent=self)
        box.setDetailedText("\n".join(str(p) for p in exc.problems))
        box.setObjectName("exhibitErrors")
        box.open()
        self.error_box = box

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Chronomap"), self.about_html())

    def about_html(self) -> str:
        """The About box's text in the interface language: the exhibit's own translations of its
        credits and of the article's details where it has them (before, English in every language)."""
        lang = self.lang
        credits = "".join(f"<li><b>{html.escape(c.what)}</b>: {html.escape(c.text)}"
                          + (f" ({html.escape(c.licence)})" if c.licence else "") + "</li>" for c in self.exhibit.credits_in(lang))
        article = self.exhibit.article_info_in(lang)
        source = html.escape(article.source) if article.source else self.tr("not stated in the text as received")
        licence = html.escape(article.licence) if article.licence else self.tr("not stated")
        note = self.exhibit.translation_note(lang)
        translation = f"<p>{html.escape(note)}</p>" if note else ""
        if article.translator:
            translation += "<p>" + html.escape(self.tr("Article translated by {translator}").format(translator=article.translator)) + "</p>"
        exhibit_line = self.tr("Exhibit: {title}").format(title=f"<b>{html.escape(self.exhibit.title_in(lang))}</b>")
        source_line = self.tr("Article source: {source}; licence: {licence}.").format(source=source, licence=licence)
        return f"<h3>Chronomap</h3><p>{exhibit_line}</p><p>{source_line}</p>{translation}<ul>{credits}</ul>"
