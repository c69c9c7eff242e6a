"""Key actors across articles: the mentions of every article linked into actors and ranked.

Works on ``ArticleFacts`` alone. Each article's mentions come grouped into the actors they name
there; groups of different articles join when their full names match up to spelling variants
("Qasem"/"Qassem"), when they share a name or country code (organisations, places), or when a
surname alone fits one full name only. An actor's kind is decided by all its mentions; actors
are ranked by salience: mentions, further sources, a mention in a title, a role.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from briefing.actors.names import UnionFind, country_code, mention_key, same_person
from briefing.facts import ArticleFacts, Mention
from briefing.lang import LanguageProfile, profile
from briefing.models import Actor

KIND_ORDER = ("person", "organisation", "place", "group")

# A mention as the linker sees it: the position of its article in the batch, and the mention.
Placed = tuple[int, Mention]


def actor_kind(members: Iterable[Mention]) -> str:
    """The kind most mentions were tagged with; ties go to the more specific kind.

    News names a person in full at least once ("Boris Johnson", then "Johnson") or with a title
    ("Mr Johnson", "the president, Johnson"). A "person" only ever named in one word, with no
    title, is more often a firm, a club or a brand the model mistook ("Yukos", "Pernod"): an
    organisation; or, when some mention of it was read as a place, that place ("the town of
    Tavildara", then "Tavildara is ..."); unless the full name is among its mentions, read as
    something else ("Usain Bolt" as a place, then "Bolt" as a person). A name a "he" or a "she"
    takes up is a person whatever the model read it as ("Choi said he ...")."""
    members = list(members)
    votes = Counter(m.kind for m in members)
    kind = min(votes, key=lambda k: (-votes[k], KIND_ORDER.index(k)))
    if kind == "organisation" and any(m.pronoun for m in members):
        return "person"  # "Choi thinks the lessons he learned ...": a firm is never "he"
    if kind == "person" and all(len(m.words) == 1 and not m.titled and not m.pronoun
                                for m in members if m.kind == "person"):
        if _full_names_read_otherwise(members):
            return "person"  # its full name is here, read as something else ("Usain Bolt" as a place)
        return "place" if votes["place"] else "organisation"
    # A "person" whose name opens with a place it is also called by ("Manchester United" with
    # "Manchester"), or whose full name is read as a place more often than a person, is a club or a
    # team: the model reads clubs as people or places.
    places = {m.words[0] for m in members if m.kind == "place" and len(m.words) == 1}
    read = Counter((m.words, m.kind) for m in members if len(m.words) > 1)
    if kind == "person" and any(m.words[0] in places or read[m.words, "place"] > read[m.words, "person"]
                                for m in members if m.kind == "person" and len(m.words) > 1):
        return "organisation"
    return kind


def _full_names_read_otherwise(members: Sequence[Mention]) -> list[str]:
    """The names of several words the model read as a place or an organisation that end in the
    surname of a person among ``members`` ("Usain Bolt" as a place, "Bolt" as a person)."""
    surnames = {m.words[-1] for m in members if m.kind == "person"}
    return [m.name for m in members if m.kind != "person" and len(m.words) > 1 and m.words[-1] in surnames]


def _link_across_articles(mentions: Sequence[Mention], articles: Sequence[int], uf: UnionFind,
                          lang: LanguageProfile) -> None:
    """Join groups of different articles whose full names match up to spelling; ``articles``
    gives the article of each mention."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    heads = []
    teams = []  # a place's name standing for its team in that article
    read_as_person = []  # some mention of it the model tagged a person
    mostly_person = []  # most of them
    for root, members in groups.items():
        longest = max((mentions[i].words for i in members), key=len)
        keys = {mention_key(mentions[i], lang) for i in members}
        heads.append((root, actor_kind(mentions[i] for i in members), longest, keys))
        read_as_person.append(any(mentions[i].kind == "person" for i in members))
        teams.append(any(mentions[i].team for i in members))
        mostly_person.append(2 * sum(mentions[i].kind == "person" for i in members) >= len(members))
    # Pairs are only compared within blocks that could match (same_word needs the same first
    # letter), and each spelling once: cost grows with the distinct names, not their square.
    by_initials: dict[tuple[str, str], dict[tuple[str, ...], list[int]]] = defaultdict(dict)
    by_key: dict[tuple[str, bool], int] = {}
    for h, (root, kind, name, keys) in enumerate(heads):
        if len(name) > 1:
            spelled = tuple(word.lower() for word in name)
            by_initials[(spelled[0][:1], spelled[-1][:1])].setdefault(spelled, []).append(h)
        if kind != "person":
            # organisations, places sharing a name or code; a state's team ("Nevada beat Boise
            # State") is not the state of another article ("voters in Nevada")
            for key in sorted((key, teams[h]) for key in keys):
                if key in by_key and heads[by_key[key]][1] != "person":
                    uf.union(heads[by_key[key]][0], root)
                else:
                    by_key.setdefault(key, h)
    # Two people, or a person and the same full name mis-tagged as a place/org, are one: so
    # every group of one spelling that has a person is one, and joins each spelling that
    # same_person matches when either has a person.
    for block in by_initials.values():
        spellings = list(block.items())
        person = [any(heads[h][1] == "person" for h in members) for _, members in spellings]
        for x, (_, members) in enumerate(spellings):
            if person[x]:
                for h in members[1:]:
                    uf.union(heads[members[0]][0], heads[h][0])
        for x, (name_a, members_a) in enumerate(spellings):
            for y in range(x + 1, len(spellings)):
                name_b, members_b = spellings[y]
                if (person[x] or person[y]) and same_person(name_a, name_b):
                    # a spelling with a person is one already; each group of the other joins it
                    if not person[y]:
                        anchor, joined = members_a[0], members_b
                    elif not person[x]:
                        anchor, joined = members_b[0], members_a
                    else:
                        anchor, joined = members_a[0], members_b[:1]
                    for h in joined:
                        uf.union(heads[anchor][0], heads[h][0])
    # The same word alone in two articles, read as a person in both, is one person: a full name
    # either fits both or neither ("Suharto" with and without "former President").
    alone: dict[str, int] = {}
    for h, (root, kind, name, _) in enumerate(heads):
        if len(name) == 1 and mostly_person[h] and not country_code(name[0], lang):
            uf.union(heads[alone.setdefault(name[0].lower(), h)][0], root)
    # A surname alone in one article joins a full name from another if only one fits (of several,
    # the one ``_Context.best`` picks): the last word ("Trump" of Donald Trump), whatever the model
    # tagged it ("Trump" taken for an organisation in one article is still Donald Trump of
    # another that names the same others); or, for names written family name first, the first
    # ("Moon" of Moon Jae-in), when it was read as a person: a place opening a "person" is a team
    # the model mistook ("Sydney" of "Sydney FC"). Spelled the same: one word has nothing else to
    # confirm a variant, and "Boston" is one letter from "Bolton".
    lasts: dict[str, list[int]] = defaultdict(list)  # full names by their last word
    firsts: dict[str, list[int]] = defaultdict(list)  # and by their first
    for h, (root, kind, name, _) in enumerate(heads):
        if kind == "person" and len(name) > 1:
            lasts[name[-1].lower()].append(h)
            firsts[name[0].lower()].append(h)
    members: dict[int, list[int]] = defaultdict(list)  # the groups as joined so far
    for i in range(len(mentions)):
        members[uf.find(i)].append(i)
    context = _Context(mentions, articles, members, lang)
    joins = []  # decided on the groups as they stand, then made
    for h, (root, kind, name, keys) in enumerate(heads):
        if len(name) != 1 or country_code(name[0], lang):
            continue  # (a country is no surname)
        word = name[0].lower()
        by_last = {uf.find(heads[full][0]) for full in lasts.get(word, [])}
        fits = by_last | ({uf.find(heads[full][0]) for full in firsts.get(word, [])} if read_as_person[h] else set())
        # A man's surname ("Mr Okafor", "President Okafor ... He") is not a woman's full name of
        # another article ("Grace Okafor ... She"), however alone she is in fitting it.
        fits = {fit for fit in fits if not context.other_gender(uf.find(root), fit)}
        by_last &= fits
        if len(fits) > 1:
            fits = context.best(uf.find(root), fits)
        # A first word alone ("Diana" of Princess Diana) fitting one full name of another
        # article ("Diana Kirschner") is a first name more often than a family name written
        # first ("Moon" of Moon Jae-in); and a word never read as a person ("Paris" the city,
        # "Ford" the carmaker) may be the place or firm it was read as, not a basketball player of
        # another article: either joins only where the articles name someone else alike.
        if len(fits) == 1 and (not by_last & fits or not read_as_person[h]) \
                and not context.alike(uf.find(root), next(iter(fits))):
            fits = set()
        if len(fits) == 1:
            joins.append((root, fits.pop()))
    for root, full in joins:
        uf.union(root, full)
    # An acronym alone joins the one longer organisation it opens: "BBM" and "BBM Music".
    openings: dict[str, list[int]] = defaultdict(list)
    for root, kind, name, _ in heads:
        if kind == "organisation" and len(name) > 1:
            openings[name[0]].append(root)
    for root, kind, name, _ in heads:
        if len(name) != 1 or kind != "organisation" or not (name[0].isupper() and len(name[0]) >= 2):
            continue
        fits = {uf.find(r) for r in openings.get(name[0], ())}
        if len(fits) == 1:
            uf.union(root, fits.pop())


class _Context:
    """What tells apart the people a surname alone could be: their roles, and the other people
    and organisations their articles name."""

    def __init__(self, mentions: Sequence[Mention], articles: Sequence[int], members: dict[int, list[int]],
                 lang: LanguageProfile):
        self.mentions, self.articles, self.members, self.lang = mentions, articles, members, lang
        self.named: dict[int, set[str]] = defaultdict(set)  # article -> people (surname), organisations
        for m, position in zip(mentions, articles):
            if m.kind == "person":
                self.named[position].add(m.words[-1].lower())
            elif m.kind == "organisation":
                self.named[position].add(m.name.lower())
        self._others: dict[int, set[str]] = {}

    def roles(self, root: int) -> set[str]:
        return {w for i in self.members[root] if self.mentions[i].role
                for w in self.mentions[i].role.lower().split() if w in self.lang.role_heads}

    def others(self, root: int) -> set[str]:
        if root not in self._others:
            own = {w.lower() for i in self.members[root] for w in self.mentions[i].words}
            names = set().union(*(self.named[self.articles[i]] for i in self.members[root]))
            self._others[root] = names - own
        return self._others[root]

    def genders(self, root: int) -> set[str]:
        return {self.mentions[i].gender for i in self.members[root]} - {None}

    def other_gender(self, one: int, other: int) -> bool:
        """Do the texts tell the two people's genders, and are they not the same?"""
        said, other_said = self.genders(one), self.genders(other)
        return bool(said and other_said and not said & other_said)

    def alike(self, lone: int, root: int) -> bool:
        """Do the two name someone else alike, and no role tells them apart?"""
        roles, other_roles = self.roles(lone), self.roles(root)
        if roles and other_roles and not roles & other_roles:
            return False
        return bool(self.others(lone) & self.others(root))

    def best(self, lone: int, fits: set[int]) -> set[int]:
        """Of several people a surname alone fits ("Obama": Barack and Michelle Obama), the one it
        shares a role with ("President Obama"); else the one whose articles name at least three
        of the same other people and organisations, twice as many as the next; else none."""
        roles = self.roles(lone)
        sharing = {root for root in fits if self.roles(root) & roles}
        if len(sharing) == 1:
            return sharing
        context = self.others(lone)
        shared = sorted(((len(context & self.others(root)), root) for root in fits), reverse=True)
        (best, root), (second, _) = shared[0], shared[1]
        return {root} if best >= 3 and best >= 2 * second else set()


def _display_name(members: Sequence[Mention], kind: str) -> str:
    """People by their fullest name, organisations by their longest form, places by the
    form used most; ties go to the most frequent, then the first seen."""
    counts = Counter(m.name for m in members)
    order = {name: i for i, name in reversed(list(enumerate(m.name for m in members)))}
    # A "person" taken for an organisation (see actor_kind) has no mention of that kind.
    candidates = [m.name for m in members if m.kind == kind] or [m.name for m in members]
    if kind == "person":
        candidates += _full_names_read_otherwise(members)
        most_words = max(len(n.split()) for n in candidates)
        candidates = [n for n in candidates if len(n.split()) == most_words]
    elif kind == "organisation":
        longest = max(len(n) for n in candidates)
        candidates = [n for n in candidates if len(n) == longest]
    return min(candidates, key=lambda n: (-counts[n], order[n]))


def link_mentions(facts: Sequence[ArticleFacts]) -> list[list[Placed]]:
    """The mentions of all articles, grouped into one list per actor: groups in the order of
    their first mention, mentions in article and text order."""
    if not facts:
        return []
    lang = profile(facts[0].language)
    placed: list[Placed] = [(position, m) for position, item in enumerate(facts) for m in item.mentions]
    mentions = [m for _, m in placed]
    uf = UnionFind(len(mentions))
    offset = 0
    for item in facts:
        for i, m in enumerate(item.mentions):
            uf.union(offset + m.group, offset + i)  # one actor within the article
        offset += len(item.mentions)
    _link_across_articles(mentions, [position for position, _ in placed], uf, lang)
    groups: dict[int, list[Placed]] = defaultdict(list)
    for i, pair in enumerate(placed):
        groups[uf.find(i)].append(pair)
    return list(groups.values())


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _a_source(members: Sequence[Mention], names: set[str], publishers: set[str], titles: Sequence[str],
              positions: Sequence[int]) -> bool:
    """Is this organisation where the news came from, not an actor in it? A wire agency named
    only as a credit ("(Reuters)", "told AP"), or the publisher of an article of the batch,
    unless the story is about it (it is in the title of one of its articles)."""
    if all(m.credit for m in members):
        return True
    if not publishers & {_letters(n) for n in names}:
        return False
    return not any(re.search(rf"\b{re.escape(n.lower())}\b", titles[p]) for p in positions for n in names)


def extract_actors(facts: Sequence[ArticleFacts], per_kind: int | None = None) -> list[Actor]:
    """Merge the mentions of all articles into actors, most salient first, at most ``per_kind``
    of each kind (people, organisations, places). An actor's sources are the source markers of
    its articles (position in ``facts`` plus one).

    Salience: mentions, plus a bonus for each further source, for a mention in a title and
    for a role given in the text.
    """
    titles = [item.article.title.lower() for item in facts]
    publishers = {_letters(item.article.source) for item in facts}
    actors = []
    for placed in link_mentions(facts):
        members = [m for _, m in placed]
        kind = actor_kind(members)
        name = _display_name(members, kind)
        positions = sorted({position for position, _ in placed})
        aliases = sorted({m.name for m in members} - {name})
        if kind == "organisation" and _a_source(members, {name, *aliases}, publishers, titles, positions):
            continue
        roles = Counter(m.role for m in members if m.role)
        in_title = any(
            re.search(rf"\b{re.escape(alias.lower())}\b", titles[a])
            for a in positions for alias in {name, *aliases}
        )
        role = roles.most_common(1)[0][0] if roles else None
        score = (len(members) + 2.0 * (len(positions) - 1) + (2.0 if in_title else 0.0)
                 + (0.5 if role else 0.0))
        actors.append(Actor(
            name=name, kind=kind, mentions=len(members), aliases=aliases, sources=[p + 1 for p in positions],
            role=role, score=score,
        ))
    actors.sort(key=lambda a: (-a.score, -a.mentions, a.name))
    if per_kind is None:
        return actors
    taken: Counter = Counter()
    kept = []
    for actor in actors:
        if taken[actor.kind] < per_kind:
            taken[actor.kind] += 1
            kept.append(actor)
    return kept
