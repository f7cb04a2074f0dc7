"""Works saved from OpenAlex's and Semantic Scholar's APIs, in the shapes their documentation gives: an answer saved
whole (`{"meta": ..., "results": [...]}`, `{"total": ..., "data": [...]}`), a list of works, or one work a line."""

from __future__ import annotations

import json

import pytest

from litreview.corpus import load_corpus
from litreview.corpus.readers import read_file

ABSTRACT = ("Despite growing interest in Open Access (OA) to scholarly literature, there is an unmet need for "
            "large-scale, up-to-date, and reproducible studies assessing the prevalence and characteristics of OA.")


def inverted(text: str) -> dict[str, list[int]]:
    """OpenAlex's abstract_inverted_index of `text`: each word with the positions it stands at."""
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def openalex_work(number: int, title: str, **fields) -> dict:
    """An OpenAlex work object as /works returns it (docs.openalex.org, "Work object")."""
    return {
        "id": f"https://openalex.org/W27418098{number:02d}", "doi": f"https://doi.org/10.7717/peerj.43{number:02d}",
        "title": title, "display_name": title, "publication_year": 2018, "publication_date": "2018-02-13",
        "ids": {"openalex": f"https://openalex.org/W27418098{number:02d}", "doi": f"https://doi.org/10.7717/peerj.43{number:02d}"},
        "language": "en", "type": "article",
        "primary_location": {"is_oa": True, "landing_page_url": "https://doi.org/10.7717/peerj.4375",
                             "source": {"id": "https://openalex.org/S1983995261", "display_name": "PeerJ",
                                        "issn_l": "2167-8359", "type": "journal"}},
        "authorships": [{"author_position": "first", "author": {"id": "https://openalex.org/A5023888391",
                                                                 "display_name": "Heather Piwowar", "orcid": None},
                         "institutions": [], "raw_author_name": "Heather Piwowar"},
                        {"author_position": "last", "author": {"id": "https://openalex.org/A5082191982",
                                                                "display_name": "Stefanie Haustein", "orcid": None},
                         "institutions": [{"display_name": "University of Ottawa"}], "raw_author_name": "S. Haustein"}],
        "cited_by_count": 1204, "abstract_inverted_index": inverted(ABSTRACT), **fields}


WORKS = [openalex_work(75, "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"),
         openalex_work(76, "A second work without an abstract", abstract_inverted_index=None, type="book-chapter",
                       primary_location={"is_oa": False, "source": None})]


def test_an_openalex_answer_saved_whole_gives_each_work_with_its_line(tmp_path):
    # was "no papers found" (read as CSL-JSON, which is a list)
    answer = {"meta": {"count": 2, "db_response_time_ms": 28, "page": 1, "per_page": 25, "groups_count": None},
              "results": WORKS, "group_by": []}
    path = tmp_path / "works.json"
    path.write_text(json.dumps(answer, indent=2), encoding="utf-8")
    records = read_file(path)
    assert records.format == "openalex" and not records.problems
    first, second = records.papers
    assert (first.title, first.abstract, first.authors, first.year, first.venue, first.doi, first.url) == (
        WORKS[0]["title"], ABSTRACT, ("Heather Piwowar", "Stefanie Haustein"), 2018, "PeerJ", "10.7717/peerj.4375",
        "https://openalex.org/W2741809875")
    assert (second.abstract, second.venue, second.entry_type) == (None, None, "incollection")
    lines = path.read_text().split("\n")
    assert [lines[p.origin.line - 1].strip() for p in records.papers] == ["{", "{"]  # where each work opens
    assert [p.origin.line for p in records.papers][0] > 1


@pytest.mark.parametrize("name, text", [
    ("works.jsonl", "\n".join(json.dumps(work) for work in WORKS) + "\n"),  # the snapshot's and pyalex's
    ("list.json", json.dumps(WORKS))])
