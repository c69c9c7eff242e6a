"""Numbers as written in news: "5,200", "5.2bn", "$3 million", "twenty-five", "5-10%", "thousands".

Plain text in, values out; the per-article figure finder and the benchmarks use it.
"""

from __future__ import annotations

import re

from briefing.lang import DEFAULT_LANGUAGE, LanguageProfile, profile

ENGLISH = profile(DEFAULT_LANGUAGE)

_NUMBER = re.compile(r"(?P<minus>minus[\s-]*|(?<![\w.])[-−])?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
                     r"(?:[/⁄](?P<denominator>\d+)(?![\d/⁄]))?\s*(?P<scale>[a-z0-9]+)?", re.I)



_RANGE = re.compile(r"^\s*(\D{0,3}?)(\d[\d,]*(?:\.\d+)?)\s*(?:-|–|to)\s*(\D{0,3}?)(\d[\d,]*(?:\.\d+)?)(.*)$", re.I)


def parse_value(text: str, lang: LanguageProfile = ENGLISH) -> tuple[float, float] | None:
    """The value of a figure as (low, high): "5,200" -> (5200, 5200), "5-10%" -> (5, 10),
    "1 to 1.5 degrees" -> (1, 1.5), "thousands" -> (1000, 10000), "tens of millions" ->
    (1e7, 1e8); None when there is no number."""
    vague_amounts, small_numbers = lang.vague_amounts, lang.small_numbers
    lowered = text.lower().replace("−", "-").strip()
    words = re.findall(r"[a-z]+", lowered)
    if words and words[0] == "tens" and len(words) > 2 and words[2] in vague_amounts:
        return vague_amounts[words[2]] * 10, vague_amounts[words[2]] * 100
    vague = [w for w in words if w in vague_amounts]
    if vague and not re.search(r"\d", lowered) and not any(w in small_numbers for w in words):
        return vague_amounts[vague[0]], vague_amounts[vague[0]] * 10
    match = _RANGE.match(lowered)
    if match:
        tail = match.group(5)
        low = parse_number(match.group(2), lang)
        high = parse_number(match.group(4) + tail, lang)
        plain_high = parse_number(match.group(4), lang)
        if low is not None and high is not None and plain_high:
            scale = high / plain_high
            # "1 to 2 million" shares the multiplier; "$200,000 to $4 million" does not.
            return (low * scale if low * scale <= high or low <= plain_high else low), high
    number = parse_number(lowered, lang)
    return None if number is None else (number, number)


def parse_number(text: str, lang: LanguageProfile = ENGLISH) -> float | None:
    """The numeric value of "5,200", "5.2bn", "$3 million", "12%", "three", "twenty-five"."""
    multipliers, small_numbers = lang.multipliers, lang.small_numbers
    lowered = text.lower().replace("−", "-")
    match = _NUMBER.search(lowered)
    if match:
        value = float(match.group("number").replace(",", ""))
        denominator = match.group("denominator")
        if denominator and 0 < value < int(denominator):
            value /= int(denominator)  # "1/16 of a pint"
        scale = (match.group("scale") or "").lower()
        if scale in multipliers:
            value *= multipliers[scale]  # "5.2bn", "4 million"
            words = lowered[match.end():].split()
        else:  # a scale word after a unit written on is not read: "32m2", "10kW"
            words = [] if scale else lowered[match.end():].split()
        for word in words:  # "4 hundred million"
            if word not in multipliers or len(word) < 3:
                break
            value *= multipliers[word]
        return -value if match.group("minus") else value
    words = re.findall(r"[a-z]+", lowered.replace("-", " "))
    total, current, found = 0.0, 0.0, False
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in small_numbers:
            current += small_numbers[pair]
            found = True
            i += 2
            continue
        word = words[i]
        if word in lang.fractions and found:
            current *= lang.fractions[word]  # "two thirds"
        elif word in small_numbers:
            current += small_numbers[word]
            found = True
        elif word in multipliers and len(word) > 2 and found:
            current = max(current, 1) * multipliers[word]
            if multipliers[word] >= 1e3:
                total, current = total + current, 0.0
        elif found and word != "and":
            break
        i += 1
    return total + current if found else None
