"""The exhibit file format, declared once with pydantic.

``exhibit.json`` holds the metadata, ``story.json`` the places and events,
``gazetteer.json`` the offline coordinate cache.  Cross-references (event →
place, event → passage, date validity) are checked by the loader, which knows
the article; this module checks each file's shape and field values.

Texts are written in the exhibit's main ``language``; ``translations`` (keyed
by language code) may give any of them in other languages.  What a translation
leaves out is shown in the main language.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from chronomap.story.dates import DateError, parse_date
from chronomap.story.geometry import GeometryProblem, check_geometry

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="lower-case letters, digits and '-'")]
# strict: true and "48.3" are not coordinates (lax pydantic would draw true at 1.0); finite: no NaN
Latitude = Annotated[float, Field(ge=-90, le=90, strict=True, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, strict=True, allow_inf_nan=False)]
#: A relative date's offset: at most 20,000 years either way (the timeline itself spans years -9999 to 9999).
MAX_OFFSET_DAYS = 7_305_000

#: The pydantic error type whose ctx carries a sub-path ``where`` and a whole "found …; expected …" ``message``.
FOUND_ERROR = "chronomap_found"


def found_error(where: str, message: str) -> PydanticCustomError:
    """A validation error the loader reports as is, at the field's path plus *where*."""
    return PydanticCustomError(FOUND_ERROR, "{message}", {"where": where, "message": message})