def test_openalex_works_a_line_or_in_a_list_are_the_same_papers(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    papers = read_file(tmp_path / name).papers
    assert [(p.title, p.abstract, p.doi) for p in papers] == [(w["title"], ABSTRACT if n == 0 else None,
                                                                 w["doi"].removeprefix("https://doi.org/"))
                                                                for n, w in enumerate(WORKS)]


def test_a_semantic_scholar_search_answer_gives_its_papers(tmp_path):
    paper = {"paperId": "204e3073870fae3d05bcbc2f6a8e263d9b72e776", "title": "Attention is All you Need",
             "abstract": "The dominant sequence transduction models are based on complex recurrent or convolutional "
                         "neural networks in an encoder-decoder configuration.",
             "year": 2017, "venue": "Neural Information Processing Systems",
             "authors": [{"authorId": "40348417", "name": "Ashish Vaswani"}, {"authorId": "1846258", "name": "Noam M. Shazeer"}],
             "externalIds": {"ArXiv": "1706.03762", "DBLP": "conf/nips/VaswaniSPUJGKP17", "CorpusId": 13756489},
             "publicationTypes": ["JournalArticle", "Conference"],
             "url": "https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776"}
    (tmp_path / "search.json").write_text(json.dumps({"total": 1, "offset": 0, "next": 1, "data": [paper]}))
    records = read_file(tmp_path / "search.json")
    assert records.format == "semantic-scholar"
    found = records.papers[0]
    assert (found.title, found.authors, found.year, found.venue, found.arxiv, found.entry_type) == (
        "Attention is All you Need", ("Ashish Vaswani", "Noam M. Shazeer"), 2017, "Neural Information Processing Systems",
        "1706.03762", "article")
    assert load_corpus([tmp_path / "search.json"]).papers[0].key == "vaswani2017attention"


def test_a_work_with_a_field_of_the_wrong_type_is_reported_and_the_rest_read(run_cli, tmp_path):
    broken = openalex_work(77, "Edited by hand", publication_year="2018?")
    (tmp_path / "works.jsonl").write_text("\n".join(json.dumps(work) for work in [WORKS[0], broken, WORKS[1]]) + "\n")
    result = run_cli("corpus", str(tmp_path / "works.jsonl"), "--json")
    assert result.stderr.startswith(f"warning: {tmp_path / 'works.jsonl'}:2: openalex work field 'year': ")
    assert len(json.loads(result.stdout)["papers"]) == 2


def test_a_crossref_answer_gives_its_works_with_their_jats_abstracts(tmp_path):
    # api.crossref.org/works?query=...: the items of a work-list message (api.crossref.org/swagger-ui, "Work")
    work = {"DOI": "10.1038/s41586-020-2649-2", "type": "journal-article", "title": ["Array programming with NumPy"],
            "container-title": ["Nature"], "issued": {"date-parts": [[2020, 9, 16]]},
            "author": [{"given": "Charles R.", "family": "Harris", "sequence": "first", "affiliation": []},
                       {"given": "K. Jarrod", "family": "Millman", "sequence": "additional", "affiliation": []}],
            "abstract": "<jats:title>Abstract</jats:title><jats:p>Array programming provides a powerful, compact and "
                        "expressive syntax for accessing, manipulating and operating on data.</jats:p>",
            "URL": "https://doi.org/10.1038/s41586-020-2649-2", "publisher": "Springer Science and Business Media LLC"}
    answer = {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
              "message": {"facets": {}, "total-results": 1, "items": [work], "items-per-page": 20}}
    (tmp_path / "crossref.json").write_text(json.dumps(answer, indent=2), encoding="utf-8")
    records = read_file(tmp_path / "crossref.json")
    assert records.format == "crossref" and not records.problems
    paper = records.papers[0]
    assert (paper.title, paper.authors, paper.year, paper.venue, paper.doi, paper.entry_type, paper.abstract) == (
        "Array programming with NumPy", ("Harris, Charles R.", "Millman, K. Jarrod"), 2020, "Nature",
        "10.1038/s41586-020-2649-2", "article",
        "Array programming provides a powerful, compact and expressive syntax for accessing, manipulating and "
        "operating on data.")
