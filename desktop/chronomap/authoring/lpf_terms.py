"""Linked Places Format's fixed terms: its name, its JSON-LD context and Chronomap's kinds as its place types.

Shared by the reader (:mod:`lpf`) and the writer (:mod:`lpf_export`), so both say the same kinds the same way.
"""

from __future__ import annotations

FORMAT_NAME = "Linked Places Format (LPF)"
LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
# Chronomap kind → (Getty AAT concept, its label, GeoNames feature class used by WHG's 'fclasses')
KIND_TYPES = {
    "city": ("aat:300008389", "city", "P"),
    "region": ("aat:300182722", "region (geographic)", "L"),
    "republic": ("aat:300232418", "administrative division", "A"),
    "state": ("aat:300232420", "sovereign state", "A"),
}
KIND_BY_AAT = {aat: kind for kind, (aat, _, _) in KIND_TYPES.items()}
KIND_BY_FCLASS = {"P": "city", "L": "region", "A": "state"}