LANG_PATTERN = r"^[a-z]{2,3}$"
LangCode = Annotated[str, Field(pattern=LANG_PATTERN, description="an ISO 639 language code such as 'en', 'ru', 'kk'")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


EDTF_EXAMPLES = "an EDTF date such as '1986-12-17', '1986-12', '1990-23' (autumn 1990) or '1986-12-17/1986-12-18'"


def _check_edtf(value: str) -> str:
    try:
        parse_date(value)
    except DateError as exc:
        raise ValueError(f"{EDTF_EXAMPLES} ({exc})") from None
    return value


EdtfDate = Annotated[str, Field(description="an EDTF date, e.g. 1986-12-17, 1990-23, 1986-12-17/1986-12-18")]


class Point(_Strict):
    lat: Latitude
    lon: Longitude


class Names(_Strict):
    """A place's names; ``en`` is required, ``kk`` Kazakh and ``ru`` Russian when known."""

    en: str = Field(min_length=1)
    kk: str | None = None
    ru: str | None = None
    alt: tuple[str, ...] = ()


class HistoricalName(_Strict):
    """A name in use until a date (inclusive), e.g. Alma-Ata until 1993."""

    en: str = Field(min_length=1)
    kk: str | None = None
    ru: str | None = None
    until: EdtfDate
    note: str | None = None

    _until = field_validator("until")(_check_edtf)


class Region(_Strict):
    """A place drawn as an area: base-map countries by ISO code, or its own GeoJSON geometry."""

    basemap: tuple[str, ...] = ()
    geometry: dict | None = None
    note: str | None = None

    @field_validator("geometry")
    @classmethod
    def _drawable(cls, value: dict | None) -> dict | None:
        if value is not None:
            try:
                check_geometry(value)
            except GeometryProblem as exc:
                raise found_error(exc.where, exc.message) from None
        return value

    @model_validator(mode="after")
    def _one_source(self) -> Region:
        if bool(self.basemap) == (self.geometry is not None):
            raise ValueError("give exactly one of 'basemap' (ISO codes) or 'geometry' (GeoJSON)")
        if self.geometry is not None:
            kind = self.geometry.get("type")
            if kind not in ("Polygon", "MultiPolygon") or not isinstance(self.geometry.get("coordinates"), list):
                raise ValueError(f"geometry must be a GeoJSON Polygon or MultiPolygon, found type {kind!r}")
        return self


class MediaTranslation(_Strict):
    """A media item's texts in another language; a transcript inline or as a file in the exhibit folder."""

    caption: str | None = Field(None, min_length=1)
    credit: str | None = Field(None, min_length=1)
    alt: str | None = Field(None, min_length=1)
    transcript: str | None = Field(None, min_length=1)
    transcript_file: str | None = Field(None, min_length=1)


class MediaRecord(_Strict):
    """A picture or a recording on an event or a place: a file inside the exhibit folder (``media/...``).

    Shape only; the loader checks the file (see :mod:`chronomap.story.media`), that an image has
    ``alt`` and a recording a transcript, and ``chronomap check`` warns when credit or licence is missing.
    """

    file: str = Field(min_length=1, description="a path inside the exhibit folder, e.g. media/square.jpg")
    kind: Literal["image", "audio"]
    caption: str | None = Field(None, min_length=1)
    credit: str | None = Field(None, min_length=1, description="who made it; null when not known (never guessed)")
    licence: str | None = Field(None, min_length=1, description="its licence; null when not known (never invented)")
    alt: str | None = Field(None, min_length=1, description="what an image shows, for those who cannot see it")
    transcript: str | None = Field(None, min_length=1, description="what a recording says, inline")
    transcript_file: str | None = Field(None, min_length=1, description="what a recording says, as a UTF-8 text file")
    source: str | None = Field(None, min_length=1, description="where the file came from: the URL 'chronomap import "
                                                                 "--fetch-media' downloaded it from (never fetched again)")
    translations: dict[LangCode, MediaTranslation] = {}


class PlaceTranslation(_Strict):
    description: str | None = None


class PlaceRecord(_Strict):
    id: Id
    kind: Literal["city", "region", "republic", "state"]
    names: Names
    historical_names: tuple[HistoricalName, ...] = ()
    point: Point | None = None
    gazetteer: str | None = Field(None, description="key of this place in the gazetteer cache")
    region: Region | None = None
    description: str | None = None
    translations: dict[LangCode, PlaceTranslation] = {}
    media: tuple[MediaRecord, ...] = ()


class PlaceRole(_Strict):
    place: Id
    role: str = Field(min_length=1)


class RelativeDate(_Strict):
    """A date the article gives relative to another event ('Nine days later')."""

    after: Id
    days: Annotated[int, Field(strict=True, ge=-MAX_OFFSET_DAYS, le=MAX_OFFSET_DAYS)]
    phrase: str = Field(min_length=1, description="the words of the article")


class EventTranslation(_Strict):
    """An event's texts in another language; ``roles`` by place id."""

    title: str | None = Field(None, min_length=1)
    summary: str | None = Field(None, min_length=1)
    date_note: str | None = None
    roles: dict[Id, Annotated[str, Field(min_length=1)]] = {}


class EventRecord(_Strict):
    id: Id
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    date: EdtfDate | None = None
    relative: RelativeDate | None = None
    date_note: str | None = Field(None, description="where the date comes from when the article does not give it")
    places: tuple[PlaceRole, ...] = Field(min_length=1)
    passages: tuple[str, ...] = Field(min_length=1, description="article sentence or paragraph ids")
    translations: dict[LangCode, EventTranslation] = {}
    media: tuple[MediaRecord, ...] = ()

    _date = field_validator("date")(lambda v: v if v is None else _check_edtf(v))

    @model_validator(mode="after")
    def _has_date(self) -> EventRecord:
        if self.date is None and self.relative is None:
            raise ValueError("an event needs 'date' (EDTF) or 'relative'")
        return self


class StoryFile(_Strict):
    schema_: Literal["chronomap.story/1"] = Field(alias="schema")
    places: tuple[PlaceRecord, ...] = Field(min_length=1)
    events: tuple[EventRecord, ...] = Field(min_length=1)


class ArticleInfo(_Strict):
    file: str = "article.txt"
    title: str | None = None
    source: str | None = Field(None, description="where the text comes from; null when not known")
    licence: str | None = Field(None, description="the text's licence; null when not known")
    note: str | None = None
    translator: str | None = Field(None, description="who translated it, for an article in translations")


class CreditTranslation(_Strict):
    what: str | None = None
    text: str | None = None


class Credit(_Strict):
    what: str
    text: str
    licence: str | None = None
    short: str | None = Field(None, description="a few words for the map's attribution line; omitted there when null")
    translations: dict[LangCode, CreditTranslation] = {}


class UnionInfo(_Strict):
    """A union of base-map countries drawn as one polity until it ends (the USSR)."""

    name: str
    short_name: str | None = None
    members: tuple[str, ...] = Field(min_length=1)
    ends: EdtfDate

    _ends = field_validator("ends")(_check_edtf)


class FocusInfo(_Strict):
    """The base-map country the exhibit is about, and when it became independent."""

    iso: str
    independent_from: EdtfDate | None = None

    _independent = field_validator("independent_from")(lambda v: v if v is None else _check_edtf(v))


class MapInfo(_Strict):
    bounds: tuple[tuple[Latitude, Longitude], tuple[Latitude, Longitude]]
    note: str | None = Field(None, description="a caveat for the map's legend, e.g. which borders are anachronistic")
    union: UnionInfo | None = None
    focus: FocusInfo | None = None

    @model_validator(mode="after")
    def _a_real_box(self) -> MapInfo:
        (south, west), (north, east) = self.bounds
        if not (south < north and west < east):
            raise found_error("bounds", f"found (({south}, {west}), ({north}, {east})), "
                              f"{'an empty box' if (south, west) == (north, east) else 'not a box'}; expected "
                              "((south, west), (north, east)) with south < north and west < east")
        return self


class ExhibitTranslation(_Strict):
    """The exhibit's own texts in another language; ``article`` is a translated article file."""

    title: str | None = Field(None, min_length=1)
    subtitle: str | None = None
    article: ArticleInfo | None = None
    map_note: str | None = Field(None, description="map.note in this language")
    union_name: str | None = Field(None, description="map.union.name in this language")
    union_short_name: str | None = Field(None, description="map.union.short_name in this language")
    note: str | None = Field(None, description="who made these translations and whether they were reviewed")


class ExhibitFile(_Strict):
    schema_: Literal["chronomap.exhibit/1"] = Field(alias="schema")
    id: Id
    language: LangCode = Field("en", description="the language of the main texts")
    title: str = Field(min_length=1)
    subtitle: str | None = None
    period: EdtfDate
    article: ArticleInfo = ArticleInfo()
    story: str = "story.json"
    distance_from: Id | None = Field(None, description="place distances are measured from (e.g. the capital)")
    map: MapInfo
    credits: tuple[Credit, ...] = ()
    translations: dict[LangCode, ExhibitTranslation] = {}

    _period = field_validator("period")(_check_edtf)


class GazetteerEntry(_Strict):
    lat: Latitude
    lon: Longitude
    source: str
    display_name: str | None = None


class GazetteerFile(_Strict):
    schema_: Literal["chronomap.gazetteer/1"] = Field(alias="schema")
    entries: dict[str, GazetteerEntry] = {}
