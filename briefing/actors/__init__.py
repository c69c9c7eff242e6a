"""Key actors: people, organisations and places named in the articles, aliases merged.

Three seams, three modules:

- ``mentions``: per article, from its spaCy parse: the names in it, titles stripped and roles
  read, and which of its mentions are one actor there ("Boris Johnson", "Mr Johnson",
  "Johnson"; "Islamic State (IS)"). Part of the per-article stage.
- ``names``: when two names are the same: spelling variants ("Qasem"/"Qassem"), a surname of
  a full name, an acronym the text declares, countries by ISO code (pycountry).
- ``linking``: across articles, from the mentions alone: actors linked by their full names,
  typed by all their mentions and ranked by salience. Never sees spaCy.
"""
