"""`litreview enrich`: missing abstracts fetched from the four scholarly APIs (a fake of each on 127.0.0.1)."""

from __future__ import annotations

import re

import difflib
import json
import time
from pathlib import Path

from fake_scholar import Fault
from scholar_works import NATARAJAN

DBLP = Path(__file__).parent / "data" / "enrich" / "dblp.bib"
TODAY = time.strftime("%Y-%m-%d")
FIRST_RUN = [
    "abstract papers requests",
    "in the corpus 1",
    "from arxiv 1 1",
    "from openalex 2 3",
    "from crossref 1 4",
    "from semanticscholar 1 1",
    "not found 2",
    "papers 8 9",
    "abstracts fetched for 5 of 7 papers without one (arxiv 1, openalex 2, crossref 1, semanticscholar 1); "
    "2 not found; 9 requests",
    "1 identifiers (DOI / arXiv id) added from title matches",
    "wrote refs-enriched.bib",
]


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("progress: ")]


def added_lines(original: str, enriched: str, newline: str = "\n") -> list[str]:
    """The lines `enriched` adds to `original`, checking that nothing else changed but a comma after a last field."""
    before, after = original.split(newline), enriched.split(newline)
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        assert tag in ("insert", "replace"), (tag, before[i1:i2])
        new = after[j1:j2]
        if tag == "replace":  # the entry's last field gained a comma, the fields follow
            assert i2 - i1 == 1 and new[0] == before[i1] + ",", (before[i1:i2], new)
            new = new[1:]
        added += new
    return added


def test_enrich_fetches_each_abstract_from_the_source_that_has_it(run_cli, scholar, tmp_path):
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert done.exit_code == 0, done.stderr
    assert lines(done.stderr) == FIRST_RUN
    enriched = (tmp_path / "refs-enriched.bib").read_text(encoding="utf-8")
    assert ("  doi       = {10.5555/3327757.3327944},\n"
            "  abstract = {Deep learning with noisy labels is practically challenging. We propose Co-teaching, "
            "which trains two networks simultaneously.},\n"
            f"  abstract-source = {{openalex:W2963105212 via doi:10.5555/3327757.3327944 on {TODAY}}}\n}}") in enriched
    # Crossref's JATS abstract became plain text (tags dropped, &amp; decoded), then LaTeX (\&)
    assert ("random classification noise \\& class-conditional noise.},\n"
            f"  abstract-source = {{crossref:10.5555/2999611.2999745 via doi:10.5555/2999611.2999745 on {TODAY}}}") in enriched
    assert f"  doi-source = {{openalex:W2890166761 via title on {TODAY}}}" in enriched
    added = added_lines(DBLP.read_text(encoding="utf-8"), enriched)
    assert [line.split(" = ")[0] for line in added] == ["  abstract", "  abstract-source"] * 5 + ["  doi", "  doi-source"]


def test_the_enriched_bib_keeps_every_original_byte(run_cli, scholar, tmp_path):
    """CRLF line ends, odd spacing and comments survive; only the added fields (and a comma) are new."""
    crlf = DBLP.read_text(encoding="utf-8").replace("\n", "\r\n")
    (tmp_path / "refs.bib").write_bytes(crlf.encode())
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    enriched = (tmp_path / "refs-enriched.bib").read_bytes().decode()
    assert "\n" not in enriched.replace("\r\n", "")
    assert len(added_lines(crlf, enriched, "\r\n")) == 12
    assert enriched.startswith("% DBLP export, no abstracts (as most real .bib files)\r\n\r\n@inproceedings{")


def test_a_rerun_asks_nothing_and_refresh_asks_again(run_cli, scholar):
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    asked = scholar.count()
    again = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert scholar.count() == asked and again.exit_code == 0
    assert ("abstracts fetched for 5 of 7 papers without one (arxiv 1, openalex 2, crossref 1, semanticscholar 1); "
            "2 not found; no requests (all remembered)") in lines(again.stderr)
    refreshed = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib", "--refresh")
    assert scholar.count() == 2 * asked and refreshed.exit_code == 0


def test_a_title_search_that_finds_another_paper_is_not_attached(run_cli, scholar, tmp_path):
    """reed2015bootstrapping has no identifier; both searches return a paper with nearly the same title: rejected."""
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib", "--json")
    report = json.loads(done.stdout)
    assert report["not_found"] == ["reed2015bootstrapping", "unknown2020"]
    searches = [path for api, path in scholar.requests if "Bootstrapping" in path]
    assert [path.split("?")[0] for path in searches] == ["/openalex/works", "/crossref/works"]
    enriched = (tmp_path / "refs-enriched.bib").read_text(encoding="utf-8")
    assert "mixup" not in enriched


