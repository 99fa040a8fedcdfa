"""Snapshots through the explorer's own page and bridge.

A :class:`Snapshotter` loads the map page once (the same folium page, script
and :class:`MapStateBuilder` as the explorer) in a :class:`MapView` sized to the
picture, then for each moment applies the state without animation, waits
until the page has settled and painted, and grabs it.  A batch reuses the page.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMarginsF, QSizeF, Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize

from chronomap import __version__
from chronomap.atomic import replaced_on_success, write_bytes_atomic
from chronomap.export.moments import caption_for, page_state_for
from chronomap.export.options import ExportError, SnapshotOptions
from chronomap.export.waiting import Start, once, wait, wait_all
from chronomap.map.bridge import Caption, ChromeOptions
from chronomap.map.page import build_page
from chronomap.map.view_state import MapStateBuilder
from chronomap.qt.map_view import MapView
from chronomap.session import Look
from chronomap.story.media import MediaItem
from chronomap.story.model import Exhibit
from chronomap.story.timeline import Moment, Timeline

if TYPE_CHECKING:
    from chronomap.export.media_layout import MediaLayout

log = logging.getLogger("chronomap.export")

LOAD_TIMEOUT_MS = 60_000
#: A page not ready this long after its load is loaded again once, in a new view (a new render process), within
#: :data:`LOAD_TIMEOUT_MS` in all. A load takes 0.3-1 s here (up to ~5 s on a loaded machine); in full
#: parallel test runs, about one run in three had an export whose page never became ready, cause unknown.
LOAD_RETRY_MS = 20_000
STEP_TIMEOUT_MS = 30_000


class Snapshotter:
    def __init__(self, exhibit: Exhibit, options: SnapshotOptions, *, vector: bool = False,
                 timeline: Timeline | None = None, lang: str = "en", appearance: dict[str, bool] | None = None):
        """*lang*: the language of labels, legend, caption and description (the interface's
        translator must be installed for it); *appearance*: ``{"highContrast", "large"}``."""
        from chronomap.qt.map_words import map_words

        self.options = options.validate()
        self.exhibit = exhibit
        self.lang = lang
        self.timeline = timeline or Timeline(exhibit)
        self.builder = MapStateBuilder(exhibit, lang, map_words())
        if appearance:
            self.builder.set_appearance(appearance.get("highContrast", False), appearance.get("large", False))
        self._dir = tempfile.TemporaryDirectory(prefix="chronomap-export-")
        page = build_page(replace(self.builder.spec(), vector=vector), Path(self._dir.name))
        self.view = self._new_view()
        self._load(page)
        self._map_width = options.width
        self._apply_scale()
        if vector:
            self._draw_frames(False)  # a page for print: its pictures are printed, not grabbed
        self.last_metadata: dict[str, Any] = {}
        self.last_layout: MediaLayout | None = None
        self._unconfirmed = False  # a state was sent and not confirmed (a step failed): the next one may wait behind it

    def _new_view(self) -> MapView:
        """An off-screen map view at the picture's size and scale."""
        view = MapView()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(self.options.width, self.options.height)
        view.set_zoom_factor(self.options.scale)
        view.show()
        return view

    def _load(self, page: Path) -> None:
        """Load *page* until it is ready; a view whose page is not ready by :data:`LOAD_RETRY_MS` is replaced
        once by a new one, whose page loads in a new render process. (Renewing the page in the same view
        was tried: in an off-screen view the renewed page was then grabbed at another layout size.)"""
        def load(done: Callable[..., None]) -> None:
            once(self.view.ready, done)
            self.view.load(page)

        try:
            self._wait(load, LOAD_RETRY_MS, "the map page did not load")
            return
        except ExportError:
            log.warning("the map page was not ready %d s after its load started; loading it again in a new view "
                        "(render process %s left)", LOAD_RETRY_MS // 1000, self.view.render_process_pid() or "none")
        self._drop_view()
        self.view = self._new_view()
        self._wait(load, LOAD_TIMEOUT_MS - LOAD_RETRY_MS, "the map page did not load")

    def _drop_view(self) -> None:
        self.view.release()
        self.view.close()
        self.view.deleteLater()

    def _draw_frames(self, on: bool) -> None:
        """Let the page draw frames (shown, off screen) or not (hidden: it keeps its size and layout).

        Printing lays the page out again and draws it for the PDF itself, so a hidden page prints the
        same sheet without first rastering every state on screen (at A4 300 dpi, 8.7 million pixels).
        """
        self.view.setVisible(on)

    def _fit_map(self, width: int) -> None:
        """The map view *width* device pixels wide (narrower when a picture stands beside it), laid out so."""
        if width != self._map_width:
            self._draw_frames(True)  # a hidden page does not take a new size
            self._map_width = width
            self.view.resize(width, self.options.height)
            self._apply_scale()

    def _apply_scale(self) -> None:
        """Zoom the page to the scale and wait until its layout has the CSS size that implies.

        Set before the load, a zoom factor can be lost to the navigation; set after it,
        the page lays out again, which must have happened before the first picture.
        """
        css_w = round(self._map_width / self.options.scale)
        self.view.set_zoom_factor(self.options.scale)
        deadline = time.perf_counter() + STEP_TIMEOUT_MS / 1000
        while True:
            (width,) = self._wait(self.view.inner_width, STEP_TIMEOUT_MS, "the map page did not answer")
            if isinstance(width, (int, float)) and abs(width - css_w) <= 1:
                return
            if time.perf_counter() > deadline:
                raise ExportError(f"the page did not take the scale {self.options.scale:g} (width {width}, expected {css_w})")
            self._wait(lambda done: QTimer.singleShot(5, done), 1000, "the event loop stalled")

    @staticmethod
    def _wait(start: Start, timeout_ms: int, what: str) -> tuple:
        return wait(start, timeout_ms, what)

    # -- one moment -------------------------------------------------------------------
    def show(self, moment: Moment, view: tuple[tuple[float, float], float] | None = None, grab: bool = True) -> dict:
        """Put the page in the state of *moment*, settled and painted; returns what the page reports.

        *grab*: keep the picture as :attr:`last_image` (a PDF prints the page itself and needs none:
        grabbing an A4 sheet at 300 dpi took longer than printing it)."""
        opts = self.options
        caption: Caption | None = None
        if opts.caption:
            words = caption_for(self.timeline, moment, self.lang)
            caption = {"title": words["title"], "date": words["date"], "event": words["event"]}
        chrome: ChromeOptions = {"legend": opts.legend, "attribution": opts.attribution, "scaleBar": opts.scale_bar,
                                 "zoomControl": False, "caption": caption}
        # Sent one behind the other, each without waiting for the answer before: the page runs them in this
        # order, so the grab's paint mark goes into the frame that draws the state, and the questions about
        # the state are answered while that frame is drawn.
        self._draw_frames(grab)
        self.view.set_chrome(chrome)
        # else the state waits (for the page, or behind one unanswered), and what follows must wait for it
        sent_at_once = self.view.is_ready and not self._unconfirmed
        seq = self.view.show_state(page_state_for(self.builder, moment))
        self._unconfirmed = True
        confirmed: tuple[Start, str] = (lambda done: self._until_seq(seq, done), "the map page did not confirm the state")
        if view is not None or not sent_at_once:
            wait_all([confirmed], STEP_TIMEOUT_MS)
        if view is not None:
            center, zoom = view
            self._wait(lambda done: self.view.set_view(center, zoom, done), STEP_TIMEOUT_MS, "the map page did not answer")
        steps = {"confirmed": confirmed} if view is None and sent_at_once else {}
        grab_step: tuple[Start, str] = (lambda done: self.view.grab_settled(done, timeout_ms=STEP_TIMEOUT_MS),
                                        "the map did not settle")
        if grab:
            steps["image"] = grab_step
        steps["snapshot"] = (self.view.query, "the map page did not answer")
        steps["caption"] = (self.view.caption_text, "the map page did not answer")
        answers = dict(zip(steps, wait_all(list(steps.values()), STEP_TIMEOUT_MS + 5000), strict=True))
        self._unconfirmed = False
        if answers["snapshot"][0] is not None and answers["snapshot"][0].get("moving"):
            # a glide (a state is shown without one, so not expected): its end, then the questions again
            self._draw_frames(True)
            settled: tuple[Start, str] = grab_step if grab else (
                lambda done: self.view.when_settled(done, timeout_ms=STEP_TIMEOUT_MS), "the map did not settle")
            answers["image"] = wait_all([settled], STEP_TIMEOUT_MS + 5000)[0]
            answers["snapshot"], answers["caption"] = wait_all([steps["snapshot"], steps["caption"]], STEP_TIMEOUT_MS)
        (snapshot,), (caption_text,) = answers["snapshot"], answers["caption"]
        if grab:
            (self.last_image,) = answers["image"]
        if snapshot is None:
            raise ExportError("the map page has no map to report")
        focus = moment.focus
        self.last_metadata = {
            "chronomap.bounds": json.dumps(snapshot["bounds"]),
            "chronomap.zoom": str(snapshot["zoom"]),
            "chronomap.date": moment.label(self.lang),
            "chronomap.language": self.lang,
            "chronomap.day": str(moment.day),
            "chronomap.event": focus.id if focus else "",
            "chronomap.caption": caption_text or "",
            "chronomap.statuses": json.dumps(snapshot["statuses"], sort_keys=True),
        }
        return snapshot

    def _until_seq(self, seq: int, done: Callable[..., None]) -> None:
        def handler(confirmed: int) -> None:
            if confirmed >= seq:
                self.view.state_applied.disconnect(handler)
                done(confirmed)

        self.view.state_applied.connect(handler)

    def picture_for(self, moment: Moment) -> MediaItem | None:
        """The picture laid beside the map for *moment*: its event's first image, with ``media`` asked for."""
        if not self.options.media:
            return None
        from chronomap.export.media_layout import first_picture  # imported only when a picture can be laid beside the map

        return first_picture(moment.focus)

    def render(self, moment: Moment, view: tuple[tuple[float, float], float] | None = None) -> QImage:
        """The picture of *moment* at the options' size: the map, or with ``media`` the map beside the
        event's first image, caption and credit (the map alone, full width, for an event without one)."""
        item = self.picture_for(moment)
        self._fit_map(self.options.map_size[0] if item is not None else self.options.width)
        self.show(moment, view)
        image = self.last_image.convertToFormat(QImage.Format.Format_RGB32)
        self.last_layout = None
        if item is not None:
            if image.width() != self._map_width:
                raise ExportError(f"the map rendered {image.width()} px wide instead of {self._map_width}")
            from chronomap.export.media_layout import compose

            image, self.last_layout = compose(image, item, self.lang, self._look())
        dots_per_metre = round(self.options.print_dpi / 0.0254)  # pHYs: 300 dpi paper presets print at size
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        if (image.width(), image.height()) != (self.options.width, self.options.height):
            raise ExportError(f"the map rendered at {image.width()}x{image.height()} instead of "
                              f"{self.options.width}x{self.options.height}")
        date_label = moment.label(self.lang)
        image.setText("Title", f"{self.exhibit.title_in(self.lang)} — {date_label}")
        image.setText("Software", f"Chronomap {__version__}")
        image.setText("Description", self.builder.describe(moment.state, moment.day, date_label))  # alt text
        for key, value in self.last_metadata.items():
            image.setText(key, value)
        if self.last_layout is not None and item is not None:
            image.setText("chronomap.media", item.file)
            image.setText("chronomap.credit", self.last_layout.credit)  # the rights line, readable without the pixels
            alt = item.alt_in(self.lang) or ""
            image.setText("Description", f"{image.text('Description')} Beside the map: {alt} {self.last_layout.credit}")
        return image

    def _look(self) -> Look:
        return Look(high_contrast=self.builder.appearance.get("highContrast", False),
                    large_type=self.builder.appearance.get("large", False))

    # -- files ------------------------------------------------------------------------------
    def save_png(self, moment: Moment, path: Path) -> Path:
        image = self.render(moment)
        return save_image_atomic(image, path)

    def save_pdf(self, moment: Moment, path: Path) -> Path:
        """Print the settled page to PDF: the map as vectors (SVG page), the caption as text.

        With a picture beside the map the sheet is drawn by Qt instead: the map as a picture at the
        print resolution, the photograph, and its caption and credit as text."""
        if self.picture_for(moment) is not None:
            return self._save_media_pdf(moment, Path(path))
        self._fit_map(self.options.width)
        self.last_layout = None
        self.show(moment, grab=False)
        # The picture's size at its print resolution: A4 at 300 dpi is 841.9 x 595.3 pt. (It was the
        # CSS layout at 96 dpi, 876 x 620 pt for "A4", when the preset's scale was 3 instead of 300/96.)
        width_pt, height_pt = self.options.page_points
        size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "Chronomap",
                         QPageSize.SizeMatchPolicy.ExactMatch)
        layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        path = Path(path)
        with replaced_on_success(path) as tmp:
            (ok,) = self._wait(lambda done: self.view.print_to_pdf(str(tmp), layout, done), STEP_TIMEOUT_MS * 2,
                               "printing to PDF did not finish")
            if not ok or tmp.stat().st_size == 0:
                raise ExportError(f"{path}: printing to PDF failed")
        return path

    def _save_media_pdf(self, moment: Moment, path: Path) -> Path:
        from PySide6.QtGui import QPainter, QPdfWriter

        from chronomap.export.media_layout import paint

        image = self.render(moment)
        layout = self.last_layout
        item = self.picture_for(moment)
        assert layout is not None and item is not None
        width_pt, height_pt = self.options.page_points
        with replaced_on_success(path) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setPageSize(QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "Chronomap",
                                         QPageSize.SizeMatchPolicy.ExactMatch))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            writer.setResolution(round(self.options.print_dpi))
            writer.setTitle(image.text("Title"))
            writer.setCreator(f"Chronomap {__version__}")
            painter = QPainter()
            if not painter.begin(writer):
                raise ExportError(f"{path}: the PDF could not be started")
            try:
                paint(painter, image.copy(layout.map_rect), item, layout, self._look())
            finally:
                painter.end()
            if tmp.stat().st_size == 0:
                raise ExportError(f"{path}: writing the PDF failed")
        return path

    def close(self) -> None:
        self._drop_view()
        self._dir.cleanup()


#: Qt's PNG "quality" (zlib's level falls as it rises): at 65, a 1920x1080 map encoded in ~61 ms against
#: ~106-136 ms at Qt's default, for a file ~13% larger (311 against 276 KB), still lossless. A batch is
#: bound by the CPU of its two cores (bench_export.py: batch_cpu_per_image_s), and encoding was a third of it.
PNG_QUALITY = 65


def encode_image(image: QImage, fmt: str = "PNG") -> bytes:
    """The picture as the bytes of a *fmt* file, its text chunks included."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    quality = PNG_QUALITY if fmt.upper() == "PNG" else -1
    if not image.save(buffer, fmt, quality):  # type: ignore[call-overload]  # the stubs say bytes; PySide6 6.11 takes only str
        raise ExportError(f"the picture could not be encoded as {fmt}")
    buffer.close()
    return bytes(data.data())


def save_image_atomic(image: QImage, path: Path, fmt: str = "PNG") -> Path:
    """Encode in memory, then write with a rename: a failure never leaves half a picture."""
    try:
        data = encode_image(image, fmt)
    except ExportError as exc:
        raise ExportError(f"{path}: {exc}") from None
    write_bytes_atomic(Path(path), data)
    return Path(path)
