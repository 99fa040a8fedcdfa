"""A visitor who changes the kiosk's language while a recording plays keeps listening.

Seen on Xvfb: pressing Русский mid-recording rebuilt the media band and silenced it. The sound goes
on; the caption and credit follow the language; the captions switch to a transcript written in the
new language, and where there is none (Kazakh, here) the one being read stays on screen.
"""

from __future__ import annotations

import pytest
import test_kiosk_media as media
from PySide6.QtCore import QCoreApplication
from test_kiosk import click
from test_kiosk_media import AUDIO_TIMEOUT, go, needs_sound, tap

from chronomap.qt.language import language_service
from chronomap.qt.media_credit import credit_line

pytestmark = pytest.mark.gui

make_kiosk, media_exhibit = media.make_kiosk, media.media_exhibit

ENGLISH = "[Two soft synthesised notes, one higher than the other. No words are spoken.]"
RUSSIAN = "[Две тихие синтезированные ноты, вторая выше первой. Слов нет.]"


def choose(kiosk, lang: str) -> None:
    click(kiosk, kiosk.language_bar.buttons[lang])
    QCoreApplication.processEvents()
    assert language_service().current == lang and kiosk.model.language == lang


def test_switching_language_keeps_the_recording_playing_and_its_captions_follow(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk()
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    [audio] = strip.audio
    needs_sound(audio)
    audio.player.setPlaybackRate(0.25)  # the two-second chime lasts eight: time for three presses
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    qtbot.waitUntil(lambda: audio.player.position() > 0, timeout=AUDIO_TIMEOUT)
    assert strip.captions.text.text() == ENGLISH

    choose(kiosk, "ru")
    assert strip.audio == [audio] and not audio.stopped, "the language button silenced the recording"
    assert audio.playing and audio.player.position() > 0
    assert strip.captions.isVisible() and strip.captions.text.text() == RUSSIAN  # written in Russian: it switches
    assert audio.credit.text() == f"Две ноты (синтезированы) · {credit_line(audio.item, 'ru')}"
    assert audio.button.accessibleName() != "Pause the recording"  # its words in Russian too

    choose(kiosk, "kk")  # no Kazakh transcript: the Russian one being read stays (not the English original)
    assert audio.playing and strip.captions.text.text() == RUSSIAN
    assert audio.credit.text().endswith(credit_line(audio.item, "kk"))

    choose(kiosk, "en")
    assert audio.playing and strip.captions.text.text() == ENGLISH  # the original is written in English

    qtbot.waitUntil(lambda: not audio.playing, timeout=4 * AUDIO_TIMEOUT)  # played to its end as usual
    assert not strip.captions.isVisible()


def test_a_paused_recording_keeps_its_place_across_a_language_change(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(language="ru")
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    [audio] = strip.audio
    needs_sound(audio)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    qtbot.waitUntil(lambda: audio.player.position() > 0, timeout=AUDIO_TIMEOUT)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    where = audio.player.position()
    assert not audio.playing and where > 0

    choose(kiosk, "en")
    assert strip.audio == [audio] and not audio.stopped and audio.player.position() == where
    assert strip.captions.isVisible() and strip.captions.text.text() == ENGLISH
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)  # Listen again: on from where it was
    assert audio.playing and audio.player.position() >= where


def test_a_stopped_recording_takes_the_new_languages_transcript(qtbot, make_kiosk):
    kiosk = make_kiosk()
    go(kiosk, "work-begins")
    [audio] = kiosk.card.media.audio
    choose(kiosk, "ru")
    assert audio.transcript == RUSSIAN
    choose(kiosk, "kk")
    assert audio.transcript == ENGLISH  # not started: nothing to keep, the exhibit's own