def test_retry_after_is_waited_out_then_the_answer_used(run_cli, scholar):
    scholar.fail("openalex", Fault(status=429, retry_after="1"))
    started = time.monotonic()
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib", "--json")
    report = json.loads(done.stdout)
    assert report["found"]["openalex"] == 2 and report["failed"] == {}
    assert time.monotonic() - started >= 1.0  # the whole source paused for the Retry-After


def test_a_source_down_is_reported_and_the_others_still_answer(run_cli, scholar):
    scholar.fail("crossref", *[Fault(status=503)] * 5)  # 1 + max_retries (4): every try of the first request
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert done.exit_code == 0
    assert lines(done.stderr)[0] == ("warning: crossref could not be reached (HTTP 503); "
                                     "papers it would have answered are left as they were")
    # the title search, tried 1 + max_retries (4) times; then crossref is down for the run and asked nothing more
    assert "from crossref (failed) 0 5" in lines(done.stderr)
    assert "abstracts fetched for 4 of 7 papers without one (arxiv 1, openalex 2, semanticscholar 1); 3 not found; " \
           "10 requests" in lines(done.stderr)
    assert run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib").exit_code == 0
    assert NATARAJAN.abstract.split()[0] in (Path("refs-enriched.bib").read_text())  # failures are not cached


def test_a_source_that_does_not_answer_in_time_times_out(run_cli, scholar, monkeypatch):
    monkeypatch.setenv("LITREVIEW_LOOKUP_TIMEOUT", "0.3")
    monkeypatch.setenv("LITREVIEW_MAX_RETRIES", "1")
    scholar.fail("s2", Fault(delay=1.0), Fault(delay=1.0))
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert done.exit_code == 0
    assert lines(done.stderr)[0] == ("warning: semanticscholar could not be reached (no answer within 0.3 s); "
                                     "papers it would have answered are left as they were")


def test_a_retry_after_of_an_hour_is_not_waited_for(run_cli, scholar):
    scholar.fail("arxiv", Fault(status=429, retry_after="3600"))
    started = time.monotonic()
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert time.monotonic() - started < 30 and scholar.count("arxiv") == 1
    assert lines(done.stderr)[0] == ("warning: arxiv could not be reached (rate-limited (HTTP 429, Retry-After 3600 s)); "
                                     "papers it would have answered are left as they were")


def test_without_network_enrich_says_so_writes_what_it_has_and_exits_1(run_cli, scholar, no_network, tmp_path):
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert done.exit_code == 1
    assert lines(done.stderr)[:4] == [
        f"warning: {name} could not be reached (cannot connect (ConnectError)); papers it would have answered are left as they were"
        for name in ("openalex", "crossref", "arxiv", "semanticscholar")]
    assert (tmp_path / "refs-enriched.bib").read_text(encoding="utf-8") == DBLP.read_text(encoding="utf-8")


def test_corpus_json_shows_where_each_fetched_field_came_from(run_cli, scholar):
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    papers = {p["key"]: p for p in json.loads(run_cli("corpus", "refs-enriched.bib", "--json").stdout)["papers"]}
    assert papers["zhang2018generalized"]["provenance"] == [
        {"field": "abstract", "source": "openalex", "id": "W2890166761", "via": "title", "date": TODAY},
        {"field": "doi", "source": "openalex", "id": "W2890166761", "via": "title", "date": TODAY}]
    assert papers["DBLP:conf/nips/VaswaniSPUJGKP17"]["provenance"] == [
        {"field": "abstract", "source": "arxiv", "id": "1706.03762", "via": "arxiv:1706.03762", "date": TODAY}]
    assert papers["frenay2014survey"]["provenance"] == []


def test_enrich_will_not_overwrite_its_input(run_cli, scholar):
    done = run_cli("enrich", "refs.bib", "-o", "refs.bib")
    assert done.exit_code == 2
    assert done.stderr == ("error: refs.bib: the enriched .bib would overwrite an input of the corpus; "
                           "write it under another name, e.g. refs-enriched.bib\n")
    assert scholar.count() == 0


TITLE_ONLY = """@inproceedings{zhang2016,
  title = {Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels},
  author = {Zhang, Zhilu},
  year = {2016}
}

@inproceedings{zhou2018,
  title = {Generalized cross-entropy loss for training deep neural networks with noisy labels},
  author = {Zhou, Zhilu},
  year = {2018}
}

@inproceedings{zhang2019,
  title = {Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels.},
  author = {Zhang, Z.},
  year = {2019}
}
"""


