"""The researcher's own abstract in the offline paragraphs: which of its sentences open and close each one."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from litreview.corpus import load_corpus
from litreview.corpus.paper import Paper
from litreview.group.schema import Groups, SubTheme
from litreview.select import rank
from litreview.summarize import summarize_papers
from litreview.write import write_paragraphs
from litreview.write.schema import Section

PAPERS = [
    Paper(key="t1", title="Transformers for sentiment", abstract="We fine-tune transformer encoders for sentiment classification of product reviews."),
    Paper(key="t2", title="Review classification", abstract="We study transformer encoders for the sentiment classification of hotel reviews."),
    Paper(key="g1", title="Message passing for molecules", abstract="We propose a graph neural network with message passing to predict molecular properties."),
    Paper(key="g2", title="Molecular graphs", abstract="We introduce a graph neural network that predicts molecular properties from atom graphs."),
]
GROUPS = Groups(groups=[SubTheme(title="Sentiment", description="", keys=["t1", "t2"]),
                        SubTheme(title="Molecules", description="", keys=["g1", "g2"])])


def _sections(abstract: str) -> list[Section]:
    """The two paragraphs (sentiment, molecules) of PAPERS with `abstract` as the theme: the researcher's text."""
    summaries, _ = summarize_papers(PAPERS)
    sections, _ = write_paragraphs(GROUPS, summaries, {p.key: p for p in PAPERS}, abstract)
    return sections


def _openings(sections: list[Section]) -> list[str]:
    """The researcher's own sentences that open the paragraphs (they cite no paper)."""
    return [s.text for section in sections for s in section.sentences if not s.keys]


def _paragraph(papers: list[Paper], title: str, abstract: str) -> list[str]:
    """The sentences of one paragraph, titled `title`, of all `papers`, with `abstract` as the researcher's text."""
    summaries, _ = summarize_papers(papers)
    groups = Groups(groups=[SubTheme(title=title, description="", keys=[p.key for p in papers])])
    sections, _ = write_paragraphs(groups, summaries, {p.key: p for p in papers}, abstract)
    return [s.text for s in sections[0].sentences]


def test_the_first_paragraph_closes_on_the_main_proposal_and_the_others_on_what_bears_on_them():
    abstract = ("Reviews are classified with transformer encoders. "
                "We propose a review encoder for sentiment classification of product reviews. "
                "We also evaluate it on molecular properties predicted from atom graphs.")
    sections = _sections(abstract)
    closings = [section.sentences[-1].text for section in sections]
    assert closings[0].endswith("; we propose a review encoder for sentiment classification of product reviews.")
    # not the same sentence again: the researcher's sentence about molecules closes the paragraph on molecules
    assert closings[1].endswith("; we evaluate it on molecular properties predicted from atom graphs.")


def test_with_one_proposal_every_paragraph_closes_on_it():
    abstract = "Reviews are classified with transformer encoders. We propose a review encoder that reads molecules as graphs."
    sections = _sections(abstract)
    assert [s.sentences[-1].text for s in sections] == [
        "Our work shares transformer encoders with these works; we propose a review encoder that reads "
        "molecules as graphs.",  # not "transformer encoders and reviews": a single common word says too little
        # what it shares with the molecule papers is single words ("molecules", "graphs"): too little to say; and the
        # proposal said once in full is named briefly (was "... a review encoder that reads molecules as graphs." again)
        "In this context, we propose a review encoder."]  # a new lead: not "Against this background" in every paragraph
    assert [c.after for c in sections[1].sentences[-1].inline] == ["In this context"]  # cited there, not after "encoder"


