"""The exhibit as editable documents, with undoable commands and a save that ``check`` would accept.

The editor in the desk app is only a face on this: every change a curator
makes is one of the commands of :class:`ExhibitEditor`, applied to the
exhibit's own JSON documents (``exhibit.json`` and its ``story.json``) and
kept on one history for undo and redo. Dates are refused with the engine's own
date parser and its own words, at the field; the whole exhibit is re-checked
by the same loader ``chronomap check`` uses before anything is written, and a
save writes only the documents that differ from what is on disk, each
atomically. The commands live by subject in ``edit_events``, ``edit_places``
and ``edit_exhibit``; the documents, history, checks and save in ``edit_core``.

Pure Python, no Qt.
"""

from __future__ import annotations

from chronomap.authoring.edit_core import (
    ARTICLE_FIELDS,
    CREDIT_FIELDS,
    EVENT_TEXTS,
    EXHIBIT_TEXTS,
    NAME_LANGUAGES,
    PLACE_KINDS,
    Change,
    EditError,
    SaveRefused,
    format_json,
    new_id,
    recovery_dir,
)
from chronomap.authoring.edit_events import compact_passages, sentences_told
from chronomap.authoring.edit_exhibit import ExhibitCommands
from chronomap.authoring.edit_media import MediaCommands
from chronomap.authoring.edit_places import PlaceCommands
from chronomap.authoring.edit_sentence import SentenceCommands, SentenceReading, read_sentence

__all__ = ["ARTICLE_FIELDS", "CREDIT_FIELDS", "EVENT_TEXTS", "EXHIBIT_TEXTS", "NAME_LANGUAGES", "PLACE_KINDS", "Change", "EditError",
           "ExhibitEditor", "SaveRefused", "SentenceReading", "read_sentence", "compact_passages", "format_json", "new_id", "recovery_dir",
           "sentences_told"]


class ExhibitEditor(SentenceCommands, PlaceCommands, ExhibitCommands, MediaCommands):
    """An exhibit folder open for editing: every command, one history, checked saves (see :class:`EditorCore`)."""
