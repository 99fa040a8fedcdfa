"""TimelineJS2 files (``{"timeline": {"date": [...]}}``), read by turning them into the TimelineJS3 shape."""

from __future__ import annotations

import re
from typing import Any


def is_timelinejs2(document: Any) -> bool:
    """A TimelineJS2 file: ``{"timeline": {"date": [...], ...}}``."""
    return isinstance(document, dict) and isinstance(document.get("timeline"), dict) \
        and isinstance(document["timeline"].get("date"), list)


_V2_PARTS = ("year", "month", "day", "hour", "minute", "second")
_V2_US = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(-?\d{1,6})\s*$")  # the TimelineJS2 spreadsheet's M/D/YYYY
_V2_ISO = re.compile(r"^\s*(-?\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?\S*)?\s*$")


def _v2_date(value: Any) -> Any:
    """A TimelineJS2 date as a TimelineJS3 date object; anything else as found, to be reported.

    TimelineJS2 (VMM.Date.parse) read '1963,8,9' and '2011,12,10,07,02,10' (with the time of day), '1978',
    '8/9/1963' (month first, as its spreadsheet wrote dates) and ISO '1963-08-09'.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return {"year": value}
    if not isinstance(value, str) or not value.strip():
        return value
    us, iso = _V2_US.match(value), _V2_ISO.match(value)
    if us:
        return {"year": us.group(3), "month": us.group(1), "day": us.group(2)}
    if iso:
        return {k: v for k, v in zip(_V2_PARTS, iso.groups(), strict=True) if v is not None}
    parts = [p.strip() for p in value.split(",")]
    if not 1 <= len(parts) <= 6 or not all(re.fullmatch(r"-?\d+", p) for p in parts if p):
        return value
    return dict(zip(_V2_PARTS, (p for p in parts if p), strict=False))


def timelinejs2_to_3(document: dict) -> dict:
    """The same timeline in the TimelineJS3 shape: 'date' items become slides, 'asset' their media."""
    timeline = document["timeline"]
    events = []
    for item in timeline["date"]:
        if not isinstance(item, dict):
            events.append(item)
            continue
        slide: dict[str, Any] = {"text": {"headline": item.get("headline"), "text": item.get("text")}}
        if "startDate" in item:
            slide["start_date"] = _v2_date(item["startDate"])
        if item.get("endDate") not in (None, ""):
            slide["end_date"] = _v2_date(item["endDate"])
        if item.get("asset") not in (None, "", {}):
            asset = item["asset"]
            slide["media"] = {"url": asset.get("media"), "caption": asset.get("caption")} if isinstance(asset, dict) \
                else asset
        for key in ("tag", "classname"):
            if item.get(key):
                slide["group" if key == "tag" else key] = item[key]
        events.append(slide)
    title: dict[str, Any] = {"text": {"headline": timeline.get("headline"), "text": timeline.get("text")}}
    if timeline.get("asset"):
        title["media"] = timeline["asset"]
    out: dict[str, Any] = {"title": title, "events": events}
    if isinstance(timeline.get("era"), list) and timeline["era"]:
        out["eras"] = timeline["era"]
    return out
