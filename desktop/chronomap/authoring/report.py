"""What a draft holds and what the curator must check, as printed at the end of ``chronomap draft``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class DraftReport:
    """Counts, unresolved names, ambiguous choices and inferred dates of one draft."""

    title: str
    article: Path | None = None
    out_dir: Path | None = None
    events: int = 0
    stated: int = 0
    inferred_year: int = 0
    relative: int = 0
    bracketed: int = 0
    places: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, how it was found)
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (id, name): drafted with no point, to place
    unresolved: list[tuple[str, list[str]]] = field(default_factory=list)  # (name, sentence ids)
    ambiguous: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    # names left unresolved because the text does not decide: (name, why, ranked candidates as dicts), for a review UI
    candidates: list[tuple[str, str, list[dict]]] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # dates and places to check, one line each
    gazetteer_full: bool = True
    gazetteer_status: str = ""

    def headline(self) -> str:
        """What was drafted, in one line: with the places it could not put on the map and what to do about them."""
        where = f" into {self.out_dir}" if self.out_dir else ""
        source = f" from {self.article.name}" if self.article else ""
        placed = len(self.places)
        line = f"Drafted {self.events} event{'s' if self.events != 1 else ''} and {placed} place{'s' if placed != 1 else ''}"
        line += f"{source}{where}"
        if self.unplaced:
            count = len(self.unplaced)
            edit = f" (chronomap edit {self.out_dir})" if self.out_dir else ""
            line += (f"; {count} place{'s' if count != 1 else ''} not found in the gazetteer: "
                     f"{', '.join(name for _, name in self.unplaced)} — "
                     f"place {'them' if count != 1 else 'it'} in the editor{edit}")
        return line

    def lines(self) -> list[str]:
        out = [self.headline(),
               f"  dates: {self.stated} stated, {self.inferred_year} with the year inferred, {self.relative} relative, "
               f"{self.bracketed} undated paragraph{'s' if self.bracketed != 1 else ''} placed between the dates around it"]
        if self.places:
            out.append("  places: " + "; ".join(f"{name} [{pid}] ({how})" for pid, name, how in self.places))
        if not self.gazetteer_full:
            out.append(f"WARNING: {self.gazetteer_status}")
        else:
            out.append(f"Gazetteer: {self.gazetteer_status}")
        if self.unplaced:
            out.append(f"Places not found in the gazetteer ({len(self.unplaced)}; drafted with no point, so the map "
                       "leaves them out until they are placed in the editor's Review):")
            out.extend(f"  - {name} [{pid}]" for pid, name in self.unplaced)
        drafted = {name for _, name in self.unplaced}
        unresolved = [(name, ids) for name, ids in self.unresolved if name not in drafted]
        if unresolved:
            out.append(f"Unresolved place names ({len(unresolved)}; not on the map — add them to story.json by hand "
                       "or to the gazetteer cache):")
            out.extend(f"  - {name} ({', '.join(ids[:3])}{', …' if len(ids) > 3 else ''})" for name, ids in unresolved)
        else:
            out.append("Unresolved place names: none")
        if self.ambiguous:
            out.append(f"Ambiguous place names ({len(self.ambiguous)}; check the choice):")
            out.extend(f"  - {line}" for line in self.ambiguous)
        if self.candidates:
            out.append(f"Left for the curator to decide ({len(self.candidates)}; ranked candidates, best first):")
            out.extend(f"  - {name}: {why}; " + ", ".join(f"{c['name']} ({c['country']})" for c in ranked[:4])
                       for name, why, ranked in self.candidates)
        if self.refused:
            out.append(f"Names the gazetteer knows but the text does not use as places ({len(self.refused)}):")
            out.extend(f"  - {line}" for line in self.refused)
        if self.checks:
            out.append(f"To check ({len(self.checks)}):")
            out.extend(f"  - {line}" for line in self.checks)
        if self.out_dir:
            out.append(f"Next: chronomap check {self.out_dir}")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())
