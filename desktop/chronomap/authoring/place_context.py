"""The words around a name that make it a place, or no place: lists, patterns and the tests built on them.

Kept apart from the finder (places_in_text) so each stays small: this module
knows English phrasing ('in', 'bay of', '(see …)', 'Henan province'), the
finder knows the article and the gazetteer.
"""

from __future__ import annotations

import re

from chronomap.authoring.gazetteer_index import Candidate, GazetteerPlace
from chronomap.story.gazetteer import distance_km


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, case-folded: the lists below are long and read best as running text."""
    return frozenset(text.casefold().split())


NOT_PLACE_WORDS = _words(
    "Kazakh Kazakhs Russian Russians Soviet Soviets Ukrainian Ukrainians Uzbek Uzbeks Kyrgyz Kirghiz Tajik Tajiks Turkmen "
    "Belarusian Byelorussian Georgian Georgians Armenian Armenians Azerbaijani Azeri Lithuanian Latvian Estonian Moldovan "
    "Moldavian American Americans German Germans British English French Chinese Japanese Polish Czech Jewish Tatar Tatars "
    "Chechen Chechens Korean Koreans Uighur Uyghur Mongol Mongols Mongolian European Europeans Asian Western Eastern "
    "Northern Southern Central Communist Communists Bolshevik Bolsheviks Cossack Cossacks Slavic Muslim Orthodox "
    "Spanish Spaniards Portuguese Dutch Italian Italians Moroccan Moroccans Hungarian Canadian Canadians Mexican Persian "
    "Persians Turk Turks Turkish Arab Arabs Arabic Moor Moors Berber Berbers Tuareg Tuaregs Songhai Songhay Mughal Ottoman "
    "Byzantine Roman Romans Greek Greeks Khivan Khivans Yomud Yomuds Inca Incas Aztec Aztecs Maya Mayan Lakota Sioux "
    "Shoshone Hidatsa Mandan Cherokee Apache Navajo Comanche Mohawk Iroquois Huron Zulu Maori Native Natives Indian Indians "
    "Christian Christians Catholic Protestant Jesuit Jesuits Quaker Quakers Boxer Boxers Qing Ming Yuan Tang Han Manchu"
)
GENERIC_BEFORE = NOT_PLACE_WORDS | _words(
    "North South East West Upper Lower Greater Old Imperial Independent Modern Tsarist Metropolitan Outer Present-day "
    "Far Near Middle Little Great"
)
GENERIC_AFTER = _words(
    "Cosmodrome Oblast Region Province Krai District Raion City Basin Steppe Airport Station Valley Peninsula Coast "
    "Territory Governorate Municipality Area Okrug Uyezd Guberniya Gubernia Voblast"
)
INSTITUTION_WORDS = _words(
    "Committee Party Congress Council Ministry Minister Secretary President Vice Premier Chairman Deputies Deputy Army "
    "Academy University Institute Bureau Government Assembly Parliament Court Church Company Corporation Agency Office "
    "Movement Front Revolution War Events Event Coup Plenum Treaty Declaration Program Programme Campaign Politburo "
    "Komsomol KGB CPSU NKVD Industry Bloc Pact Marshal General Colonel Major Captain Lieutenant Admiral Cosmonaut Doctor "
    "Professor Mr Mrs Dr Sir Lord King Queen Prince Princess Tsar Emperor Pope Day Games Olympics Cup Prize Award Order "
    "Medal Festival Museum Library Theatre Hospital School College Bank Fund Association Society Federation Supreme "
    "Station Agreement Accords Conference Summit Plan Decree Law Act Constitution Republic Messrs Messieurs Governor Count "
    "Countess Duke Duchess Baron Sultan Khan Shah Czar Viceroy Bishop Archbishop Saint Sister Brother Father Rear Records "
    "Magazine Awards Album Band Brothers Expedition Quarter Legation Legations Fort Forts Battle Siege Khanate Emirate "
    "Sultanate"
)
# Continents are no towns, whatever town GeoNames lists 'Africa' or 'Asia' as an old spelling of (Mahdia, Tunisia).
CONTINENTS = {"africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "eurasia"}
_CONTINENT_NAMED = re.compile(r"\b(?:(North|South|Central|Latin)\s+)?(America|Africa|Asia|Europe|Oceania|Australasia)\b")
_CONTINENT_CODE = {"america": "NA", "africa": "AF", "asia": "AS", "europe": "EU", "oceania": "OC", "australasia": "OC"}


def continents_named(text: str) -> set[str]:
    """The continents a text names ('sailed for North America'), as GeoNames codes: where its homonyms more likely lie."""
    out = set()
    for match in _CONTINENT_NAMED.finditer(text):
        qualifier, name = (match.group(1) or "").casefold(), match.group(2).casefold()
        out.add("SA" if name == "america" and qualifier in ("south", "latin") else _CONTINENT_CODE[name])
    return out


TIME_WORDS = _words(
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Spring Summer Autumn Fall Winter"
)
# English words that GeoNames also lists as towns; never a place when written alone.
COMMON_WORDS = _words(
    "Young Union Independence Republic Central Victoria Mobile Reading Bath Nice Split Hope Liberty Unity Progress "
    "Friendship Victory Enterprise Commerce Industry General Opportunity Paradise Providence Concord Harmony Eureka "
    "Orange March May August Of The And In On At To By For From With As It This That These Those Following After Before "
    "During When While Although However Ultimately Several Known Official Participants Opinions Equally Within Nine Later "
    "Eagle Mercury Jupiter Venus Mars Saturn Euclid Apollo Whitney Raleigh Pedro Houston"
)
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|to|from|near|into|across|throughout|around|toward|towards|via|outside|inside|on|beyond|over|beside|"
    r"by\s+way\s+of|reach|reached|reaching|leave|leaving|left|visit|visited|visiting|enter|entered|entering|"
    r"capture|captured|capturing|occupy|occupied|occupying|storm|stormed|besiege|besieged|sack|sacked)\s+"
    r"(?:the\s+)?(?:(?:lower|upper|northern|southern|eastern|western|central|far|remote|open|distant|neighbouring|neighboring)\s+)?$")
_PLACE_NOUN_OF = re.compile(
    r"\b(?:centres|centers|centre|center|city|town|village|region|regions|province|basin|capital|outskirts|republic|"
    r"territory|steppe|coast|north|south|east|west|part|parts|area|areas|shores|banks|heart|halt|station|settlement|port|"
    r"oblast|district|fields|coalfields|mines|suburbs|fort|fortress|khanate|emirate|sultanate|principality|treaty|battle|"
    r"siege|sack|fall|capture|burning)\s+of\s+"
    r"(?:the\s+)?$", re.IGNORECASE)
# 'between Embabeh and Gizeh': the second name of a pair after 'between' is in a place-like position too
_BETWEEN_AND = re.compile(r"\b[Bb]etween\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+and\s+(?:the\s+)?$")
# 'Calicut was reached on May 20': what the sentence says happened to it makes a name a place
PLACE_VERB_AFTER = re.compile(r"^\s+(?:was|were|had\s+been)\s+(?:reached|captured|taken|occupied|founded|besieged|sacked|"
                              r"stormed|destroyed|rebuilt|abandoned|evacuated|surrendered|visited|entered)\b")
_COORDINATED = re.compile(r"(?:,|\band|\bor)\s+(?:the\s+)?$")


def in_place_context(before: str, place_ends: list[int]) -> bool:
    """Words before a name that make it a place: 'in', 'to the', 'centres of', or ', and' after another place."""
    if _PLACE_PREPOSITION.search(before) or _PLACE_NOUN_OF.search(before) or _BETWEEN_AND.search(before) \
            or RIVER_BEFORE.search(before):
        return True
    coordinated = _COORDINATED.search(before)
    return coordinated is not None and any(abs(coordinated.start() - end) <= 1 for end in place_ends)


CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'’-]*[ \t]+$")
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Messrs|Mme|Mlle|Sir)\.?[ \t]+([A-Z][\w'’-]+)\b(?![ \t]+[A-Z])")
HEADING = re.compile(r"^[ \t]*=+[^\n]*=+[ \t]*$|^[ \t]*#+[^\n]*$", re.MULTILINE)
DEMONYM_BORN = re.compile(r"([A-Z][a-z]+)-born")
# A name after a noble title or an institution ('Prince of Wales', 'University of Pennsylvania') names the title or
# the institution, not a place the sentence is about.
_TITLE_OF = re.compile(r"\b(?:Duke|Duchess|Prince|Princess|Earl|Marquess|Marquis|Viscount|Baron|Baroness|Count|Countess|"
                       r"University|College|Institute|Academy|Bank|Museum|Library|School|Society|Hospital|Diocese)"
                       r"\s+of\s+(?:the\s+)?(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Central)\s+)?$")
# Towns are 'in' or 'at'; 'on Scarborough' is a ship of that name (or an island the city list does not hold).
_ON_BEFORE = re.compile(r"(?<!marched )(?<!advanced )(?<!moved )(?<!attack )(?<!march )(?<!advance )\b(?:on|aboard|on board)\s+$")
# Endings that make a single capitalised word a place name in most languages of the gazetteer's alternate names.
TOPONYM_ENDING = re.compile(r"(?:sk|grad|gorod|abad|burg|bourg|pol|polis|kent|stan|ovo|evo|ino|shahr|pur|pore|ville)$",
                             re.IGNORECASE)
KIND_BEFORE = re.compile(r"\b(island|isle|colony|state|kingdom|province|republic|territory|county|city|town|port|village)"
                          r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
CITY_WORDS = {"city", "town", "port", "village"}
_QUALIFIER_AFTER = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?)((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})")


def qualifier_after(after: str) -> re.Match[str] | None:
    """The state or country written after a name ('Astoria, Oregon'); 'in May' is a date, not a qualifier."""
    match = _QUALIFIER_AFTER.match(after)
    if match and match.group(1).split()[0].strip(".").casefold() in TIME_WORDS | COMMON_WORDS:
        return None
    return match


_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Messrs|Mme|Mlle|St|Sr|Jr|Capt|Gen|Col|Gov|Lt|Sgt|Rev|Hon|Prof)\.?\s*$|"
                        r"\b(?:Sir|Lord|Lady|Captain|General|Governor|Colonel|Admiral|Prince|Princess|King|Queen|Emperor|"
                        r"Sultan|Khan|Czar|Tsar|President|Count|Duke|Baron|Bishop|Father|Sister|Brother|Madame|Monsieur|"
                        r"Señor|Don|Doña|Sheikh|Emir|Shah|Pasha)\s+$")
_LEGEND = re.compile(r"\b(?:fabled|mythical|legendary|fabulous|imaginary|fictional|lost)\s+(?:city|kingdom|land|island|"
                     r"empire)?\s*(?:of\s+)?$", re.IGNORECASE)
_WATER_AFTER = re.compile(r"^\s+(?:River|Sea|Ocean|Lake|Bay|Gulf|Strait|Sound|Estuary|Harbou?r|Valley|Mountains?|Desert)\b")
ON_A_SHIP = "written with 'on' before it (a ship or an island), not the town of that name"
NAUTICAL = re.compile(r"\b(?:ships?|vessels?|boats?|frigates?|sloops?|barques?|brigs?|schooners?|steamers?|fleet|aboard|"
                       r"H\.?M\.?S\.?|sailed|sailing|crew|captain|master|mate|navy|naval|mutiny|mutinied|voyages?|anchored|deck)\b",
                       re.IGNORECASE)
_SEE_ALSO = re.compile(r"\((?:see|cf\.)\s[^()]*$", re.IGNORECASE)
_FEATURE_OF = re.compile(r"\b(?:bay|bight|gulf|strait|straits|mouth|cape|lake|sea|isthmus|estuary)\s+of\s+(?:the\s+)?$",
                         re.IGNORECASE)
# 'up the Missouri', 'Jefferson Fork of the Missouri', 'the left bank of the Nile': words said only of a river
RIVER_BEFORE = re.compile(r"\b(?:(?:up|down|ascended|descended|ascending|descending)\s+the|(?:fork|forks|branch|"
                          r"headwaters|headspring|source|sources|bank|banks|delta|tributary|tributaries)\s+of\s+the)\s+$",
                          re.IGNORECASE)
NAMES_A_RIVER = ("names a river (“up the …”, “… fork of the …”), not the town or state of that name; left for the curator "
                 "to place")
_REGION_AFTER = re.compile(r"^\s+(?:province|prefecture|region|oblast|governorate|county|district|state)\b", re.IGNORECASE)
_ROMANCE_LONGER = re.compile(r"^\s+(?:de|da|do|dos|das|del|della|di|du|des)\s+[A-ZÀ-Ý]")


def context_refusal(before: str, after: str, candidates: list[Candidate]) -> str | None:
    """Words around a name that make it no town: a title, 'the' before a lone town name, a legend, a work in quotes."""
    if _SEE_ALSO.search(before):
        return "inside a cross-reference to another article (“(see …)”), not a place the sentence is about"
    if _HONORIFIC.search(before):
        return "a person's name (a title or honorific comes before it)"
    if _LEGEND.search(before):
        return "named as a legend, not a place on the map"
    if _TITLE_OF.search(before):
        return "part of a title or an institution's name (“… of …”), not a place the sentence is about"
    if _ROMANCE_LONGER.match(after):
        return "the start of a longer name (“… de …”)"
    if _WATER_AFTER.match(after):
        return "part of the name of a river, sea or landform"
    if _FEATURE_OF.search(before):
        return "names a bay, gulf, strait, cape or river mouth (“… of …”), not the town or country of that name"
    if RIVER_BEFORE.search(before) and not any(c.place.key.startswith("country:") for c in candidates):
        return NAMES_A_RIVER
    if _REGION_AFTER.match(after) and all(c.place.kind == "city" and c.via == "alternate name" for c in candidates):
        return "names a province or region; the gazetteer has the name only as another spelling of a town"
    if re.search(r"[\"“‘']\s*$", before) and re.match(r"\s*[,.]?[\"”’']", after):
        return "in quotation marks: the title of a work, not a place"
    towns_only = all(c.place.kind == "city" for c in candidates)
    if towns_only and _ON_BEFORE.search(before):
        return ON_A_SHIP
    if towns_only and re.search(r"\b[Tt]he\s+$", before) and not HELD_IN_IT.match(after):
        return "written with 'the' before it (a river, ship, sea or region), not the town of that name"
    return None


# 'the Paris Salon', 'the Berlin Conference', 'the United States Army', 'the Leningrad Front': what a place holds or
# raises is named after it, and names it.
HELD_IN_IT = re.compile(r"^\s+(?:(?:town|city)\s+(?:duma|council|hall|assembly|walls?|gates?)|Salon|Conference|"
                        r"Congress|Exhibition|Exposition|Conservatory|Conservatoire|Observatory|Opera|Olympics|Games|"
                        r"Commune|Uprising|Rising|Massacre|Summit|Accords?|Protocol|Peace|Biennale|Fair|Soviet|Duma|"
                        r"Army|Navy|Fleet|Front|Air\s+Force|Military\s+District|"
                        # a school named after its town, with up to two words between: 'Tomsk Technological Institute'
                        r"(?:[A-Z][\w'’-]*\s+){0,2}(?:University|Institute|Academy|Gymnasium|Lyceum|Seminary|Corps))\b")
NAMING_BEFORE = re.compile(r"\b(?:called|named|renamed|known\s+as|the\s+name\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def city_inside_namesake(best: Candidate, others: list[Candidate]) -> Candidate | None:
    """The city when the best candidate is a state or province named like a city inside it (New York, New York)."""
    region = best.place
    if region.kind != "region" or region.cache_key is not None or best.via == "cache":
        return None
    inside = [c for c in others if c.place.kind == "city" and c.place.country == region.country
              and (region.admin1 is None or c.place.admin1 == region.admin1)]
    return max(inside, key=lambda c: c.place.population) if inside else None


def closeness(p: GazetteerPlace, a: GazetteerPlace) -> float:
    d = distance_km((p.lat, p.lon), (a.lat, a.lon))
    reach = 1500.0 if a.kind != "city" else 0.0  # a country or state is large: its centre is far from its towns
    d = max(0.0, d - reach)
    return 1.0 if d < 300 else 0.8 if d < 800 else 0.6 if d < 1500 else 0.3 if d < 3000 else 0.0


def inside(place: GazetteerPlace, region: GazetteerPlace) -> bool:
    """Whether a candidate lies in the state or country written after it."""
    if region.key.startswith("country:"):
        return place.country == region.country
    if region.admin1 and place.country == region.country:
        return place.admin1 == region.admin1
    return place.country == region.country and distance_km((place.lat, place.lon), (region.lat, region.lon)) < 400


def place_label(place: GazetteerPlace) -> str:
    where = f", {place.admin1}" if place.admin1 and place.country == "US" else ""
    return f"{place.name} ({place.country or 'cache'}{where})"