def test_a_title_match_needs_close_years_and_the_same_first_author(run_cli, scholar, tmp_path):
    """The same title is not enough: two years apart, or another first author, is another paper."""
    (tmp_path / "refs.bib").write_text(TITLE_ONLY, encoding="utf-8")
    report = json.loads(run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib", "--json").stdout)
    assert report["found"] == {"openalex": 1} and report["not_found"] == ["zhang2016", "zhou2018"]
    assert "  doi = {10.5555/3327546.3327555}," in (tmp_path / "refs-enriched.bib").read_text(encoding="utf-8")


def test_keys_and_contact_go_where_each_api_documents_them(run_cli, scholar, monkeypatch):
    monkeypatch.setenv("OPENALEX_API_KEY", "oa-key-123")
    monkeypatch.setenv("S2_API_KEY", "s2-key-456")
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib", "--mailto", "ada@uni.example")
    sent = list(zip(scholar.requests, scholar.headers))
    assert all("api_key=oa-key-123" in path and "mailto=ada%40uni.example" in path
               for (api, path), _ in sent if api == "openalex")
    assert all("mailto=ada%40uni.example" in path for (api, path), _ in sent if api == "crossref")
    assert [headers.get("x-api-key") for (api, _), headers in sent if api == "s2"] == ["s2-key-456"]
    assert not any("key" in path for (api, path), _ in sent if api in ("arxiv", "crossref", "s2"))


def test_corpus_enrich_json_and_export_carry_the_sources(run_cli, scholar):
    done = run_cli("corpus", "refs.bib", "--enrich", "--json")
    assert done.exit_code == 0
    assert lines(done.stderr) == ["abstracts fetched for 5 of 7 papers without one (arxiv 1, openalex 2, crossref 1, "
                                  "semanticscholar 1); 2 not found; 9 requests"]
    papers = {p["key"]: p for p in json.loads(done.stdout)["papers"]}
    assert papers["patrini2017making"]["provenance"][0]["source"] == "semanticscholar"
    exported = run_cli("corpus", "refs.bib", "--enrich", "--export", "bib").stdout
    assert f"  abstract-source = {{crossref:10.5555/2999611.2999745 via doi:10.5555/2999611.2999745 on {TODAY}}}" in exported


def test_a_cache_folder_that_cannot_be_written_is_one_error_line(run_cli, scholar, monkeypatch, tmp_path):
    (tmp_path / "not-a-folder").write_text("a file", encoding="utf-8")
    monkeypatch.setenv("LITREVIEW_CACHE_DIR", str(tmp_path / "not-a-folder"))
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert done.exit_code == 2 and scholar.count() == 0
    assert done.stderr.startswith(f"error: {tmp_path / 'not-a-folder' / 'lookups'}: cannot open the lookup cache (")
    assert done.stderr.endswith("; set cache_dir (LITREVIEW_CACHE_DIR or litreview.toml) to a folder you can write\n")


def test_the_python_api_reports_each_step_and_what_the_cache_answered(scholar, tmp_path):
    from litreview import enrich, load_corpus, load_settings

    corpus, settings = load_corpus(["refs.bib"]), load_settings(None, tmp_path)
    first: list = []
    result = enrich(corpus, settings, progress=first.append)
    assert result.report.found == {"arxiv": 1, "openalex": 2, "crossref": 1, "semanticscholar": 1}
    finals = {event.step: (event.done, event.total, event.cached) for event in first}
    assert finals == {"openalex by title": (2, 2, 0), "crossref by title": (1, 1, 0), "arxiv by arXiv id": (1, 1, 0),
                      "openalex by DOI": (4, 4, 0), "crossref by DOI": (3, 3, 0),
                      "semanticscholar by DOI or arXiv id": (2, 2, 0)}
    again: list = []
    enrich(corpus, settings, progress=again.append)
    assert {event.step: event.cached for event in again} == {step: total for step, (_, total, _) in finals.items()}


def test_base_urls_from_flags_and_litreview_toml(run_cli, scholar, monkeypatch, tmp_path):
    for api in ("ARXIV", "OPENALEX", "CROSSREF", "S2"):
        monkeypatch.delenv(f"LITREVIEW_{api}_URL")
    (tmp_path / "litreview.toml").write_text(f'arxiv_url = "{scholar.url}/arxiv"\ns2_url = "{scholar.url}/s2"\n',
                                             encoding="utf-8")
    done = run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib", "--json",
                   "--openalex-url", f"{scholar.url}/openalex", "--crossref-url", f"{scholar.url}/crossref")
    assert json.loads(done.stdout)["found"] == {"arxiv": 1, "openalex": 2, "crossref": 1, "semanticscholar": 1}


