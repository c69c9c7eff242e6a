"""Past one process: worker processes and a Dask cluster give the same brief; grouping on a
sparse graph is average linkage; a long run says how far it has got."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.stories import cluster

EXAMPLES = Path(__file__).parent.parent / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """70 articles of our own (more than two chunks of work): the examples' paragraphs, each
    article a different pair of them, dated over a week."""
    from briefing.ingest import read_inputs

    documents, _ = read_inputs([EXAMPLES])
    paragraphs = [p for doc in documents for p in doc.text.split("\n\n") if len(p.split()) > 12]
    folder = tmp_path_factory.mktemp("many")
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for n, (a, b) in enumerate(itertools.islice(itertools.combinations(paragraphs, 2), 70)):
            out.write(json.dumps({"title": f"Report {n}", "text": f"{a}\n\n{b}", "source": f"Wire {n % 5}",
                                  "published": f"2026-01-{10 + n % 6:02d}"}) + "\n")
    return folder


def brief_of(folder: Path, out: Path, *flags: str) -> bytes:
    result = runner.invoke(app, ["generate", str(folder), "--date", "2026-01-15", "--format", "md", "--out",
                                 str(out), *flags])
    assert result.exit_code == 0, result.output
    return (out / "brief-2026-01-15.md").read_bytes()


def test_worker_processes_write_the_same_brief(many, tmp_path):
    one = brief_of(many, tmp_path / "one", "--jobs", "1", "-q")
    two = brief_of(many, tmp_path / "two", "--jobs", "2", "-q")
    assert one == two
    assert one.count(b"\n### ") >= 3  # stories were made: the brief is not trivially empty


def test_a_dask_cluster_writes_the_same_brief(many, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = brief_of(many, tmp_path / "local", "--jobs", "1", "-q")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster_, distributed.Client(cluster_) as client:
        remote = brief_of(many, tmp_path / "dask", "--scheduler", cluster_.scheduler_address, "-q")
        workers = client.scheduler_info()["workers"]
    assert remote == local
    assert len(workers) == 2


def test_a_scheduler_that_does_not_answer_is_a_clear_error(many, tmp_path):
    pytest.importorskip("distributed")
    config = tmp_path / "config.yaml"
    config.write_text("engine:\n  connect_seconds: 2\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", str(many), "--config", str(config), "--format", "md", "--out",
                                 str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", "-q"])
    assert result.exit_code == 2
    assert "the Dask scheduler at tcp://127.0.0.1:9 did not answer within 2 s" in result.output
    assert not (tmp_path / "out").exists()


def test_a_long_run_says_how_far_it_has_got_and_quiet_says_nothing(many, tmp_path):
    told = runner.invoke(app, ["generate", str(many), "--date", "2026-01-15", "--format", "md", "--out",
                               str(tmp_path / "a"), "--jobs", "2"])
    assert told.exit_code == 0
    lines = [line for line in told.output.splitlines() if line.startswith("Analysed")]
    assert lines[-1] == "Analysed 70/70 article(s)"
    assert len(lines) >= 2  # step by step, not only at the end
    quiet = runner.invoke(app, ["generate", str(many), "--date", "2026-01-15", "--format", "md", "--out",
                                str(tmp_path / "b"), "-q"])
    assert "Analysed" not in quiet.output


def dense_average_linkage(similarity, threshold):
    """The textbook algorithm on a full matrix, to check the sparse one against."""
    groups = [[i] for i in range(len(similarity))]
    while True:
        best = None
        for a, b in itertools.combinations(range(len(groups)), 2):
            if not groups[a] or not groups[b]:
                continue
            average = sum(similarity[i][j] for i in groups[a] for j in groups[b]) / (len(groups[a]) * len(groups[b]))
            if average >= threshold and (best is None or average > best[0]):
                best = (average, a, b)
        if best is None:
            return sorted((sorted(g) for g in groups if g), key=lambda g: g[0])
        _, a, b = best
        groups[a] += groups[b]
        groups[b] = []


@pytest.mark.parametrize("seed", range(12))
def test_sparse_average_linkage_is_average_linkage(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 14)
    similarity = [[0.0] * n for _ in range(n)]
    for i in range(n):
        similarity[i][i] = 1.0
        for j in range(i + 1, n):
            # Mostly unrelated pairs (not in the graph at all), some alike; values distinct.
            value = 0.0 if rng.random() < 0.6 else round(rng.uniform(0.05, 0.95), 6) + i * 1e-7 + j * 1e-9
            similarity[i][j] = similarity[j][i] = value
    for threshold in (0.15, 0.3, 0.6):
        assert cluster(similarity, threshold) == dense_average_linkage(similarity, threshold)


def test_a_lemma_the_articles_share_is_held_once(analyse_texts):
    # Terms are most of what a batch of facts holds in memory: one string for the batch.
    first, second = analyse_texts("Dockworkers walked out at the container terminal on Monday.",
                                  "The container terminal reopened after dockworkers returned.")
    word = dict(first.terms)
    (shared,) = [term for term in dict(second.terms) if term == "terminal"]
    assert next(term for term in word if term == "terminal") is shared
    assert next(t for t in first.sentences[0].terms if t == "terminal") is shared


def test_files_read_by_two_processes_are_what_one_reads_and_reading_tells_progress(tmp_path):
    from briefing.ingest import read_inputs

    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(120):
        body = "".join(f"<p>Crews at the {n}th berth of the container terminal kept working through the night "
                       f"while the port authority checked cranes number {k} and {k + 1} for damage.</p>"
                       for k in range(4))
        (folder / f"page-{n:03d}.html").write_text(
            f"<html><head><title>Terminal report {n}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Terminal report {n}</h1>{body}</article><footer>Contact us</footer></body></html>")
    (folder / "broken.json").write_text("{not json")
    told: list[str] = []
    one = read_inputs([folder], jobs=1)
    two = read_inputs([folder], progress=told.append, jobs=2)
    assert one == two and len(one[0]) == 120 and len(one[1]) == 1
    assert [doc.title for doc in two[0]][:3] == ["Terminal report 0", "Terminal report 1", "Terminal report 2"]
    assert told[-1] == "Read 121/121 file(s)" and 5 <= len(told) <= 11


def test_facts_from_workers_hold_the_callers_articles_not_copies(many):
    from briefing.analyse import AnalysisSettings, analyse_articles
    from briefing.config import Config
    from briefing.pipeline import load_articles

    articles, _ = load_articles([many])
    facts = analyse_articles(articles, AnalysisSettings.from_config(Config()), jobs=2)
    assert len(facts) == len(articles) and all(f.article is a for f, a in zip(facts, articles))


def test_the_entities_of_each_sentence_are_spacys_read_once(nlp):
    from briefing.nlp import entities_of

    doc = nlp("Maarten Visser met Dana Berg in Rotterdam on Monday. The port lost €250m in 2023.\n\n"
              "No names here at all. Harbour Line and Northsea Ferries signed a deal in Oslo.")
    sentences = list(doc.sents)
    assert len(sentences) >= 3
    for sent in sentences:
        assert entities_of(sent) == list(sent.ents)
    assert entities_of(doc[0:3]) == list(doc[0:3].ents)  # a span that is no sentence


def test_making_the_facts_leaves_nothing_in_the_parse_that_refers_back_to_it(nlp):
    # spans kept in Doc.user_data would hold the Doc (and its tensor) in a cycle until the garbage
    # collector ran: memory would grow with the articles instead of staying flat
    from pathlib import Path

    from briefing.analyse import AnalysisSettings, analyse_article
    from briefing.config import Config
    from briefing.models import Article

    article = Article(title="Ferry talks", source="Harbour Times", path=Path("ferry.txt"),
                      paragraphs=["Harbour Line and the union met in Leith on Monday. About 40 crews walked out."])
    doc = nlp(article.text)
    facts = analyse_article(article, doc, AnalysisSettings.from_config(Config()))
    assert facts.figures and facts.mentions and facts.dates
    assert dict(doc.user_data) == {}