def _draft_with_our_work(run_cli, tmp_path: Path, latex: str) -> tuple[str, dict]:
    """The CLI's output and JSON draft on the sepsis corpus, with `latex` as the researcher's abstract.tex."""
    (tmp_path / "abstract.tex").write_text(latex)
    result = run_cli("draft", "early warning scores for sepsis", "--corpus",
                     str(Path(__file__).parent / "data" / "structured_abstracts.jsonl"), "--our-work",
                     str(tmp_path / "abstract.tex"), "-o", str(tmp_path / "rw.json"))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), json.loads((tmp_path / "rw.json").read_text())


def test_an_abstract_longer_than_a_file_name_is_the_text_and_an_unreadable_file_a_clear_error(run_cli, tmp_path):
    # --our-work with a 270-character abstract ended in a traceback: "OSError: [Errno 36] File name too long"
    abstract = ("Early warning scores flag sepsis in emergency departments too late. We propose LactAlert, a sepsis alert "
                "that combines NEWS2 with lactate clearance, and we compare it with qSOFA and NEWS2 on visits to three "
                "emergency departments of one hospital over two years of visits.")
    assert len(abstract.encode()) > 255
    data = str(Path(__file__).parent / "data" / "structured_abstracts.jsonl")
    result = run_cli("draft", "early warning scores for sepsis", "--corpus", data, "--our-work", abstract,
                     "-o", str(tmp_path / "rw.json"))
    assert result.exit_code == 0, result.output
    sentences = [s["text"] for section in json.loads((tmp_path / "rw.json").read_text())["sections"]
                 for s in section["sentences"]]
    assert any("we propose LactAlert" in text for text in sentences)
    (tmp_path / "abstract.txt").write_bytes("Early warning scores fail\xff.".encode("latin-1"))
    result = run_cli("draft", "early warning scores for sepsis", "--corpus", data, "--our-work",
                     str(tmp_path / "abstract.txt"), "-o", str(tmp_path / "rw2.json"))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "abstract.txt" in result.output and "UTF-8" in result.output
    result = run_cli("draft", "early warning scores for sepsis", "--corpus", data, "--our-work", str(tmp_path),
                     "-o", str(tmp_path / "rw3.json"))
    assert result.exit_code == 2 and "this is a folder, not your abstract" in result.output  # was drafted as its text


def test_an_abstract_from_the_papers_latex_source_is_quoted_as_text_and_its_results_do_not_open_a_paragraph(run_cli, tmp_path):
    _, draft = _draft_with_our_work(run_cli, tmp_path, (
        "Early warning scores~\\citep{smith2016} flag sepsis in \\emph{emergency departments} too late. "
        "We propose \\textsc{LactAlert}, a sepsis alert that combines NEWS2 with lactate clearance. "
        "In emergency departments it flags sepsis in 61\\% of cases with an AUROC of $0.84$, earlier than NEWS2.\n"))
    sentences = [s for section in draft["sections"] for s in section["sentences"]]
    own = [s["text"] for s in sentences if not s["keys"]]
    assert own == ["Early warning scores flag sepsis in emergency departments too late."]  # the result is no framing
    assert sentences[-1]["text"].endswith("we propose LactAlert, a sepsis alert that combines NEWS2 with lactate clearance.")
    assert not any(mark in s["text"] for s in sentences for mark in ("\\", "$", "{", "<cit.>", "~"))


def test_a_background_sentence_opens_the_paragraph_whose_papers_it_is_most_typical_of(run_cli, tmp_path):
    (tmp_path / "ours.txt").write_text(
        "Prompt tuning adapts large pretrained models to new tasks by learning a few continuous prompt vectors while the "
        "model stays frozen. Existing multimodal prompt tuning methods learn separate prompts for the vision and language "
        "branches and ignore how the two modalities interact. We propose a cross-modal prompt tuning method that couples "
        "visual and textual prompts through a shared lightweight attention bridge.")
    corpus = Path(__file__).parent.parent / "examples" / "corpus"
    result = run_cli("draft", "multimodal prompt tuning", "--corpus", str(corpus), "--our-work",
                     str(tmp_path / "ours.txt"), "-o", str(tmp_path / "rw.json"))
    assert result.exit_code == 0, result.output
    sections = json.loads((tmp_path / "rw.json").read_text())["sections"]
    openings = {key: section["sentences"][0]["text"] for section in sections for key in section["keys"]}
    # were given out in the order of the groups: the first paragraph (multimodal LLMs) took the sentence on prompt
    # tuning, the second (other MLLM work) the next, and the paragraph of prefix-tuning and other prompt tuning none
    assert openings["prefixtuning"].startswith("Prompt tuning adapts large pretrained models to new tasks")
    assert openings["m2pt"].startswith("Existing multimodal prompt tuning methods learn separate prompts")