def test_openalex_is_asked_for_dois_in_batches_as_its_docs_show(run_cli, scholar):
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    batch = next(path for api, path in scholar.requests if api == "openalex" and "filter=doi" in path)
    assert ("filter=doi%3Ahttps%3A%2F%2Fdoi.org%2F10.1109%2Fcvpr.2017.240%7Chttps%3A%2F%2Fdoi.org%2F10.5555%2F2999611"
            ".2999745%7Chttps%3A%2F%2Fdoi.org%2F10.5555%2F3327757.3327944%7Chttps%3A%2F%2Fdoi.org%2F10.9999%2Fnowhere.1"
            "&per-page=100") in batch


def test_retry_after_as_an_http_date():
    from email.utils import formatdate

    from litreview.corpus.sources.http import retry_after

    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # already past
    assert 100 < retry_after(formatdate(time.time() + 120, usegmt=True)) <= 120
    assert (retry_after("7"), retry_after(None), retry_after("soon")) == (7.0, None, None)


def test_without_network_a_remembered_run_still_succeeds(run_cli, scholar, monkeypatch):
    """Exit 1 only when something had to be asked and nothing could be reached."""
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    for api in ("ARXIV", "OPENALEX", "CROSSREF", "S2"):
        monkeypatch.setenv(f"LITREVIEW_{api}_URL", "http://127.0.0.1:9")  # the discard port: nothing answers
    again = run_cli("enrich", "refs.bib", "-o", "again.bib")
    assert again.exit_code == 0 and not any(line.startswith("warning") for line in lines(again.stderr))
    assert Path("again.bib").read_text(encoding="utf-8") == Path("refs-enriched.bib").read_text(encoding="utf-8")
    complete = run_cli("enrich", "refs-enriched.bib", "-o", "nothing-to-ask.bib")  # every paper has an abstract now
    assert complete.exit_code == 0 and "abstracts fetched for 0 of 2 papers without one; 2 not found" in complete.stderr


def test_a_remembered_miss_expires_a_hit_does_not(run_cli, scholar, monkeypatch):
    monkeypatch.setenv("LITREVIEW_LOOKUP_MISS_DAYS", str(1 / 86400))  # one second
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    first = len(scholar.requests)
    time.sleep(1.2)
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    asked_again = sorted(path.split("&")[0] for _, path in scholar.requests[first:])
    # the misses only: reed2015bootstrapping by title; at OpenAlex the DOIs it did not know (patrini2017making's and
    # Natarajan2013's, found later by Semantic Scholar and Crossref, which remember them; unknown2020's), at Crossref
    # patrini2017making's and unknown2020's, at Semantic Scholar unknown2020's
    assert asked_again == [
        "/crossref/works/10.1109/cvpr.2017.240", "/crossref/works/10.9999/nowhere.1",
        "/crossref/works?query.bibliographic=Training+Deep+Neural+Networks+on+Noisy+Labels+with+Bootstrapping",
        "/openalex/works?filter=doi%3Ahttps%3A%2F%2Fdoi.org%2F10.1109%2Fcvpr.2017.240%7Chttps%3A%2F%2Fdoi.org%2F10.5555"
        "%2F2999611.2999745%7Chttps%3A%2F%2Fdoi.org%2F10.9999%2Fnowhere.1",
        "/openalex/works?filter=title.search%3ATraining+Deep+Neural+Networks+on+Noisy+Labels+with+Bootstrapping",
        "/s2/paper/batch?fields=title%2Cabstract%2Cyear%2Cauthors%2CexternalIds"]


def test_cache_info_counts_the_lookups_and_cache_clear_asks_again(run_cli, scholar):
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    asked = scholar.count()
    info = run_cli("cache", "info").stdout.splitlines()
    found = re.fullmatch(r"scholarly lookups: (\d+) \(\d+\.\d KiB\)", info[3])
    assert found and int(found.group(1)) >= 7  # one answer or miss per paper and source asked, at least
    cleared = run_cli("cache", "clear")
    assert f"and {found.group(1)} scholarly lookups from " in cleared.stdout
    assert run_cli("cache", "info").stdout.splitlines()[3] == "scholarly lookups: 0 (0 B)"
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    assert scholar.count() == 2 * asked
