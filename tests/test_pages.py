"""Real web pages: the story without the page around it, and the right title, publisher, link and date.

Each page here is small and of our own making, with one family of junk that real news pages put
around a story: pop-up name cards and hidden form messages glued into the text, sign-up prompts,
captions and galleries, comment threads, letters-to-the-editor furniture, promotion boxes,
teasers cut short, sentences a page broke in two.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.clean import clean_document
from briefing.cli import app
from briefing.ingest import read_inputs
from briefing.models import Article

STORY = ("<p>Harbour councillors approved a new ferry timetable on Monday after a month of complaints "
         "about late sailings to Corra Island.</p>"
         "<p>The council said the first boat would leave at six in the morning from next week, and that two "
         "extra sailings would run on Saturdays through the summer.</p>"
         "<p>Ferry operator Westline said it had hired four more crew to keep to the new times.</p>")


def page(body: str, head: str = "<title>Ferry timetable approved</title>") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def read(tmp_path: Path, html: str, name: str = "page.html") -> Article:
    """The page as ``briefing`` reads and cleans it (what ``briefing read`` prints)."""
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    (document,), skipped = read_inputs([path])
    assert not skipped
    return clean_document(document)


@pytest.mark.parametrize("junk, left_out", [
    # A pop-up name card inside a sentence, hidden until the reader hovers over the name.
    ("<p>Harbour Gov. <a href='/people/anna-berg'>Anna Berg</a><span class='people-card' aria-hidden='true'>"
     "<span>Anna Maria Berg</span><span>Harbour governor defends ferry deal</span> MORE</span> (D) defended "
     "the ferry deal on Tuesday, saying the timetable would save money.</p>",
     ["Anna Maria Berg", "governor defends", "MORE"]),
    # A sign-up box: its prompt, and the messages its form shows after a click.
    ("<div class='signup'><p>Start your day with the Morning Harbour, a newsletter powered by Westline.</p>"
     "<form><input type='email'></form><p style='display: none'>Thanks for signing up!</p>"
     "<p hidden>An error has occurred, please try again later.</p></div>",
     ["Start your day", "Thanks for signing up", "An error has occurred"]),
    # A photo caption and a gallery.
    ("<figure><img src='boats.jpg'><figcaption>Ferries wait at the quay in Harbour town on Monday evening, "
     "as the council met.</figcaption></figure><div class='photo-gallery'><cite id='galleryCaption3'>A commuter "
     "waits for the last boat to Corra Island on Sunday night.</cite></div>",
     ["Ferries wait at the quay", "A commuter waits"]),
    # A caption under a picture in markup that does not call it one: it says what the picture's alt says.
    ("<div class='featurePic'><img src='quay.jpg' alt='Crowds and ropes ... commuters wait at the quay.'>"
     "<p>Crowds and ropes ... commuters wait at the quay.<br><small>Jo Bell</small></p></div>",
     ["Crowds and ropes"]),
    # Letters to the editor and reader comments.
    ("<p>Submit your letter to the editor via this form.</p><div><p>Posted by: quayside on 8:21pm Tue. I "
     "agree with you, the old timetable was a joke.</p></div>",
     ["Submit your letter", "I agree with you"]),
    # A comment thread marked only by the anchor a "Comments" link jumps to, each comment signed after it.
    ("<a name='comments'></a><div class='hd'>Comments</div><p>Six in the morning is far too early for the "
     "island's pensioners, who rely on the later boat to reach the surgery in town.<br>"
     "<b>Posted by Morag on March 3, 2026 9:14 PM</b></p><p>Finally the council has listened to the people who "
     "use this ferry every single day of the week.<br><b>Posted by Iain on March 3, 2026 8:02 PM</b></p>",
     ["far too early for the island", "Finally the council has listened"]),
    # A promotion box beside the story.
    ("<div class='promo-box'><p>Our reporters have covered every sailing of the Corra Island ferry since "
     "the service began in 1998.</p></div>",
     ["Our reporters have covered"]),
    # Links run together on one line.
    ("<p>Hot Topics: Harbour Ferry • Council Budget • Ferry fares to rise in spring, operator says.</p>",
     ["Hot Topics", "Council Budget"]),
    # Teasers of other stories: each a headline linking to it, then its standfirst.
    ("<ul class='more'>" + "".join(f"<li><a href='/news/{slug}.html'>{headline}</a><p>{standfirst}</p></li>"
                                   for slug, headline, standfirst in [
        ("lifeboat", "Lifeboat crews rescue fourteen sailors", "Volunteers were called out twice in one night "
         "as storms hit the bay."),
        ("wall", "Harbour wall repairs to begin", "The work will close the north quay for six weeks, the port "
         "authority says.")]) + "</ul>",
     ["Volunteers were called out", "The work will close the north quay"]),
    # A line that points to another page: a label and a link, or a link alone in brackets.
    ("<p>Our Standards: <a href='https://harbourwire.example/about/standards.html'>The Harbour Wire Editorial "
     "Principles.</a></p><p>[<a href='/news/forecast'>Our Latest Ferry Forecast: Will The Timetable Hold?</a>]</p>",
     ["Editorial Principles", "Latest Ferry Forecast"]),
    # A disclosure about advertisers above the story.
    ("<section class='editorial-disclosure'><p>This post contains references to products from one or more of "
     "our advertisers. We may receive compensation when you click on links to those products.</p></section>",
     ["references to products", "receive compensation"]),
    # Teasers of other stories, cut short by the page.
    ("<ul><li>Lifeboat crews rescue 14 from stranded yac...</li><li>Harbour wall repairs to begin ...</li></ul>",
     ["stranded yac", "wall repairs"]),
])
def test_the_junk_around_a_story_stays_out(tmp_path, junk, left_out):
    article = read(tmp_path, page(f"<article><h1>Ferry timetable approved</h1>{STORY}{junk}</article>"))
    for words in left_out:
        assert words not in article.text
    assert "Harbour councillors approved a new ferry timetable" in article.text
    assert "Westline said it had hired four more crew" in article.text


@pytest.mark.parametrize("before, after, kept", [
    # paragraphs that open with a link run on from it: story, not teasers of other stories
    ("", "<p><a href='/news/fares.html'>Last year's fare rise</a> was blamed on fuel costs, and the operator said "
     "prices would stay the same this time.</p><p><a href='/news/crew.html'>The new crew members</a>, hired from the "
     "mainland, start work on Monday alongside the existing staff.</p>",
     ["Last year's fare rise was blamed on fuel costs", "The new crew members, hired from the mainland, start work"]),
    # a short sentence that runs into a link is the story's own
    ("", "<p>The island's doctor used the <a href='https://example.org/surgery-hours'>new surgery hours to plan her "
     "rounds</a>.</p><p>This video comes via a <a href='https://example.org/v'>local television station on the "
     "island</a>:</p>",
     ["The island's doctor used the new surgery hours to plan her rounds.",
      "This video comes via a local television station on the island:"]),
    # a story paragraph away from a picture whose alt text it repeats
    ("<div class='pic'><img src='quay.jpg' alt='Harbour councillors approved a new ferry timetable'></div>", "",
     ["Harbour councillors approved a new ferry timetable on Monday"]),
])
def test_paragraphs_with_links_or_beside_pictures_that_are_the_storys_own_stay(tmp_path, before, after, kept):
    article = read(tmp_path, page(f"<article><h1>Ferry timetable approved</h1>{before}{STORY}{after}</article>"))
    for words in kept:
        assert words in article.text


def test_an_interview_may_say_you_and_a_quotation_may_exclaim(tmp_path):
    interview = ("<p>Reporter: Did you expect the council to approve the timetable so quickly?</p>"
                 "<p>Berg: No, and I thank you for asking about the late sailings.</p>"
                 "<p>\"Finally!\" said one commuter at the quay.</p>")
    article = read(tmp_path, page(f"<article><h1>Ferry timetable approved</h1>{STORY}{interview}</article>"))
    assert "Reporter: Did you expect the council" in article.text
    assert "Berg: No, and I thank you" in article.text


def test_a_sentence_the_page_broke_in_two_is_one_again(tmp_path):
    broken = ("<p>The Majors finished off their three-game road</p>"
              "<p>trip with a visit to Ottawa on Friday night and lost 4-2 after two late goals.</p>")
    article = read(tmp_path, page(f"<article><h1>Majors lose in Ottawa</h1>{STORY}{broken}</article>"))
    assert ("The Majors finished off their three-game road trip with a visit to Ottawa on Friday night and "
            "lost 4-2 after two late goals.") in article.paragraphs


def test_a_page_whose_markup_breaks_the_html_parser_still_gives_its_story(tmp_path):
    # The <html> tag cut off mid-attribute and closed at once ("... />"): lxml reads an empty page.
    # Above the story, a time stamp of the kind such pages carry: it is no headline.
    html = ("<!DOCTYPE html>\n<html xlogo.gif\" alt=\"Harbour Wire\" width=\"145\" /></a></td>\n"
            "<table><tr><td><a href='/'>Home</a></td></tr></table>\n"
            "<table><tr><td>2026-03-03 20:04:13 - <br/><br/>" + STORY + "</td></tr></table></body></html>")
    article = read(tmp_path, html)
    assert "Harbour councillors approved a new ferry timetable" in article.text
    assert "Westline said it had hired four more crew" in article.text
    assert article.title and "20:04" not in article.title


def test_a_page_main_text_detection_cannot_read_is_read_whole_and_cleaned(tmp_path):
    # Only a date line comes out of main-text detection on a page like this one (the story sits in
    # nested layout tables): the page's whole text is read and cleaned instead.
    cells = "".join(f"<tr><td><font size=2>{p}</font></td></tr>" for p in STORY.replace("<p>", "").split("</p>")
                    if p)
    html = page(f"<table><tr><td>Tuesday, January 16 | Harbour 4C Clear</td></tr><tr><td><table>{cells}"
                f"</table></td></tr></table>")
    article = read(tmp_path, html)
    assert "Harbour councillors approved a new ferry timetable" in article.text
    assert "Westline said it had hired four more crew" in article.text


@pytest.mark.parametrize("title, heading, expected", [
    # The page's heading shows which part of the title is the headline: sections and site go.
    ("Ferry timetable approved - Breaking News - Local", "Ferry timetable approved", "Ferry timetable approved"),
    ("Harbour: Ferry timetable approved", "Ferry timetable approved", "Ferry timetable approved"),
    ("Ferry timetable approved (from Harbour Weekly)", "Ferry timetable approved", "Ferry timetable approved"),
    # A heading that is only a piece of the headline, not cut off at a separator, changes nothing.
    ("Ferry timetable approved after month of complaints", "Ferry timetable approved",
     "Ferry timetable approved after month of complaints"),
])
def test_a_title_with_sections_around_the_headline_is_the_headline(tmp_path, title, heading, expected):
    # (the first heading is the site's logo, as on many pages)
    article = read(tmp_path, page(f"<h1><a href='/'>www.harbourtimes.example</a></h1><article><h1>{heading}</h1>"
                                  f"{STORY}</article>", head=f"<title>{title}</title>"))
    assert article.title == expected


@pytest.mark.parametrize("html, expected", [
    # A <title> written inside the body, under a date line: main-text detection reads no title.
    ("<html><head><script>var x = 1;</script></head><body><table><tr><td><font size=2>Fri Jan 4, 7:05 AM ET"
     "</font></td></tr></table><TITLE>Ferry timetable approved</TITLE><font face=arial size=2><b><h3> Ferry "
     f"timetable approved </b></h3><font size='-2'> Staff and agencies </font>{STORY}</font></body></html>",
     "Ferry timetable approved"),
    # No <title> at all: the heading the story tells, not the time stamp above the story.
    ("<html><head></head><body><a href='/world-news.htm'>World News</a><br /><h3 style='display:inline;'>"
     "<font face='Georgia'>Ferry timetable approved by Harbour council</font></h3><br /><div class='date'>"
     f"2008-01-12 11:31:01 -</div>{STORY}</body></html>", "Ferry timetable approved by Harbour council"),
])
def test_a_page_whose_title_main_text_detection_misses_is_titled_by_its_title_or_heading(tmp_path, html, expected):
    assert read(tmp_path, html).title == expected


def test_a_page_run_together_on_one_line_gives_the_story_not_its_menus(tmp_path):
    # A teaser above a paywall, inside an <article> with the breadcrumbs, share buttons and a long
    # list of related links: main-text detection finds too little and falls back on the article's
    # every string run together on one line, where the cleaner cannot tell the story apart.
    menu = "".join(f"<div><a href='/{i}'>{name}</a></div>" for i, name in enumerate(
        ["NewsBay News", "Sports", "OpinionEditorial", "Letters", "WeatherStorm Centre", "JobsEmployment News"]))
    related = "".join(f"<div><a href='/r{i}'>{headline}</a></div>" for i, headline in enumerate([
        "Ferry timetable cut for the winter months", "Port authority names new harbour master",
        "Dredging of the north channel delayed again", "Fishing fleet counts the cost of the storm",
        "Cruise ship calls expected to double next season", "Harbour master retires after thirty years at sea",
        "New tug boat arrives from the shipyard", "Yacht club opens its doors to young sailors",
        "Lighthouse keepers' cottage restored by volunteers", "Council debates mooring fees for visiting boats",
        "Container terminal extends its opening hours", "Coastguard rescues two kayakers off the point"]))
    html = page(f"<div class='menu'>{menu}</div><article><div class='crumbs'><a href='/'>Home</a> "
                "<a href='/issues'>Issues</a> Harbour pilots warn of collisions</div><h1>Harbour pilots warn of "
                "collisions</h1><div class='author'>By Mara Quinlan - March 3, 2023</div><div class='share'>"
                "<a href='#'>Share</a> <a href='#'>Facebook</a> <a href='#'>Email</a></div><div class='content'>"
                "<p>Pilots who guide freighters into the harbour have told the port authority that the unlit "
                "channel markers could cause a collision after dark.</p><div id='pay-barrier'></div>"
                f"<div class='related'><h4>Related articles</h4>{related}</div></div></article>",
                head="<title>Harbour pilots warn of collisions - Bay Courier</title>")
    article = read(tmp_path, html)
    assert article.paragraphs == ["Pilots who guide freighters into the harbour have told the port authority "
                                  "that the unlit channel markers could cause a collision after dark."]


@pytest.mark.parametrize("head, url, source, title", [
    # The name the page gives itself...
    ("<meta property='og:site_name' content='Harbour Times'><title>Ferry timetable approved | Harbour Times"
     "</title><link rel='canonical' href='https://www.harbourtimes.example/news/ferry'>",
     "https://www.harbourtimes.example/news/ferry", "Harbour Times", "Ferry timetable approved"),
    # ...or in its JSON-LD...
    ("<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
     "\"publisher\": {\"@type\": \"Organization\", \"name\": \"Coast Wire\"}}</script>"
     "<title>Ferry timetable approved</title>", None, "Coast Wire", "Ferry timetable approved"),
    # ...but a URL is its host, a copyright line is no name, and a host written as one word is the host.
    ("<meta property='og:site_name' content='http://harbourtimes.example/'><title>Ferry timetable approved"
     "</title>", None, "harbourtimes.example", "Ferry timetable approved"),
    ("<meta property='og:site_name' content='Copyright (c) 2026 Harbour Media Inc.'><meta property='og:url' "
     "content='https://news.harbour.example/ferry'><title>Ferry timetable approved</title>",
     "https://news.harbour.example/ferry", "news.harbour.example", "Ferry timetable approved"),
    ("<meta property='og:site_name' content='HarbourTimes'><link rel='canonical' "
     "href='https://harbourtimes.example/ferry'><title>Ferry timetable approved</title>",
     "https://harbourtimes.example/ferry", "harbourtimes.example", "Ferry timetable approved"),
    # An edition the site names itself by ("U.S.") is a country, not the publisher: the host.
    ("<meta property='og:site_name' content='U.S.'><link rel='canonical' "
     "href='https://www.harbourwire.example/article/ferry'><title>Ferry timetable approved | Harbour Wire</title>",
     "https://www.harbourwire.example/article/ferry", "harbourwire.example", "Ferry timetable approved"),
    # With no name and no link, the part of the title that is not the headline; the headline loses it.
    ("<title>Ferry timetable approved - Harbour Evening Post</title>", None, "Harbour Evening Post",
     "Ferry timetable approved"),
    # A title that credits its publisher in brackets: the name, out of the headline.
    ("<link rel='canonical' href='https://www.harbourtimes.example/news/ferry'>"
     "<title>Ferry timetable approved (from Harbour Times)</title>", "https://www.harbourtimes.example/news/ferry",
     "Harbour Times", "Ferry timetable approved"),
    # Sections and the site's name run on with bare hyphens.
    ("<title>Ferry timetable approved-Local News-Transport-The Harbour Times</title>", None, "The Harbour Times",
     "Ferry timetable approved"),
    # ...but not a town and its state that ends a local site's title: no name is better than a place.
    ("<title>Ferry timetable approved - Local News - Kelso, ND</title>", None, "page",
     "Ferry timetable approved"),
    # A site name run on after the headline, and doubled punctuation.
    ("<meta property='og:site_name' content='Harbour Times'><meta property='og:title' content='Is the new "
     "ferry timetable late already?. Harbour Times'>", None, "Harbour Times", "Is the new ferry timetable late "
     "already?"),
])
def test_the_publisher_title_and_link_a_reader_can_use(tmp_path, head, url, source, title):
    article = read(tmp_path, page(f"<article><h1>{title}</h1>{STORY}</article>", head))
    assert article.source == source
    assert article.title == title
    assert article.url == url


def test_a_feed_item_links_to_the_article_not_to_a_redirector(tmp_path):
    escaped = STORY.replace("<", "&lt;").replace(">", "&gt;")
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
        "xmlns:feedburner='http://rssnamespace.org/feedburner/ext/1.0'><channel><title>Harbour Times</title>"
        "<link>https://harbourtimes.example/</link>"
        "<item><title>Ferry timetable approved</title><link>https://feedproxy.example/~r/ht/~3/abc/ferry</link>"
        "<feedburner:origLink>https://harbourtimes.example/news/ferry</feedburner:origLink>"
        f"<description>{escaped}</description></item>"
        "<item><title>Harbour wall repairs</title><link>https://clicks.example/r?u=wall</link>"
        "<guid isPermaLink='false'>https://harbourtimes.example/news/wall</guid>"
        "<description>Repairs to the harbour wall began on Saturday after storm damage, the council said. The "
        "work is expected to take six weeks.</description></item></channel></rss>", encoding="utf-8")
    documents, _ = read_inputs([feed])
    assert [d.url for d in documents] == ["https://harbourtimes.example/news/ferry",
                                      "https://harbourtimes.example/news/wall"]


def test_briefing_read_prints_what_the_brief_is_made_from(tmp_path):
    junk = ("<p>Submit your letter to the editor via this form.</p>"
            "<p>Lifeboat crews rescue 14 from stranded yac...</p>")
    path = tmp_path / "ferry.html"
    path.write_text(page(f"<article><h1>Ferry timetable approved</h1>{STORY}{junk}</article>",
                         "<meta property='og:site_name' content='Harbour Times'>"
                         "<meta property='article:published_time' content='2026-01-12T08:00:00Z'>"
                         "<title>Ferry timetable approved</title>"), encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_text(page("<nav>Home | World | Sport</nav>"), encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(app, ["read", str(path), "--removed"])
    assert shown.exit_code == 0, shown.output
    assert "title: Ferry timetable approved" in shown.output
    assert "source: Harbour Times" in shown.output
    assert "published: 2026-01-12" in shown.output
    assert "Harbour councillors approved a new ferry timetable" in shown.output
    assert "removed (says something to the reader): Submit your letter to the editor via this form." in shown.output
    assert "removed (a teaser cut short): Lifeboat crews rescue 14 from stranded yac..." in shown.output

    as_json = runner.invoke(app, ["read", str(path), str(empty), "--json"])
    assert as_json.exit_code == 1  # one input skipped
    records = [json.loads(line) for line in as_json.output.splitlines()]
    assert [r["title"] for r in records][0] == "Ferry timetable approved"
    assert records[0]["source"] == "Harbour Times" and records[0]["published"] == "2026-01-12"
    assert "skipped" not in records[0]
    assert records[1]["path"].endswith("empty.html") and records[1]["skipped"]


def test_nothing_invisible_from_a_page_reaches_the_article(tmp_path):
    story = STORY.replace("ferry", "fer\u200bry", 1)
    html = page(f"<article><h1>Ferry\u202e timetable approved</h1>{story}</article>",
                "<meta property='og:site_name' content='Harbour\u2066 Times\x07'>"
                "<title>Ferry\u202e timetable approved</title>")
    article = read(tmp_path, html)
    for text in (article.title, article.source, article.text):
        assert not any(ch in text for ch in "\u202e\u200b\u2066\x07")


def test_a_page_whose_main_text_is_not_found_gives_the_reader_no_library_warning(tmp_path):
    # trafilatura logs "discarding data: None" when it finds no main text; briefing then reads
    # the whole page, so the line tells the reader nothing they can act on.
    import subprocess
    import sys

    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "empty.html").write_text("<html><head><title>Port reopens</title></head><body></body></html>")
    (pages / "story.txt").write_text("Harbour cranes resumed work on Monday after a storm closed the port "
                                     "for two days, the port authority said in a statement.\n\nShipping lines "
                                     "said delays would last until the end of the week.")
    done = subprocess.run([sys.executable, "-m", "briefing", "generate", str(pages), "--format", "md", "--out",
                           str(tmp_path / "out"), "--date", "2026-01-15"], capture_output=True, text=True,
                          timeout=120)
    assert (tmp_path / "out" / "brief-2026-01-15.md").exists(), done.stderr
    assert "empty.html" in done.stderr  # the reader is told it was skipped, and why
    assert "discarding" not in done.stderr and "WARNING" not in done.stderr


def test_a_drop_cap_set_apart_is_put_back_on_its_word(tmp_path):
    # "T" in an element of its own, "urkey, Poland ..." in the paragraph after it: the reader
    # saw "Turkey", and so must the brief.
    page = tmp_path / "drop-cap.html"
    paragraphs = "".join(f"<p>Ministers said the list would be reviewed again next week, and that {n} more "
                         f"countries could be added if their case rates kept rising.</p>" for n in range(2, 6))
    page.write_text("<html><head><title>Three countries added to quarantine list</title></head><body><article>"
                    "<h1>Three countries added to quarantine list</h1><div class='body'>"
                    "<span class='drop'>T</span><p><a href='/topic/turkey'>urkey</a>, Poland and Malta have "
                    "been removed from the list of travel corridors, the transport secretary said on "
                    f"Thursday.</p>{paragraphs}</div></article></body></html>")
    documents, _ = read_inputs([page])
    assert "Turkey, Poland and Malta have been removed" in documents[0].text
    assert "urkey" not in documents[0].text.replace("Turkey", "")


def test_a_first_paragraph_written_without_its_p_tag_is_read(tmp_path):
    # An old layout table: the story's opening sentence is loose text in the cell, closed by a
    # stray </p>; the paragraphs after it are marked. A reader sees the opening first.
    rest = "".join(f"<p>Rowe joined the club in {year} and led it to {n} promotions, the chairman said in a "
                   f"statement on the club's website on Friday evening.</p>" for year, n in ((2019, 2), (2021, 3)))
    html = page("<table><tr><td class='story'><table align='left'><tr><td><img src='rowe.jpg'></td></tr></table>"
                "\nHarbour United have sacked manager Tom Rowe, less than a year after he signed a new contract."
                f"</p>{rest}<p>The club said a new manager would be named before the next home game.</p>"
                "</td></tr></table>", head="<title>Harbour United sack Rowe</title>")
    text = read(tmp_path, html).text
    assert text.startswith("Harbour United have sacked manager Tom Rowe")
    # An empty <p/> between lines is the page's own separator, not a paragraph to complete.
    listing = page("<div>Forty players were invited to the trial, the league said on Monday afternoon.<p/>"
                   "Ann Bell (Harbour College)<p/>Joe Kerr (Corra Academy)<p/>Sam Lee (Harbour College)<p/>"
                   "The trial runs for three days at the harbour ground, starting on Friday morning.</div>")
    text = read(tmp_path, listing, "listing.html").text
    assert "Forty players were invited" in text and "Joe Kerr (Corra Academy)" in text


def test_paragraphs_a_page_separates_by_empty_p_marks_are_each_a_paragraph(tmp_path):
    # Some pages mark the gap between paragraphs with <p/> instead of wrapping them: each run is a
    # paragraph as the reader sees it, not one run-on line ("on Friday.The club said"), and the last
    # one, after the last mark, is read too.
    runs = ["Harbour United have sacked manager Tom Rowe, less than a year after he signed a new contract.",
            "The club said on Friday that a new manager would be named before the next home game.",
            "Rowe joined the club in 2019 and led it to two promotions in his first three seasons."]
    html = page("<div class='story'><div class='byline'>By Staff Writer</div>" + "<p/>".join(runs)
                + "<p></p>The chairman thanked Rowe for his work and wished him well in the rest of his career."
                + "</p><br><br><i>Your views on this story? <a href='mailto:desk@example.com'>Email us</a></i>"
                "</div>", head="<title>Harbour United sack Rowe</title>")
    article = read(tmp_path, html)
    assert article.paragraphs[:3] == runs
    assert article.paragraphs[3].startswith("The chairman thanked Rowe")


def test_a_sites_name_taken_for_the_headline_gives_way_to_the_titles_headline(tmp_path):
    # The logo is an <h1> too; the page's <title> holds the real headline beside the name.
    page = tmp_path / "logo.html"
    body = "".join(f"<p>The port authority said on Monday that crane {n} would stay idle while engineers "
                   f"checked its brakes, and that ships would be moved to other berths.</p>" for n in range(5))
    page.write_text("<html><head><title>Cranes idle at northern terminal | Harbour Ledger.</title>"
                    "<link rel='canonical' href='https://www.harbourledger.example/cranes-idle'></head><body>"
                    "<h1 id='logo'>Harbour Ledger</h1><article>" + body +
                    "<p>Staff told Harbour Ledger the checks would take a week.</p></article></body></html>")
    documents, _ = read_inputs([page])
    assert documents[0].title == "Cranes idle at northern terminal"


# A short sports story of our own, for the tests of titles that follow.
KEEPER_STORY = ("<article><p>Harbour Rovers have signed the keeper Jan Peeters from Ostend on a two-year deal, the "
                "club said on Thursday.</p><p>Peeters, 27, played 31 league games for Ostend last season and will "
                "join the squad for training in March, the Rovers keeper coach said.</p><p>The club has been "
                "looking for a keeper since the last one left for a rival in January.</p></article>")


def title_of(tmp_path: Path, head: str, body: str) -> str | None:
    page = tmp_path / "titled.html"
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    documents, _ = read_inputs([page])
    return documents[0].title


def test_a_sections_one_word_label_leaves_the_title_though_the_story_uses_the_word(tmp_path):
    # No heading on the page says where the headline ends; "Councillors" is the section's label.
    assert title_of(tmp_path, "<meta property='og:site_name' content='Harbour Times'>"
                    "<title>Ferry timetable approved - Councillors - Harbour Times</title>",
                    STORY) == "Ferry timetable approved"


@pytest.mark.parametrize("heading", ["Tags", "Other Sports"])
def test_a_label_for_a_title_gives_way_to_the_longest_part_of_the_pages_title(tmp_path, heading):
    # The page's only heading is a label, which main-text detection takes for the title; the
    # page uses its words again ("Tags: ..."), so they are no site name the story never tells.
    assert title_of(tmp_path, "<title>Spotlight | Ferry timetable approved | Harbourtimes.example</title>",
                    f"<h1>{heading}</h1>" + STORY + f"<p>{heading}: ferry timetable, Corra Island</p>"
                    ) == "Ferry timetable approved"


def test_a_sections_name_for_a_title_gives_way_to_the_heading_the_story_tells(tmp_path):
    # The <title> is only the section's name; the headline is a heading, after a date heading.
    assert title_of(tmp_path, "<title>Local Sports Wire</title>",
                    "<h2>Thursday, March 5th, 2026</h2><h2>Harbour Rovers sign keeper from Ostend</h2>"
                    + KEEPER_STORY) == "Harbour Rovers sign keeper from Ostend"


@pytest.mark.parametrize("site_title", ["Harbournews.com's Evening Digest", "Harbour Sports - Football News"])
def test_a_sites_name_for_a_title_gives_way_to_the_headline_found_above_the_story(tmp_path, site_title):
    # No heading markup: the headline is a line of its own above the story, in a layout table.
    body = ("<table><tr><td><p><b>Harbour Rovers sign keeper Peeters from Ostend</b></p>"
            + KEEPER_STORY.replace("<article>", "").replace("</article>", "") + "</td></tr></table>")
    assert title_of(tmp_path, f"<title>{site_title}</title>", body) == "Harbour Rovers sign keeper Peeters from Ostend"


def test_a_sections_label_heading_the_page_gives_way_to_the_headline_of_its_title(tmp_path):
    # The page's first heading is its section ("Football"); the <title> and a heading give the headline.
    page = tmp_path / "section.html"
    page.write_text("<html><head><title>Peeters Rovers-bound - Football - Harbour Sports</title></head><body>"
                    "<h1>Football</h1><h2>Peeters Rovers-bound</h2>"
                    + KEEPER_STORY.replace("a rival", "a football rival")
                    + "<h3>Other Football Stories</h3></body></html>", encoding="utf-8")
    (document,), _ = read_inputs([page])
    assert (document.title, document.source) == ("Peeters Rovers-bound", "Harbour Sports")


def test_sections_before_the_headline_that_the_story_never_tells_are_left_out(tmp_path):
    assert title_of(tmp_path, "<title>World -- Rovers sign keeper from Ostend</title>", KEEPER_STORY) \
        == "Rovers sign keeper from Ostend"
    assert title_of(tmp_path, "<title>HC - After Hours - Rovers sign keeper from Ostend</title>", KEEPER_STORY) \
        == "Rovers sign keeper from Ostend"
    # a name the story tells stays: it is the headline's own
    assert title_of(tmp_path, "<title>Peeters -- the keeper who crossed from Ostend</title>", KEEPER_STORY) \
        == "Peeters -- the keeper who crossed from Ostend"


def test_sections_a_date_and_a_site_address_around_the_headline_are_left_out(tmp_path):
    assert title_of(tmp_path, "<title>Rovers sign keeper from Ostend - National - Sport</title><link "
                    "rel='canonical' href='https://www.harbourcourier.example/sport/rovers-keeper'>",
                    KEEPER_STORY) == "Rovers sign keeper from Ostend"
    # a date after the headline is no part of it, though the story names the month
    assert title_of(tmp_path, "<title>Rovers sign keeper from Ostend | March 5, 2026 | HC</title><meta "
                    "property='og:site_name' content='harbourcourier.example'>", KEEPER_STORY) \
        == "Rovers sign keeper from Ostend"
    # a slash between spaces separates as a dash does
    assert title_of(tmp_path, "<title>Rovers sign keeper from Ostend / Sport News @ HarbourCourier</title><link "
                    "rel='canonical' href='https://www.harbourcourier.example/sport/rovers-keeper'>",
                    KEEPER_STORY) == "Rovers sign keeper from Ostend"
    # a site's address before it, glued to its colon
    assert title_of(tmp_path, "<title>HarbourCourier.example: Rovers sign keeper from Ostend</title><meta "
                    "property='og:site_name' content='The Courier'>", KEEPER_STORY) == "Rovers sign keeper from Ostend"


def test_a_title_whose_end_tag_is_broken_still_names_the_site(tmp_path):
    # "</titlevalue=...": lxml reads the whole page as the title; the <title> still ends there.
    page = tmp_path / "broken-title.html"
    page.write_text("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html><head>\n<title "
                    "id='TitleID'>Ferry timetable approved - Local - Harbour Courier</titlevalue=\"true\" -->\n"
                    "</head>\n<body><h1>Ferry timetable approved</h1><div class='body'>" + STORY
                    + "</div></body></html>")
    (document,), _ = read_inputs([page])
    assert document.source == "Harbour Courier"


RESCUE = ("<p>Lifeboat volunteers from Harbour were called out twice on Sunday night as storms hit the bay and a "
          "fishing boat lost power off Corra Island.</p>"
          "<p>The crew towed the boat and its four fishermen back to the quay before dawn, the station said.</p>")
APPEAL = "<p>The lifeboat station is raising money for a new engine shed this spring.</p>"
BACKGROUND = "<p>The ferry service to Corra Island began in 1998 and carries about 200 people a day.</p>"
APP_PROMO = ("<p>For the latest stories and breaking news updates download the Harbour Times apps for iOS and "
             "Android.</p>")
NOTICE = "<p>This story came to us from a partner agency as an extra service to our readers online.</p>"


def site_page(slug: str, body: str) -> str:
    return page(f"<article><h1>{slug}</h1>{body}</article>",
                f"<title>{slug}</title><link rel='canonical' href='https://www.harbourtimes.example/news/{slug}'>")


def read_batch(tmp_path: Path, pages: dict[str, str]) -> dict[str, Article]:
    from briefing.pipeline import read_articles

    paths = []
    for name, html in pages.items():
        paths.append(tmp_path / f"{name}.html")
        paths[-1].write_text(html, encoding="utf-8")
    return {item.path.stem: item for item in read_articles(paths)}


def test_lines_a_site_prints_above_or_below_every_story_are_left_out(tmp_path):
    found = read_batch(tmp_path, {
        "ferry": site_page("ferry", NOTICE + STORY + BACKGROUND + "<p>The council meets again in May.</p>" + APP_PROMO),
        "lifeboat": site_page("lifeboat", NOTICE + RESCUE + BACKGROUND + APPEAL + APP_PROMO),
        "elsewhere": page(f"<article><h1>Elsewhere</h1>{STORY}{APP_PROMO}</article>",
                          "<title>Elsewhere</title><link rel='canonical' href='https://othersite.example/ferry'>"),
    })
    for name in ("ferry", "lifeboat"):
        assert "download the Harbour Times apps" not in found[name].text
        assert "partner agency" not in found[name].text
        assert any(line.reason == "on other pages of its site" for line in found[name].removed)
    assert "Harbour councillors approved a new ferry timetable" in found["ferry"].text
    assert "The council meets again in May." in found["ferry"].text
    # Inside the story, a line the site's other story shares is the story's own.
    assert "The ferry service to Corra Island began in 1998" in found["ferry"].text
    assert "The lifeboat station is raising money" in found["lifeboat"].text
    # Another site's page, and a page alone, keep what they have: nothing shows it is furniture.
    assert "download the Harbour Times apps" in found["elsewhere"].text


def test_two_copies_of_one_story_on_a_site_keep_every_line(tmp_path):
    found = read_batch(tmp_path, {"ferry": site_page("ferry", STORY + APP_PROMO),
                                  "ferry-update": site_page("ferry-update", STORY + BACKGROUND + APP_PROMO)})
    for name in found:
        assert "Harbour councillors approved a new ferry timetable" in found[name].text
        assert "download the Harbour Times apps" in found[name].text


def test_a_year_the_story_mentions_does_not_date_the_page(tmp_path):
    # Main-text detection's date search reads "the 2000 bombing" as 1 January 2000: the page is undated,
    # not dated to a day it never writes.
    story = ("<p>Police in Harbour town said on Friday they were holding ten suspects after an attack on a ferry "
             "carrying tourists to Corra Island.</p><p>The attack was the worst on the island since the 2000 "
             "bombing of the harbour master's office, which killed three people.</p><p>The ferry operator said "
             "its boats would sail again on Monday under police guard.</p>")
    article = read(tmp_path, page(f"<article><h1>Ferry attack suspects held</h1>{story}</article>",
                                  "<title>Ferry attack suspects held</title>"))
    assert article.published is None
    # a first of January the page writes is its date
    dated = read(tmp_path, page(f"<article><h1>Ferry attack suspects held</h1><p>January 1, 2000</p>{story}</article>",
                                "<title>Ferry attack suspects held</title>"), "dated.html")
    assert str(dated.published) == "2000-01-01"


def test_a_blogs_name_of_common_words_is_not_taken_for_the_headline(tmp_path):
    # The story shares "from" and "the" with the blog's name, not its subject: the words any
    # story has do not make the name a headline the story tells.
    page = tmp_path / "blog.html"
    page.write_text("<html><head><title>Keeper Deal: Cash Isn't Everything - From The Terraces</title></head>"
                    "<body><h1>Keeper Deal: Cash Isn't Everything</h1>" + KEEPER_STORY + "</body></html>",
                    encoding="utf-8")
    (document,), _ = read_inputs([page])
    assert (document.title, document.source) == ("Keeper Deal: Cash Isn't Everything", "From The Terraces")


def test_a_sites_name_before_a_headline_the_story_never_words_gives_way_to_it(tmp_path):
    # Main-text detection takes the site's name for the headline; neither part of the <title>
    # is told by the story, and the one written as a headline is the headline.
    page = tmp_path / "sun.html"
    page.write_text("<html><head><title>Harbour County Sun - Rovers face a tough test at home</title></head>"
                    "<body><h1>Harbour County Sun</h1>" + KEEPER_STORY + "</body></html>", encoding="utf-8")
    (document,), _ = read_inputs([page])
    assert (document.title, document.source) == ("Rovers face a tough test at home", "Harbour County Sun")


def test_a_headlines_end_of_common_words_stays_on_it(tmp_path):
    # "-- And Why Not" has no word of a site's or a section's name: it is the headline's own.
    assert title_of(tmp_path, "<title>Rovers sign keeper from Ostend -- And Why Not</title>", KEEPER_STORY) \
        == "Rovers sign keeper from Ostend -- And Why Not"


def test_a_headline_with_a_semicolon_is_no_script_run_into_the_title(tmp_path):
    assert title_of(tmp_path, "<title>Rovers sign keeper from Ostend; coach backs him - Sport</title>",
                    KEEPER_STORY) == "Rovers sign keeper from Ostend; coach backs him"


def test_title_parts_run_together_for_the_headline_give_way_to_the_titles_headline(tmp_path):
    # Main-text detection takes the first parts of the <title> (the site's description, its name
    # and slogan) for the headline; the part after them, written as a headline, is the headline.
    page = tmp_path / "station.html"
    page.write_text("<html><head><title>Harbour News, Weather and Sports - HTV 4 - We are Harbour! | Rovers face "
                    "a tough test at home</title></head><body>" + KEEPER_STORY + "</body></html>", encoding="utf-8")
    (document,), _ = read_inputs([page])
    assert document.title == "Rovers face a tough test at home"


@pytest.mark.parametrize("elsewhere, expected", [
    ("Council budget vote set for 03/17/2026", "2026-03-04"),  # the site writes its dates month first
    ("Council budget vote set for 17/03/2026", "2026-04-03"),  # day first
    ("", "2026-04-03"),  # no telling: read as main-text detection reads it
    ("Tue, February 24, 2026", "2026-03-04"),  # a date in words near 4 March, none near 3 April
    ("Fri, April 24, 2026", "2026-04-03"),
])
def test_a_numeric_date_is_read_in_the_order_the_page_writes_its_dates(elsewhere, expected):
    from briefing.webpage import read_page

    body = "".join(f"<p>The ferry council met for the {n} time this year to vote on the new summer timetable "
                   f"for the island boats.</p>" for n in ("first", "second", "third", "fourth"))
    html = page(f"<div class='byline'>Posted: 03/04/2026</div><article><h1>Ferry timetable approved</h1>{body}"
                f"</article><div class='related'>{elsewhere}</div>")
    assert read_page(html).date == expected



@pytest.mark.parametrize("stamp, expected", [
    ("Posted: 03/04/2026 09:37:25 PM EST", "2026-03-04"),  # a US clock zone: the month comes first
    ("Posted: 03/04/2026 21:37 GMT", "2026-04-03"),
])
def test_a_numeric_date_with_its_clock_zone_is_read_in_that_countrys_order(stamp, expected):
    from briefing.webpage import read_page

    body = "".join(f"<p>The ferry council met for the {n} time this year to vote on the new summer timetable "
                   f"for the island boats.</p>" for n in ("first", "second", "third", "fourth"))
    html = page(f"<div class='byline'>{stamp}</div><article><h1>Ferry timetable approved</h1>{body}</article>")
    assert read_page(html).date == expected


@pytest.mark.parametrize("dateline, expected", [
    ("HARBOUR CITY, March 3 (Wire) -- ", "2026-03-04"),  # a wire dateline near 4 March, not 3 April
    ("", "2026-04-03"),
])
def test_a_numeric_date_is_read_as_the_wire_dateline_of_its_story_tells(dateline, expected):
    from briefing.webpage import read_page

    body = "".join(f"<p>{dateline if n == 'first' else ''}The ferry council met for the {n} time this year to "
                   f"vote on the new summer timetable for the island boats.</p>" for n in ("first", "second", "third"))
    html = page(f"<div class='byline'>Published 03/04/2026 - 10:07 a.m. GMT</div><article><h1>Ferry timetable "
                f"approved</h1>{body}</article>")
    assert read_page(html).date == expected

SIDEBAR = ("<div class='more'><a href='/news/2019/05/02/ferry-fares-rise.html'>Ferry fares rise</a>"
           "<a href='/news/2021/11/20/harbour-wall-repaired.html'>Harbour wall repaired</a></div>")


@pytest.mark.parametrize("head, printed, expected", [
    # the only dates but the printed one (in bold, which main-text detection's search of the text skips)
    # are in links to older stories: the printed one is the page's
    ("", "Tue, March 3, 2026", "2026-03-03"),
    ("", "Last updated: 3rd March 2026, 09:12", "2026-03-03"),
    # the page's metadata says when it was published; a date printed in a fact box is another day's
    ("<meta property='article:published_time' content='2026-03-03'>", "Launched: 28 January 2011", "2026-03-03"),
])
def test_a_date_the_page_prints_beats_the_oldest_date_of_its_links(head, printed, expected):
    from briefing.webpage import read_page

    body = "".join(f"<p>The ferry council met for the {n} time this year to vote on the new summer timetable "
                   f"for the island boats.</p>" for n in ("first", "second", "third", "fourth"))
    html = page(f"{SIDEBAR}<div class='stamp'><b>{printed}</b></div><article><h1>Ferry timetable approved</h1>{body}"
                f"</article>{SIDEBAR}", f"<title>Ferry timetable approved</title>{head}")
    assert read_page(html).date == expected