def test_a_theme_that_is_the_researchers_abstract_is_not_the_sections_heading(run_cli, tmp_path):
    data = Path(__file__).parent / "data" / "structured_abstracts.jsonl"
    abstract = ("Early warning scores flag sepsis in emergency departments too late. "
                "We propose a sepsis alert that combines NEWS2 with lactate clearance.")
    for suffix, heading in ((".md", "# Related work\n"), (".tex", "\\section{Related work}\n\\label{sec:related-work}\n")):
        result = run_cli("draft", abstract, "--corpus", str(data), "-o", str(tmp_path / f"rw{suffix}"))
        assert result.exit_code == 0, result.output
        assert heading in (tmp_path / f"rw{suffix}").read_text()
    result = run_cli("draft", "early warning scores", "--corpus", str(data), "-o", str(tmp_path / "short.md"))
    assert (tmp_path / "short.md").read_text().startswith("# Early warning scores\n")  # a topic is still the heading


def test_the_researchers_own_latex_macros_are_named_in_a_warning_not_silently_lost(run_cli, tmp_path):
    output, draft = _draft_with_our_work(run_cli, tmp_path, (
        "\\begin{abstract}Early warning scores flag sepsis in emergency departments too late. We propose \\method{}, "
        "a sepsis alert that combines NEWS2 with lactate clearance, and \\ours.\\end{abstract}\n"))
    assert ("your own text uses LaTeX macros of your paper (\\method, \\ours); they were left out of it: add their "
            "\\newcommand lines to it, or write what they stand for") in output
    assert [w["message"] for w in draft["warnings"] if "macros" in w["message"]] == [
        "your own text uses LaTeX macros of your paper (\\method, \\ours); they were left out of it: add their "
        "\\newcommand lines to it, or write what they stand for"]


def test_the_researchers_own_macro_definitions_are_expanded(run_cli, tmp_path):
    _, draft = _draft_with_our_work(run_cli, tmp_path, (
        "\\newcommand{\\method}{\\textsc{LactAlert}\\xspace}\n\\def\\score{NEWS2}\n"
        "\\newcommand*{\\pct}[1]{#1\\%}\n"
        "\\begin{abstract}Early warning scores flag sepsis in emergency departments too late. We propose \\method, "
        "a sepsis alert that combines \\score{} with lactate clearance in \\pct{61} of cases.\\end{abstract}\n"))
    assert draft["sections"][0]["sentences"][-1]["text"].endswith(
        "; we propose LactAlert, a sepsis alert that combines NEWS2 with lactate clearance in 61 of cases.")
    # Only the macro with an argument is lost, and named: the definitions themselves are no prose.
    assert [w["message"] for w in draft["warnings"] if "macros" in w["message"]] == [
        "your own text uses LaTeX macros of your paper (\\pct); they were left out of it: add their "
        "\\newcommand lines to it, or write what they stand for"]


