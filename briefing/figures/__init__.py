"""Key figures: each number with what it counts, e.g. "about 400 | British troops stationed in Iraq".

The seams, one module each:

- ``numbers``: the value of a number as written ("5.2bn", "twenty-five", "5-10%").
- ``spans``: where the figures of a sentence are in its spaCy parse, with their qualifiers.
- ``counts``: what a figure counts, and its unit, from the dependency parse.
- ``find``: the figures of one article (the per-article stage calls it).
- ``merging``: across articles, from the figures alone: the same figure from several sources of
  one story is one row, and the table takes each story's best figure first. Never sees spaCy.
"""