def test_an_abstract_theme_in_latex_is_ranked_as_its_text_so_select_and_draft_agree():
    corpus = load_corpus([Path(__file__).parent / "data" / "structured_abstracts.jsonl"])
    latex = ("Early warning scores~\\citep{smith2016} flag sepsis in \\emph{emergency departments} too late. "
             "We propose \\textsc{LactAlert}, combining NEWS2 with lactate clearance in 61\\% of cases.")
    plain = ("Early warning scores flag sepsis in emergency departments too late. "
             "We propose LactAlert, combining NEWS2 with lactate clearance in 61% of cases.")
    ranked = rank(corpus, latex)
    assert ranked.theme == plain
    assert [s.key for s in ranked.selected] == [s.key for s in rank(corpus, plain).selected]
    assert "citep" not in ranked.expansion and "textsc" not in ranked.expansion


def test_an_abstract_in_the_third_person_closes_on_what_this_paper_does_and_never_opens_on_its_own_methods():
    abstract = ("This paper describes an experimental comparison of transformer encoders for the sentiment classification "
                "of reviews. The methods described in this paper, graph neural networks and transformer encoders, assign "
                "each review a sentiment. The proposed encoders predict molecular properties as well. "
                "Sentiment classification of product reviews remains costly to annotate.")
    sections = _sections(abstract)
    openings = _openings(sections)
    # Only the background opens a paragraph: the methods "described in this paper" and "the proposed encoders" are the work.
    assert openings == ["Sentiment classification of product reviews remains costly to annotate."]
    assert sections[0].sentences[-1].text.endswith(
        "; we describe an experimental comparison of transformer encoders for the sentiment classification of reviews.")


def test_an_opening_never_refers_back():
    abstract = ("Sentiment classification of product reviews needs transformer encoders. "
                "Graph neural networks predict them with message passing, which is costly. "
                "We propose a review encoder that classifies reviews with transformer encoders.")
    sections = _sections(abstract)
    openings = _openings(sections)
    # "predict them" has nothing to refer to once the sentence opens a paragraph of its own
    assert openings == ["Sentiment classification of product reviews needs transformer encoders."]


def test_a_sentence_that_refers_back_opens_a_paragraph_only_after_the_one_it_refers_to():
    abstract = ("Transformer encoders classify the sentiment of product reviews. "
                "Sentiment classification with these encoders needs many labelled reviews. "
                "We propose a review encoder that needs few labelled reviews.")
    sections = _sections(abstract)
    assert [[s.text for s in section.sentences if not s.keys] for section in sections] == [
        ["Transformer encoders classify the sentiment of product reviews.",
         "Sentiment classification with these encoders needs many labelled reviews."], []]


def test_a_verb_of_the_researchers_text_is_not_a_term_their_work_shares():
    papers = [Paper(key="a", abstract="APrompt learns attention prompts for prompt tuning of language models."),
              Paper(key="b", abstract="BayesPrompt learns prompts with prompt tuning and Bayesian inference.")]
    abstract = "Prompt tuning adapts encoders cheaply. We propose a tuner that learns prompts across modalities."
    assert _paragraph(papers, "Prompts", abstract)[-1] == ("Our work shares prompt tuning with these works; we propose a "
                                                          "tuner that learns prompts across modalities.")  # was "prompt tuning and learns"


def test_an_opening_says_what_the_work_shares_with_the_group_only_in_phrases_and_names():
    papers = [Paper(key="a", abstract="Senses of nouns are clustered with an unsupervised learning algorithm."),
              Paper(key="b", abstract="An unsupervised learning algorithm induces senses from contexts of nouns.")]
    abstract = ("We compare three unsupervised learning algorithms that distinguish the senses of nouns in text. "
                "Each algorithm is evaluated on twelve nouns.")
    # was "... through unsupervised learning and nouns.": a single common word says too little of what is shared
    assert _paragraph(papers, "Word senses", abstract)[0] == "Work on word senses relates to our work through unsupervised learning."
    abstract = "We compare three classifiers that distinguish the senses of nouns in text. Each is evaluated on twelve nouns."
    assert _paragraph(papers, "Word senses", abstract)[0] == "Work on word senses relates to our work."  # was "... through nouns."


def test_a_name_the_work_shares_keeps_its_capital():
    papers = [Paper(key="a", abstract="Parsers of English syntax learn from treebanks."),
              Paper(key="b", abstract="We parse English syntax with a neural model.")]
    abstract = "Syntactic parsing is slow on long documents. We propose a parser that reads English syntax in linear time."
    # was "Our work shares english syntax with these works": the researcher's text alone shows no name mid-sentence
    assert _paragraph(papers, "Parsers", abstract)[-1].startswith("Our work shares English syntax with these works;")


def test_a_phrase_the_work_shares_keeps_the_head_noun_its_uses_put_after_it():
    papers = [Paper(key="a", abstract="Prefix tuning adapts pre-trained language models to generation tasks."),
              Paper(key="b", abstract="We probe what pre-trained language models store about syntax.")]
    abstract = "Fine-tuning is costly. We propose a tuner for pre-trained language models that learns soft prompts."
    # was "Our work shares pre-trained language with these works" (the example corpus with --our-work)
    assert _paragraph(papers, "Probing", abstract)[-1].startswith("Our work shares pre-trained language models with these works;")


def test_a_paragraph_never_closes_on_the_sentence_it_opened_with():
    papers = [Paper(key="a", abstract="Tree grammars parse sentences quickly with rules."),
              Paper(key="b", abstract="Rules of tree grammars parse each sentence in linear time.")]
    abstract = ("Interpolation grammars parse each sentence with reversible rules, quickly. Their goal is to emulate "
                "salient features of the human reader. Each rule is partly context-sensitive.")  # no "we", no "this paper"
    sentences = _paragraph(papers, "Parsing", abstract)
    assert sentences[0] == "Interpolation grammars parse each sentence with reversible rules, quickly."
    # was closed by "Against this background, interpolation grammars parse each sentence ..." again
    assert not any("interpolation grammars" in text for text in sentences[1:])


def test_without_a_proposing_verb_a_paragraph_closes_on_the_sentence_about_the_work_itself():
    sections = _sections("Reviews are long and noisy to read for people. "
                         "The methods described in this paper assign each review a sentiment quickly.")
    # not "Against this background, reviews are long and noisy ...": the first sentence is background, not the work;
    # said again in the second paragraph, on another lead
    assert sections[1].sentences[-1].text == ("In this context, the methods described in this paper assign each "
                                              "review a sentiment quickly.")


def test_without_a_proposal_a_closing_names_only_phrases_and_else_says_the_work_itself():
    papers = [Paper(key="a", abstract="Deep networks with attention learn text embeddings for sentence classification."),
              Paper(key="b", abstract="A convolutional architecture over words learns sentence embeddings for retrieval.")]
    abstract = ("Textual networks hold both structure and text, and the two are rarely learned together in embeddings. "
                "In this paper, a deep neural architecture is proposed to fuse the two kinds of information into one "
                "representation of every node.")
    # was "Our work shares networks and architecture with these works.": single words, and no "we" to say what it does
    assert _paragraph(papers, "Text embeddings", abstract)[-1] == (
        "Against this background, a deep neural architecture is proposed to fuse the two kinds of information into one "
        "representation of every node.")


def test_a_closing_cites_the_papers_where_it_names_them_not_after_the_researchers_proposal(run_cli, tmp_path):
    abstract = ("Early warning scores flag sepsis in emergency departments too late. "
                "We propose a sepsis alert that combines NEWS2 with lactate clearance.")
    (tmp_path / "abstract.txt").write_text(abstract)
    data = Path(__file__).parent / "data" / "structured_abstracts.jsonl"
    result = run_cli("draft", "early warning scores for sepsis", "--corpus", str(data), "--our-work",
                     str(tmp_path / "abstract.txt"), "-o", str(tmp_path / "rw.md"))
    assert result.exit_code == 0, result.output
    closings = [line for line in (tmp_path / "rw.md").read_text().splitlines()
                if line.startswith(("Our work shares", "Against this background"))]
    assert closings
    for line in closings:
        # "... with these works [@a; @b]; we propose ..." / "Against this background [@a], we propose ...": at the end,
        # the citations would credit the papers with the researcher's own sepsis alert
        assert line.endswith(".") and not line.endswith("].") and "[@" in line, line


def test_a_single_authors_own_text_closes_on_what_they_propose():
    sections = _sections("Sentiment and molecules are studied apart. Transformer encoders classify the sentiment of product "
                         "reviews. In this thesis I propose a graph neural network that reads product reviews as graphs. "
                         "I show that it beats transformer encoders on sentiment classification.")
    closings = [s.text for section in sections for s in section.sentences if "reads product reviews" in s.text]
    # was "Against this background, i propose ..." (its "I" lowered after the lead) and the background as an opening
    assert closings and all(" we propose a graph neural network" in text for text in closings), closings
    assert not any(re.search(r"\bi\b|(?:^|, )I ", s.text) for section in sections for s in section.sentences)
    assert not any("I show" in text for text in _openings(sections))  # its own work is no background


def test_a_researchers_text_without_we_or_with_a_claim_on_the_sentence_before_closes_on_what_it_does():
    # a fisheries abstract ("The present study quantified ...") closed every paragraph on its background ("Against this
    # background, commercial fisheries can discard ..."); an astrophysics one on "we show that this is unlikely ..."
    fisheries = ("Commercial fisheries can discard a considerable volume of sharks and rays. Catch time series are not "
                 "available for discarded species. The present study quantified catch time series of discarded "
                 "sharks and rays in shark fisheries using on-board observer information.")
    closings = [section.sentences[-1].text for section in _sections(fisheries)]
    assert closings[0].endswith(", the present study quantified catch time series of discarded sharks and rays in shark "
                                "fisheries using on-board observer information."), closings
    assert not any("can discard" in closing for closing in closings)
    assert closings[0].split(",")[0] != closings[1].split(",")[0]  # said again, it opens on another lead
    jets = ("Observations of accreting black holes provoke suggestions that their jets precess. The precession is "
            "supposed to result from the Lense-Thirring effect. We show that this is unlikely for any black hole. We "
            "argue that jets precessing on short timescales would indicate that the disk, and not the hole, drives "
            "the jet.")
    closing = _sections(jets)[0].sentences[-1].text
    assert "this is unlikely" not in closing
    assert closing.endswith("we argue that jets precessing on short timescales would indicate that the disk, and not the "
                            "hole, drives the jet."), closing


def test_which_paragraph_a_background_sentence_opens_is_the_same_in_every_run():
    # a Zotero export on fisheries with --our-work: the researcher's background sentence opened one paragraph or
    # another from run to run, as the shares of its words were summed in a set's order (0.1 + 0.2 + 0.7 is 1.0000000000000002
    # one way and 0.9999999999999999 another, against another group's 1.0)
    script = (
        "from litreview.write.own_work import _openings\n"
        "from litreview.write.relations import stems\n"
        "sentence = 'Sharks suffer heavy discards worldwide.'\n"
        "words = sorted(stems(sentence))\n"
        "a = dict(zip(words, (0.1, 0.2, 0.7, 0.0, 0.0)))\n"
        "b = dict(zip(words, (1.0, 0.0, 0.0, 0.0, 0.0)))\n"
        "print(_openings([sentence], {'A': frozenset(words), 'B': frozenset(words)}, {'A': a, 'B': b}))\n")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(4)}
    assert runs == {"{'A': ['Sharks suffer heavy discards worldwide.']}\n"}, runs


def test_a_thing_named_before_we_propose_it_is_no_proposal_cut_after_its_verb():
    # "an automated score, Gen-U, that we propose, which can help ...": what is proposed comes before "we propose";
    # the closing was "...; we propose, which can help improve ..."
    abstract = ("Reviews are classified with transformer encoders. "
                "We translate this finding into an automated score, Gen-U, that we propose, which can help "
                "improve sentiment classification of product reviews.")
    closings = [section.sentences[-1].text for section in _sections(abstract)]
    assert not any("we propose," in closing for closing in closings), closings
    # no proposal said then: what the work shares with the papers (the other paragraph's lead says it shares nothing)
    assert closings[0] == "Our work shares sentiment classification and transformer encoders with these works."


def test_the_researchers_own_paper_in_the_corpus_is_not_its_own_related_work(run_cli, tmp_path):
    # An ADS library on little red dots holds the researcher's own preprint: drafted with its abstract as --our-work,
    # the draft cited it among "related work also includes"
    from litreview.corpus import load_corpus
    corpus = Path(__file__).parent.parent / "examples" / "corpus"
    own = load_corpus([corpus]).get("m2pt")
    (tmp_path / "ours.txt").write_text("\n".join(own.abstract.split(". ")))  # pasted with its own line breaks
    result = run_cli("draft", "multimodal prompt tuning", "--corpus", str(corpus), "--our-work",
                     str(tmp_path / "ours.txt"), "-o", str(tmp_path / "rw.json"))
    assert result.exit_code == 0, result.output
    draft = json.loads((tmp_path / "rw.json").read_text())
    assert "m2pt" not in {key for section in draft["sections"] for key in section["keys"]}
    assert ("warning (select) [m2pt]: your own paper (its abstract is the text you gave as your work): left out of its "
            "own related work") in result.stderr
    # the same paper is cited where the text is another's
    (tmp_path / "other.txt").write_text("We propose a cross-modal prompt tuning method that couples visual and textual "
                                        "prompts through a shared lightweight attention bridge for instruction tuning.")
    result = run_cli("draft", "multimodal prompt tuning", "--corpus", str(corpus), "--our-work",
                     str(tmp_path / "other.txt"), "-o", str(tmp_path / "rw2.json"))
    draft = json.loads((tmp_path / "rw2.json").read_text())
    assert "m2pt" in {key for section in draft["sections"] for key in section["keys"]}


def test_a_paragraph_closes_on_the_researchers_sentence_closest_to_it_whatever_its_verb():
    # A Zotero library of gamification reviews, drafted with a tertiary study's abstract: every paragraph closed on "we
    # present a tertiary study", as "We classify 45 reviews by the game elements ..." was no sentence of the work's own
    own = ("Gamification is increasingly used to raise student engagement in higher education. We present a tertiary "
           "study that maps the secondary studies on gamification in education. We classify 45 systematic reviews by "
           "the game elements, educational levels and learning outcomes they cover.")
    papers = [Paper(key="nah", title="Gamification of education: a review", abstract=(
                  "Gamification is used in education. We review the literature on gamification in higher education and "
                  "the student engagement it raises.")),
              Paper(key="chee", title="Gamification in higher education", abstract=(
                  "Student engagement is low in higher education. We study gamification in higher education courses.")),
              Paper(key="dich", title="Game elements and learning outcomes", abstract=(
                  "We map empirical studies of game elements by the learning outcomes and educational levels they report.")),
              Paper(key="maj", title="Game elements in education", abstract=(
                  "We catalogue game elements and learning outcomes of gamification studies at several educational levels."))]
    groups = Groups(groups=[SubTheme(title="Student engagement", description="", keys=["nah", "chee"]),
                            SubTheme(title="Game elements", description="", keys=["dich", "maj"])])
    summaries, _ = summarize_papers(papers)
    sections, _ = write_paragraphs(groups, summaries, {p.key: p for p in papers}, own)
    closings = [section.sentences[-1].text for section in sections]
    assert "we present a tertiary study that maps the secondary studies" in closings[0]
    assert "we classify 45 systematic reviews by the game elements" in closings[1], closings
