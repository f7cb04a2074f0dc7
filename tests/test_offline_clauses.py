"""One paper's clause in the offline paragraph: what the paper does, said without references to nothing."""

from __future__ import annotations

import re

import pytest

from litreview.corpus.paper import Paper
from litreview.group.schema import Groups, SubTheme
from litreview.summarize import summarize_papers
from litreview.write import write_paragraphs
from litreview.write.cuts import cut
from litreview.write.schema import Sentence


def _paragraph(papers: list[Paper], title: str, theme: str) -> list[Sentence]:
    """The offline paragraph of one group `title` holding `papers`, in their order."""
    summaries, _ = summarize_papers(papers)
    groups = Groups(groups=[SubTheme(title=title, description="", keys=[p.key for p in papers])])
    sections, _ = write_paragraphs(groups, summaries, {p.key: p for p in papers}, theme)
    return sections[0].sentences


def _one_paper(abstract: str, title: str, theme: str) -> list[str]:
    """The sentences of the paragraph of a group `title` holding one paper with `abstract`."""
    return [s.text for s in _paragraph([Paper(key="one", abstract=abstract)], title, theme)]


def _shared(papers: list[Paper], title: str, theme: str) -> list[str]:
    """The sentences of the paragraph that cite two papers or more, after its opening (which cites them all)."""
    return [s.text for s in _paragraph(papers, title, theme)[1:] if len(s.keys) >= 2]


def _clauses(*abstracts: str) -> list[str]:
    papers = [Paper(key=f"p{n}", title=f"Paper {n}", abstract=abstract) for n, abstract in enumerate(abstracts)]
    return [s.text for s in _paragraph(papers, "Fine-tuning", "fine-tuning") if len(s.keys) == 1]


def test_addressing_this_question_by_doing_something_is_said_as_doing_it():
    said = _clauses(
        "Preference data is costly to collect. In this paper, we address this question by introducing Discriminative "
        "Fine-Tuning (DFT), an approach that eliminates the need for preference data.",
        "Text classifiers are rarely compared fairly. We address this research gap by performing a large-scale evaluation "
        "study for 16 text classification datasets covering binary, multiclass, and multilabel problems.")
    assert said == [
        "Discriminative Fine-Tuning (DFT) is an approach that eliminates the need for preference data.",
        # a passive cut inside the list ("covering binary, multiclass is performed") would garble it: said whole
        "One study performs a large-scale evaluation study for 16 text classification datasets covering binary, "
        "multiclass, and multilabel problems."]


def test_meeting_a_need_or_filling_a_gap_by_doing_something_is_said_as_doing_it():
    # IEEE Xplore and Scopus exports on interoperability: "@Kritikos2015686 satisfy this need by proposing ..." (which
    # need? the sentence before, not said)
    said = _clauses(
        "Cloud users need composite services. We satisfy this need by proposing a cloud service composition approach "
        "able to optimally compose different types of cloud services.",
        "Prompt tuning is brittle. We tackle this challenge by introducing a robust prompt ensemble for vision models.")
    assert sorted(said) == ["A cloud service composition approach able to optimally compose different types of cloud "
                            "services is proposed.", "A robust prompt ensemble for vision models is introduced."]
    # a Lens export on flipped learning: "@mamun2021review address this gap by objectively mapping the conceptual,
    # intellectual, and social structure ..." (an adverb before the doing)
    said = _clauses("Flipped learning is spreading, yet no study maps its research. This study addresses this gap by "
                    "objectively mapping the conceptual structure of research development in flipped learning.")
    assert said[-1] == "One study maps the conceptual structure of research development in flipped learning."


def test_meeting_a_need_by_doing_anything_is_said_as_doing_it_and_so_is_a_second_doing():
    # the seeds, "instruction tuning": "we aim to address this gap by categorizing these papers into distinct topics and
    # providing detailed explanations ..." was said "Another study aims to address this gap by categorizing ...": which
    # gap? ("categorize" is no verb of what a paper makes, so it had been left a gerund)
    said = _clauses("No survey details alignment methods. In this work, we aim to address this gap by categorizing the "
                    "alignment papers into distinct topics.")
    assert said[-1] == "One study aims to categorize the alignment papers into distinct topics."
    # "We address this gap by introducing X and providing Y" had been "... introduces X and providing Y"
    from litreview.write.clauses import active_sentence, approach_clause
    clause = approach_clause("We address this gap by introducing a benchmark of code tasks and providing baselines for "
                             "them, thereby helping future work.")
    assert active_sentence("Smith et al.", clause, plural=True) == \
        "Smith et al. introduce a benchmark of code tasks and provide baselines for them, thereby helping future work."
    # two gerunds of one noun phrase are no second doing
    said = _clauses("Search engines rank poorly. We tackle this problem by developing methods for clustering and ranking "
                    "web documents.")
    assert said[-1] == "Methods for clustering and ranking web documents are developed."


def test_hereby_is_no_verb():
    said = _clauses("Lockdowns followed the spread of SARS-CoV-2. To benefit the public, we hereby present a chronicle of "
                    "SARS-CoV-2 that leads to social distancing.")
    # was "To benefit the public, one study herebies present a chronicle ..."
    assert said[-1] == "A chronicle of SARS-CoV-2 that leads to social distancing is presented."


def test_a_shared_acronym_is_spelled_out_where_the_papers_define_it():
    papers = [Paper(key="cftc", title="Counterfactual classifiers", abstract=(
                  "In Multi-Label Text Classification (MLTC), one sample can belong to more than one class. "
                  "We propose a counterfactual classifier for MLTC.")),
              Paper(key="kenet", title="Knowledge networks", abstract="We design an attention network with label embeddings for MLTC."),
              Paper(key="sparse", title="Sparsemax", abstract="We propose sparsemax, an activation function similar to softmax.")]
    summaries, _ = summarize_papers(papers)
    groups = Groups(groups=[SubTheme(title="Text classification", description="", keys=["cftc", "kenet", "sparse"])])
    sections, _ = write_paragraphs(groups, summaries, {p.key: p for p in papers}, "label noise")
    shared = [(s.text, s.keys) for s in sections[0].sentences[1:] if len(s.keys) == 2]
    assert shared == [("Two of them discuss multi-label text classification (MLTC).", ["kenet", "cftc"])]  # in paragraph order


def test_papers_that_each_say_they_use_a_term_are_said_to_use_it_together():
    papers = [Paper(key="undemon", title="UnDEMoN", abstract=(
                  "Depth is costly to label. The proposed network is trained using unlabeled binocular stereo image pairs.")),
              Paper(key="undeepvo", title="UnDeepVO", abstract=(
                  "Monocular odometry lacks scale. Specifically, we train UnDeepVO using stereo image pairs to recover the scale.")),
              Paper(key="sfm", title="SfMLearner", abstract=(
                  "Unlike methods that use stereo image pairs, we learn depth from monocular video.")),
              Paper(key="geo", title="GeoNet", abstract=(
                  "We show that networks which use stereo image pairs overfit. We learn flow from video."))]
    summaries, _ = summarize_papers(papers)
    by_key = {p.key: p for p in papers}

    def shared(keys: list[str]) -> list[str]:
        groups = Groups(groups=[SubTheme(title="Odometry", description="", keys=keys)])
        sections, _ = write_paragraphs(groups, summaries, by_key, "visual odometry")
        return [s.text for s in sections[0].sentences[1:] if len(s.keys) >= 2]

    assert shared(["undemon", "undeepvo"]) == ["Both works use stereo image pairs."]
    # a paper that names the term for other work ("unlike methods that use", "networks which use") does not use it
    assert shared(["undemon", "sfm"]) == ["Both works discuss stereo image pairs."]
    assert shared(["undeepvo", "geo"]) == ["Both works discuss stereo image pairs."]


def test_a_shared_name_keeps_its_capitals():
    papers = [Paper(key="seq", title="Sequence to sequence learning", abstract=(
                  "Deep networks map sequences. We evaluate on the WMT English-to-French translation task.")),
              Paper(key="attn", title="Neural Machine Translation by Jointly Learning to Align",
                    abstract="Translation models use encoders. We improve English-to-French translation with attention.")]
    summaries, _ = summarize_papers(papers)
    groups = Groups(groups=[SubTheme(title="Sequence models", description="", keys=["seq", "attn"])])
    sections, _ = write_paragraphs(groups, summaries, {p.key: p for p in papers}, "sequence models")
    assert [s.text for s in sections[0].sentences[1:] if len(s.keys) == 2] == [
        "Both works discuss English-to-French translation."]  # was "english-to-french translation"


def test_a_phrase_said_only_with_its_of_complement_is_no_shared_term_and_a_greek_letter_starts_a_word():
    # an ADS export: both say "the local value of the Hubble constant"; one says "Planck ΛCDM value"
    papers = [Paper(key="2019ApJ...882...34F", title="The Carnegie-Chicago Hubble Program", abstract=(
                  "We present a new and independent determination of the local value of the Hubble constant based on a "
                  "calibration of the tip of the red giant branch (TRGB) applied to Type Ia supernovae. Our value sits "
                  "midway between the Planck ΛCDM value and that of Cepheid-calibrated distances.")),
              Paper(key="2016ApJ...826...56R", title="A 2.4% Determination of the Local Value of the Hubble Constant",
                    abstract=("We use the Wide Field Camera 3 on the Hubble Space Telescope to reduce the uncertainty in "
                              "the local value of the Hubble constant from 3.3% to 2.4%. The Planck ΛCDM cosmology "
                              "predicts a lower value."))]
    said = _shared(papers, "Type Ia supernovae", "Hubble constant tension")
    assert not any("local value" in text or "discuss cdm" in text.lower() for text in said), said  # were both said
    assert said == ["Both works discuss Planck ΛCDM."]


def test_a_verb_before_its_object_is_no_shared_term_and_a_phrasal_verb_is_not_made_passive():
    # the example corpus, "hallucination": "Both works discuss enhances"
    papers = [Paper(key="figret", title="Guiding retrievers", abstract=(
                  "Retrievers miss facts. FiGRet enhances the retriever with fine-grained guidance from LLMs.")),
              Paper(key="vkt", title="Visual knowledge", abstract=(
                  "Multimodal models hallucinate. Visual knowledge training enhances the model with retrieved images."))]
    assert not any("enhances" in text for text in _shared(papers, "Retrieval", "hallucination"))
    # "We build upon X" was "Upon X is built."
    assert _one_paper("Time series are hard to classify. We build upon time-series classification by leveraging the "
                      "capabilities of Vision Language Models (VLMs).", "Time series", "forecasting")[1] == (
        "One study builds upon time-series classification by leveraging the capabilities of Vision Language Models (VLMs).")


def test_a_reported_pair_of_clauses_keeps_one_that_and_groundbreaking_is_hype():
    # the example corpus, "model compression"
    said = _one_paper("Compression and prediction are linked. We show that large language models are powerful "
                      "general-purpose predictors and that the compression viewpoint provides novel insights into scaling "
                      "laws.", "Compression", "model compression")
    assert said[1] == ("Large language models are powerful general-purpose predictors and the compression viewpoint "
                       "provides novel insights into scaling laws.")  # was "... predictors and that the compression ..."
    said = _one_paper("Binarization cuts memory. We present BiLLM, a groundbreaking 1-bit post-training quantization "
                      "scheme tailored for pretrained LLMs.", "Quantization", "model compression")
    assert said[1] == "BiLLM is a 1-bit post-training quantization scheme tailored for pretrained LLMs."
    said = _one_paper("Captions drift. We propose an innovative reinforcement learning algorithm to supervise the tokens "
                      "of a caption.", "Captioning", "reinforcement learning")
    assert said[1] == "A reinforcement learning algorithm to supervise the tokens of a caption is proposed."
    # the article fits what follows once the hype goes: was "a MU approach" (machine unlearning)
    said = _one_paper("Diffusion models memorise. We propose Score Forgetting Distillation (SFD), an innovative MU approach "
                      "that promotes the forgetting of unsafe concepts.", "Unlearning", "machine unlearning")
    assert said[1].startswith("Score Forgetting Distillation (SFD) is an MU approach that promotes")


@pytest.mark.parametrize("following, said", [("MU approach", "an"), ("LLMs", "an"), ("URL", "a"), ("SVM", "an"),
                                             ("MUltimodal Structural Transformer", "a"), ("X-ray", "an"),
                                             ("user study", "a"), ("unified model", "a"), ("unsupervised model", "an"),
                                             ("unintended effect", "an"),
                                             ("hour", "an"), ("approach", "an"), ("model", "a")])
def test_a_or_an_is_what_the_next_word_sounds_like(following, said):
    from litreview.write.english import article

    assert article("a", following) == f"{said} "


def test_a_name_that_stands_for_the_shared_term_does_not_discuss_it():
    # Multi-XScience: "UnDeepVO and RCNNs discuss neural networks", RCNNs being recurrent convolutional neural networks
    papers = [Paper(key="undeep", abstract=("Odometry needs scale. We propose UnDeepVO, a monocular visual odometry system "
                                            "trained with deep neural networks on stereo image pairs.")),
              Paper(key="rcnn", abstract=("Odometry is learned end to end. We present a framework for monocular VO by using "
                                          "deep Recurrent Convolutional Neural Networks (RCNNs)."))]
    assert _shared(papers, "Visual odometry", "depth estimation") == ["Both works discuss neural networks."]


def test_a_thing_the_papers_count_is_said_in_the_plural_and_a_noun_of_something_not_at_all():
    # Multi-XScience's abstracts drafted as one corpus: "Both works discuss decoder", "Two of them discuss component"
    decoders = [Paper(key="sel", title="Selective encoding", abstract=(
                    "Summaries drop words. We extend sequence-to-sequence models with a selective gate before a decoder.")),
                Paper(key="tr", title="Attention only", abstract=(
                    "Recurrence is slow. We replace recurrence with attention in an encoder and a decoder."))]
    assert _shared(decoders, "Sequence models", "attention") == ["Both works discuss decoders."]
    parts = [Paper(key="s1", title="Similarity search", abstract=(
                 "Similarity search has become a crucial component of large-scale retrieval. We hash documents to bits.")),
             Paper(key="s2", title="Acquisition", abstract=(
                 "Learning is only an intended component of such a theory. We simulate word learning with other "
                 "component subsystems."))]
    assert not any("component" in text for text in _shared(parts, "Learning", "language generation"))
    # CORD-19 (TREC-COVID), a draft on mental health: "Four of them discuss outbreak", which they say only with a word
    # before it; a noun of an activity, a plural and a word said after "of" may be bare
    outbreaks = [Paper(key="it", title="Lockdown in Italy", abstract=(
                     "The psychological impact of the COVID-19 outbreak on Italians is unknown. We ran a web survey of "
                     "anxiety during the lockdown.")),
                 Paper(key="th", title="Health care workers in Thailand", abstract=(
                     "Health care workers faced this outbreak first. We surveyed anxiety and the quality of life of "
                     "workers during the lockdown."))]
    shared = _shared(outbreaks, "Anxiety", "mental health")
    assert not any("outbreak" in text for text in shared) and "Both works discuss lockdown." not in shared
    from litreview.group.articles import said_bare
    assert said_bare("classification", ["text classification"]) and said_bare("hosts", ["the hosts"])
    assert said_bare("life", ["the quality of life"]) and not said_bare("sense", ["each word sense"])


def test_a_shared_phrase_keeps_the_word_most_of_its_uses_have_before_it():
    workers = [Paper(key="wuhan", title="Insomnia in Wuhan", abstract=(
                   "Insomnia rose in Wuhan. We surveyed health care workers and non-health care workers in 34 hospitals.")),
               Paper(key="italy", title="Burnout in Italy", abstract=(
                   "Burnout rose in Italy. We surveyed 300 health care workers in Lombardy."))]
    assert _shared(workers, "Depression", "depression") == ["Both works discuss health care workers."]
    # In a draft on mental health, the phrase shares its "health": it was said without it, "Both works discuss care
    # workers." (CORD-19), where one use of three says "non-health care workers"
    assert _shared(workers, "Depression", "mental health") == []


def test_a_place_the_papers_name_is_discussed_not_addressed():
    hubei = [Paper(key="family", title="A familial cluster", abstract=(
                 "An outbreak of pneumonia was reported in Wuhan city, Hubei province, China. We describe a family of six.")),
             Paper(key="routes", title="Transmission routes", abstract=(
                 "Pneumonia cases linked to a seafood market of Wuhan city, Hubei province, China rose. We model routes."))]
    # was "Both works address Hubei province." (CORD-19): a place they name, not a problem they address
    assert _shared(hubei, "Transmission", "transmission") == ["Both works discuss Hubei province."]


def test_a_strain_is_counted():
    bats = [Paper(key="hangzhou", title="Genome of a Hangzhou isolate", abstract=(
                "The genome was close to that of a bat SARS-like coronavirus strain RaTG13 with an identity of 96%. "
                "We sequenced it from one patient.")),
            Paper(key="mngs", title="RNA metagenomics", abstract=(
                "Reads matched the RdRp gene of bat coronavirus strain BtCoV/4991. We sequenced samples of five patients."))]
    # was "Both works discuss coronavirus strain." (CORD-19)
    said, = _shared(bats, "Genomes", "phylogenetic analysis")
    assert said.startswith("Both works ") and said.endswith(" coronavirus strains."), said


def test_a_sentence_never_opens_with_digits():
    from litreview.write.statements import FINDING_LEAD, said_for
    paper = Paper(key="m", title="Undetected infections", abstract=(
        "Infections go undetected. We modeled them. In summary, 2 different approaches indicated similar ranges."))
    # was "2 different approaches indicated similar ranges." (CORD-19: "In summary," went before it)
    said = said_for(paper, "In summary, 2 different approaches indicated similar ranges.", FINDING_LEAD)
    assert said == "Two different approaches indicated similar ranges."
    said = said_for(paper, "Overall, 25 patients recovered within a week.", FINDING_LEAD)
    assert said == "Twenty-five patients recovered within a week."
    said = said_for(paper, "Overall, 5 mg/kg was given daily to every patient.", FINDING_LEAD)  # a measure
    assert said is None or "Five mg" not in said, said
    said = said_for(paper, "Overall, 2019 was the warmest year.", FINDING_LEAD)  # a year is no count
    assert said is None or not said.startswith(("Two thousand", "A total")), said
    # CORD-19: "35 883 households were selected from municipal rolls ...", "829 serum specimens were collected ..."
    from litreview.write.english import sentence_start
    assert sentence_start("35 883 households were selected.") == "A total of 35 883 households were selected."
    assert sentence_start("829 serum specimens were collected.") == "A total of 829 serum specimens were collected."
    assert sentence_start("1,200 nurses answered.") == "A total of 1,200 nurses answered."
    assert sentence_start("2020 saw a rise in cases.") == "2020 saw a rise in cases."


def test_a_shared_term_the_papers_say_with_the_is_said_with_the_but_not_a_plural():
    who = [Paper(key="who1", title="Dental practice", abstract=(
               "Dentists face aerosols. We review infection control in dental practice. The World Health Organization "
               "has guidance for it.")),
           Paper(key="who2", title="Surfaces", abstract=(
               "The virus spreads through droplets. We sample hospital surfaces. Our results support the World Health "
               "Organization in its advice."))]
    # was "Both works discuss World Health Organization."
    assert _shared(who, "Infection control", "COVID-19 transmission") == ["Both works discuss the World Health Organization."]
    said_first = [Paper(key="who1", title="Dental practice", abstract=(  # in the sentence stating each one's problem
                      "The World Health Organization has warned dentists of aerosols. We review infection control in dental "
                      "practice.")),
                  Paper(key="who2", title="Surfaces", abstract=(
                      "The World Health Organization has warned of droplets on surfaces. We sample hospital surfaces."))]
    # was "Both works address the World Health Organization": a name they mention, not a problem they address
    assert _shared(said_first, "Infection control", "COVID-19 transmission") == [
        "Both works discuss the World Health Organization."]
    defining = [Paper(key="who1", title="Hand rubs", abstract=(  # each defines its acronym, as method names are
                    "Hand rubs recommended by the World Health Organization (WHO) are scarce. We test two formulations.")),
                Paper(key="who2", title="Sanitisers", abstract=(
                    "Products are scarce and World Health Organization (WHO) hand rubs are made locally. We test them."))]
    # was "Both works address the world health organization." (CORD-19): an institution's name, not a method's
    assert _shared(defining, "Hand hygiene", "hand hygiene") == ["Both works discuss the World Health Organization."]
    pseudo = [Paper(key="p1", title="Self-training", abstract=(
                  "Labels are scarce. We refine the pseudo labels with a teacher model trained on clean images.")),
              Paper(key="p2", title="Prompt learning", abstract=(
                  "Prompts need labels. We learn prompts from the pseudo labels of a CLIP model on unlabeled images."))]
    assert "Both works discuss pseudo labels." in _shared(pseudo, "Unlabeled images", "prompt learning")  # not "the pseudo labels"
    kitti = [Paper(key=f"vo{n}", title=f"Odometry {n}", abstract=f"{what} Results on the KITTI, a driving benchmark, are "
                                                                 "strong.")
             for n, what in enumerate(["We estimate depth from stereo pairs.", "We track camera motion with event sensors."])]
    assert "Both works report results on KITTI." in _shared(kitti, "Visual odometry", "depth estimation")  # not "on the KITTI"
    own = [Paper(key=f"cnn{n}", title=f"Sentence models {n}", abstract=f"{what} We describe the architecture.")
           for n, what in enumerate(["We classify questions with convolutions.", "We model sentences with dynamic pooling."])]
    assert "Both works discuss architecture." in _shared(own, "Sentence models", "classification")  # each its own "the architecture"


def test_a_name_the_papers_capitalise_inside_a_shared_phrase_keeps_its_capitals():
    # a Web of Science export on debris flows: "discuss eastern italian alps", "discuss the illinois river basin"
    alps = [Paper(key="nikolopoulos", title="Debris flows in the eastern Italian Alps: seasonality and atmospheric circulation",
                  abstract=("The work examines the seasonality of debris flows in the Trentino-Alto Adige region (eastern "
                            "Italian Alps). Analysis is based on classification algorithms.")),
            Paper(key="hussin", title="Different landslide sampling strategies", abstract=(
                  "We applied the method to two areas: the Fella River basin (eastern Italian Alps) containing debris "
                  "flows, and Buzau County with shallow landslides."))]
    assert "Both works discuss eastern Italian Alps." in _shared(alps, "Debris flows", "debris flows")
    from litreview.group.spelling import surface_form
    basins = ["Radar\nCases in a small basin in the Illinois River Basin show it.",
              "Guidance\nWe study several small basins of the Illinois River basin in Oklahoma."]
    assert surface_form("illinois river basin", basins) == "Illinois River basin"
    # a run of capitals that defines an acronym, or opens a sentence, holds no name
    defined = ["Labels\nWe study Multi-Label Text Classification (MLTC) here.", "Text\nMulti-Label Text Classification is hard."]
    assert surface_form("multi-label text classification", defined) == "multi-label text classification"
    assert surface_form("text classification", ["A\nWe study Text Classification here.", "B\nIt does text classification."]) \
        == "text classification"


def test_three_papers_a_contrast_relates_are_not_also_said_to_propose_methods():
    # a JabRef export on noisy labels: "All three works propose methods" said nothing the contrast does not
    papers = [Paper(key="Kumar2020", title="Co-training with Label Smoothing for Noisy Labels", authors=("Ravi Kumar", "Jane Smith"),
                    abstract=("Learning with noisy labels is a practical challenge. We present co-training with label "
                              "smoothing, in which two networks exchange small-loss samples and smooth their targets.")),
              Paper(key="Zhang2021", title="Robust Learning With Noisy Labels via Sample Reweighting", authors=("Wei Zhang", "Na Li"),
                    abstract=("Deep neural networks easily overfit noisy labels. In this article, we propose a sample "
                              "reweighting scheme that learns per-sample weights from a small clean set.")),
              Paper(key="Lee2019", title="Robust Inference via Generative Classifiers for Handling Noisy Labels",
                    authors=("Kimin Lee", "Sukmin Yun"), abstract=(
                        "We propose a novel inference method applicable to any discriminative neural classifier pre-trained "
                        "on noisy datasets."))]
    shared = _shared(papers, "Further related work", "noisy labels")
    assert [text for text in shared if "whereas" in text] and not [text for text in shared if "propose methods" in text]
    # without authors there is no contrast ("... is presented"), and one sentence still relates the three papers
    anonymous = [paper.model_copy(update={"authors": ()}) for paper in papers]
    assert _shared(anonymous, "Further related work", "noisy labels") == ["All three works propose methods."]
    # and "X, in which ..." cut before its relative clause leaves no comma: was "Co-training with label smoothing, is presented."
    assert "Co-training with label smoothing is presented." in [s.text for s in _paragraph(anonymous, "Co-training", "noisy labels")]


def test_a_space_an_abstract_puts_before_a_full_stop_is_not_written():
    # CORD-19 abstracts (TREC-COVID) as some sources space them: "... confinement .", "their efforts : curating"
    said = _one_paper("Lockdowns change daily life . We surveyed 200 patients with type 1 diabetes during the lockdown . Use "
                      "of insulin pumps , and of glucose sensors , appeared as an effective way to prevent acute "
                      "complications related to confinement .", "Diabetes care", "COVID-19 lockdown")
    assert said[1:] == ["One study surveyed 200 patients with type 1 diabetes during the lockdown.",
                        "Use of insulin pumps, and of glucose sensors, appeared as an effective way to prevent acute "
                        "complications related to confinement."]


def test_a_name_between_commas_is_said_as_what_is_proposed_and_our_becomes_the_authors():
    said = _clauses(
        "Recommendation needs embeddings. We propose a training framework, NoteLLM-2, specifically designed for "
        "multimodal representation.",
        "Events have causes. In this paper, we describe our participation in the subtask 1 of CASE-2022, Event "
        "Causality Identification with Casual News Corpus.")
    assert said == [
        "NoteLLM-2 is a training framework specifically designed for multimodal representation.",
        "The authors' participation in the subtask 1 of CASE-2022, Event Causality Identification with Casual News "
        "Corpus is described."]  # was "Their participation ...", with no one for "their" to refer to


def test_named_proposals_after_their_kind_and_no_hype_or_headings():
    said = _clauses(
        "Recurrent models are slow. We propose a simple network architecture, the Transformer.",
        "Sentences have structure. We describe a convolutional architecture dubbed the Dynamic Convolutional Neural "
        "Network (DCNN) that we adopt for the semantic modelling of sentences.",
        "Words need vectors. We propose two novel model architectures for computing continuous vector representations of words.",
        "Figures Preface 1. Attacks deceive people. We develop novel automated defenses against these attacks.")
    assert sorted(said) == sorted([  # (in the paragraph, related papers sit together)
        "The Transformer is a simple network architecture.",
        "The Dynamic Convolutional Neural Network (DCNN) is a convolutional architecture that they adopt "
        "for the semantic modelling of sentences.",
        "Two model architectures for computing continuous vector representations of words are proposed.",
        "Attacks deceive people.",  # said first: the next sentence refers to "these attacks"
        "Automated defenses against these attacks are developed."])  # "Figures Preface 1." is a heading, not a sentence


def test_two_verbs_of_one_proposal_both_agree_and_a_list_is_never_cut_into_a_passive():
    said = _clauses(
        "Words cluster by context. We describe and experimentally evaluate a method for automatically clustering words "
        "according to their distribution in particular syntactic contexts.",
        "Flow is hard to learn. We propose and compare two architectures for optical flow estimation.",
        "Neurons can be stochastic. We examine this question, existing approaches, and compare four families of "
        "solutions, applicable in different settings.")
    assert said == [
        "One study describes and experimentally evaluates a method for automatically clustering words according to "
        "their distribution in particular syntactic contexts.",  # was "And experimentally evaluate a method ... are described."
        "Another study proposes and compares two architectures for optical flow estimation.",
        "Neurons can be stochastic.",  # said first: "this question" refers to it
        "Another work examines this question, existing approaches, and compares four families of solutions, "
        "applicable in different settings."]  # was "This question, existing approaches are examined."
    # CORD-19 (TREC-COVID): the thing made ends where a second verb begins, whatever the verb; not inside an infinitive
    said = _clauses("Triage matters. We describe the role of an ED Triage Center for patients with suspected COVID-19 "
                    "and characterize the patient flow.",
                    "Noise hides in labels. We propose a beta mixture to estimate the noise and correct the loss.")
    assert said == ["The role of an ED Triage Center for patients with suspected COVID-19 is described.",  # was "... and "
                    "A beta mixture to estimate the noise and correct the loss is proposed."]  # characterize ..."
    # what the paper makes after doing something to what the sentence before said: the thing made stands alone
    said = _clauses("However, such work assumes the existence of such constraints a-priori. In this paper, we relax this "
                    "strong assumption and present an approach based on Error Detection Rules (EDR).")
    assert said[-1] == "An approach based on Error Detection Rules (EDR) is presented."  # was "One study relaxes this ..."


def test_a_cut_never_leaves_a_name_with_only_its_kind():
    # a group of ten papers cuts each clause near 16 words: was "FiGRet (Fine-grained Guidance for Retrievers) is a framework."
    from litreview.write.clauses import approach_clause, passive_sentence
    clause = approach_clause("Drawing inspiration from pedagogical theories, we propose a novel framework, FiGRet (Fine-grained "
                             "Guidance for Retrievers), which leverages the language capabilities of LLMs to construct "
                             "examples to guide the learning of retrievers.", limit=16)
    assert passive_sentence(clause) == ("FiGRet (Fine-grained Guidance for Retrievers) is a framework that leverages the "
                                        "language capabilities of LLMs to construct examples to guide the learning of "
                                        "retrievers.")


def test_a_self_reference_after_a_participle_keeps_its_place_and_a_cut_sentence_ends_on_a_word_that_completes_it():
    said = _clauses(
        "The methods described in this paper, McQuitty's similarity analysis, Ward's minimum-variance method, and the "
        "EM algorithm, assign each instance of an ambiguous word to a known sense definition.",
        "The editor of this volume, who is also author or coauthor of five of the contributions, has provided an "
        "introduction that not only affords an overview of the separate articles but also interrelates the basic "
        "issues in linguistics, psycholinguistics and cognitive studies that are addressed in this volume.")
    assert sorted(said) == sorted([
        "The methods described in the paper, McQuitty's similarity analysis, Ward's minimum-variance method, and the EM "
        "algorithm, assign each instance of an ambiguous word to a known sense definition.",  # not "The methods described McQuitty's"
        # "this volume" is the paper's own: in a draft, "this" would be the researcher's
        # the aside between subject and verb left out, the sentence whole ("who is also author or coauthor of ...")
        "The editor of the volume has provided an introduction that not only affords an overview of the separate "
        "articles but also interrelates the basic issues in linguistics, psycholinguistics and cognitive studies that "
        "are addressed in the volume."])  # 45 words at most; not "... that are."


def test_a_table_of_contents_and_a_publisher_summary_label_are_not_the_papers_sentences():
    said = _clauses(
        "Figures Preface 1. Introduction 2. National Language Generation in practice 3. The architecture of a Natural "
        "Language Generation system 4. Document planning 5. Microplanning 6. Surface realisation 7. Beyond text generation.",
        "Publisher Summary This chapter presents a detailed description of a model for a learning process, which was "
        "proposed as an account of the learning of word classes.")
    assert said == ["A detailed description of a model for a learning process is presented.",  # "This chapter presents"
                    "Also related is the paper “Paper 0”."]  # nothing of it is prose: known by its title


def test_a_finding_about_the_proposed_approach_is_said_for_its_authors():
    said = _clauses("Prompts are costly to tune for every task. We propose a multitask prompt tuner for vision-language "
                    "models. The proposed approach outperforms all single-task baseline prompt tuning methods on ELEVATER.")
    assert said[-1] == ("The authors report that the proposed approach outperforms all single-task baseline prompt tuning "
                        "methods on ELEVATER.")  # alone, "The proposed approach" would be nobody's


def test_what_kind_of_work_a_paper_is_is_not_said_of_its_authors():
    from litreview.write.statements import FACT_LEAD, said_for
    meraj = Paper(key="meraj2015", title="Assessing the influence of watershed characteristics", abstract="Floods.",
                  authors=("Meraj, Gowhar", "Romshoo, Shakil A.", "Yousuf, A. R."))
    # a Covidence RIS export on flash floods: "@meraj2015assessing are a comparative study of two watersheds"
    assert said_for(meraj, "The present work is a comparative study of two watersheds of Jhelum basin.", FACT_LEAD) == \
        "Meraj et al. present a comparative study of two watersheds of Jhelum basin."
    said = said_for(meraj, "This study was conducted in six districts of Kashmir.", FACT_LEAD)
    assert said and " were conducted" not in said and " was conducted in six districts" in said, said
    assert said_for(Paper(key="nunes", title="Wildfires", abstract="Fires.", authors=("Nunes, Adelia",)),
                    "This paper is a review of post-fire erosion in Portugal.", FACT_LEAD) == \
        "Nunes presents a review of post-fire erosion in Portugal."


def test_papers_sharing_a_term_are_named_and_cited_where_they_stand():
    papers = [Paper(key="li2018", title="UnDeepVO: Monocular Visual Odometry through Unsupervised Deep Learning",
                    abstract="Monocular odometry lacks scale. We train UnDeepVO using stereo image pairs to recover the scale."),
              Paper(key="babu2018", title="UnDEMoN: Unsupervised Deep Network for Depth and Ego-Motion Estimation",
                    abstract="Depth is costly to label. We propose UnDEMoN, a network trained using stereo image pairs."),
              Paper(key="zhan2018", title="Unsupervised learning of monocular depth estimation and visual odometry",
                    authors=("Zhan, Huangying", "Garg, Ravi", "Weerasekera, Chamara"), year=2018,
                    abstract="Stereo is rarely used for odometry. We use stereo image pairs to learn depth and visual odometry.")]
    shared = [s for s in _paragraph(papers, "Odometry", "visual odometry")[1:] if len(s.keys) >= 2]
    assert [(s.text, [(c.after, c.keys) for c in s.inline]) for s in shared] == [
        ("Zhan et al., UnDeepVO and UnDEMoN use stereo image pairs.",  # was "All three works use ..."
         [("Zhan et al.", ["zhan2018"]), ("UnDeepVO", ["li2018"]), ("UnDEMoN", ["babu2018"])])]


def test_papers_are_counted_not_named_when_the_term_they_share_is_one_of_their_names():
    papers = [Paper(key="bert", title="BERT: Pre-training of Deep Bidirectional Transformers",
                    abstract="Language models read one way. We introduce BERT, a bidirectional language representation model."),
              Paper(key="xlnet", title="XLNet: Generalized Autoregressive Pretraining",
                    abstract="BERT neglects dependencies between masked positions. We propose XLNet, which overcomes the limitations of BERT.")]
    sentences = _paragraph(papers, "Pretraining", "language models")
    assert [s.text for s in sentences if len(s.keys) == 2][1:] == ["Both works discuss BERT."]  # not "BERT and XLNet discuss BERT"
    papers = [Paper(key="relabel", title="Re-labeling ImageNet: from Single to Multi-Labels",
                    abstract="ImageNet labels are single. Re-labeling ImageNet gives each ImageNet image multiple labels."),
              Paper(key="reassess", title="Re-assessing ImageNet: How Multi-label Is ImageNet?",
                    abstract="ImageNet images hold several objects. Re-assessing ImageNet proposes multi-label ImageNet metrics.")]
    sentences = _paragraph(papers, "Labels", "multi-label classification")
    assert "Both works discuss ImageNet." in [s.text for s in sentences]  # the term is in both names


def test_a_shared_term_the_papers_also_say_in_the_plural_is_said_in_the_plural():
    papers = [Paper(key="a", abstract="Seven supervised learning algorithms are compared. Each learning algorithm tags word senses."),
              Paper(key="b", abstract="A decision list is a learning algorithm for word senses. It needs few labelled examples."),
              Paper(key="c", abstract="Large language models (LLMs) write text. We ask an LLM to tag word senses in context."),
              Paper(key="d", abstract="We prompt a large language model (LLM) with dictionary glosses to tag word senses.")]
    shared = _shared(papers, "Word senses", "sense tagging")
    # were "Two of them discuss learning algorithm." and "... large language model (LLM).": a counted noun is never bare
    assert "Two of them discuss learning algorithms." in shared
    assert "Two of them discuss large language models (LLMs)." in shared
    papers = [Paper(key="a", abstract="Data augmentation of images helps classification. We crop images at random."),
              Paper(key="b", abstract="We study data augmentation by mixing images for classification.")]
    shared = _shared(papers, "Training images", "image classification")
    assert shared == ["Both works discuss data augmentation."]  # never said in the plural: not counted
    # an IEEE Xplore export: "... discuss generative artificial intelligences" (said once "a generative artificial
    # intelligence", and "of", "and", "using" it far more often)
    from litreview.group.articles import counted
    texts = ["Students ask a generative artificial intelligence, which answers.", "The use of generative artificial intelligence "
             "grows.", "Trust in chatbots and generative artificial intelligence varies.", "Risks of generative artificial "
             "intelligence are debated."]
    assert not counted("generative artificial intelligence", texts)
    assert counted("decoder", ["We train a decoder.", "A decoder of tokens is used.", "Outputs of decoder layers."])


def test_a_word_shared_alone_is_said_only_when_it_names_a_topic():
    def shared(*abstracts: str) -> list[str]:
        papers = [Paper(key=f"p{n}", abstract=abstract) for n, abstract in enumerate(abstracts)]
        return _shared(papers, "Coronavirus", "coronavirus")
    # was "Both works discuss respiratory.": it qualifies the noun after it
    assert shared("Respiratory syncytial virus infects infants in winter.",
                  "We sequence respiratory tract samples of adults with fever.") == []
    # was "Three of them discuss building.": a verb here ("building a cohort", "by building")
    assert shared("We describe building a cohort of adults with fever in Wuhan.",
                  "Transmission is curbed by building contact networks of households.") == []
    # a Manubot references.json on in-context learning: was "Two of them discuss designing." ("prompt designing
    # strategies,", "for designing algorithms"): a word before a noun qualifies it, whatever punctuation follows that noun
    assert shared("We organize training strategies, prompt designing strategies, and related analysis.",
                  "We highlight opportunities for designing algorithms with improved performance.") == []
    # was "Both works discuss factors.": factors of anything
    assert shared("Risk factors of infection in children include age.", "We study which factors predict death in adults.") == []
    assert shared("Fever and cough were the main symptoms.",
                  "Loss of smell precedes other symptoms in adults.") == ["Both works discuss symptoms."]


def test_a_long_sentence_that_cites_in_brackets_is_no_run_on_and_is_said_without_its_references():
    abstract = ("In this paper, a tree generating system called a tree adjunct grammar is described and its formal properties "
                "are studied relating them to the tree generating systems of Brainerd (Information and Control 14 (1969), "
                "217-231) and Rounds (Mathematical Systems Theory 4 (1970), 257-287) and to the recognizable sets and local "
                "sets discussed by Thatcher (Journal of Computer and System Sciences 1 (1967), 317-322; 4 (1970), 339-367) "
                "and Rounds. Linguistic relevance of these systems has been briefly discussed also.")
    sentences = _one_paper(abstract, "Grammars", "tree adjoining grammars")
    # was only "Linguistic relevance of these systems ...": 74 words counted as a run-on, the paper's own sentence lost
    assert ("A tree generating system called a tree adjunct grammar is described and its formal properties are studied "
            "relating them to the tree generating systems of Brainerd and Rounds and to the recognizable sets and local "
            "sets discussed by Thatcher and Rounds.") in sentences


def test_a_sentence_cut_at_a_word_does_not_stop_inside_a_date():
    abstract = ("According to data compiled by researchers at Johns Hopkins University in Baltimore, Maryland, more than two "
                "and half million cases of coronavirus disease 2019 (COVID-19), caused by a newly discovered virus named "
                "severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2), have been confirmed on April 20, 2020 "
                "(Nature, 2020b). Hospitals kept beds free for them.")
    sentences = _one_paper(abstract, "Cases", "COVID-19 cases")
    said = next(text for text in sentences if text.startswith("According to data"))
    assert said.endswith("(SARS-CoV-2), have been confirmed.")  # was "... have been confirmed on April."
    assert len(said.split()) <= 45


def test_two_shared_sentences_never_say_one_thing_twice():
    papers = [Paper(key="a", abstract="Severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2) binds ACE2. Severe acute "
                                      "respiratory syndrome spread in 2003. Cell culture assays test drugs."),
              Paper(key="b", abstract="Severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2) enters cells. Severe acute "
                                      "respiratory syndrome had no drug. Cell culture assays screen antivirals."),
              Paper(key="c", abstract="We test nafamostat against SARS-CoV-2 in lung cells.")]
    shared = _shared(papers, "Antivirals", "coronavirus drugs")
    # was also "Both works discuss severe acute respiratory syndrome." after the first
    assert shared == ["All three works discuss severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2).",
                      "Two of them discuss cell culture assays."]


def test_a_term_the_whole_draft_uses_is_no_topic_one_group_shares():
    antivirals = [Paper(key="a", abstract="Remdesivir inhibits SARS-CoV-2 replication. Cell culture assays measured viral load."),
                  Paper(key="b", abstract="Nafamostat blocks SARS-CoV-2 entry. Cell culture assays showed lower titres."),
                  Paper(key="c", abstract="We screened 1,200 approved drugs against SARS-CoV-2 in Vero E6 cells.")]
    transmission = [Paper(key=f"t{n}", abstract=f"SARS-CoV-2 spreads through {how}. We model its transmission.")
                    for n, how in enumerate(["aerosols in offices", "droplets in queues", "surfaces in hospitals",
                                             "contact within families", "air on cruise ships"])]
    papers = antivirals + transmission
    summaries, _ = summarize_papers(papers)
    groups = Groups(groups=[SubTheme(title="Antiviral drugs", description="", keys=["a", "b", "c"]),
                            SubTheme(title="Transmission", description="", keys=[p.key for p in transmission])])
    sections, _ = write_paragraphs(groups, summaries, {p.key: p for p in papers}, "COVID-19")
    shared = [s.text for s in sections[0].sentences[1:] if len(s.keys) >= 2]
    # every paper of the draft says SARS-CoV-2: "All three works discuss SARS-CoV-2" told the reader nothing
    assert shared == ["Two of them discuss cell culture assays."]
    assert _shared(antivirals, "Antiviral drugs", "COVID-19")[0] == "All three works discuss SARS-CoV-2."  # alone, it is


def test_a_paper_without_title_or_prose_is_cited_not_named_by_its_key():
    papers = [Paper(key="ref0", abstract="Agent tracking infers the plans of other agents from their observable actions."),
              Paper(key="ref1", abstract="I. Introduction, 488. — II. The model with automobiles as an example, 489. — "
                                         "III. Examples and applications, 492. — IV. Conclusion, 500.")]  # only contents
    sentences = _paragraph(papers, "Agents", "agent tracking")
    assert not any("ref1" in s.text for s in sentences)  # was "Also related is the paper “ref1”."
    assert "ref1" in sentences[0].keys and not any("ref1" in s.keys for s in sentences[1:])  # cited in the opening
    # a title a PDF's metadata letter-spaced is no title to quote (a Mendeley library on brain genetics: was "Also
    # related is the paper “Tr a n s l a t i o n a l r e s e a r c h”.")
    papers[1] = Paper(key="ref1", title="Tr a n s l a t i o n a l r e s e a r c h")
    sentences = _paragraph(papers, "Agents", "agent tracking")
    assert not any("Tr a n" in s.text for s in sentences) and "ref1" in sentences[0].keys


def test_a_shared_term_is_never_a_fragment_of_a_phrase_the_label_holds():
    papers = [Paper(key="a", abstract="Tree adjoining grammars are a formalism for parsing natural language syntax."),
              Paper(key="b", abstract="An incremental parser for tree adjoining grammars reads each lexeme in turn.")]
    shared = _shared(papers, "Grammars", "parsing")
    assert not any("tree adjoining." in text for text in shared)  # was "Both works discuss tree adjoining."


def test_a_shared_sentence_never_says_what_the_labels_acronym_stands_for():
    papers = [Paper(key="a", abstract="Severe acute respiratory syndrome (SARS) coronavirus came from bats, its hosts."),
              Paper(key="b", abstract="Severe acute respiratory syndrome spread from civets, its intermediate hosts."),
              Paper(key="c", abstract="Bats are hosts of many SARS-like coronaviruses in Yunnan.")]
    shared = _shared(papers, "SARS coronavirus", "coronavirus origin")
    # was "Two of them discuss severe acute respiratory syndrome." under the heading "SARS coronavirus"
    assert not any("severe acute respiratory syndrome" in text for text in shared)


def test_a_name_that_opens_an_embedded_clause_keeps_its_capital():
    # CORD-19 (TREC-COVID), its full stops lost as given: the first "sentence" runs on to "we reveal"
    abstract = ("OBJECTIVE: Turkey is one of the latest countries that COVID-19 disease was reported, with the first case "
                "on March 11, 2020, and since then, Istanbul became the epicenter of the pandemic in Turkey Here, we "
                "reveal sequences of the virus isolated from three different patients with various clinical presentations "
                "METHODS: Nasopharyngeal swab specimens of the patients were tested positive for the COVID-19 by qRT-PCR.")
    said = _one_paper(abstract, "Origin", "coronavirus origin")
    # was "One study notes that turkey is one of ...": "in Turkey" shows the paper's name for it
    assert any("notes that Turkey is one of the latest countries" in text for text in said), said


def test_a_word_capitalised_only_in_a_title_case_run_or_after_a_label_is_no_name():
    # a Mendeley library on systemic risk: "@Markose2012 notes that Financial network analysis is used ...", as the
    # abstract later spells out "Systemically Important Financial Intermediaries (SIFIs)"
    markose = Paper(key="Markose2012", authors=("Markose, Sheri",),
                    abstract="Financial network analysis is used to provide firm level bottom-up holistic visualizations "
                             "of interconnections of financial obligations in global OTC derivatives markets. This helps "
                             "to identify Systemically Important Financial Intermediaries (SIFIs).")
    said = [s.text for s in _paragraph([markose], "Contagion", "financial networks")]
    assert any("notes that financial network analysis is used" in text for text in said), said
    # a Zotero export on ecology, its structured abstract's label run into the text: "Aim Biotic interactions ..."
    from litreview.write.english import names_in
    assert "Biotic" not in names_in("Aim Biotic interactions have widely been ignored in species distribution models.")
    assert {"Janus", "Peru"} <= names_in("Here, Janus colloids were designed. Sharks off Chile, Peru were tagged.")


def test_a_work_noun_that_heads_a_compound_is_no_self_reference():
    # a Zotero export on brain decoding: "@sereno1995 data set was then sampled with a cortical surface reconstruction"
    # (from "This volume data set was then sampled ...", "This volume" taken for the paper naming itself)
    sereno = Paper(key="sereno1995", authors=("Sereno, M. I.", "Dale, A. M.", "Reppas, J. B."), title=(
        "Borders of Multiple Visual Areas in Humans Revealed by Functional Magnetic Resonance Imaging"), abstract=(
        "The borders of human visual areas V1, V2, VP, V3, and V4 were precisely and noninvasively determined. "
        "Functional magnetic resonance images were recorded during phase-encoded retinal stimulation. This volume data "
        "set was then sampled with a cortical surface reconstruction, making it possible to calculate the local visual "
        "field sign (mirror image versus non-mirror image representation). This method automatically and objectively "
        "outlines area borders because adjacent areas often have the opposite field sign. Cortical magnification factor "
        "curves for striate and extrastriate cortical areas were determined, which showed that human visual areas have "
        "a greater emphasis on the center-of-gaze than their counterparts in monkeys. Retinotopically organized visual "
        "areas in humans extend anteriorly to overlap several areas previously shown to be activated by written words."))
    said = [s.text for s in _paragraph([sereno], "Visual areas", "reconstructing images from brain activity")]
    assert not any(re.search(r"(?<!volume )data set was then sampled", text) for text in said), said
    # ... but a verb after the work noun is still the paper at work ("sets" was taken for a noun it qualified)
    smith = Paper(key="smith", authors=("Smith, A.", "Jones, B.", "Lee, C."), title="Bank runs", abstract=(
        "Bank runs are costly. The paper sets out to examine how deposit insurance changes the incentives of "
        "depositors. We find that insurance lowers runs."))
    said = [s.text for s in _paragraph([smith], "Deposit insurance", "bank runs")]
    assert "Smith et al. set out to examine how deposit insurance changes the incentives of depositors." in said, said
    # an official repository's note is no content ("... notes that official repository for the paper ...")
    repository = Paper(key="ozcelik2025", title="Ozcelikfu/Brain-Diffuser", abstract=(
        'Official repository for the paper "Brain-Diffuser: Natural scene reconstruction from fMRI signals using '
        'generative latent diffusion" by Furkan Ozcelik and Rufin VanRullen.'))
    from litreview.summarize.offline import text_sentences
    assert text_sentences(repository) == []


def test_the_present_study_after_a_lead_with_by_is_given_its_subject():
    # a Mendeley library on work engagement: "Hakanen et al. note that by using a full panel design ..., the present
    # study aimed to test ..." (the paper's aim, said as a note about it)
    hakanen = Paper(key="Hakanen.2008", authors=("Hakanen, J.", "Schaufeli, W.", "Ahola, K."), title="The JD-R model",
                    abstract="By using a full panel design in a representative sample of Finnish dentists (N=2555), the "
                             "present study aimed to test longitudinally the motivational and health impairment processes "
                             "as proposed in the Job Demands-Resources (JD-R) model. The results supported both processes.")
    said = [s.text for s in _paragraph([hakanen], "Motivational process", "work engagement and burnout")]
    assert ("By using a full panel design in a representative sample of Finnish dentists (N=2555), Hakanen et al. aimed "
            "to test longitudinally the motivational") in said[1], said


def test_a_name_after_its_kind_and_a_comma_is_what_is_introduced():
    said = _clauses("Labels are partial and long-tailed. We introduce a task, Partial labeling and Long-Tailed Multi-Label "
                    "Classification (PLT-MLC).")
    # was "A task, Partial labeling and Long-Tailed Multi-Label Classification (PLT-MLC) are introduced."
    assert said[-1] == "Partial labeling and Long-Tailed Multi-Label Classification (PLT-MLC) is a task."


def test_a_passive_ends_before_a_second_verb_with_its_adverb():
    said = _clauses("In-context learning is poorly understood. We study probabilistic aspects of ICL predictions and "
                    "thoroughly examine the dynamics of ICL as more examples are provided.")
    # was "Probabilistic aspects of ICL predictions and thoroughly examine the dynamics of ICL ... are studied."
    assert said[-1] == "Probabilistic aspects of ICL predictions are studied."


def test_a_short_proposal_goes_on_to_what_its_relative_clause_says_it_is_or_does():
    said = _clauses(
        "Annotations are costly. Inspired by prompt learning, we propose the Mix Prompt Tuning (MPT), which is a "
        "semi-supervised method to alleviate the dependence on annotated data.",
        "Labels carry meaning. Specifically, we propose a Mask Matching method, which equips an input with a prompt "
        "and its label with another.",
        "Continued pre-training can hurt. To tackle these issues, we propose Prompt-based Continued Pre-training (PCP), "
        "which combines the idea of instruction tuning with conventional continued pre-training.",
        "Sharpness matters. In this paper, we propose a novel optimization procedure, namely FSAM, which introduces a "
        "Fisher mask to improve the efficiency of SAM.",
        "Costs differ. We present a general pipeline, dubbed as FavMac, to maximize the value while controlling the cost.")
    assert sorted(said) == sorted([  # each was only "X is proposed." / "FSAM is proposed as an optimization procedure."
        "The Mix Prompt Tuning (MPT) is a semi-supervised method to alleviate the dependence on annotated data.",
        "A Mask Matching method is proposed that equips an input with a prompt and its label with another.",
        "Prompt-based Continued Pre-training (PCP) combines the idea of instruction tuning with conventional continued "
        "pre-training.",
        "FSAM is an optimization procedure that introduces a Fisher mask to improve the efficiency of SAM.",
        "FavMac is a general pipeline to maximize the value while controlling the cost."])


def test_what_a_paper_makes_after_analysing_is_its_proposal_and_listed_verbs_agree():
    said = _clauses(
        "Adapters get fixed ranks. In this paper, we analyze the fundamental limitations of existing methods and "
        "introduce a novel approach, GoRA (Gradient-driven Adaptive Low Rank Adaptation), which adaptively assigns "
        "ranks based on gradient information.",
        "Models ignore answer choices. We propose a mathematical formalism for studying this phenomenon, provide a "
        "metric for quantifying attentiveness, and identify a simple method for increasing it.",
        "Rationales can help. We also translate this finding into an automated score, Gen-U, that we propose, which "
        "can help improve the ability of models to generate rationales.")
    assert said[0] == ("GoRA (Gradient-driven Adaptive Low Rank Adaptation) is an approach that adaptively "
                       "assigns ranks based on gradient information.")  # was "GoRA ... is analyzed as the fundamental limitations ..."
    assert any("provides a metric for quantifying attentiveness" in text for text in said)  # was "proposes ..., provide a metric"
    assert not any("proposes ," in text for text in said)  # "that we propose, which ..." has no object


def test_a_shared_task_entry_is_said_by_what_it_does_and_a_task_title_is_no_name():
    said = _clauses(
        "Events have causes. In this paper, we describe our participation in the subtask 1 of CASE-2022, Event "
        "Causality Identification with Casual News Corpus. We address the Causal Relation Identification (CRI) task "
        "by exploiting a set of simple yet complementary techniques for fine-tuning language models.",
        "Entities are complex. This paper describes the architecture and systems built towards solving the SemEval "
        "2023 Task 2: MultiCoNER II (Multilingual Complex Named Entity Recognition).",
        "Models hallucinate. In this paper, we present our novel systems developed for the SemEval-2024 hallucination "
        "detection task.")
    assert said == [
        "One study addresses the Causal Relation Identification (CRI) task by exploiting a set of simple yet "
        "complementary techniques for fine-tuning language models.",  # was "The authors' participation ... is described."
        "The architecture and systems built towards solving the SemEval 2023 Task 2 are described.",  # was "MultiCoNER II is described as ..."
        "The authors' systems developed for the SemEval-2024 hallucination detection task are presented."]  # was "novel ... is"


def test_two_verbs_of_one_infinitive_keep_the_object_they_share():
    said = _clauses(  # four papers: each clause is cut near 22 words
        "Models miss tags. We propose a learning paradigm, namely LIOBO, which asks the model to enumerate and describe "
        "all visual tags placed on the image following the alphanumeric orders of the tags in training.",
        "Tags are noisy. We present a tag cleaner for images.",
        "Tags are sparse. We introduce a tag completion model for photos.",
        "Tags drift. We study how tags change over time.")
    # was "... that asks the model to enumerate.": cut before "and describe" as if it were the paper's second verb
    assert "LIOBO is a learning paradigm that asks the model to enumerate and describe all visual tags " \
           "placed on the image following the alphanumeric orders of the tags in training." in said


def test_a_clause_does_not_point_back_to_a_problem_only_the_abstract_stated():
    said = _clauses(
        "Label spaces are huge, and prompts cannot list every label. We use a pre-trained dense retrieval model to "
        "bypass this limitation.",
        "Conditional GANs collapse on easy classes. We propose a conditional GAN with an auxiliary discriminative "
        "classifier (ADC-GAN) to resolve the above problem.",
        "Set functions are hard to learn. We propose an algorithmic framework for this problem that iteratively "
        "performs two main steps.",
        "Polymer data are scattered. We introduce a benchmark database and protocol, PolyBench, designed to address "
        "these critical challenges.")
    assert sorted(said) == sorted([  # "this limitation" and "the above problem" refer to a sentence left out
        "PolyBench is a benchmark database and protocol.",  # not "... protocol designed."
        "One study uses a pre-trained dense retrieval model.",
        "A conditional GAN with an auxiliary discriminative classifier (ADC-GAN) is proposed.",
        "An algorithmic framework that iteratively performs two main steps is proposed."])


def test_a_list_is_never_cut_before_its_last_item():
    said = _clauses(  # four papers: each clause is cut near 22 words
        "Topics are many. We propose Text to Topic (Text2Topic), which achieves high performance by employing a Bi-Encoder architecture "
        "that utilizes concatenation, subtraction, and multiplication of embeddings on both text and topic.",
        "Tags are noisy. We present a tag cleaner for images.",
        "Tags are sparse. We introduce a tag completion model for photos.",
        "Tags drift. We study how tags change over time.")
    # was "... that utilizes concatenation, subtraction.": cut at ", and" as if it began a clause
    assert "Text to Topic (Text2Topic) achieves high performance by employing a Bi-Encoder architecture that utilizes concatenation, " \
           "subtraction, and multiplication of embeddings on both text and topic." in said
    # nor before an item after one that ends on its acronym: a seed's "The authors demonstrate ... including supervised
    # fine-tuning, parameter-efficient fine-tuning (PEFT)." had lost its ", and pretraining"
    from litreview.write.cuts import cut
    kept = cut("We demonstrate the effectiveness and versatility of MuToR across a range of use cases, including supervised "
               "fine-tuning, parameter-efficient fine-tuning (PEFT), and pretraining, on challenging generative tasks in "
               "both language and vision domains.", 30)
    assert not kept.endswith("(PEFT)"), kept


def test_a_name_keeps_its_small_words():
    said = _clauses("Domains differ in words. In this paper, we propose a novel method, called Domain Adaptation with "
                    "Structured Knowledge (DASK), to enhance domain adaptation by exploiting word-level semantic relationships.")
    # was "Domain Adaptation is a method with Structured Knowledge (DASK), to enhance ..."
    assert said[-1] == ("Domain Adaptation with Structured Knowledge (DASK) is a method to enhance domain adaptation by "
                        "exploiting word-level semantic relationships.")


def test_a_kind_with_an_acronym_in_it_still_names_what_is_called_after_it():
    said = _clauses("Odometry drifts. We propose a novel monocular visual odometry (VO) system called UnDeepVO in this paper.")
    assert said[-1] == "UnDeepVO is a monocular visual odometry (VO) system."  # was "A monocular ... called UnDeepVO is proposed."


def test_an_acronym_whose_long_form_is_the_label_is_no_shared_term():
    papers = [Paper(key="e5v", title="E5-V", abstract=(
                  "Multimodal large language models (MLLMs) can embed text. We adapt MLLMs to universal embeddings.")),
              Paper(key="pue", title="MLLM4PUE", abstract=(
                  "Multimodal large language models (MLLMs) see slides. We build universal embeddings with MLLMs.")),
              Paper(key="note", title="NoteLLM-2", abstract=(
                  "Multimodal large language models (MLLMs) recommend notes. We train MLLMs for representation."))]
    shared = _shared(papers, "Multimodal large language models", "prompt tuning")
    assert not any("MLLMs" in text for text in shared)  # was "... discuss multimodal large language models (MLLMs)."
    assert any(text.endswith("discuss universal embeddings.") for text in shared)


def test_the_themes_own_acronym_and_a_phrase_qualifying_other_words_are_no_shared_terms():
    papers = [Paper(key="a", title="Calibrating demonstrations", abstract=(
                  "In-context learning (ICL) is brittle. Natural language inference suffers from label bias. We calibrate "
                  "demonstrations for ICL with priors.")),
              Paper(key="b", title="Retrieving demonstrations", abstract=(
                  "In-context learning (ICL) depends on its examples. Natural language understanding needs good examples. "
                  "We retrieve demonstrations for ICL with label anchors.")),
              Paper(key="c", title="Ordering demonstrations", abstract=(
                  "In-context learning (ICL) is sensitive to order. We order demonstrations for ICL with label anchors."))]
    shared = _shared(papers, "Demonstrations", "in-context learning")
    # were "All three works discuss in-context learning (ICL)." (the theme, which "in-" hid) and "Two of them discuss
    # natural language."
    assert not any("ICL" in text or "natural language" in text for text in shared)
    assert any(text.endswith("discuss label anchors.") for text in shared)


def test_a_sentence_leaning_on_the_one_before_follows_it_and_the_authors_do_what_they_did():
    papers = [Paper(key="p0", title="Paper 0", abstract=(
        "We give improved constants for empirical Bernstein bounds. We give conditions under which sample variance "
        "penalization is effective. In particular, we present a bound on the excess risk incurred by the method. Using "
        "this, we argue that there are situations in which the excess risk of our method is smaller. We show some "
        "experimental results, which confirm the theory."))]
    said = [sentence.text for sentence in _paragraph(papers, "Variance penalization", "situations of smaller excess risk")]
    # was "The authors note that using this, they argue that ...", two sentences after the bound it leans on
    assert said[1:3] == ["A bound on the excess risk incurred by the method is presented.",
                        "Using this, the authors argue that there are situations in which the excess risk of their method "
                        "is smaller."]
    assert "The authors show some experimental results, which confirm the theory." in said  # not "report that they show"


def test_a_sentence_leaning_on_one_left_out_is_not_said():
    papers = [Paper(key="p0", title="Paper 0", abstract=(
        "We propose a detector of fake reviews. Review platforms rank sellers by their ratings. These attacks are cheap "
        "and easy to scale across many platforms."))]
    said = [sentence.text for sentence in _paragraph(papers, "Fake reviews", "cheap attacks at scale")]
    # "these attacks" would point at the sentence before it, which adds nothing to the theme and is left out
    assert not any("these attacks" in sentence.lower() for sentence in said)
    papers[0] = papers[0].model_copy(update={"abstract": papers[0].abstract.replace("rank sellers by their ratings",
                                                                                    "suffer frequent attacks by paid writers")})
    said = [sentence.text for sentence in _paragraph(papers, "Fake reviews", "cheap attacks at scale")]
    assert said.index("Review platforms suffer frequent attacks by paid writers.") + 1 == \
        said.index("The authors note that these attacks are cheap and easy to scale across many platforms.")


def test_what_the_authors_did_is_said_with_them_doing_it():
    said = _clauses("We consider higher-order linear-chain conditional random fields for sequence modelling.",
                    "To better understand its behavior, we treat the model as a black-box function approximator and "
                    "observe its generated functions.")
    # were "One study notes that they consider ...", "Another study notes that to better understand ..., they treat ...":
    # the purpose pointed back to a sentence not said ("its behavior"), so it goes
    assert said == ["One study considers higher-order linear-chain conditional random fields for sequence modelling.",
                    "Another study treats the model as a black-box function approximator and observes its generated "
                    "functions."]
    papers = [Paper(key="s", title="Higher-order CRFs", authors=["Smith, Ann", "Jones, Bo", "Lee, Cy"], abstract=(
        "We consider higher-order linear-chain conditional random fields for sequence modelling. In extensive "
        "experiments, we extracted features from optical character recognition."))]
    said = [s.text for s in _paragraph(papers, "Sequence models", "optical character recognition features")]
    assert "Smith et al. consider higher-order linear-chain conditional random fields for sequence modelling." in said
    assert "In extensive experiments, Smith et al. extracted features from optical character recognition." in said


def test_what_a_paper_reports_keeps_the_condition_it_holds_under():
    said = _clauses("When provided a teaching sequence, we show that Transformers learn more sample-efficiently.",
                    "We propose a benchmark of Turking tasks for language models. Despite our lenient evaluation "
                    "methodology, we find that a large pretrained language model performs poorly across all tasks.")
    # were "Transformers learn more sample-efficiently." and "... a large pretrained language model performs poorly
    # across all tasks.": said more widely than the papers say them
    assert "When provided a teaching sequence, Transformers learn more sample-efficiently." in said
    assert "The authors report that despite their lenient evaluation methodology, a large pretrained language model " \
           "performs poorly across all tasks." in said
    said = _clauses("We propose a pose estimator for cameras. Further, we show that generating many pose hypotheses "
                    "leads to more accurate predictions.")
    assert said[-1] == "The authors report that generating many pose hypotheses leads to more accurate predictions."
    # what the authors did before "and ... find that" is no condition of it (a Zotero .bib on species co-occurrence: was
    # "Azaele et al. study the associations among species and, interestingly, the frequencies ... exhibit ...")
    from litreview.write.clauses import finding_clause
    assert finding_clause("Additionally, we study the associations among species and, interestingly, find that the "
                          "frequencies of groups of species exhibit a power-law-like distribution.") == \
        "the frequencies of groups of species exhibit a power-law-like distribution"


def test_a_proposal_after_another_verb_in_the_passive_or_by_the_paper_itself_is_the_approach():
    said = _clauses(
        "Recent work enforces constraints on a neural model. However, such work assumes them a-priori. In this paper, we "
        "relax this strong assumption and present an approach based on error detection rules.",
        "In multi-label text classification, one sample can belong to more than one class. In this paper, a graph "
        "attention network-based model is proposed to capture the dependency structure among the labels.",
        "Labelled data is scarce in the realm of artificial intelligence. This paper focuses on understanding how a "
        "continuous feedback loop can refine models.",
        "Statistical models are often simple. This paper expands existing model selection methodology and presents the "
        "first comparative study of search strategies.")
    # were the background sentences ("In multi-label text classification, one sample can ...", "Labelled data is ...")
    # and "Another work notes that such work assumes them a-priori."
    # and then "One study relaxes this strong assumption and presents ...": the thing made now stands alone
    assert sorted(said) == sorted([  # in the order that keeps related papers together
        "An approach based on error detection rules is presented.",
        "A graph attention network-based model is proposed to capture the dependency structure among the labels.",
        "Another study focuses on understanding how a continuous feedback loop can refine models.",
        "One study expands existing model selection methodology and presents the first comparative study of search "
        "strategies."])


def test_a_paper_doing_anything_else_is_said_doing_it_rather_than_its_background():
    said = _clauses(
        "Counterfactual examples are widely employed to make language models robust. To decipher this, we define four "
        "types of relationships between the counterfactual generator and judge models.",
        "Memorization in language models is typically treated as a homogenous phenomenon. We instead model memorization "
        "as the effect of a set of complex factors that describe each sample.",
        "Search engines for job titles are common. The paper focuses on deep learning semantic search algorithms "
        "applied in the HR domain.",
        "Factual recall can be stored in weights or tools. We address this question by demonstrating the benefits of "
        "in-tool learning over in-weight learning for factual recall.")
    # were the background sentences, and "One study addresses this question by demonstrating ..."
    assert sorted(said) == sorted([
        "One study defines four types of relationships between the counterfactual generator and judge models.",
        "Another study instead models memorization as the effect of a set of complex factors that describe each sample.",
        "A further study focuses on deep learning semantic search algorithms applied in the HR domain.",
        "Another work demonstrates the benefits of in-tool learning over in-weight learning for factual recall."])


def test_every_listed_verb_agrees_with_one_study():
    said = _clauses("We summarize performance and review a selection of well performing methods.",
                    "We treat the model as a black-box function approximator and observe its generated functions.")
    assert said == ["One study summarizes performance and reviews a selection of well performing methods.",
                    "Another study treats the model as a black-box function approximator and observes its generated "
                    "functions."]  # were "... and review ...", "... and observe ..."
    # any verb, not only the listed ones, where a determiner follows it (CORD-19, TREC-COVID); not an infinitive's
    said = _clauses("We show the inactivation of the novel coronavirus and endorse the importance of hand hygiene.",
                    "We aim to discuss and suggest the most appropriate procedures in dental practice.",
                    "We assess the adverse impact of the outbreak on students, understand the underlying mechanisms, "
                    "and explore feasible mitigation strategies.")
    assert said == ["One study shows the inactivation of the novel coronavirus and endorses the importance of hand "
                    "hygiene.", "Another study aims to discuss and suggest the most appropriate procedures in dental "
                    "practice.", "Another work assesses the adverse impact of the outbreak on students, understands the "
                    "underlying mechanisms, and explores feasible mitigation strategies."]  # were "endorse", "understand"


def test_also_in_a_papers_first_sentence_points_back_to_nothing_and_goes():
    # CORD-19 (TREC-COVID): "One study also found that ..." opened what the draft says of the paper
    said = _clauses("SARS-CoV-2 antibodies wane. We also found that there are significant levels of neutralizing "
                    "antibodies in recovered SARS patients 9-17 years after initial infection.")
    # a finding now ("The authors report that ..."): "We also found" was taken for what the paper does, "also" its verb
    assert said[-1].endswith(" that there are significant levels of neutralizing antibodies in recovered SARS patients "
                             "9-17 years after initial infection.") and " also " not in said[-1], said


def test_a_purpose_pointing_back_to_a_sentence_not_said_goes():
    said = _clauses("Counterfactual data helps. To decipher this, we define four types of relationships between generators "
                    "and judges.",
                    "Saliency maps are hard to read. In order to make them more accessible, we formalize the task of "
                    "translating saliency maps into natural language.")
    assert sorted(said) == sorted([  # were "To decipher this, one study defines ...", "In order to make them ..., ..."
        "One study defines four types of relationships between generators and judges.",
        "Another study formalizes the task of translating saliency maps into natural language."])


def test_a_verb_ending_in_a_consonant_and_y_agrees_as_applies():
    said = _clauses("We apply a label smoothing prior to noisy multi-label image classification benchmarks.",
                    "We employ a teacher network to relabel noisy samples before training the student network.")
    # was "One study applys ...": only "study" and "identify" were spelled with -ies
    assert said == ["One study applies a label smoothing prior to noisy multi-label image classification benchmarks.",
                    "Another study employs a teacher network to relabel noisy samples before training the student "
                    "network."]


def test_what_counts_as_referring_back():
    from litreview.write.voice import refers_back
    assert refers_back("One study proposes an extension of Confident Learning to this setting.")
    assert refers_back("Its SGD training dynamics are analyzed.")
    assert refers_back("Two neural models for learning such representations are proposed.")
    # the paper itself, an example list, a manner said in the same sentence, "these are": nothing said before
    for text in ("One study argues in this paper that X holds.", "Models such as BERT are probed.",
                 "Models produced in this manner are compared.", "Embeddings help when these are small.",
                 "The editor of this volume gives an introduction."):
        assert not refers_back(text), text


def test_a_listed_verb_after_an_adverb_agrees_too():
    from litreview.write.voice import agreeing
    assert agreeing("grounds for X and furthermore investigate the utility of Y") == (
        "grounds for X and furthermore investigates the utility of Y")  # was "... furthermore investigate ..."
    assert agreeing("X and also describe Y") == "X and also describes Y"


def test_the_last_of_a_list_of_verbs_agrees_whatever_follows_it():
    from litreview.write.voice import agreeing
    # a single author's "In this paper I outline X, identify Y, and illustrate techniques ..." (Web of Science)
    assert agreeing(" some of the main requirements, identify the critical areas where NWP products fall short, and "
                    "illustrate techniques being developed") == (
        " some of the main requirements, identifies the critical areas where NWP products fall short, and "
        "illustrates techniques being developed")  # was "... and illustrate techniques"
    # a noun ending a list is no verb
    assert agreeing(" X, report outcomes, and mortality rates in children") == (
        " X, reports outcomes, and mortality rates in children")
    assert agreeing(" X for images, videos, and audio signals") == " X for images, videos, and audio signals"
    # the last verb agreed already (a CORD-19 abstract's list of aims)
    assert agreeing(" the adverse impact on students' mental health, understand the underlying mechanisms, and explore "
                    "feasible mitigation strategies") == (" the adverse impact on students' mental health, understands the "
                                                          "underlying mechanisms, and explores feasible mitigation strategies")


def test_what_a_sentence_refers_back_to_is_said_first_or_kept_after_its_verb():
    said = _clauses(
        "Knowledge in models is probed with questions. Do they answer such questions by cheating? In this paper, we "
        "investigate this issue using a controlled biography dataset.",
        "Text needs vectors. In this dissertation we report results of our research on dense distributed "
        "representations of text data. We propose two novel neural models for learning such representations.")
    assert said == [
        # a question says nothing to refer to; "this issue" stays after its verb (was "This issue using a controlled
        # biography dataset is investigated.")
        "One study investigates this issue using a controlled biography dataset.",
        # "such representations" are those the sentence before names, said first (the dissertation is the work itself)
        "The authors report results of their research on dense distributed representations of text data.",
        "Two neural models for learning such representations are proposed."]


def test_a_long_leading_purpose_is_kept_whole_with_who_did_it():
    from litreview.write.cuts import cut
    sentence = ("To prospect the T cell targets in SARS-CoV-2, and by consequence, the epitopes that are conferring "
                "cross-protection in the current pandemic, we modeled 3D structures of HLA-A*02:01 presenting "
                "immunogenic epitopes from SAR-CoV-1, recovered from the IEDB.")
    # no cut inside the purpose: it would leave no main clause (was "... notes that to prospect the T cell targets in SARS-CoV-2")
    assert cut(sentence, 30) == sentence
    said = _clauses("Immunity differs between countries. " + sentence,
                    "Vision models are evaluated. To uncover such capabilities of MLMs, particularly GPT-4V and Gemini, "
                    "we provide an in-depth evaluation from three perspectives.")
    assert said[0].startswith("To prospect the T cell targets in SARS-CoV-2, and by consequence, the epitopes that are "
                              "conferring cross-protection in the current pandemic, one study modeled 3D structures")
    assert said[-1] == ("To uncover such capabilities of MLMs, particularly GPT-4V and Gemini, another study provides an "
                       "in-depth evaluation from three perspectives.")  # was "Another study notes that to uncover ..., they provide ..."


def test_a_review_names_itself_as_the_work():
    said = _clauses("Drugs may raise risk. In this review, we provide a critical review of risk factors for severe "
                    "COVID-19 in patients with hypertension.")
    assert said[-1:] == ["One study provides a critical review of risk factors for severe COVID-19 in patients with "
                    "hypertension."]  # was "In this review, one study provides ..."


def test_a_stated_aim_is_said_as_what_the_study_does():
    from litreview.write.clauses import active_sentence, approach_clause
    said = {text: active_sentence("One study", approach_clause(text)) for text in (
        "The aim of this study is to evaluate the efficacy and safety of convalescent plasma in hospitalized adults.",
        "To develop and validate a prognostic model for in-hospital mortality in COVID-19 patients.",
        "To date, few studies have examined early warning scores.",
        "The aim of this study was to investigate the frequency of olfactory loss in out-patients and to evaluate the "
        "diagnostic value of sudden smell loss.")}
    assert list(said.values()) == [
        "One study evaluates the efficacy and safety of convalescent plasma in hospitalized adults.",
        "One study develops and validates a prognostic model for in-hospital mortality in COVID-19 patients.",
        "One study notes that to date, few studies have examined early warning scores.",  # "To date" is no aim
        # was "... investigates the frequency of olfactory loss in out-patients and to evaluate the ..."
        "One study investigates the frequency of olfactory loss in out-patients and evaluates the diagnostic value of "
        "sudden smell loss."]
    # an aim that goes on with a verb no study does ("and to aid in X") stays an aim (CORD-19: was "One study determines
    # the effectiveness of ... masks ..., and to aid in establishing public health strategies ...")
    assert active_sentence("One study", approach_clause(
        "To determine the effectiveness of washable masks, and to aid in establishing public health strategies.")) \
        == "One study aims to determine the effectiveness of washable masks, and to aid in establishing public health strategies."
    # ... as does one whose second verb an aside follows (Web of Science, school discipline: was "Hines et al. examine
    # the overrepresentation of Black boys and to determine, using a quantifiable percentage, how ...")
    assert active_sentence("Hines et al.", approach_clause(
        "The purpose of this study is to examine the overrepresentation of Black boys and to determine, using a "
        "percentage, how suspension can be eradicated."), plural=True) == (
        "Hines et al. aim to examine the overrepresentation of Black boys and to determine, using a percentage, how "
        "suspension can be eradicated.")


def test_a_study_that_studied_is_another_work():
    said = _clauses("Sepsis is common. We propose a score for sepsis.",
                    "Severity differs by sex. We studied 4510 UK Biobank participants tested for COVID-19.")
    assert "One work studied 4510 UK Biobank participants tested for COVID-19." in said  # not "One study studied"


def test_an_irregular_past_agrees_and_a_literature_review_is_the_work_itself():
    said = _clauses(
        "Sera were collected. We also found that there are significant levels of neutralizing antibodies in recovered "
        "SARS patients 9-17 years after initial infection.",
        "Viruses coevolve with hosts. In this literature review we try to give a short insight into some general "
        "consequences or traits of virus-host coevolution.")
    assert any(text.endswith(" that there are significant levels of neutralizing antibodies in recovered SARS patients "
                             "9-17 years after initial infection.") and "found" not in text for text in said), said  # was
    # "also founds", then "One study found that ..." (a finding taken for what the paper does)
    assert any(text.endswith(" study tries to give a short insight into some general consequences or traits of "
                             "virus-host coevolution.") for text in said), said  # was "notes that in this literature
    # review they try to ..."


def test_a_colon_after_an_infinitive_keeps_the_active_and_and_they_agrees():
    said = _clauses(
        "VLMs lack understanding. In this work, we propose to combine \"the best of both worlds\": a new training "
        "approach for discriminative fine-tuning of LVLMs.",
        "Intents arrive over time. We investigate spoken language understanding in a class-incremental setting and "
        "they propose COCONUT, a method that relies on contrastive learning.")
    # was 'Combining "the best of both worlds": a new training approach ... is proposed.'
    assert said[0] == ("One study proposes to combine \"the best of both worlds\": a training approach for "
                       "discriminative fine-tuning of LVLMs.")
    assert said[1].endswith("class-incremental setting and proposes COCONUT, a method that relies on contrastive "
                            "learning.")  # was "... and they propose COCONUT"


def test_a_name_the_sentence_capitalises_again_keeps_its_capital():
    from litreview.write.english import lower_first
    # CORD-19: "Another study notes that turkey is one of the latest countries ..." lost the country's capital
    assert lower_first("Turkey is one of the latest countries, and Istanbul in Turkey became the epicenter") == \
        "Turkey is one of the latest countries, and Istanbul in Turkey became the epicenter"
    assert lower_first("Experimental results show gains on Turkey data") == "experimental results show gains on Turkey data"
    # a Web of Science export on black silicon: "@zhang2017controlling note that Thin Al2O3 films were deposited"
    assert lower_first("Thin Al2O3 films were deposited on p-type black silicon") == \
        "thin Al2O3 films were deposited on p-type black silicon"
    assert lower_first("Prompt Tuning, a method of ours, works") == "Prompt Tuning, a method of ours, works"


def test_a_list_the_clause_does_not_give_is_not_announced():
    said = _clauses("Hypertension is common. In this review, we provide a critical review to the following questions: "
                    "(1) Does hypertension influence immunity? (2) Is aging a major factor?")
    assert "One study provides a critical review." in said  # was "... a critical review to the following questions."


def test_no_cut_inside_brackets_and_a_head_agrees_by_its_own_number():
    from litreview.write.english import plural_head
    said = _clauses("Arabic lacks models. As a result, we release three new Arabic BERT-style models ( JABER, Char-JABER, "
                    "and SABER), and two T5-style models (AT5S and AT5B).")
    assert said[-1].startswith("Three Arabic BERT-style models ( JABER, Char-JABER, and SABER)")  # was "( JABER, Char-JABER are"
    assert not plural_head("A precise and quantitative law that governs the learning of token embeddings")
    assert plural_head("A model and a dataset for retrieval") and plural_head("State-of-the-art LLMs (such as GPT-4)")
    assert not plural_head("The model (base, instructed, and chat) along with its training data")


def test_everyones_understanding_is_not_the_authors_and_in_our_work_is_the_work_itself():
    said = _clauses(
        "Brains are hard to read. We show that decoding brain recordings is pivotal for advancing our understanding of "
        "human cognition.",
        "Attention is debated. In our work, we compare attention with five feature attribution methods, and extend "
        "this analysis to transformers.")
    assert any("advancing the understanding of human cognition" in text for text in said)  # was "their understanding"
    assert "Another study compares attention with five feature attribution methods, and extends this analysis to " \
           "transformers." in said  # was "In their work, one study compares ..., and extend ..."
    from litreview.write.clauses import clean_clause
    assert clean_clause("to the best of our knowledge, we are first") == "to the best of their knowledge, they are first"


def test_markdown_emphasis_an_abstract_kept_is_not_quoted():
    said = _clauses("Models differ. We propose **GRAPE**, a SFT framework that accounts for the target model.")
    assert said[-1] == "GRAPE is a SFT framework that accounts for the target model."  # was "proposes **GRAPE**, ..."


def test_cord19_leads_a_main_clause_of_the_study_itself_and_a_note_of_no_abstract():
    from litreview.summarize.offline import content_sentences
    from litreview.write.clauses import active_sentence, approach_clause
    said = [active_sentence("Another study", approach_clause(text)) for text in (
        "To assess the role of HVAC systems in airborne transmission, this study sought to determine the viral "
        "presence on air handling units.",
        "Thus we examined whether glycosphingolipids can serve as an antiviral therapeutic target.")]
    assert said == [  # was "Another study assesses the role of ..., this study sought to ..."
        "To assess the role of HVAC systems in airborne transmission, another study sought to determine the viral "
        "presence on air handling units.",
        "Another study examined whether glycosphingolipids can serve as an antiviral therapeutic target."]  # "notes that thus they"
    assert content_sentences("This article has no abstract DOI:10 18502/jfqhc 7 1 2445") == []  # was "One study has no abstract"
    cited = "A small study found faster recovery with the higher dose (medRxiv 2020, DOI: 10 1101/2020 04 07 20056424)."
    assert content_sentences(cited) == [cited]  # a DOI cited in prose is no boilerplate


def test_one_title_left_is_the_paper_and_the_us_is_no_pronoun():
    from litreview.write.clauses import clean_clause
    from litreview.write.titled import title_sentences
    long = "A long title about the sexual and other routes of SARS-CoV-2 transmission and its prevention in settings"
    papers = {key: Paper(key=key, title=title) for key, title in (("a", long), ("b", long + " of care"), ("c", long + " too"))}
    said = [s.text for s in title_sentences(list(papers), papers, None, "", alone=False)]
    # one paper is "the paper", not "the papers"; a second sentence of the list does not repeat the first's lead
    assert len(said) == 2 and said[1].startswith("A further related paper is “")
    assert clean_clause("We screened 1700 US FDA approved compounds with us") == \
        "They screened 1700 US FDA approved compounds with them"  # was "1700 Them FDA approved compounds"


def test_cord19_figures_mini_reviews_irregular_pasts_and_prepositional_leads():
    from litreview.summarize.offline import content_sentences
    assert content_sentences("Droplets spread the virus widely. [Figure: see text].") == ["Droplets spread the virus widely."]
    said = _clauses(
        "Aerosols matter. In this mini-review, we highlight possible genetic determinants of COVID-19.",
        "Offices are risky. In order to quantify the risk in enclosed spaces, we undertook a computer modelling study.",
        "Lactoferrin is antimicrobial. Due to the broad-spectrum antimicrobial activity of lactoferrin, we sought to "
        "verify whether its bovine form would be effective against SARS-CoV-2.")
    assert "One study highlights possible genetic determinants of COVID-19." in said  # was "In this mini-review, one study"
    assert "In order to quantify the risk in enclosed spaces, another study undertook a computer modelling study." \
        in said  # was "undertooks"
    assert ("Due to the broad-spectrum antimicrobial activity of lactoferrin, another work sought to verify whether its "
            "bovine form would be effective against SARS-CoV-2.") in said  # was "Another study notes that due to ..., they sought"


def test_yet_indeed_below_and_herein_are_connectives_of_the_abstract_not_of_the_paragraph():
    from litreview.write.clauses import clean_clause
    assert clean_clause("Yet, the true challenge lies in knowledge-intensive VQA tasks.") == \
        "the true challenge lies in knowledge-intensive VQA tasks"  # was "Yet, the true challenge ..." said alone
    assert clean_clause("Indeed, models forget.") == "models forget"
    # a news item in a hand-kept .bib on data ethics: "@hao_can_2019 note that but increasingly, algorithms have begun
    # to arbitrate fairness"; a sentence opening on "But", "And" or "Yet" leans on the one before
    assert clean_clause("But increasingly, algorithms have begun to arbitrate fairness.") == \
        "algorithms have begun to arbitrate fairness"
    assert clean_clause("And yet we find little.") == "they find little"
    assert clean_clause("So far, nothing is known.") == "So far, nothing is known"
    # a Web of Science export on debris flows: "note that the aims of the study were to i) collect." (items marked
    # "i)", "ii)" without an opening bracket, one of them cut)
    said = clean_clause("The aims of the study were to i) collect and show evidence of debris flow occurrence after "
                        "wildfire; ii) quantify erosion rates from debris flows and; iii) identify rainfall thresholds.")
    assert said.startswith("The aims of the study were to collect and show evidence of debris flow occurrence"), said
    assert clean_clause("Cells of type ii) were counted.") == "Cells of type ii) were counted"  # no list
    # CORD-19 (TREC-COVID): "Below, another study reviews the possibilities ..." pointed into the paper's own pages
    assert clean_clause("Below, we review the possibilities of targeting the pathway.") == \
        "they review the possibilities of targeting the pathway"
    assert clean_clause("Herein, we report a case.") == "they report a case"
    # a Covidence RIS export on flash floods: "In order, Karagiorgos et al. implemented an integrated vulnerability
    # approach" (its purpose, "to close this gap", went, not what led to it)
    assert clean_clause("In order to close this gap, this paper implemented an integrated vulnerability approach.") == \
        "this paper implemented an integrated vulnerability approach"
    # "In this manuscript, another work outlines ...": a manuscript, a commentary, an editorial is the work itself
    assert clean_clause("In this manuscript, we outline the obstacles.") == "they outline the obstacles"
    assert _clauses("Pollution is rising. This commentary examines the evidence on particulate matter in SARS-CoV-2 "
                    "transmission.")[-1] == "The evidence on particulate matter in SARS-CoV-2 transmission is examined."
    assert clean_clause("We hereby report recombinant co-expression.") == "They report recombinant co-expression"
    assert clean_clause("Below 5 degrees, the virus survives.") == "Below 5 degrees, the virus survives"
    # a relative clause that lost what followed is cut, but "WHO" is the World Health Organization (CORD-19)
    assert clean_clause("Responses came from 12 countries and five WHO regions.") == \
        "Responses came from 12 countries and five WHO regions"  # was "... and five"
    # CORD-19 drafts on Canada: "Given this background, another study modeled ...", a cut "... in other countries,
    # especially", and "sought to estimate and compares"
    assert clean_clause("Given this background, we modeled unobserved infections.") == "they modeled unobserved infections"
    assert clean_clause("MERS caused sporadic cases in other countries, especially") == \
        "MERS caused sporadic cases in other countries"
    from litreview.write.voice import agreeing
    assert agreeing(" sought to estimate and compare the CFR") == " sought to estimate and compare the CFR"
    assert agreeing(" aims to refine X in MLCIL and propose a CSC approach") == \
        " aims to refine X in MLCIL and proposes a CSC approach"  # back to the subject: "we aim ... and propose"


def test_a_finding_that_only_announces_a_list_is_not_said_and_ones_names_no_group():
    from litreview.group.terms import is_noun_phrase
    said = _clauses("Mamba is fast. We propose ML-Mamba, a multimodal language model that uses Mamba-2 for inference. "
                    "The experimental results show that: (1) ML-Mamba achieves performance comparable to TinyLaVA.")
    assert not any(text.endswith(" show.") for text in said)  # was "The experimental results show."
    assert not is_noun_phrase("larger ones")  # was the label "Larger ones"


_OPENINGS = [
    # a label's first word that is a name keeps its capital (was "Work on french legal texts") ...
    (["Dense retrievers trained on English data transfer poorly to German and French statutes.",
      "We retrieve French legal texts with a multilingual encoder."], "French legal texts", "dense retrieval",
     "Work on French legal texts relates to dense retrieval."),
    # ... a Title Case run in an abstract is no name ...
    (["We tune Multimodal Large Language Models (MLLMs) with prompts.",
      "Evaluating multimodal large language models depends on their prompts."], "Multimodal large language models",
     "prompt tuning", "Work on multimodal large language models relates to prompt tuning."),
    # ... nor is a capital only ever said with the capitals after it, a long form (was "Work on Neural networks")
    (["We compare Recurrent Neural Networks (RNNs) with transformers.",
      "By combining Graph Neural Networks (GNNs) with language models, we generate molecules."], "Neural networks",
     "code generation", "Work on neural networks relates to code generation."),
    # ... but a label the grouping spelled with capitals throughout, as an abstract says it, keeps them all (a Scopus
    # export on interoperability: was "Work on agent Interaction Protocols")
    (["To address these issues, we propose an Agent Interaction Protocols (AiP)-based approach for reusing processes.",
      "Protocols of partners are composed by a software agent."], "Agent Interaction Protocols", "web service composition",
     "Work on Agent Interaction Protocols relates to web service composition."),
    # ... and the capital a heading gives goes, a name after it or not (was "Work on Empirical Bernstein bounds")
    (["We derive confidence bounds, called empirical Bernstein bounds, for the sample variance.",
      "Empirical Bernstein bounds give faster rates for penalized risk."], "Empirical Bernstein bounds", "risk bounds",
     "Work on empirical Bernstein bounds relates to risk bounds."),
    # the theme keeps a name's capital too (was "relates to hubble constant tension"), and only a name's
    (["We measure the local value of the Hubble constant with Cepheid variables.",
      "Our value of the Hubble constant sits midway between Planck and Cepheid distances."], "Cepheid variables",
     "Hubble constant tension", "Work on Cepheid variables relates to Hubble constant tension."),
    (["We study prompt tuning for vision models.", "Prompt tuning adapts frozen encoders with few prompt vectors."],
     "Vision models", "Prompt tuning", "Work on vision models relates to prompt tuning."),
    # a species named in brackets (was "Work on prionace glauca", fisheries Zotero export)
    (["Blue sharks (Prionace glauca) dominated the annual bycatch of longline fisheries.",
      "Blue (Prionace glauca) and mako sharks are taken as by-catch of the tuna longline fishery."], "Prionace glauca",
     "shark bycatch", "Work on Prionace glauca relates to shark bycatch."),
]


@pytest.mark.parametrize("abstracts, label, theme, opening", _OPENINGS)
def test_an_opening_keeps_the_capitals_of_names_only(abstracts, label, theme, opening):
    papers = [Paper(key=f"p{n}", abstract=abstract) for n, abstract in enumerate(abstracts)]
    assert _paragraph(papers, label, theme)[0].text == opening


def test_what_every_abstract_says_of_itself_is_no_shared_topic():
    papers = [Paper(key="a", abstract="We survey visual understanding in MLLMs and outline a research direction for future research."),
              Paper(key="b", abstract="We benchmark visual understanding of MLLMs and suggest a research direction for future research."),
              Paper(key="c", abstract="Hallucination plays a potential role in MLLM errors.")]
    shared = _shared(papers, "Evaluation", "multimodal models")
    assert shared and not any(term in text for text in shared for term in ("future research", "research direction"))
    assert "Two of them discuss visual understanding." in shared


def test_a_name_the_papers_capitalise_keeps_its_capitals_and_a_method_they_stress_does_not():
    who = [Paper(key="a", abstract="COVID-19 was declared a pandemic by the World Health Organization in March. Masks cut spread."),
           Paper(key="b", abstract="Dentists follow guidance of the World Health Organization (WHO). Aerosols carry virus."),
           Paper(key="c", abstract="Schools reopened in May.")]
    assert "Two of them discuss the World Health Organization." in _shared(who, "Guidance", "COVID-19 prevention")  # was "world health organization"
    lora = [Paper(key="d", abstract="We fine-tune with Low-Rank Adaptation (LoRA) and Prefix Tuning on GLUE."),
            Paper(key="e", abstract="Our method extends Low-Rank Adaptation (LoRA) to vision transformers."),
            Paper(key="f", abstract="Adapters add small layers.")]
    assert "Two of them discuss low-rank adaptation (LoRA)." in _shared(lora, "Adapters", "parameter-efficient fine-tuning")


def test_a_new_and_other_thing_loses_new_and_whole():
    said = _clauses("We present a new and independent determination of the Hubble constant from the tip of the red giant branch.",
                    "We fine-tune adapters for low-resource translation.")
    assert any(text.startswith("An independent determination of the Hubble constant") for text in said), said  # was "An and"


def test_a_second_verb_reported_agrees_with_one_author():
    papers = [Paper(key="li", authors=("Li, Wei",), abstract="Occluded pedestrians are missed by most detectors. We propose "
                    "an occlusion-aware part model for pedestrian detection and report gains on CityPersons."),
              Paper(key="kim", authors=("Kim, Ana",), abstract="We fuse thermal and RGB images in a two-stream detector.")]
    said = [s.text for s in _paragraph(papers, "Pedestrians", "pedestrian detection")]
    assert any("proposes an occlusion-aware part model for pedestrian detection and reports gains" in text for text in said), said


def test_a_second_verb_opening_the_object_or_after_an_aside_agrees_with_its_authors():
    from litreview.write.clauses import Clause, active_sentence
    from litreview.write.voice import second_verbs_in_base_form
    # a Web of Science export on school discipline: "Carey introduces and deploy the Intersectional School Power Model"
    # (a single author's "I introduce and deploy": the second verb opened the first's object)
    said = active_sentence("Carey", Clause("introduce", "and deploy the Intersectional School Power Model", ""))
    assert said == "Carey introduces and deploys the Intersectional School Power Model."
    # Scopus and Web of Science exports on labour relations and decolonial theory, "This paper examines X and concludes
    # Y" said of two authors: was "Nevile and Kriesler examine X and concludes", "... and goes on", "... seeks"
    assert second_verbs_in_base_form(" the arguments around these issues and concludes that neither side won") == \
        " the arguments around these issues and conclude that neither side won"
    assert second_verbs_in_base_form(" the background, analyses the reforms and goes on to consider them") == \
        " the background, analyse the reforms and go on to consider them"
    assert second_verbs_in_base_form(" trends and, drawing on critical Black studies, seeks to highlight limits") == \
        " trends and, drawing on critical Black studies, seek to highlight limits"
    # a Zotero export on gamification: "@Devers2015417 offer a critical perspective ... and defines gamification as ..."
    assert second_verbs_in_base_form(" a critical perspective on gamification and defines gamification as play") == \
        " a critical perspective on gamification and define gamification as play"
    # ... and of several authors ("This paper introduces and designs a technique", an ACM export: was "introduce and
    # designs")
    from litreview.write.clauses import approach_clause
    assert active_sentence("Li et al.", approach_clause("This paper introduces and designs a general testing technique."),
                           plural=True) == "Li et al. introduce and design a general testing technique."

def test_cord19_study_designs_and_verb_lists_are_the_study_itself():
    # TREC-COVID abstracts, as the drafts on hypertension, children and loss of smell said them before
    said = _clauses(
        "BACKGROUND: Early triage is essential for case management. METHODS: We trained, validated, and externally "
        "tested a machine-learning model to identify patients who will die.",
        "Hypertension is common. METHODS AND RESULTS: This is a retrospective observational study of all patients "
        "admitted with COVID-19 to Huo Shen Shan Hospital.",
        "Data on children are limited. In this retrospective study, we recruited 10 children infected with SARS-CoV-2 "
        "in Changsha, China.",
        "Anosmia is frequent. In this case report, we report a patient who presented with dysosmia.",
        "Diabetes is a risk. In this Perspective, we discuss some of the challenges of interpreting the literature.",
        "The study aimed to evaluate the association between hypertension and severe COVID-19.",
        "This document will highlight some of the issues facing providers.")
    subjects = ("One study", "Another study", "A further study", "Another work")  # in the paragraph's own order
    assert len(said) == 7 and {next(text[len(s):] for s in subjects if text.startswith(s)) for text in said} == {
        # was "One study notes that they trained, ..." (a verb followed by a comma had no subject)
        " trained, validated, and externally tested a machine-learning model to identify patients who will die.",
        " is a retrospective observational study of all patients admitted with COVID-19 to Huo Shen Shan "
        "Hospital.",  # was "Another study notes that this is a retrospective ..."
        " recruited 10 children infected with SARS-CoV-2 in Changsha, China.",  # "In this retrospective study, a further study"
        " reports a patient who presented with dysosmia.",  # was "In this case report, another work reports"
        " discusses some of the challenges of interpreting the literature.",  # "In this Perspective, one study"
        " aimed to evaluate the association between hypertension and severe COVID-19.",  # "The study aimed" alone
        " highlights some of the issues facing providers."}  # "notes that this document will highlight", then "will highlight"


def test_a_cut_never_ends_on_therefore_or_on_is_likely():
    from litreview.write.cuts import DANGLING_END
    assert DANGLING_END.sub("", "wearing a face mask does not increase hand-face contacts and is likely, therefore") == \
        "wearing a face mask does not increase hand-face contacts"  # was "... and is likely, therefore [@key]."
    assert DANGLING_END.sub("", "the masks are likely") == "the masks are likely"  # a whole clause stays


def test_a_cut_never_ends_on_an_abbreviation_that_introduces_what_follows():
    from litreview.write.cuts import cut
    text = ("We also show, that by changing the pH of the solution i.e., by tuning the electrostatic interaction, the "
            "monolayer colloidal crystal can be formed or destroyed")
    # soft matter, Better BibTeX: was "... show, that by changing the pH of the solution i.e."
    assert not cut(text, 20).endswith("i.e.")


def test_a_cut_never_keeps_the_not_half_of_not_x_but_y():
    from litreview.write.cuts import cut
    # an EndNote RIS export of PubMed records: was "@kovacs2019network offer structural and evolutionary evidence that
    # proteins interact not if they are similar to each other." (the opposite of what the paper found)
    text = ("Here, we offer structural and evolutionary evidence that proteins interact not if they are similar to each "
            "other, but if one of them is similar to the other's partners")
    assert cut(text, 20) == text
    text = "The difference in mortality between the arms was not significant, but the secondary outcome improved"
    assert cut(text, 12) == "The difference in mortality between the arms was not significant"  # a contrast of two


def test_a_list_of_verbs_cut_before_its_last_item_ends_with_and():
    from litreview.write.cuts import cut
    # an EndNote RIS export of PubMed records: was "@makarov2021survey overview the existing applications of graph
    # embeddings to computer science domains, formulate open problems."
    said = cut("Finally, we overview the existing applications of graph embeddings to computer science domains, "
               "formulate open problems and provide experiment results, explaining how different network properties "
               "result in graph embeddings quality", 20)
    assert said == ("Finally, we overview the existing applications of graph embeddings to computer science domains "
                    "and formulate open problems")
    said = cut("To do so, we propose a graph model with many layers and many heads and evaluate it on benchmarks of "
               "all kinds", 14)
    assert said == "To do so, we propose a graph model with many layers and many heads"  # that comma lists nothing
    # a Manubot references.json: was "... present a comprehensive theory of a straightforward, yet versatile SG
    # algorithm, discuss its practical behavior."
    said = cut("Based on this viewpoint, we present a comprehensive theory of a straightforward, yet versatile SG "
               "algorithm, discuss its practical behavior, and highlight opportunities for designing algorithms with "
               "improved performance", 24)
    assert said.endswith("versatile SG algorithm and discuss its practical behavior"), said


def test_what_a_study_aims_to_do_is_said_as_aimed_at_every_verb():
    # CORD-19 (TREC-COVID), "diabetes": was "One study aims to briefly provide insight into ... and diabetes, presents
    # practical management recommendations."
    said = _one_paper("Diabetes is one of the most important comorbidities. We aim to briefly provide insight into "
                      "potential mechanistic links between the novel coronavirus infection and diabetes, present practical "
                      "management recommendations, and elaborate on the differential needs of several patient groups.",
                      "Diabetes", "diabetes and COVID-19")
    assert said[1] == ("One study aims to briefly provide insight into potential mechanistic links between the novel "
                       "coronavirus infection and diabetes and present practical management recommendations.")


def test_novel_stays_where_being_new_is_what_was_found():
    from litreview.write.english import without_hype
    assert without_hype("a novel approach and a new and independent test") == "an approach and an independent test"
    # an EndNote RIS export of PubMed records: was "learns from PPIs of different viruses to predict for a one"
    assert without_hype("to predict for a novel one") == "to predict for a novel one"
    for kept in ("a new species of sauropod", "a novel human coronavirus", "a New York hospital"):
        assert without_hype(kept) == kept
    # an ACM Digital Library export: was "propose a simple yet an approach to improve completion"
    assert without_hype("a simple yet a novel approach to improve completion") == "an approach to improve completion"


def test_a_second_aim_is_where_a_long_sentence_is_cut():
    from litreview.write.cuts import bounded
    # a Mendeley export on brain genetics: was "... in humans and to obtain a list of robust, region-specific."
    said = bounded("Chen et al. analyzed the gene expression profiles of three brain regions-the brain stem, cerebellum "
                   "and cerebral cortex-to identify genes that are differentially expressed among these different brain "
                   "regions in humans and to obtain a list of robust, region-specific, differentially expressed genes by "
                   "comparing the expression signatures from different individuals.")
    assert said.endswith("differentially expressed among these different brain regions in humans."), said
    # a Covidence RIS export on flash floods: was "... perform a critical analysis of ... studies to better understand."
    # ("and summarize" is the infinitive's second verb, not the paper's)
    from litreview.write.cuts import cut
    said = cut("This paper performs a critical analysis of previous flood-related human impact and vulnerability studies "
               "to better understand and summarize the human-related factors that determine the impacts", 25)
    assert not said.endswith("to better understand"), said
    assert cut("We propose a new method for flood routing in steep catchments with sparse gauges and evaluate it on 40 "
               "events in the Alps", 20) == "We propose a new method for flood routing in steep catchments with sparse gauges"


def test_a_cut_leaves_out_an_aside_between_subject_and_verb_not_the_verb():
    from litreview.write.cuts import cut
    # a Mendeley export on brain genetics: was "@Fornito2019 note that the recent construction of brain-wide gene
    # expression atlases." (cut at ", which")
    said = cut("The recent construction of brain-wide gene expression atlases, which measure the transcriptional "
               "activity of thousands of genes in multiple anatomical locations, has made it possible to connect spatial "
               "variations in gene expression to connectome structure", 22)
    assert said == ("The recent construction of brain-wide gene expression atlases has made it possible to connect "
                    "spatial variations in gene expression to connectome structure")


def test_a_cut_leaves_out_a_list_of_examples_between_subject_and_verb():
    from litreview.write.cuts import cut
    # a Paperpile export on PFAS: was "@Wei2018-ly note that the concentration profiles and geographical distribution
    # of 14 PFASs." (cut at ", including"; the examples hold "6:2" and commas of their own)
    said = cut("the concentration profiles and geographical distribution of 14 PFASs, including two alternatives of "
               "perfluorooctane sulfonate (PFOS), 6:2 fluorotelomer sulfonate (6:2 FTS) and potassium "
               "9-chlorohexadecafluoro-3-oxanonane-1-sulfonate (F-53B), were analyzed in groundwater samples (n = 102) "
               "collected from water wells in non-industrial areas", 30)
    assert said == ("the concentration profiles and geographical distribution of 14 PFASs were analyzed in groundwater "
                    "samples (n = 102) collected from water wells in non-industrial areas")
    # short enough, the examples stay
    short = "the levels of three PFASs, including PFOS, were measured in serum"
    assert cut(short, 30) == short


def test_a_numbered_list_is_cut_whole_or_before_its_first_item():
    from litreview.write.cuts import cut
    # a JabRef library on load monitoring: "@kelly2015NeuralNILM adapt three deep neural network architectures to energy
    # disaggregation: 1) a form of recurrent neural network called 'long short-term memory' (LSTM)." (two of three lost)
    said = cut("we adapt three deep neural network architectures to energy disaggregation: 1) a form of recurrent neural "
               "network called 'long short-term memory' (LSTM); 2) denoising autoencoders; and 3) a network which "
               "regresses the start time, end time and average power demand of each appliance activation", 30)
    assert said == "we adapt three deep neural network architectures to energy disaggregation"
    short = "we compare two models: 1) a linear model; 2) a forest"
    assert cut(short, 30) == short
    # ... and a finding cut before its numbered items says only that the method works: no finding (Multi-XScience: "The
    # authors report that empirical evaluation on the KITTI dataset demonstrates the effectiveness of their approach.")
    from litreview.summarize.offline import offline_summary
    from litreview.write.statements import finding_sentence
    paper = Paper(key="zhou", title="Depth and pose", abstract=(
        "We learn depth and ego-motion from video. Empirical evaluation on the KITTI dataset demonstrates the effectiveness "
        "of our approach: 1) monocular depth performs comparably with supervised methods that use either ground-truth "
        "pose or depth for training, and 2) pose estimation performs favorably compared to established SLAM systems under "
        "comparable input settings."))
    summary = offline_summary(paper)
    assert summary.finding and summary.finding.startswith("Empirical evaluation")
    assert finding_sentence(paper, summary) is None


def test_a_long_list_of_titles_varies_its_leads():
    from litreview.write.titled import title_sentences
    titles = [f"Hypertension and COVID-19: evidence from cohort {n} of hospitalised patients in the first wave of 2020"
              for n in range(7)]
    papers = {f"t{n}": Paper(key=f"t{n}", title=title) for n, title in enumerate(titles)}
    said = [s.text for s in title_sentences(list(papers), papers, None, "", alone=False)]
    leads = [text.split(" “")[0] for text in said]
    # was "Also related are the papers" three times over (TREC-COVID records without abstracts)
    assert leads[:3] == ["Also related are the papers", "Further related papers are", "Related as well are the papers"]
    assert all(lead.split()[:2] != before.split()[:2] for before, lead in zip(leads, leads[1:]))
    assert [key for s in title_sentences(list(papers), papers, None, "", alone=False) for key in s.keys] == list(papers)


def test_a_translated_title_loses_medlines_brackets():
    from litreview.write.titled import title_sentences
    papers = {"t": Paper(key="t", title="[The Impact of the COVID-19 Pandemic on Mental Health]."),
              "u": Paper(key="u", title="Mental health of nurses [in Wuhan]")}
    said = title_sentences(list(papers), papers, None, "", alone=False)[0].text
    # was "“[The Impact of the COVID-19 Pandemic on Mental Health]”" (PubMed's mark of a translated title)
    assert said == ("Also related are the papers “The Impact of the COVID-19 Pandemic on Mental Health” and "
                    "“Mental health of nurses [in Wuhan]”.")



def test_cord19_a_field_acronym_is_no_name_statistics_are_no_topic_and_a_placing_lead_keeps_its_subject():
    from litreview.corpus.method_names import method_name
    from litreview.group.naming import reports_results
    # was "COVID-19 explores the association between hyperglycaemia and ..." (title "COVID-19: Impact of and on Diabetes")
    assert method_name("COVID-19: Impact of and on Diabetes", "Here we explore the association.") is None
    assert method_name("Mixout: Effective Regularization", None) == "Mixout"
    # was "Four of them discuss CI", "Three of them discuss confidence intervals (CIs)"
    assert reports_results("CI") and reports_results("confidence intervals", None) and reports_results("95% CI")
    assert reports_results("CIs", "confidence intervals") and not reports_results("HR", "heart rate")
    assert not reports_results("mechanical ventilation")
    said = _clauses("Teachers worry. In the context of a project exploring approaches to teaching in early years, we "
                    "outline some considerations and offer advice to teachers.")
    # was "One study notes that in the context of a project ..., they outline some considerations and offer advice"
    assert said[-1] == ("In the context of a project exploring approaches to teaching in early years, one study outlines "
                        "some considerations and offers advice to teachers.")


def test_a_web_address_in_brackets_goes_and_a_short_lower_case_word_names_no_group():
    from litreview.write.clauses import clean_clause
    assert clean_clause("We updated previous estimates (wwwnc.cdc.gov/eid/article/26/8/20-0679_article) of adults.") == \
        "They updated previous estimates of adults"  # was said with the address (TREC-COVID)
    assert clean_clause("Rates rose (by 10%) in 2020.") == "Rates rose (by 10%) in 2020"
    from litreview.group.offline import _subtheme
    texts = ["Recommandations EMA sur l'usage compassionnel du remdesivir\n", "En savoir plus sur le remdesivir\n"]
    assert _subtheme(["a", "b"], ["sur"], texts, set(), frozenset(), []).title == "Further related work"  # was "Sur"
    texts = ["RNA synthesis is inhibited.\nThe RNA polymerase.", "Viral RNA was found.\nRNA levels fell."]
    assert _subtheme(["a", "b"], ["rna"], texts, set(), frozenset(), []).title == "RNA"


def test_an_aim_of_several_verbs_a_debate_addressed_and_a_see_related_note():
    from litreview.summarize.offline import content_sentences
    said = _clauses("To identify, appraise, and synthesise studies evaluating the downsides of wearing "
                    "facemasks in any setting.",
                    "Masks are debated. We address this previous debate by analyzing the advice on the community use "
                    "of masks across different credible health authorities.")
    # was the aim quoted alone, "To identify, appraise, and synthesise ...", as if it were a sentence (TREC-COVID)
    assert "One study aims to identify, appraise, and synthesise studies evaluating the downsides of wearing facemasks " \
           "in any setting." in said
    # was "Another study addresses this previous debate by analyzing ...": the debate is not said here
    assert "The advice on the community use of masks across different credible health authorities is analyzed." in said
    assert content_sentences("See related Reply See related Reply.") == []  # was a sentence of its paper
    # a Covidence RIS export on flash floods: "@nunes2017increased understand the frequency of forest fires" said the
    # aim was reached; and "to better understand X" as "One study betters understand X"
    said = _clauses("The main objectives of this study were to understand the frequency of forest fires in two basins "
                    "of the central cordillera, Portugal.",
                    "Floods kill people. The aim of this study is to better understand the circumstances of flood deaths.")
    assert "One study aims to understand the frequency of forest fires in two basins of the central cordillera, " \
           "Portugal." in said, said
    assert "Another study aims to better understand the circumstances of flood deaths." in said, said


def test_the_present_study_proposing_is_the_papers_approach_and_proposing_to_use_stays_active():
    from litreview.write.clauses import active_sentence, approach_clause, passive_sentence
    from litreview.write.english import plural_head
    clause = approach_clause("The present study addresses these questions by proposing a simple yet very effective "
                             "grounding approach for pre-trained word embeddings.")
    # was "Another study addresses these questions by proposing ...": the questions are not said here
    assert passive_sentence(clause) == \
        "A simple yet very effective grounding approach for pre-trained word embeddings is proposed."
    using = approach_clause("The paper proposes using local regression methods to assess social distancing policies.")
    assert not using.passive_ready  # not "Using local regression methods ... are proposed" (TREC-COVID)
    assert active_sentence("One study", using) == \
        "One study proposes using local regression methods to assess social distancing policies."
    assert plural_head("experimental results illustrating the agents' dynamic behavior")  # "... are presented"
    assert not plural_head("an adaptive learning rate") and not plural_head("a model for tables")


def test_texs_spaced_dashes_are_dashes():
    from litreview.write.clauses import clean_clause
    # arXiv abstracts keep TeX's "--": the Markdown draft said "sequences \-- e.g. explanations \-- by learning"
    assert clean_clause("We let machines use sequences -- e.g. explanations --- by learning.") == \
        "They let machines use sequences – e.g. explanations — by learning"
    assert clean_clause("Infer--Retrieve--Rank reads pages 10--20 with --flag.") == \
        "Infer--Retrieve--Rank reads pages 10--20 with --flag"  # a name, a range, an option: as written
    assert clean_clause("LLMs as cognitive models--capable of both prediction and explanation---are explored.") == \
        "LLMs as cognitive models–capable of both prediction and explanation—are explored"  # unspaced, between words


def test_a_study_performed_as_this_study_is_one_performed():
    from litreview.write.clauses import clean_clause
    # was "One study performed this prospective cross-sectional observational study in a multi-site London hospital"
    assert clean_clause("We performed this prospective cross-sectional observational study in a London hospital.") == \
        "They performed a prospective cross-sectional observational study in a London hospital"
    assert clean_clause("We discuss this study design.") == "They discuss the study design"  # the paper's, not "a"


def test_this_study_after_a_connective_or_a_lead_is_given_its_subject():
    said = _clauses(
        "Hand hygiene is an important component of infection control. Nursing students are regarded as healthcare "
        "workers in training. Thus, this study aimed to identify the predictors of hand hygiene practice among Saudi "
        "nursing students.",
        "Hand hygiene and isolation prevent the spread of pathogens. Although the principle may be straightforward, "
        "this review highlights some of the controversies regarding the implementation.",
        "Vaccines are needed. Thus this review summarizes the peptide antigen targets in surface glycoprotein.",
        "Epitopes were predicted. Overall this study allows us to determine potent peptide antigen targets.")
    # was "This study aimed to identify ..." (after the sentence before it, as its antecedent): in a draft, "this
    # study" is the researcher's own
    assert said == [
        "One study aimed to identify the predictors of hand hygiene practice among Saudi nursing students.",
        "Although the principle may be straightforward, another study highlights some of the controversies regarding "
        "the implementation.",
        "Another work summarizes the peptide antigen targets in surface glycoprotein.",  # "Thus" without its comma
        "A further study allows the authors to determine potent peptide antigen targets."]  # was "allows them"
    # ... but its "them" that is what it studied stays (a Web of Science export on crash prediction: was "Siddiqui et
    # al. investigated two methodologies for allocating crashes within a zone and compared the authors ..."); and
    # "hi this study", as Web of Science kept a journal's "In" read by text recognition, is "In this study" (was "Hi the
    # study, Cheng et al. examined ...")
    said = _clauses("Crashes happen in zones. This study investigated two methodologies for allocating crashes within a "
                    "zone and compared them in light of crash prediction models.",
                    "Motorcycle crashes are frequent. However, research on weather is not well documented. hi this study, "
                    "we examined the impact of weather conditions on motorcycle crash injuries.")
    assert said == ["One study investigated two methodologies for allocating crashes within a zone and compared them in "
                    "light of crash prediction models.",
                    "Another study examined the impact of weather conditions on motorcycle crash injuries."], said
    # nor a "them" the sentence names before its "help" (a Web of Science export on Black male students: was "... the
    # role and function of their Chicago high school for helping the authors negotiate the challenges ...")
    said = _clauses("Scholars agree that preparation for college begins early. The present study draws much-needed "
                    "attention to how Black males articulate the role of their Chicago high school for helping them "
                    "negotiate the challenges of urban living.")
    assert said[-1] == ("One study draws much-needed attention to how Black males articulate the role of their Chicago "
                        "high school for helping them negotiate the challenges of urban living."), said


def test_an_abstract_without_we_is_said_by_its_stated_aim_or_its_own_passive_not_its_background():
    said = _clauses(
        "Since December 2019, China has been experiencing an outbreak of a new infectious disease. The objective of this "
        "study is to examine the relationship between long-term exposure to NO2 and coronavirus fatality.",
        "ARDS is the commonest form of acute severe hypoxemic respiratory failure. The purpose of the review is to "
        "critically appraise the current status of emerging pharmacological therapies for patients with ARDS.",
        "COVID-19 has spread worldwide. The aim of this systematic review was to evaluate the clinical characteristics "
        "of COVID-19 in neonates and children under one year of age.",
        "Tests are scarce. Hence, our objective was to evaluate three sample-to-answer molecular diagnostic platforms.",
        "The pandemic has strained emergency departments. Here, a succinct triaging pathway that aims to be fast, "
        "reliable and affordable is presented.",
        "COVID-19 is a global health crisis. In this review, current therapeutic options, preventive methods and "
        "transmission routes of COVID-19 are discussed.",
        "Turkey coronavirus infection continues to threaten the turkey industry. Two antibody-capture enzyme-linked "
        "immunosorbent assay (ELISA) procedures for detection of antibodies to TCoV are outlined in this chapter.",
        "SARS-CoV-2 spreads fast. Currently, there is no vaccine or approved treatment for this emerging infection; thus, "
        "the objective of this study is to design a multiepitope peptide vaccine against SARS-CoV-2.",
        "The COVID-19 pandemic has spread to various regions worldwide. In this study, retrospective analysis was used "
        "to explore the dynamic changes of serum IgM and IgG antibody.")
    # each was its first sentence, background the whole field shares ("COVID-19 has spread worldwide.")
    assert sorted(said) == sorted([
        "The relationship between long-term exposure to NO2 and coronavirus fatality is examined.",
        # not "criticallies appraise": the adverb before an aim's verb is no verb
        "One study appraises the current status of emerging pharmacological therapies for patients with ARDS.",
        # "characteristics" is a plural
        "The clinical characteristics of COVID-19 in neonates and children under one year of age are evaluated.",
        "Three sample-to-answer molecular diagnostic platforms are evaluated.",
        "A succinct triaging pathway that aims to be fast, reliable and affordable is presented.",
        "Current therapeutic options, preventive methods and transmission routes of COVID-19 are discussed.",
        "Two antibody-capture enzyme-linked immunosorbent assay (ELISA) procedures for detection of antibodies to TCoV "
        "are outlined in the chapter.",
        # was "There is no vaccine or approved treatment for this emerging infection.": cut before its aim
        "A multiepitope peptide vaccine against SARS-CoV-2 is designed.",
        "Retrospective analysis was used to explore the dynamic changes of serum IgM and IgG antibody."])


def test_a_named_approach_which_not_only_does_x_says_what_it_does():
    said = _clauses("Previous works lack task knowledge. To address the above limitations, we propose a novel approach "
                    "called Progressive Retrieval Augmented Generation (P-RAG), which not only leverages the language "
                    "capabilities of LLMs but also progressively accumulates task-specific knowledge.")
    # was "Progressive Retrieval Augmented Generation (P-RAG) is an approach." (the example corpus on RAG)
    assert said[-1] == ("Progressive Retrieval Augmented Generation (P-RAG) is an approach that not only leverages the "
                        "language capabilities of LLMs but also progressively accumulates task-specific knowledge.")


def test_this_volume_inside_a_statement_is_the_volume_and_a_statement_about_it_is_reported():
    from litreview.write.clauses import active_sentence, approach_clause
    said = _clauses("The editor of this volume, who is also author of five of the contributions, has provided an "
                    "introduction that affords an overview of the separate articles. Linguistics is broad.")
    # was "The editor of this volume, ..." (Multi-XScience): in a draft, "this" is the researcher's
    assert said[-1] == ("The editor of the volume, who is also author of five of the contributions, has provided an "
                        "introduction that affords an overview of the separate articles.")
    assert active_sentence("One study", approach_clause("Thus, data from this study were weighted, and this study is "
                                                        "the first of its kind.")) == \
        "One study notes that data from the study were weighted, and the study is the first of its kind."


def test_a_sentence_that_refers_back_is_said_with_what_it_refers_to_or_the_paper_is_cited_with_the_others():
    smith = Paper(key="a", title="Paper A", authors=("Smith, Ann",), year=2020, abstract=(
        "We propose a message passing scheme for graph neural networks that aggregates information from distant "
        "neighbours with learned weights, so that deep graph neural networks keep node features distinct on large graphs."))
    lee = Paper(key="c", title="Paper C", authors=("Lee, Bo",), year=2021, abstract=(
        "We propose a pooling operator for graph neural networks, which coarsens molecular graphs into chemical motifs "
        "with a learned soft assignment so that graph neural networks predict properties of large molecules."))
    routes = Paper(key="b", title="Paper B", abstract=(
        "Explaining a prediction of a language model requires a graph of the routes that information takes between its "
        "tokens through the attention heads and feed-forward blocks of every layer. We build these graphs in a top-down manner."))
    said = [(s.keys, s.text) for s in _paragraph([smith, lee, routes], "Graphs", "graph neural networks")]
    # the budget had room for "One study builds these graphs in a top-down manner." but not for the sentence before it
    # (the example corpus on graph neural networks): "these graphs" referred to nothing
    assert not any("these graphs" in text for _, text in said)
    assert "b" in said[0][0] and not any("b" in keys for keys, _ in said[1:])  # cited in the opening, not again


def test_a_further_contribution_is_said_where_the_approach_points_back_to_what_the_paragraph_cannot_say():
    klein = Paper(key="klein", authors=("Klein, Philipp",), year=2013, abstract=(
        "Non-intrusive load monitoring (NILM) is the process of detecting the operation of electrical appliances from "
        "the data provided by a smart meter. Many NILM algorithms have been developed in the past but a well-founded "
        "comparison was impossible. This is due to the fact that it is very hard to generate suitable data sets. In "
        "this paper we describe one way to achieve this with very low effort. Furthermore we define several numbers "
        "for judging on the quality of NILM algorithms allowing for an easier comparison."))
    said = [s.text for s in _paragraph([klein], "Benchmarks", "load monitoring")]
    # a JabRef library on load monitoring: "Klein et al. describe one way to achieve this" (to generate data sets)
    assert not any("achieve this" in text for text in said)
    assert any(re.search(r"\bdefines? several numbers for judging on the quality of NILM algorithms", text) for text in said)


def test_a_clause_cut_to_a_kind_and_a_name_goes_on_to_what_it_is_for():
    from litreview.write.clauses import approach_clause, passive_sentence
    clause = approach_clause("We introduce a task, Partial labeling and Long-Tailed Multi-Label Classification (PLT-MLC), "
                             "to jointly consider long tails and partial labels.", 16)  # a large group's clause
    # was "Partial labeling and Long-Tailed Multi-Label Classification (PLT-MLC) is a task." (the example corpus)
    assert not clause.passive_ready
    assert clause.object.endswith("(PLT-MLC), to jointly consider long tails and partial labels")
    assert passive_sentence(approach_clause("We introduce a task, Partial labeling and Long-Tailed Multi-Label "
                                            "Classification (PLT-MLC).", 16)) == \
        "Partial labeling and Long-Tailed Multi-Label Classification (PLT-MLC) is a task."  # all it says


def test_cord19_abstracts_said_by_what_the_authors_will_do_or_have_done():
    # TREC-COVID abstracts whose approach sentence has a modal, a perfect, "the authors", or the paper as a statement
    said = _clauses(
        "BACKGROUND: Despite medical advances, we are facing the unprecedented disaster of the COVID-19 pandemic. "
        "Thus, this study aims at providing a comprehensive landscape of COVID-19 related clinical trials. "
        "METHODS: Up to 30 March 2020, we identified a total of 147 eligible clinical trials.",
        "In December-2019 China reported several cases of a novel coronavirus. In this work, we will use a "
        "probabilistic method for approximating the true daily numbers of infected.",
        "COVID-19 is an infectious disease caused by 2019-nCoV. In this review, the authors compared two coronavirus "
        "outbreaks during the past two decades.",
        "Up to one-third of COVID-19 patients admitted to intensive care develop an acute cardiomyopathy. This Statement "
        "presents a screening algorithm to better identify COVID-19 patients at risk for severe heart failure.",
        "Diabetes is an important comorbidity. Given the importance of the link between COVID-19 and diabetes, we have "
        "formed an international panel of experts. We aim to briefly provide insight into potential mechanistic links "
        "between the novel coronavirus infection and diabetes.",
        "5' and 3' UTR sequences are known to carry cis-acting elements. Here we have determined the 5' UTR and adjacent "
        "289-nt sequences for six group 2 coronaviruses.",
        "Cardiovascular disease is a risk factor. We here summarize the molecular insights into viral infection mechanisms.")
    assert said[0] == "One study aims at providing a comprehensive landscape of COVID-19 related clinical trials."  # was
    # "Despite medical advances, one study is facing the unprecedented disaster ..." (background with "we")
    assert any(text.endswith(" uses a probabilistic method for approximating the true daily numbers of infected.")
               for text in said), said  # was the background, "In December-2019 China reported ..."
    assert any(text.endswith(" compared two coronavirus outbreaks during the past two decades.") and not
               text.startswith("The authors") for text in said), said  # the paper's subject, not "The authors"
    assert "A screening algorithm to better identify COVID-19 patients at risk for severe heart failure is presented." in said
    assert any(text.endswith(" aims to briefly provide insight into potential mechanistic links between the novel "
                             "coronavirus infection and diabetes.") for text in said), said  # not the panel formed
    assert any(text.endswith(" determined the 5' UTR and adjacent 289-nt sequences for six group 2 coronaviruses.")
               for text in said), said  # was the background, "5' and 3' UTR sequences are known ..."
    assert any(text.endswith(" summarizes the molecular insights into viral infection mechanisms.") and " here " not in text
               for text in said), said


def test_we_do_not_find_nor_we_are_facing_is_what_a_paper_does():
    from litreview.summarize.offline import offline_summary
    paper = Paper(key="p", title="Us", abstract=(
        "We are colleagues working together in busy emergency departments. As Black physicians, we do not find the "
        "recent news reports shocking. We have long been witness to inequities."))
    assert offline_summary(paper).approach.startswith("We are colleagues")  # the first, as before: nothing is done
    said = _clauses(paper.abstract)
    assert "The authors are colleagues working together in busy emergency departments." in said, said  # was "One study is
    # colleagues ...": where "we are" something, the authors are


def test_has_been_is_no_perfect_of_the_authors_doing():
    from litreview.summarize.offline import offline_summary
    paper = Paper(key="p", title="", abstract=(  # Multi-XScience mxs_test_016, a cited abstract
        "Word sense disambiguation has been recognized as a major problem for over forty years. Much of this work has "
        "been stymied by difficulties in acquiring lexical resources. In the training phase, we collect a number of "
        "instances of each sense of the polysemous noun."))
    assert offline_summary(paper).approach.startswith("In the training phase, we collect")  # not "... has been stymied"


def test_a_sentence_announcing_a_list_is_not_what_the_paper_does():
    said = _clauses(  # the example corpus: "Another work takes a step towards answering these questions by demonstrating
        # the following." said all there was of the paper
        "The limitations of Transformers in implementing learning algorithms are not well understood. In this work, we "
        "take a step towards answering these questions by demonstrating the following: (a) On a test-bed with a variety "
        "of Boolean function classes, we find that Transformers can nearly match the optimal learning algorithm for "
        "simpler tasks. (b) When provided a teaching sequence, we show that Transformers learn more sample-efficiently.")
    assert not any("the following" in text for text in said), said
    assert any("Transformers learn more sample-efficiently" in text for text in said), said


def test_what_everyone_lacks_faces_or_needs_is_not_what_the_paper_does_and_here_we_is():
    from litreview.summarize.offline import offline_summary

    def approach(abstract: str) -> str:
        return offline_summary(Paper(key="p", title="", abstract=abstract)).approach

    # TREC-COVID abstracts: "we urgently need", "we still lack", "As we face" were taken for what the paper does
    assert approach("The pandemic continues to expand. We urgently need to find treatment and vaccine. In this review, we "
                    "summarize demographic data and clinical characteristics.").startswith("In this review, we summarize")
    assert approach("The world is in the midst of a pandemic. However, we still lack reliable studies to verify the cytokine "
                    "storm.").startswith("The world is in the midst")  # nothing it does: its first sentence, as before
    assert approach("As we face one of the most challenging times in our recent history, there is an urgent need for drugs. "
                    "We have therefore initiated a computational drug pipeline. All together we generated an ensemble of "
                    "structural conformations.").startswith("All together we generated")
    # "Here we report X" is what the paper does, before what the authors found earlier ("We previously found X")
    assert approach("Nafamostat is a drug. We previously found that nafamostat blocked MERS-CoV fusion. Here we established "
                    "a quantitative fusion assay.").startswith("Here we established")
    assert approach("Clinicians face HCQ questions. We herein strongly urge that clinical trials are performed to assess "
                    "HCQ.").startswith("We herein strongly urge")  # two adverbs before the verb


def test_a_cut_at_a_word_goes_back_to_where_the_sentence_paused():
    from litreview.write.cuts import MAX_SENTENCE_WORDS, bounded
    # TREC-COVID sentences that no clause boundary could cut: they ended "... likely induced by COVID-19 associated." and
    # "... a month later with worsening shortness."
    said = bounded("Although elderly patients with comorbidities are considered highest risk for COVID-19 neurologic "
                   "complications, usually when systemic symptoms are severe, one study emphasizes that young individuals "
                   "are at risk for VTE with neurologic complications even when systemic symptoms are mild, likely induced "
                   "by COVID-19 associated hypercoagulable state.")
    assert said.endswith(" even when systemic symptoms are mild.") and len(said.split()) <= MAX_SENTENCE_WORDS
    said = bounded("Another study presents the case of a 78-year-old man with a history of atrial fibrillation on warfarin "
                   "who had been recently discharged to a nursing home after recovering from COVID-19 pneumonia and "
                   "presented to the emergency department a month later with worsening shortness of breath and fever.")
    assert said.endswith(" presented to the emergency department a month later.")
    # brain genetics, Mendeley: was "... from a newly generated RNA-seq dataset and two additional."
    said = bounded("Wang et al. identify significant correlations between gene expression in the brain and functional "
                   "activity by comparing fractional amplitude of low-frequency fluctuations (fALFF) from two independent "
                   "human fMRI resting-state datasets to regional cortical gene expression from a newly generated RNA-seq "
                   "dataset and two additional gene expression datasets to obtain robust and reproducible correlations.")
    assert said.endswith(" from a newly generated RNA-seq dataset."), said
    # a Covidence RIS export on flash floods, whose abstract lost a full stop: the cut fell inside the brackets and
    # left them open ("... than in Portugal (excluding an outlier flash flood event.")
    said = bounded("Pereira and Diakakis note that a common flood fatalities database was formed for the period 1960-2010 "
                   "by merging the DISASTER "
                   "database for Portugal and the Greek database Individual flood cases generated more deaths in Greece "
                   "than in Portugal (excluding an outlier flash flood event in the latter).")
    assert said.endswith(" more deaths in Greece than in Portugal."), said
    # a Web of Science export on school discipline: was "... for public middle and high schools for the years
    # 2011-2012.", an eight-year panel said as one year (the source goes on "through 2018-2019 (N = 3,988,020 ...)")
    said = bounded("Welsh et al. used student responses from the annually administered New York City School Survey to examine the "
                   "relationship between student perception of school climate and school personnel, drawing on a "
                   "longitudinal student-level sample for public middle and high schools for the years 2011-2012 "
                   "through 2018-2019 (N N = 3,988,020 student-years).")
    assert said.endswith(" a longitudinal student-level sample for public middle and high schools."), said
    # ... nor a quotation it opened ('... to develop a "culturally relevant, schoolwide.'), nor a preposition or
    # "compared" that lost what followed ("contributes to the literature on.", "likely to enroll in college compared.")
    said = bounded("Knight-Manuel et al. examine how 18 teachers, counselors, administrators, and support staff from seven "
                   "New York City public high schools collaborated during the Black and Latino Male Professional "
                   'Development Initiative (a pseudonym) to develop a "culturally relevant, schoolwide, college-going '
                   'culture" supportive of Black and Latino males college readiness and access across the city.')
    assert said.endswith(" Development Initiative (a pseudonym)."), said
    from litreview.write.cuts import DANGLING_END
    assert DANGLING_END.sub("", "which contributes to the literature on") == "which contributes to the literature"
    assert DANGLING_END.sub("", "6 points more likely to enroll in college compared") == \
        "6 points more likely to enroll in college"


def test_a_cut_never_leaves_a_subject_without_its_verb():
    from litreview.write.cuts import bounded, cut
    # Web of Science exports on flash floods: "@ISI:000232869500012 note that the application of a flash-flood
    # prediction chain, developed by CIMA." and "note that the potential benefits of high-resolution weather radar data,
    # physically based distributed hydrologic modeling." (each cut before its passive verb)
    cima = ("The application of a flash-flood prediction chain, developed by CIMA, to some testcases for the Tanaro river "
            "basin in the framework of the EU project HYDROPTIMET is presented here")
    assert cut(cima, 20) == cima
    said = bounded("Seo et al. note that the potential benefits of high-resolution weather radar data, physically based "
                   "distributed hydrologic modeling, and quantitative precipitation nowcasting for urban hydrology and "
                   "flash flood prediction were demonstrated by forcing a physically based distributed hydrologic model "
                   "with precipitation forecasts made by a convective storm nowcast system to predict flash floods in a "
                   "small, highly urbanized catchment in Denver.")
    # and not "... with precipitation forecasts made.", whose "by" phrase was cut off
    assert said.endswith(" were demonstrated by forcing a physically based distributed hydrologic model."), said
    # nor in a perfect (a Web of Science export on crash prediction: "@abdelaty2006calibrating report that the 5-min
    # average occupancy and standard deviation of volume observed at the downstream station.")
    occupancy = ("The 5-min average occupancy observed at the downstream station, and the 5-min coefficient of variation "
                 "in speed at the station closest to the crash have been found to affect the crash occurrence")
    assert cut(occupancy, 20) == occupancy
    # a long lead of why goes before the main clause is cut (Web of Science, phage ecology: was "Gino et al. note that in
    # view of various studies looking for the merit of coliphages ..., a small agricultural community.")
    gino = ("Gino et al. note that in view of various studies looking for the merit of coliphages as indicators of water "
            "pollution with viruses originating from faecal material, a small agricultural community (population of "
            "approximately 1500 inhabitants of all ages, 2-3 km from Haifa) was selected in order to understand the "
            "bacteriophage ecology in its sewer and oxidation pond system.")
    assert bounded(gino) == ("Gino et al. note that a small agricultural community (population of approximately 1500 "
                             "inhabitants of all ages, 2-3 km from Haifa) was selected in order to understand the "
                             "bacteriophage ecology in its sewer and oxidation pond system.")
    # ... not a condition, under which alone the rest holds, nor past the lead's first comma
    assert cut("When the drug is given at a high dose to older patients with impaired kidney function, the kidneys fail "
               "within two weeks in most of the patients that were enrolled in the trial", 20).startswith("When the drug")
    # a subject's own verb is not in the passive: "The model learns X, which is then fine-tuned" is cut as before
    assert cut("The model learns a joint embedding of images and captions from noisy web data, which is then fine-tuned "
               "on curated sets of labelled images", 20) == \
        "The model learns a joint embedding of images and captions from noisy web data"


def test_a_single_authors_i_is_the_papers_not_the_drafts():
    said = _clauses(  # economics and TREC-COVID abstracts of one author: "I review ..." was quoted as the researcher's
        "Minimum wages are a contested policy. In this paper I estimate the employment effects of minimum wage increases "
        "using county-level data from 1990 to 2016.",
        "A novel coronavirus presents a pandemic. Herein, I review the potential options to treat 2019-nCoV in patients.",
        "Italy was hit early. Using data from ISTAT on mortality, I estimate excess mortality by sex and age categories.",
        "Type I interferon responses were measured in 40 patients. Phase I trials of my design are small.")
    assert any(text.endswith(" estimates the employment effects of minimum wage increases using county-level data from "
                             "1990 to 2016.") for text in said), said  # was "Minimum wages are a contested policy."
    assert any(text.endswith(" reviews the potential options to treat 2019-nCoV in patients.") for text in said), said
    assert any(text.startswith("Using data from ISTAT on mortality, ") and " estimates excess mortality" in text
               for text in said), said
    assert not any(re.search(r"(?:^|[,.] )I |\bmy\b", text) for text in said), said  # no "I review ..." of nobody
    assert "Type I interferon responses were measured in 40 patients." in said  # a numeral is no author
    # a talk in a hand-kept .bib on data ethics: "One study notes that what should their future statisticians, senators,
    # and CEOs know about the history and ethics of data" (a question states nothing), then "notes that i'll present"
    said = _clauses("What should our future statisticians, senators, and CEOs know about the history and ethics of data? "
                    "I'll present content from a class co-developed with Professor Matt Jones of Columbia's Department "
                    "of History. The intellectual arc traces from the 18th century to present day.")
    assert said[1:] == ["One study presents content from a class co-developed with Professor Matt Jones of Columbia's "
                        "Department of History."], said


def test_the_author_is_the_papers_subject_like_we():
    said = _clauses(  # humanities and social science abstracts written of "the author"
        "Urban charity changed in the sixteenth century. The author argues that poor relief became a civic duty in "
        "Nuremberg.",
        "Care work is undervalued. Drawing on 40 interviews with nurses, the author examines how care work is valued in "
        "Swedish hospitals.")
    assert any(text.endswith(" argues that poor relief became a civic duty in Nuremberg.") and "author" not in text
               for text in said), said  # was "Urban charity changed in the sixteenth century." (background)
    assert any(text.endswith(" examines how care work is valued in Swedish hospitals.") and "author" not in text
               for text in said), said  # was "..., the author examines ...": which author?
    said = _clauses("Vectors represent words. The author analyzes the structure of the vector representations and applies "
                    "them to word sense disambiguation.")  # Multi-XScience mxs_test_014, cited
    assert not any(text.endswith(" disambiguation is analyzed.") for text in said), said  # was "The structure ... and
    # applies them to word sense disambiguation ... is analyzed.": "applies" ends what is analyzed, as "apply" does


def test_an_abstract_in_the_present_passive_is_said_by_what_it_does():
    said = _clauses(  # engineering and chemistry abstracts say what they do without "we"
        "Bearing faults cause downtime in wind turbines. A novel approach for fault diagnosis based on wavelet packets is "
        "proposed. Experiments on two datasets show 98% accuracy.",
        "Cement production emits CO2. In this paper, a life cycle assessment of three cement plants is carried out.",
        "Vaccines take years. Until a vaccine is developed, distancing is advised. Blood levels of CRP, which is "
        "synthesized in the liver, rise in severe cases.")  # a condition and a relative: nothing the paper does
    assert any(text.startswith("A novel approach for fault diagnosis based on wavelet packets is proposed") or
               text.startswith("An approach for fault diagnosis based on wavelet packets is proposed") for text in said), said
    assert "A life cycle assessment of three cement plants is carried out." in said  # was "Cement production emits CO2."
    assert "Vaccines take years." in said, said  # its first sentence, as before
    said = _clauses("People can tell the sense of a word from its neighbours. The question arises whether the same task can "
                    "be accomplished by mechanical means. Experimental results are presented which suggest an affirmative "
                    "answer to this query.")  # Multi-XScience, cited: results presented are no proposal
    assert not any(text.startswith("Experimental results are presented") for text in said[:2]), said


def test_astrophysics_leads_and_values_keep_their_subject():
    said = _clauses(  # ADS-style abstracts
        "Halo shapes are debated. Using N-body simulations of a billion particles, we show that dark matter halos are "
        "triaxial.",
        "The Hubble tension remains unresolved. In this Letter, we present a new measurement of H0 from strongly lensed "
        "quasars, H0 = 73.3 km/s/Mpc.",
        "Clusters grow by mergers. We observe 30 clusters with Chandra. Using their X-ray maps, we find that half of "
        "them are disturbed.")
    # was "Using N-body simulations ..., dark matter halos are triaxial." (the halos did the using)
    assert not any(text.startswith("Using N-body simulations of a billion particles, dark matter") for text in said), said
    assert any(text.endswith(" shows that dark matter halos are triaxial.") for text in said), said
    # was "H0 = 73.3 km/s/Mpc is a measurement of H0 from strongly lensed quasars."
    assert any(text.endswith(" presents a measurement of H0 from strongly lensed quasars, H0 = 73.3 km/s/Mpc.")
               for text in said), said
    assert not any(text.startswith("Using their X-ray maps, half") for text in said), said


def test_the_study_with_what_it_studied_is_the_papers_subject():
    said = _clauses(  # psychology and public-health abstracts
        "Smartphone use is rising among adolescents. This cross-sectional survey of 2,000 students examined associations "
        "between screen time and sleep.",
        "Vaccines work. This study of 120 nurses in Ohio assessed vaccine hesitancy during 2021.",
        "Masks matter. The study in this issue by Smith et al. is important.")
    assert any(text.endswith("survey of 2,000 students examined associations between screen time and sleep.")
               for text in said), said  # was "Smartphone use is rising among adolescents."
    assert any(text.endswith(" study of 120 nurses in Ohio assessed vaccine hesitancy during 2021.") for text in said)
    assert not any(re.search(r"\b(?:ofs|ins)\b", text) for text in said), said  # was "One study ofs 120 nurses"


def test_a_long_lead_before_the_paper_keeps_the_papers_subject():
    said = _clauses(  # economics abstracts
        "Class size is debated. Exploiting a natural experiment in Denmark, this paper estimates the causal effect of class "
        "size on test scores.",
        "Export prices vary. Drawing on a new dataset of 3,000 firms, the paper documents that export prices rise with "
        "quality.")
    # were "One study notes that exploiting a natural experiment in Denmark, the paper estimates ..." and "Drawing on
    # ..., the paper documents ..." (which paper?)
    assert any(text.startswith("Exploiting a natural experiment in Denmark, ") and
               text.endswith(" study estimates the causal effect of class size on test scores.") for text in said), said
    assert any(text.startswith("Drawing on a new dataset of 3,000 firms, ") and "the paper" not in text for text in said)


def test_in_the_current_study_is_the_papers_self_reference():
    said = _clauses("Influenza kills. In the current study, mice were infected with influenza and treated with oseltamivir.")
    assert "Mice were infected with influenza and treated with oseltamivir." in said, said  # was "In the current study, ..."


def test_a_single_authors_my_is_their_and_me_cfs_stays():
    from litreview.write.voice import in_third_person
    assert in_third_person("My approach uses ME/CFS data and helps me.") == "Their approach uses ME/CFS data and helps them."


def test_our_data_indicate_that_x_says_x():
    said = _clauses("Our data indicate that TLR4 drives inflammation in sepsis. Blocking TLR4 improved survival.")
    assert "TLR4 drives inflammation in sepsis." in said, said  # was "One study notes that their data indicate that ..."


def test_a_purpose_that_points_back_goes_with_what_announces_it():
    # a BibDesk export on research transparency: "Simonsohn et al. introduce p-curve as a way." ("We introduce
    # p-curve as a way to answer this question": the question was the abstract's sentence before)
    from litreview.write.clauses import approach_clause
    assert approach_clause("We introduce p-curve as a way to answer this question.").object == "p-curve"
    assert approach_clause("We introduce p-curve as a way to detect p-hacking.").object == "p-curve as a way to detect p-hacking"


def test_a_claim_on_what_was_said_before_and_the_picture_above_refer_back():
    # an ADS export: "Nixon et al. show that this is unlikely for any type of black hole system" said nothing of
    # what "this" was; it now comes after the sentence it answers
    from litreview.write.voice import refers_back
    assert refers_back("Nixon et al. show that this is unlikely for any type of black hole system.")
    assert refers_back("One study performs simulations to study whether the picture above is correct.")
    assert not refers_back("One study shows that jets precess, and the disk is thin.")
    papers = [Paper(key="nixon", title="Jet precession", authors=("Nixon, C.", "King, A."), abstract=(
        "Observations of accreting black holes often provoke suggestions that their jets precess. The precession is "
        "usually supposed to result from the Lense-Thirring effect. We show that this is unlikely for any type of black "
        "hole system."))]
    sentences = [sentence.text for sentence in _paragraph(papers, "Jets", "jets")]
    claim = next(n for n, text in enumerate(sentences) if "this is unlikely" in text)
    assert "Lense-Thirring effect" in sentences[claim - 1], sentences


def test_here_after_the_verb_goes_and_an_ads_solar_symbol_is_read():
    # an ADS export: "Noble et al. present here the first dynamically self-consistent models ..." and "M\&sun;"; a
    # power of ten set as a superscript was read as another number ("4 × 107")
    from litreview.corpus.readers.fields import markup_text
    from litreview.write.clauses import approach_clause
    assert approach_clause("We present here the first self-consistent models of Sgr A*.").object == \
        "the first self-consistent models of Sgr A*"
    assert markup_text("masses of 4 × 10<SUP>7</SUP> M<SUB>&sun;</SUB> &amp; more") == "masses of 4 × 10⁷ M⊙ & more"


def test_here_before_a_leading_gerund_goes():
    # a Better BibTeX export on bite force: "Bourke et al. note that here using a finite element model of Canis lupus
    # dingo, they examined ..." ("Here using X, we examined Y")
    papers = [Paper(key="bourke", title="Gape and tooth position", authors=("Bourke, J.", "Wroe, S."), abstract=(
        "Bite force matters for predators. Here using a multi-property finite element model of Canis lupus dingo, we "
        "examined the influence of gape angle and bite point on bite force."))]
    text = " ".join(sentence.text for sentence in _paragraph(papers, "Bites", "bite force of dingoes"))
    assert "note that here" not in text and "Using a multi-property finite element model of Canis lupus dingo, Bourke " \
        "and Wroe examined the influence of gape angle and bite point on bite force." in text, text


def test_a_leading_then_or_in_the_work_goes():
    # a Web of Science export on black silicon: "@omar2021surface note that then, b-Si nanowires (b-Si NWs) are
    # fabricated ...", "@dou2013surface note that in the work, the surface recombination ... was investigated"
    from litreview.write.clauses import clean_clause
    assert clean_clause("Then, b-Si nanowires are fabricated using one-step MACE process.") == \
        "b-Si nanowires are fabricated using one-step MACE process"
    assert clean_clause("In the work, the surface recombination of silicon nanostructures was investigated.") == \
        "the surface recombination of silicon nanostructures was investigated"
    assert clean_clause("Next, we show X.") == "they show X"
    # a connective before "in this study" goes with it (a Scopus export on ships: was "Krata et al. analyzed therefore
    # statistical distributions ..."); an aside between a subject and its verb leaves no comma
    assert clean_clause("Therefore, in this study, statistical distributions of ship motions were analyzed.") == \
        "statistical distributions of ship motions were analyzed"
    assert clean_clause("The model, in this study, was tested on ships.") == "The model was tested on ships"
    # not a word that only begins so
    assert clean_clause("Next-generation sequencing was used.") == "Next-generation sequencing was used"
    assert clean_clause("In the study of rats, 30 were seen.") == "In the study of rats, 30 were seen"
    # Web of Science, crash prediction: was "@abdelaty2006atms note that for the study, historical crashes ... were
    # gathered from a 36-mi corridor"; now said as what they did
    assert clean_clause("For this study, historical crashes were gathered from a corridor.") == \
        "historical crashes were gathered from a corridor"
    assert clean_clause("For the study of rats, 30 were seen.") == "For the study of rats, 30 were seen"
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="a", authors=("Abdel-Aty, M", "Pande, A"), year=2006,
                  abstract="Crash risk matters. For this study, historical crashes were gathered from a 36-mi corridor.")
    assert said_for(paper, "For this study, historical crashes were gathered from a 36-mi corridor.", FACT_LEAD) == \
        "Abdel-Aty and Pande gathered historical crashes from a 36-mi corridor."


def test_a_leading_gerund_without_its_comma_keeps_its_subject():
    # a Better BibTeX export on skull mechanics: "Pollock et al. note that using a combination of beam theory
    # analysis (BTA) and finite-element analysis (FEA) they assessed ..." ("Using X and Y we assessed Z")
    from litreview.write.voice import said_by
    assert said_by("Pollock et al.", "Using beam theory analysis (BTA) they assessed how canine shape impacts stress",
                   plural=True) == "Using beam theory analysis (BTA), Pollock et al. assessed how canine shape impacts stress."
    assert said_by("Smith et al.", "Using data from nurses who they interviewed, we found X", plural=True) is None


def test_a_species_name_keeps_its_genus_capital():
    # Zotero export on fisheries: "@jones_size_2008 note that heterodontus portusjacksoni was obtained ..."
    said = _one_paper("Heterodontus portusjacksoni was obtained from the catches of commercial trawl, gillnet and "
                      "longline fisheries. Ninety per cent of the H. portusjacksoni caught by trawling were immature.",
                      "Bycatch", "shark bycatch")
    assert any("Heterodontus portusjacksoni was obtained" in text for text in said), said
    from litreview.write.english import names_in
    assert "Prionace" in names_in("Blue sharks (Prionace glauca) dominated the bycatch.")  # named in brackets
    assert "Ninety" not in names_in("Ninety per cent were immature. Most were caught.")


def test_a_shared_name_is_said_whole():
    papers = [Paper(key="a", abstract="In 2005, the International Committee of Medical Journal Editors (ICMJE) initiated "
                                      "a policy requiring investigators to register trials."),
              Paper(key="b", abstract="As of 2005, the International Committee of Medical Journal Editors required "
                                      "investigators to register their trials."),
              Paper(key="c", abstract="We study outcome reporting bias in a cohort of randomized trials.")]
    shared = _shared(papers, "Trial registration", "publication bias")
    # a BibDesk export on research transparency: was "... discuss Medical Journal Editors."
    assert any(text.endswith("discuss the International Committee of Medical Journal Editors.") for text in shared), shared


def test_a_paper_is_not_said_by_a_sentence_that_refers_to_one_the_paragraph_cannot_say():
    # the example corpus: "One study investigates this issue using a controlled biography dataset." (which issue?
    # the abstract asked it as a question)
    said = _one_paper("Large language models can store a vast amount of world knowledge. However, do they answer such "
                      "questions by exposure to similar questions, or by genuinely learning to extract knowledge? In this "
                      "paper, we investigate this issue using a controlled biography dataset. We find a strong correlation "
                      "between the model's ability to extract knowledge and the diversity of the training data. We further "
                      "probe our models.", "Knowledge extraction", "language models")
    assert not any("this issue" in text for text in said), said
    assert any("finds a strong correlation between the model's ability to extract knowledge" in text for text in said), said


def test_a_work_that_does_two_things_is_said_with_both_verbs_agreeing():
    abstract = ("This paper introduces the generation framework MontiGem and shows how it has been used in five "
                "research and industry projects.")
    authors = ("Buschhaus, Constantin", "Gerasimov, Arkadii")
    [said] = [s.text for s in _paragraph([Paper(key="b", abstract=abstract, authors=authors, year=2024)],
                                         "Generators", "model-driven engineering")[1:]]
    # a ScienceDirect export on model-driven engineering: was "Buschhaus and Gerasimov introduce ... and shows how"
    assert said == ("Buschhaus and Gerasimov introduce the generation framework MontiGem and show how it has been used "
                    "in five research and industry projects.")


def test_a_purpose_or_a_time_that_points_back_is_no_part_of_what_a_paper_says():
    from litreview.write.clauses import clean_clause

    abstract = ("Model-driven engineering has automated many engineering tasks, especially the step from design to "
                "implementation. With the progress made in AI, questions arise about its future. However, at the same "
                "time, it has to be revisited where models should be used to keep engineers in the loop. To trigger "
                "dedicated research on these open points, we discuss the history of automation in model-driven "
                "engineering and present perspectives on how it can be improved.")
    said = _one_paper(abstract, "Automation", "model-driven engineering")
    # an ACM export on model-driven engineering: was "One study notes that at the same time, it has to be revisited
    # ..." and "To trigger dedicated research on these open points, ..." (which points? the abstract's, not said)
    assert not any("these open points" in text or "at the same time" in text for text in said), said
    assert any("discusses the history of automation in model-driven engineering" in text for text in said), said
    assert clean_clause("However, at the same time, models should be revisited.") == "models should be revisited"
    # IEEE Xplore exports on e-health interoperability: "note that finally an integrated reference implementation is
    # introduced" and "note that as they known, the efficient use of the electronic health record ..."
    assert clean_clause("Finally an integrated reference implementation is introduced.") == \
        "an integrated reference implementation is introduced"
    assert clean_clause("As we known, the efficient use of records lowers fees.") == "the efficient use of records lowers fees"
    assert clean_clause("As is well known, models forget.") == "models forget"
    assert clean_clause("Only the first layer is tuned.") == "Only the first layer is tuned"


def test_why_the_authors_did_it_said_before_it_goes_with_what_it_points_back_to():
    from litreview.write.clauses import clean_clause
    # an IEEE Xplore export on e-health: "Considering the above issue, Lahari et al. portray ..." (which issue?), and a
    # protein-structure .bib: "To deal with such a difficulty, Chou introduces ..."
    assert clean_clause("Considering the above issue we will portray the CDA document era.") == \
        "they will portray the CDA document era"
    for lead in ("Motivated by these observations,", "Inspired by this,", "Based on these findings", "Given these challenges,",
                 "Building on the aforementioned work,", "To deal with such a difficulty,", "To cope with this problem,"):
        assert clean_clause(f"{lead} we propose a model.") == "they propose a model", lead
    # what qualifies a claim stays: "Based on a survey of 120 nurses", "In this setting"
    assert clean_clause("Based on a survey of 120 nurses, we find that X holds.") == \
        "Based on a survey of 120 nurses, they find that X holds"
    assert clean_clause("In this setting, we prove that X holds.") == "In this setting, they prove that X holds"
    # a Web of Science export on flash floods: "In this research, Meraj et al. make an integrated use of ..." (the paper)
    assert clean_clause("In this research, we make an integrated use of X.") == "they make an integrated use of X"
    assert clean_clause("In this research direction, we propose X.") == "In this research direction, they propose X"


def test_results_reported_in_the_past_tense_are_said_as_what_was_found():
    from litreview.write.clauses import finding_clause
    # a Paperpile export on PFAS and CORD-19: "@Zhu2016-yg report that the results showed that asthmatics had ...",
    # "The authors report that their analysis revealed that the measures can slow down the outbreak"
    assert finding_clause("The results showed that asthmatics had significantly higher serum PFAAs concentrations.") == \
        "asthmatics had significantly higher serum PFAAs concentrations"
    assert finding_clause("Our analysis revealed that the measures can slow down the outbreak.") == \
        "the measures can slow down the outbreak"
    assert finding_clause("Lexical analysis demonstrated that engagement is an emerging concept.") == \
        "engagement is an emerging concept"
    # a case report's "he" is the patient, whom only the words before it name (a PubMed export on psoas abscess)
    assert finding_clause("Further diagnostics showed that he had a primary psoas abscess.") == \
        "Further diagnostics showed that he had a primary psoas abscess"


def test_a_participle_that_is_not_its_verbs_past_is_said_in_the_past_once_its_have_goes():
    # a Zotero RIS export on wildfire and health: "As physicians and scientists, Agache et al. seen first-hand how
    # increasing outdoor and indoor air pollution impacts respiratory health" (from "we have seen first-hand")
    from litreview.write.voice import said_by
    assert said_by("Agache et al.", "As physicians and scientists, they have seen first-hand how air pollution impacts "
                   "respiratory health", plural=True) == ("As physicians and scientists, Agache et al. saw first-hand how "
                                                          "air pollution impacts respiratory health.")
    assert said_by("Smith", "they have undertaken a survey of 40 farms", plural=False) == "Smith undertook a survey of 40 farms."
    assert said_by("Smith", "they have used the survey", plural=False) == "Smith used the survey."


def test_our_study_and_this_research_are_the_paper_but_a_research_direction_is_the_fields():
    # a Zotero RIS export on wildfire and health: "@fann2017health note that their research aimed to characterize excess
    # mortality", "@prante2008developing notes that this research analyzes the use of ..."; CORD-19's "Another work
    # notes that their study is the first to compare four new commercially available assays"
    from litreview.corpus.paper import Paper
    from litreview.write.clauses import clean_clause
    from litreview.write.statements import said_for
    fann = Paper(key="fann2017health", authors=("Fann, Neal", "Alman, Breanna"), abstract="Smoke harms.")
    assert said_for(fann, "Our research aimed to characterize excess mortality and morbidity events.", "They note that") \
        == "Fann and Alman aimed to characterize excess mortality and morbidity events."
    assert said_for(fann, "This research analyzes the use of natural resource management techniques.", "They note that") \
        == "Fann and Alman analyze the use of natural resource management techniques."
    # another of their works: noted, not what this paper showed
    assert said_for(fann, "Our previous study showed that smoke kills.", "They note that").startswith("Fann and Alman note")
    # the seeds: "highlighting the future need for advancements in this research direction" lost "in this research"
    assert clean_clause("it highlights the need for advancements in this research direction") == \
        "it highlights the need for advancements in this research direction"


def test_what_the_work_is_is_not_said_of_its_authors():
    # a Mendeley export on cloud elasticity: "@Al-Dhuraibi2018 present a broader and detailed analysis of elasticity
    # approaches and is considered as the first survey addressing the elasticity of containers"
    from litreview.write.clauses import active_sentence, approach_clause
    sentence = ("Compared to other works in literature, this article presents a broader and detailed analysis of "
                "elasticity approaches and is considered as the first survey addressing the elasticity of containers.")
    clause = approach_clause(sentence)
    assert active_sentence("Al-Dhuraibi et al.", clause, plural=True) == \
        "Al-Dhuraibi et al. present a broader and detailed analysis of elasticity approaches."
    # a work may be what the paper is
    assert active_sentence("One study", clause).endswith("and is considered as the first survey addressing the "
                                                         "elasticity of containers.")


def test_it_is_shown_that_x_reports_x_with_its_condition():
    from litreview.write.clauses import finding_clause
    # a Mendeley library on systemic risk: was "@Georg2013 reports that comparing different interbank network
    # structures, it is shown that money-centre networks are more stable than random networks."
    assert finding_clause("Comparing different interbank network structures, it is shown that money-centre networks are "
                          "more stable than random networks.") == ("comparing different interbank network structures, "
                                                                   "money-centre networks are more stable than random networks")
    assert finding_clause("In small samples, it can be shown that the estimator fails.") == \
        "in small samples, the estimator fails"
    # not a relative clause ("protocols will be demonstrated that counter attacks"), nor what others showed before
    for other in ("New models and protocols will be demonstrated that counter potential attacks.",
                  "It has been shown that U holds."):
        assert finding_clause(other) == other.rstrip("."), other


def test_a_gerund_subject_is_no_lead_before_a_clause_it_opens():
    # a Scopus export on interoperability: "Realizing the full potential of the Internet of Thing requires that they
    # change how, Seo et al. view and build ubiquitous environment ..."
    abstract = ("The Internet of Things connects devices to the cloud. Realizing the full potential of the Internet of "
                "Things requires that we change how we view and build ubiquitous environments.")
    papers = [Paper(key="s", abstract=abstract, authors=("Seo, Dongmin", "Kim, Jaehyun"), year=2017)]
    said = [s.text for s in _paragraph(papers, "Ubiquitous computing", "Internet of Things")]
    assert not any("how, Seo and Kim" in text for text in said), said
    assert any("requires that they change how they view and build ubiquitous environments" in text for text in said), said


def test_a_sentence_that_leans_on_the_one_before_is_no_antecedent():
    # an ACM export on model-driven engineering: "@10.1145/3698385.3699876 note that their precision and reliability
    # ... remain incompletely understood." was said to give "these models" of the next sentence something to refer to
    abstract = ("Large language models have revolutionized natural language processing. However, their precision and "
                "reliability in industry remain incompletely understood. This study investigates the performance of "
                "these models across eight industrial scenarios, including code generation and safety monitoring.")
    papers = [Paper(key="z", abstract=abstract, authors=("Zhang, Wei", "Li, Na"), year=2024)]
    said = [s.text for s in _paragraph(papers, "Industrial use", "large language models")]
    assert not any("their precision" in text for text in said), said


def test_these_things_a_paragraph_never_introduced_are_the_things():
    # CORD-19 (TREC-COVID): "these interventions" are the government measures of two sentences before, which the
    # paragraph does not say; "Another study analyzed ... the effect of these interventions" pointed at nothing
    mobility = Paper(key="mobility", title="COVID-19 related social distancing measures and reduction in city mobility",
                     abstract="In the absence of any pharmacological intervention, one approach to slowing the COVID-19 "
                     "pandemic is reducing the contact rate in the population through social distancing. Governments "
                     "the world over have instituted different measures to increase social distancing. Their "
                     "effectiveness in reducing mobility is not known. We analyzed the mobility data from 41 "
                     "cities to look at the effect of these interventions. The median mobility across cities on March "
                     "2, 2020 was 100% (IQR: 94%, 107%), which decreased to a median of 10% (IQR: 7%, 17%) on March "
                     "26, 2020.")
    schools = Paper(key="schools", title="Social distancing in schools",
                    abstract="We model why schools chose hand sanitizers over social distancing measures when these "
                    "sanitizers were scarce.")
    said = [s.text for s in _paragraph([mobility, schools], "Social distancing", "social distancing")]
    assert any("the effect of the interventions" in text for text in said), said
    assert not any("these interventions" in text for text in said)
    # "these" whose things the sentence itself names first stays
    assert any("when these sanitizers were scarce" in text for text in said), said


def test_a_cut_never_ends_inside_a_list_of_examples():
    # CORD-19 (TREC-COVID, "Social Distancing and Personal Protective Measures Decrease Influenza Morbidity and
    # Mortality"): "..., common measures ... such as social distancing, the use of protective face masks." had no verb
    flu = Paper(key="flu", title="Social Distancing and Personal Protective Measures Decrease Influenza Morbidity",
                abstract="Seasonal influenza (flu) is an underappreciated source of disease morbidity and mortality "
                "worldwide. While vaccination remains the cornerstone of influenza prevention, common measures practiced "
                "during the COVID-19 pandemic such as social distancing, the use of protective face masks, and frequent "
                "hand washing are rarely utilized during flu season. In this investigation, we examined the effect of "
                "these preventative measures in decreasing influenza burden this year.")
    said = [s.text for s in _paragraph([flu], "Social distancing", "social distancing")]
    assert not any(text.endswith("the use of protective face masks.") for text in said), said
    # a list of one example is no list: "such as BERT, and we ..." is still a clause boundary
    assert cut("We fine-tune encoders such as BERT on eight clinical corpora of notes, and we release the weights", 14) \
        == "We fine-tune encoders such as BERT on eight clinical corpora of notes"


def test_a_counted_thing_named_by_an_acronym_is_said_in_the_plural():
    # CORD-19 (TREC-COVID) "social distancing": "Three of them discuss SEIR model"; the papers say "a SEIR model",
    # "an age-structured SEIR model"
    papers = [Paper(key="vn", title="Mitigation measures in Vietnam", abstract=(
                  "Mitigation measures slowed the epidemic. We fit a SEIR model to the cases reported in Vietnam.")),
              Paper(key="za", title="Social distancing in South Africa", abstract=(
                  "Distancing was enforced early. We build an age-structured SEIR model of transmission in South Africa."))]
    assert _shared(papers, "Mitigation", "social distancing") == ["Both works discuss SEIR models."]


def test_a_purpose_before_we_is_a_lead_though_its_comma_is_missing():
    # CORD-19 (TREC-COVID): "To project the final infection numbers in Bangladesh we used the SIR mathematical model"
    # was said "One study projects the final infection numbers in Bangladesh they used the SIR mathematical model"
    bangladesh = Paper(key="bd", title="Impact of control strategies on COVID-19 in Bangladesh", abstract=(
        "Till date 2144 cases of COVID-19 are confirmed in Bangladesh. To project the final infection numbers in "
        "Bangladesh we used the SIR mathematical model. We also tried to demonstrate the impact of control strategies "
        "like social distancing on the COVID-19 transmission."))
    vietnam = Paper(key="vn", title="Mitigation in Vietnam", abstract=(
        "Mitigation measures slowed the epidemic. Using the cases reported in Vietnam we fit a SEIR model of the "
        "epidemic. To test the model we built in 2020, we compare it with the cases of 2021."))
    said = [s.text for s in _paragraph([bangladesh, vietnam], "Mitigation", "social distancing")]
    assert "To project the final infection numbers in Bangladesh, one study used the SIR mathematical model." in said
    assert not any("Bangladesh they used" in text for text in said), said
    assert not any("Vietnam they fit" in text for text in said), said


def test_a_purpose_pointing_back_goes_from_what_a_paper_reports_too():
    # an IEEE Xplore export on IoT: "@6651222 report that to achieve this goal, the information driven interactions
    # are done not only in a peer to peer method, but also via advanced cloud services."
    iot = Paper(key="iot", title="Cloud-based home automation", abstract=(
        "Objects should exchange information to serve their users. We propose an architecture that enables objects "
        "to exchange information through the Internet on an open source cloud platform. To achieve this goal, the "
        "information driven interactions are done not only in a peer to peer method, but also via advanced cloud "
        "services."))
    said = [s.text for s in _paragraph([iot], "Home automation", "cloud platforms")]
    assert not any("this goal" in text for text in said), said
    assert "The information driven interactions are done not only in a peer to peer method, but also via advanced " \
        "cloud services." in said


def test_a_single_authors_i_did_is_said_as_their_act():
    # a Zotero export on biotic homogenization: "@mckinney_exotics_2004 reports that they calculated Jaccard's index
    # ..." (McKinney alone wrote "I calculated ...")
    from litreview.write.statements import FINDING_LEAD, said_for
    paper = Paper(key="mckinney", title="Do exotics homogenize or differentiate communities?", authors=("McKinney, M. L.",),
                  abstract="Exotic species are spreading. I calculated Jaccard's index of similarity for exotic species "
                           "and then for native species.")
    said = said_for(paper, "I calculated Jaccard's index of similarity for exotic species and then for native species.",
                    FINDING_LEAD)
    assert said == "McKinney calculated Jaccard's index of similarity for exotic species and then for native species."


def test_analyses_of_one_kind_are_said_of_that_kind():
    # a real Scopus, Lens and OpenAlex corpus of bibliometric studies: "All eight works are analyses"
    from litreview.write.relations import _shared_kind
    from litreview.summarize.schema import PaperSummary

    def summary(key: str) -> PaperSummary:
        return PaperSummary(key=key, kind="analysis", problem="x", approach="x", evidence=["x"])

    texts = {"a": "A bibliometric analysis of 533 articles on GIS in real estate.",
             "b": "We conducted a comprehensive bibliometric analysis of ERM-related publications.",
             "c": "Bibliometric analyses of miRNAs and a detailed analysis of their trends."}
    said = _shared_kind(list(texts), {key: summary(key) for key in texts}, True, ["analysis"], texts)
    assert said[0].text == "All three works are bibliometric analyses."
    texts["c"] = "A comprehensive analysis of miRNAs in hematological malignancies."  # no kind all three name
    said = _shared_kind(list(texts), {key: summary(key) for key in texts}, True, ["analysis"], texts)
    assert said[0].text == "All three works are analyses."
    # kinds said together are each the analysis's: was "Three of them are analyses" (CORD-19)
    texts = {"a": "This report describes the isolation and phylogenetic analysis of three genomes.",
             "b": "We report phylogenetic and mutational analysis of strains from Lazio.",
             "c": "A phylogenetic, structural and evolutionary analysis was applied to the virus."}
    said = _shared_kind(list(texts), {key: summary(key) for key in texts}, True, ["analysis"], texts)
    assert said[0].text == "All three works are phylogenetic analyses."


# --- the EarthCube program's Zotero export (NCAR, 259 entries on geoscience cyberinfrastructure) ----------------

def test_a_question_quoted_inside_a_sentence_and_a_cited_page_do_not_end_it():
    from litreview.summarize.offline import split_sentences
    # was "@bolukbasi_open_2013 note that ), a greater challenge lies in ...": sentencex broke after "p. [616][1]"
    text = ("Although the question of who pays for open data is important (“Who will pay for public access to research "
            "data?”, F. Berman and V. Cerf, Policy Forum, 9 August, p. [616][1]), a greater challenge lies in implementing "
            "the institutional and cultural changes required. Data must be shared.")
    assert split_sentences(text) == [text[:text.index(" Data must")], "Data must be shared."]


def test_a_web_address_keeps_its_us_and_everyones_we_of_a_question_is_no_act_of_the_authors():
    from litreview.write.voice import in_third_person
    # was "@youens-clark_imicrobe_2019 developed iMicrobe.them, a community-driven microbiome data marketplace"
    assert in_third_person("To address this challenge, we developed iMicrobe.us, a marketplace for us (www.us.gov).") == \
        "To address this challenge, they developed iMicrobe.us, a marketplace for them (www.us.gov)."
    # an essay on sedimentary geology: was "@chan_future_2016 conduct fieldwork." ("how we conduct fieldwork")
    said = _clauses("What is the ideal future for sedimentary field geology? New technologies can help the field "
                    "sedimentologist in two different but fundamentally important ways. First, they can completely "
                    "change how we conduct fieldwork. Second, technology can completely change what we work on.")
    assert not any(re.search(r"\b(?:conducts?|works?) (?:fieldwork|on)\b", sentence) for sentence in said), said


def test_a_fields_practice_stated_before_the_authors_we_is_not_said_as_their_act():
    from litreview.write.statements import FACT_LEAD, said_for
    sciunits = ("Science is conducted collaboratively, often requiring knowledge sharing about computational experiments. "
                "In this paper, we present the sciunit, a reusable research object in which aggregated content is "
                "recomputable.")
    paper = Paper(key="tonthat", title="Sciunits", abstract=sciunits, authors=("Ton That, Dai Hai", "Yuan, Zhihao", "Fils, G."))
    # was "@ton_that_sciunits_2017 conduct science collaboratively, often requiring knowledge sharing ..."
    assert said_for(paper, sciunits[:sciunits.index(" In this")], FACT_LEAD) == \
        ("Ton That et al. note that science is conducted collaboratively, often requiring knowledge sharing about "
         "computational experiments.")
    # what a paper does in the present passive stays its authors' act: after its "we", or a thing it names
    solar = Paper(key="jiang", title="Flares", abstract="SolarUnet is applied to data from the Goode Solar Telescope. We "
                  "find flares. Sunspots are tracked over time.", authors=("Jiang, Haodi",))
    assert said_for(solar, "SolarUnet is applied to data from the Goode Solar Telescope.", FACT_LEAD) == \
        "Jiang applies SolarUnet to data from the Goode Solar Telescope."
    assert said_for(solar, "Sunspots are tracked over time.", FACT_LEAD) == "Jiang tracks sunspots over time."


def test_a_qualitative_study_placing_itself_and_a_counted_or_randomly_assigned_passive_are_the_authors_acts():
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="scott", title="Strategies", abstract="Few teachers are Black men. More is needed.",
                  authors=("Scott, L.", "Alexander, Q."))
    # a Web of Science export on Black male teachers: were "Scott and Alexander note that in this grounded theory study,
    # 18 Black men were interviewed ..." and "... note that to examine the role of stereotypes, pre-service teachers
    # were randomly assigned to read a vignette"
    assert said_for(paper, "In this grounded theory study, 18 Black men were interviewed about their careers.",
                    FACT_LEAD) == "Scott and Alexander interviewed 18 Black men about their careers."
    assert said_for(paper, "To examine the role of stereotypes, pre-service teachers were randomly assigned to read a "
                           "vignette.", FACT_LEAD) == \
        "To examine the role of stereotypes, Scott and Alexander randomly assigned pre-service teachers to read a vignette."
    assert said_for(paper, "In this phenomenological study, 120 nurses were recruited.", FACT_LEAD) == \
        "Scott and Alexander recruited 120 nurses."

def test_a_question_is_asked_not_noted():
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="lobo", title="Decolonising", abstract="x", authors=("Lobo, M.", "Kim, A."))
    # a Web of Science RIS export on decolonial theory: was "Lobo and Kim note that what role can Antipodean
    # geographers play in decolonising knowledge production and the university."
    assert said_for(paper, "What role can Antipodean geographers play in decolonising the university?", FACT_LEAD) == \
        "Lobo and Kim ask: What role can Antipodean geographers play in decolonising the university?"
    assert said_for(Paper(key="a", title="x", abstract="x"), "Does tuition matter?", FACT_LEAD) == \
        "The authors ask: Does tuition matter?"
    # whose "we" it is, no rewording tells: not said
    assert said_for(paper, "How can we teach decolonial thought?", FACT_LEAD) is None
    # an ACM Digital Library export: was "... ask: This work considers the following question: Can generative AI ...?"
    assert said_for(paper, "This work considers the following question: Can generative AI produce test cases?",
                    FACT_LEAD) == "Lobo and Kim ask: Can generative AI produce test cases?"

def test_it_after_the_paper_saying_what_it_is_is_the_paper():
    # a Scopus export on labour relations: was "@colley2016reshaping notes that it examines the extent to which this
    # renegotiation ...", and the sentence it leans on after it
    papers = [Paper(key="colley", authors=("Colley, Linda",), abstract=(
        "This is a study of the renegotiation of pay and employment security in an Australian state public service. It "
        "examines the extent to which this renegotiation was necessitated by austerity requirements. Wages fell."))]
    said = [s.text for s in _paragraph(papers, "Bargaining", "public sector bargaining")]
    assert said[1:3] == ["Colley presents a study of the renegotiation of pay and employment security in an Australian "
                         "state public service.",
                         "Colley examines the extent to which this renegotiation was necessitated by austerity "
                         "requirements."], said
    # "our understandings" are everyone's (a Web of Science export on Black male teachers: "broaden their understandings")
    from litreview.write.voice import in_third_person
    assert in_third_person("to broaden our understandings about teacher education") == \
        "to broaden the understandings about teacher education"

def test_a_themes_first_word_most_abstracts_capitalise_keeps_its_capital_in_every_paragraph():
    from litreview.group.schema import SubTheme
    from litreview.write.titled import theme_said
    papers = {"a": Paper(key="a", abstract="We interview 20 Black men who teach. Few Black teachers stay."),
              "b": Paper(key="b", abstract="Retention of black teachers is low among Black men in schools."),
              "c": Paper(key="c", abstract="Multimodal models help. We tune prompts of multimodal models and multimodal data.")}
    theme = "Black male students' transition to college"
    # a Web of Science export: three of four paragraphs said "relates to black male students' ...", as one abstract
    # of each wrote "black"; most write "Black"
    assert theme_said(theme, SubTheme(title="Teachers", description="", keys=["a", "b"]), papers).startswith("Black male")
    # a word most abstracts write in lower case is lowered as ever
    assert theme_said("Multimodal prompt tuning", SubTheme(title="Prompts", description="", keys=["c"]), papers) == \
        "multimodal prompt tuning"

def test_a_stated_aim_said_for_a_paper_is_its_authors_aim():
    from litreview.write.statements import FACT_LEAD, FINDING_LEAD, said_for
    from litreview.write.voice import it_as_itself
    paper = Paper(key="wang", title="Translanguaging", abstract="x", authors=("Wang, A.",))
    # a Web of Science RIS export on decolonial theory: was "@wang2022translanguaging reports that its aim is to reveal
    # students' perspectives ..." ("This study explores X. Its aim is to reveal Y.")
    its_aim = it_as_itself("Its aim is to reveal students' perspectives.", "This study explores how X works.")
    assert said_for(paper, its_aim, FINDING_LEAD) == "Wang aims to reveal students' perspectives."
    assert said_for(Paper(key="p", title="x", abstract="x", authors=("Pabon, A.", "Basile, V.")), "The purpose of this "
                    "study was to broaden our understandings of teacher education.", FACT_LEAD) == \
        "Pabon and Basile aimed to broaden the understandings of teacher education."
    # "Its aim" after a sentence not the paper's own may be anything's
    assert it_as_itself("Its aim is to train nurses.", "The program started in 2010.") == "Its aim is to train nurses."

def test_the_paper_itself_done_in_the_passive_is_a_study_its_authors_did():
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="abdi", title="Procrastination", abstract="x", authors=("Abdi Zarrin, S.", "Gracia, E."))
    # a Scopus .bib on procrastination: was "@AbdiZarrin202034 conducted the present study with the aim of ..."
    assert said_for(paper, "The present study was conducted with the aim of investigating stress.", FACT_LEAD) == \
        "Abdi Zarrin and Gracia conducted a study with the aim of investigating stress."
    assert said_for(paper, "The survey data were collected in 2020.", FACT_LEAD) == \
        "Abdi Zarrin and Gracia collected the survey data in 2020."

def test_a_fields_practice_the_engine_read_repaired_is_still_found_before_the_authors_we():
    from litreview.summarize.offline import content_sentences
    from litreview.write.statements import FACT_LEAD, said_for
    # Web of Science glued an italic species name to the words around it; a superscript reference number stayed
    for abstract, field in (
            ("Phages ofEscherichia coli are tracked over time in sewage. Here we sequence 40 of them.",
             "phages of Escherichia coli are tracked over time in sewage."),
            ("Phages are studied in sewage,3 often with metagenomics. Here we sequence 40 of them.",
             "phages are studied in sewage, often with metagenomics.")):
        paper = Paper(key="ho", title="Coliphages", abstract=abstract, authors=("Ho, Anna", "Lund, Per"))
        first = content_sentences(abstract)[0]
        # were "Ho and Lund track phages of Escherichia coli ...", "Ho and Lund study phages in sewage, ...": the field's
        assert said_for(paper, first, FACT_LEAD) == f"Ho and Lund note that {field}"


def test_a_shared_name_after_a_measure_is_said_with_its_article_not_the_unit():
    papers = [
        Paper(key="liu", title="Inferring Vector Magnetic Fields from Stokes Profiles Using a Convolutional Neural Network",
              abstract="We propose a new machine-learning approach to Stokes inversion based on a convolutional neural "
                       "network (CNN). The Stokes measurements used in this study were taken by the Near InfraRed Imaging "
                       "Spectropolarimeter (NIRIS) on the 1.6 m Goode Solar Telescope (GST) at the Big Bear Solar "
                       "Observatory."),
        Paper(key="deng", title="Improving the Spatial Resolution of Solar Images Using Generative Adversarial Network",
              abstract="The Helioseismic and Magnetic Imager (HMI) lacks spatial resolution. High-resolution observation "
                       "from large-aperture ground-based telescopes, such as the 1.6 m Goode Solar Telescope (GST) at the "
                       "Big Bear Solar Observatory, can compensate. We use HMI and GST images to construct a data set."),
        Paper(key="jiang", title="Identifying and Tracking Solar Magnetic Flux Elements with Deep Learning",
              abstract="Here we propose a new deep learning method, called SolarUnet, to identify and track solar magnetic "
                       "flux elements. SolarUnet is applied to data from the 1.6 m Goode Solar Telescope at the Big Bear "
                       "Solar Observatory.")]
    said = [s.text for s in _paragraph(papers, "Solar images", "machine learning")]
    # the EarthCube export: was "... discuss m Goode Solar Telescope" (the unit of "1.6 m" taken for a word of the name),
    # and a telescope's name defining its acronym was said in lower case ("discuss goode solar telescope (GST)")
    assert "Two of them discuss the Goode Solar Telescope (GST)." in said, said


def test_building_on_work_the_paragraph_does_not_say_is_said_as_the_doing():
    said = _clauses("Recent work shows that machine learning (ML) can predict failure time of laboratory earthquakes. We "
                    "build on this work by investigating the potential for unsupervised ML to identify patterns in the "
                    "acoustic signal during the laboratory seismic cycle.")
    # the EarthCube export: was "@bolton_characterizing_2019 build on the work by investigating the potential ..."
    assert said[-1] == ("The potential for unsupervised ML to identify patterns in the acoustic signal during the laboratory "
                        "seismic cycle is investigated.")


def test_an_institution_after_a_countrys_initials_keeps_its_capitals_and_its_article():
    papers = [
        Paper(key="richard", title="Community-Developed Geoscience Cyberinfrastructure",
              abstract="Discoveries in the geosciences are increasingly taking place across traditional disciplinary "
                       "boundaries. The EarthCube program, a community-driven project supported by the U.S. National "
                       "Science Foundation, is developing an information- and tool-sharing framework to bridge between "
                       "disciplines."),
        Paper(key="kelbert", title="Science and Cyberinfrastructure: The Chicken and Egg Problem",
              abstract="In September, I participated in a general scientific discussion regarding the U.S. National Science "
                       "Foundation Directorate for Geosciences (NSF GEO) Priorities and Frontiers 2015–2020 document. One "
                       "of the key issues raised was the issue of science versus infrastructure.")]
    # the EarthCube export: "U.S. " was read as a sentence's end, where any word has a capital, and "the" was not
    # found before it: "Two of them discuss national science foundation" (and a group headed so)
    assert "Both works discuss the National Science Foundation." in _shared(papers, "Cyberinfrastructure", "data sharing")
    from litreview.write.titled import label_said
    group = SubTheme(title="National Science Foundation", keys=["richard", "kelbert"], description="")
    assert label_said(group, {paper.key: paper for paper in papers}) == "National Science Foundation"  # "Work on national ..."


def test_a_web_application_for_analysis_is_a_system_not_an_analysis():
    papers = [
        Paper(key="tucker", title="Argovis: A Web Application for Fast Delivery, Visualization, and Analysis of Argo Data",
              abstract="Internet applications that handle Argo profiles are an active area of development. This paper "
                       "introduces a new and efficient interactive Argo data visualization and delivery web application "
                       "named Argovis that is built on a classic three-tier design."),
        Paper(key="hoffman", title="Ocean Impacts of Atmospheric Rivers: An Analysis of Salinity in the California Current",
              abstract="Atmospheric rivers result in precipitation over land and ocean. Here we use in situ ocean data "
                       "and a one-dimensional model to investigate the impact of precipitation on surface ocean salinity.")]
    # the EarthCube export: was "Two of them are analyses [@tucker_argovis_2020; @hoffman_ocean_2022]"
    assert not any("analyses" in text for text in _shared(papers, "Ocean observations", "ocean data")), \
        _shared(papers, "Ocean observations", "ocean data")


# --- IEEE Xplore's CSV export of a search on AI adoption in education --------------------------------------------

def test_a_proposal_in_the_passive_after_for_this_is_said_with_both_its_acts():
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="elhaleem", title="A Generic Technique for Online Labs", abstract="Online labs lack assessment.",
                  authors=("Elhaleem, A.", "Hassan, M."))
    # was "@elhaleem2022generic note that for this, a generic technique based on Artificial Intelligence (AI) is proposed
    # in the paper for assessing ... and implemented as a performance evaluation module in the LLMS."
    said = said_for(paper, "For this, a generic technique based on Artificial Intelligence (AI) is proposed in this paper "
                           "for assessing student performance while conducting online labs and implemented as a "
                           "performance evaluation module in the LLMS.", FACT_LEAD)
    assert said == ("Elhaleem and Hassan propose a generic technique based on Artificial Intelligence (AI) for assessing "
                    "student performance while conducting online labs and implement it as a performance evaluation "
                    "module in the LLMS."), said
    assert said_for(paper, "Two sensors are designed for flood monitoring and tested in Ohio.", FACT_LEAD) == \
        "Elhaleem and Hassan design two sensors for flood monitoring and test them in Ohio."
    # a relative clause's acts are not theirs
    assert said_for(paper, "A sensor network is designed for flood monitoring, which was tested and validated by the "
                           "city.", FACT_LEAD) == ("Elhaleem and Hassan design a sensor network for flood monitoring, "
                                                   "which was tested and validated by the city.")


def test_a_participle_after_a_plural_names_no_group_and_a_hyphenated_lead_joins_the_others():
    from litreview.group.phrasing import whole_phrase
    from litreview.group.terms import is_noun_phrase
    # was a group headed "Factors influencing" ("factors influencing students' attitudes", "... AI adoption")
    assert not is_noun_phrase("factors influencing") and is_noun_phrase("machine learning")
    # was "Equation modeling": one use said "partial least squares-structural equation modeling (PLS-SEM)"
    texts = ["Chatbots\nWe use partial least squares-structural equation modeling (PLS-SEM) on 447 students.",
             "Teachers\nStructural equation modeling (SEM) was used to analyze a questionnaire.",
             "Literacy\nWe apply structural equation modeling to survey data."]
    assert whole_phrase("equation modeling", texts) == "structural equation modeling"
    # CORD-19: "anti-" takes the whole name after it; "non-" makes another thing ("non-ICU bed capacity")
    sars = ["Sera\nWe measured anti-severe acute respiratory syndrome coronavirus antibodies.",
            "Spread\nThe severe acute respiratory syndrome coronavirus spread in 2003."]
    assert whole_phrase("acute respiratory syndrome coronavirus", sars) == "severe acute respiratory syndrome coronavirus"


def test_ieee_transactions_on_educations_labels_are_cut_and_name_no_group():
    from litreview.group.terms import is_noun_phrase
    from litreview.summarize.structured import labelled_parts
    # was "@hare2024intelligent note that contribution: A general-purpose model for integrating ..." and a group
    # headed "Research questions"
    abstract = ("Contribution: A novel undergraduate course design at the intersection of software engineering (SE) and "
                "machine learning (ML). Background: ML professionals report that building ML systems is different. "
                "Research Questions (RQs): This article addresses the following RQs: What is taught? Intended Outcomes: "
                "A table matching industry challenges with course topics. Application Design: Course content was "
                "derived from interviewing industry professionals. Findings: Industry-derived content was crafted.")
    # a contribution is often a noun phrase, an intended outcome or a question no aim: no role is said for them
    assert [role for role, _ in labelled_parts(abstract)] == [None, "problem", None, None, "method", "result"]
    assert not any(re.search(r"\b(?:Contribution|Research Questions|Intended Outcomes|Application Design)\b", part)
                   for _, part in labelled_parts(abstract))
    assert not is_noun_phrase("research questions") and is_noun_phrase("research ethics")


def test_others_they_beside_everyones_we_is_not_the_authors():
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="sanz", title="Statistical literacy", abstract="Statistical literacy has become important.",
                  authors=("Sanz, A.", "Luna, B.", "Mayo, C."))
    # Eurostat's JabRef .bib: was "Providing people with tools that allow them to critically evaluate the information,
    # Sanz et al. receive is crucial in the world we live, especially for the youth."
    assert said_for(paper, "Providing people with tools that allow them to critically evaluate the information they "
                           "receive is crucial in the world we live, especially for the youth.", FACT_LEAD) == (
        "Sanz et al. note that providing people with tools that allow them to critically evaluate the information they "
        "receive is crucial in the world we live, especially for the youth.")
    from litreview.write.clauses import active_sentence, approach_clause
    statement = approach_clause("Providing people with tools that allow them to critically evaluate the information "
                                "they receive is crucial in the world we live, especially for the youth.")
    assert "Sanz et al. receive" not in active_sentence("Sanz et al.", statement, plural=True)


def test_a_connective_after_the_papers_name_for_itself_goes_and_a_latin_phrase_keeps_its_a():
    from litreview.group.phrasing import whole_phrase
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="velazquez", title="Inter-country tables", abstract="Trade.",
                  authors=("Velazquez-Afonso, A.", "Rocchi, P.", "Rueda-Cantuche, J. M."))
    # Eurostat's JabRef .bib: was "@VRRR18 however justifies the first choice ..."
    assert said_for(paper, "This paper however justifies the first choice for various reasons.", FACT_LEAD) == \
        "Velazquez-Afonso et al. justify the first choice for various reasons."
    # was "Both works discuss posteriori comparisons"
    texts = ["Seasonal adjustment\nUnlike a posteriori comparisons, the test is run before adjusting.",
             "Seasonal patterns\nWe avoid a posteriori comparisons of adjusted series."]
    assert whole_phrase("posteriori comparisons", texts) == "a posteriori comparisons"
    # a cut never leaves the concession alone ("note that notwithstanding the positive achievements that have been made
    # so far.")
    concession = ("Notwithstanding the positive achievements that have been made so far, to build inter-country tables "
                  "the compilers need symmetric trade data for every pair of countries and every product group")
    assert not cut(concession, 12).endswith("so far")


def test_the_papers_next_verb_after_a_comma_and_it_is_its_authors_too():
    from litreview.write.statements import FACT_LEAD, said_for
    paper = Paper(key="agafitei", title="Output quality", abstract="Quality.", authors=("Agafitei, M.", "Gras, F.",
                                                                                       "Kloek, W."))
    # Eurostat's JabRef .bib: was "@AGKRV15 analyse the appropriateness ..., it explains the need for improvement and
    # outline directions for further work."
    assert said_for(paper, "This paper analyses the appropriateness of the current set of output quality measures, it "
                           "explains the need for improvement and outlines directions for further work.", FACT_LEAD) == (
        "Agafitei et al. analyse the appropriateness of the current set of output quality measures, explain the need for "
        "improvement and outline directions for further work.")
    from litreview.write.clauses import active_sentence, approach_clause
    clause = approach_clause("This paper analyses the appropriateness of the current set of output quality measures, "
                             "it explains the need for improvement.")
    assert active_sentence("Agafitei et al.", clause, plural=True) == ("Agafitei et al. analyse the appropriateness of "
                                                                       "the current set of output quality measures, "
                                                                       "explain the need for improvement.")


def test_a_place_said_with_a_possessive_keeps_its_capital():
    from litreview.write.english import lower_first, names_in
    # ScienceDirect, avian influenza: "@abolnik2025avian notes that africa’s vast geographic ... diversity"
    abstract = ("Africa’s vast geographic and climatic diversity makes it a critical region for avian influenza. "
                "Outbreaks were reported across West and Southern Africa. Today's surveillance is limited.")
    names = names_in(abstract)
    assert lower_first("Africa’s vast geographic and climatic diversity makes it a critical region.", names) == \
        "Africa’s vast geographic and climatic diversity makes it a critical region."
    assert lower_first("Today's surveillance is limited.", names) == "today's surveillance is limited."


def test_an_aim_only_to_meet_what_was_said_before_is_not_the_approach():
    # PubMed, e-health adoption: "@wilson2021barriers note that the scoping review sought." (of "This scoping review
    # sought to address this gap."): the sentence says only that the paper meets what the one before stated
    said = _one_paper("BACKGROUND: Limited attention has been paid to how and why older adults choose to engage with "
                      "e-health. This scoping review sought to address this gap. METHODS: Databases were searched for "
                      "papers reporting on the use of e-health services by older adults. RESULTS: 14 papers were included.",
                      "E-health", "e-health adoption")
    assert not any("sought" in sentence for sentence in said), said
    assert any("searched for papers reporting on the use of e-health services" in sentence for sentence in said), said
    from litreview.write.clauses import clean_clause
    # where a purpose that points back is left out, an aim's and a passive's stay: no "sought" or "was" alone
    assert clean_clause("This scoping review sought to address this gap.") == "This scoping review sought to address this gap"
    assert clean_clause("The tool was designed to address these issues, and it is fast.") == \
        "The tool was designed to address these issues, and it is fast"
    # ... nor a "tried" alone (a Scopus .bib on procrastination: was "@KumarSwain20211139 tried, psychosocial behavior,
    # academic performance and circadian rhythm in humans.")
    assert clean_clause("We have tried to answer this question through reviewing the literature on sleep quality, "
                        "psychosocial behavior and academic performance.") == ("They have tried to answer this question "
                        "through reviewing the literature on sleep quality, psychosocial behavior and academic performance")
    assert clean_clause("We propose X, a tool designed to address these issues, and it is fast.") == \
        "They propose X, a tool, and it is fast"
    # a relative clause that only aims at what the sentence before stated goes whole (a Scopus export on ports: was
    # "Silverajan et al. describe a cybersecurity incident reporting system ... that aims to address this issue.")
    assert clean_clause("In this paper, we describe a cybersecurity incident reporting system for the maritime industry "
                        "that aims to address this issue.") == \
        "they describe a cybersecurity incident reporting system for the maritime industry"
    # a bias the sentence before stated is such a problem too (a Zotero .bib on species distributions: was "Hijmans
    # proposes the use of pairwise distance sampling to remove this bias.")
    assert clean_clause("I propose the use of pairwise distance sampling to remove this bias, and the use of a null "
                        "model.") == "They propose the use of pairwise distance sampling, and the use of a null model"


def test_papers_that_are_reviews_are_said_to_be_reviews():
    # a real PubMed export on e-health adoption: "@pong2024current and @wilson2021barriers discuss scoping reviews"
    papers = [Paper(key="pong", title="Current implementation of digital health in chronic disease management: scoping review",
                    abstract="This scoping review aims to identify how digital health innovations for chronic disease "
                             "management have been implemented. Surveys were the main method of assessing outcomes."),
              Paper(key="wilson", title="Barriers and facilitators to the use of e-health by older adults: a scoping review",
                    abstract="Little is known about why older adults engage with e-health. This scoping review sought to "
                             "address this gap. Databases were searched for papers on e-health services for older adults."),
              Paper(key="other", title="Reviewing telehealth trials", abstract=(
                  "Earlier scoping reviews of telehealth left trials out. We pool 40 trials of telehealth for stroke."))]
    said = _shared(papers, "Digital health", "e-health adoption")
    assert "Two of them are scoping reviews." in said or any(s.endswith(" are scoping reviews.") for s in said), said
    assert not any("discuss scoping reviews" in s for s in said), said


def test_a_noun_phrase_said_as_a_sentence_is_described_not_noted():
    # IEEE Xplore (AI in education) and EarthCube's Zotero library: "@hare2024intelligent note that a general-purpose
    # model for integrating an intelligent tutoring system within a serious game ...", no sentence at all
    from litreview.corpus.paper import Paper
    from litreview.write.english import noun_phrase_only
    from litreview.write.statements import said_for
    paper = Paper(key="hare2024intelligent", authors=("Hare, R.", "Tang, Y."), title="Intelligent tutoring in games",
                  abstract="Games engage students. A general-purpose model for integrating an intelligent tutoring system "
                           "within a serious game for use in higher education.")
    assert said_for(paper, "A general-purpose model for integrating an intelligent tutoring system within a serious "
                           "game for use in higher education.", "They note that") == (
        "Hare and Tang describe a general-purpose model for integrating an intelligent tutoring system within a serious "
        "game for use in higher education.")
    assert noun_phrase_only("A research agenda for intelligent systems that will result in new capabilities.")
    for sentence in ("A model for crop yields predicts droughts.", "A man came to the clinic.", "A decrease in mortality "
                     "occurred.", "A total of 500 patients were enrolled.", "A set of tools and methods for analysis.",
                     "The model for crop yields in Kenya."):
        assert not noun_phrase_only(sentence), sentence


def test_a_connective_before_a_statement_of_need_goes_and_the_statement_is_noted_not_described():
    # IEEE Xplore (GPU programming models): "@lee2012high note that thus a more general programming model beyond SIMD
    # which is easy to use and leads to high performance needs to be developed", and without the "thus" the relative
    # clause hid the main verb: "describe a more general programming model ... needs to be developed"
    from litreview.write.english import noun_phrase_only
    from litreview.write.statements import said_for
    paper = Paper(key="lee2012high", authors=("Lee, A.", "Kim, B."), title="High performance on heterogeneous platforms",
                  abstract="Programming models for GPUs are limited.")
    need = ("Thus a more general programming model beyond SIMD which is easy to use and leads to high performance needs "
            "to be developed.")
    assert said_for(paper, need, "They note that") == (
        "Lee and Kim note that a more general programming model beyond SIMD which is easy to use and leads to high "
        "performance needs to be developed.")
    assert not noun_phrase_only(need.removeprefix("Thus "))
    assert noun_phrase_only("A more general programming model beyond SIMD which is easy to use.")


def test_reviews_of_one_design_are_said_of_that_design():
    # a real PubMed export on e-health adoption: scoping reviews were no surveys, and surveys only "are surveys"
    from litreview.summarize.offline import offline_summary
    from litreview.write.relations import _shared_kind
    papers = {"pong": Paper(key="pong", title="Digital health in chronic disease management: scoping review",
                            abstract="Digital health innovations vary. Surveys were the main method of assessing outcomes."),
              "wilson": Paper(key="wilson", title="Barriers to the use of e-health by older adults",
                              abstract="Little is known about older adults. This scoping review sought to address this gap."),
              "cho": Paper(key="cho", title="Telehealth for stroke: a rapid review",
                           abstract="We conducted a rapid review of 40 trials of telehealth for stroke.")}
    summaries = {key: offline_summary(paper) for key, paper in papers.items()}
    assert [summary.kind for summary in summaries.values()] == ["survey", "survey", "survey"]
    texts = {key: f"{paper.title}\n{paper.abstract}" for key, paper in papers.items()}
    said = _shared_kind(["pong", "wilson"], summaries, True, ["survey"], texts)
    assert said[0].text == "Both works are scoping reviews.", said
    said = _shared_kind(list(papers), summaries, True, ["survey"], texts)
    assert said[0].text == "All three works are reviews.", said
    texts["cho"] = "Deep learning for telehealth: a survey\nWe survey methods."  # (a CORD-19 draft on mental health:)
    assert _shared_kind(list(papers), summaries, True, ["survey"], texts)[0].text == "All three works are reviews."
    texts = {"pong": "Deep learning for telehealth: a survey\nWe survey methods.", "wilson": "Telehealth\nAn overview of it."}
    assert _shared_kind(["pong", "wilson"], summaries, True, ["survey"], texts)[0].text == "Both works are surveys."


def test_a_verb_a_comparative_or_a_unit_is_no_topic_papers_share():
    # a Web of Science export on black silicon: "@zhong2016enhanced and @huang2016near discuss fabricate nanostructured
    # black silicon", "Four of them discuss absolutely higher", "@jiang2017high and @zhang2018fabrication discuss mA cm"
    papers = [Paper(key=key, title=title, abstract=f"We use metal-assisted chemical etching (MCE) method to fabricate "
                    f"nanostructured black silicon on the surface of C-Si. {rest}") for key, title, rest in (
                        ("zhong", "Enhanced near-infrared absorber", "The detector fabricated shows a responsivity of 0.57 A/W."),
                        ("huang", "Near-infrared photodetectors", "The absorptance rises to 95% at 1100 nm."))]
    said = _shared(papers, "Absorbers", "metal-assisted chemical etching")
    assert not any("discuss fabricate" in sentence for sentence in said), said
    assert any("nanostructured black silicon" in sentence for sentence in said), said
    papers = [Paper(key=key, title=title, abstract=f"The cells reach a current density of {current} mA/cm(2), which is "
                    f"absolutely higher than that of acid-textured wafers. {rest}") for key, title, current, rest in (
                        ("dai", "Influence of post-etching", "38.1", "Pyramids form on the wafer."),
                        ("li", "High-efficiency textures", "38.4", "Cyclodextrin is added to the etchant."))]
    said = _shared(papers, "Textures", "metal-assisted chemical etching")
    assert not any(sentence.endswith((" higher.", " mA cm.")) for sentence in said), said


def test_every_verb_a_work_does_after_and_agrees_with_its_several_authors():
    # a Scopus export on maritime data ("this study contributes to and recognizes the future value ...") and a Web of
    # Science one on crash prediction ("This study addresses this need by undertaking X, and then conducts Y"): the
    # second verb kept its -s ("Lee et al. contribute to and recognizes", "... and then conducts a meta-analysis")
    from litreview.write.voice import second_verbs_in_base_form

    assert second_verbs_in_base_form(" to and recognizes the future value of maritime data") == \
        " to and recognize the future value of maritime data"
    assert second_verbs_in_base_form(" X by undertaking a review, and then conducts a meta-analysis of studies") == \
        " X by undertaking a review, and then conduct a meta-analysis of studies"
    assert second_verbs_in_base_form(" the ratio of cases and deaths in Italy") == " the ratio of cases and deaths in Italy"
    paper = Paper(key="lee2021", title="Data platforms for autonomous ships", authors=("Lee, C.", "Kim, D."),
                  abstract=("Maritime data are growing. Consequently, this study contributes to and recognizes the future "
                            "value of intellectual property related to maritime data."))
    text = " ".join(sentence.text for sentence in _paragraph([paper], "Maritime data", "autonomous ships"))
    assert "Lee and Kim contribute to and recognize the future value of intellectual property" in text, text


def test_in_this_contribution_is_the_paper_placing_itself():
    # a Scopus export on ports (and a TREC-COVID abstract: "in this contribution we underscore ..."): was "Hofmann et
    # al. note that in this contribution, a digital twin for truck dispatching operator assistance is presented"
    paper = Paper(key="hofmann2019", title="Implementation of an IoT- and cloud-based digital twin", authors=("Hofmann, W.",
                  "Branding, F."), abstract=("Seaborne trade volumes are growing. In this contribution, a digital twin for "
                                             "truck dispatching operator assistance is presented, which enables the "
                                             "determination of optimal dispatching policies."))
    texts = [sentence.text for sentence in _paragraph([paper], "Digital twins", "digital twin ports")]
    assert "Hofmann and Branding present a digital twin for truck dispatching operator assistance, which enables the " \
           "determination of optimal dispatching policies." in texts, texts


def test_a_term_a_paper_says_it_goes_without_is_nothing_it_discusses():
    # an EndNote RIS export on protein interactions: "Both works discuss biological features" was said of two papers
    # that each use none ("with no protein attributes or extra biological features used", "without using any
    # biological features")
    from litreview.group.naming import said_as_unused

    papers = [Paper(key="xiao2020", title="Graph embedding for protein interaction prediction",
                    abstract=("We develop a graph auto-encoder for protein interaction prediction on network topology. Our "
                              "method is based exclusively on network topology, with no protein attributes or extra "
                              "biological features used.")),
              Paper(key="yue2020", title="Graph embedding on biomedical networks",
                    abstract=("We compare graph embedding methods for protein interaction prediction on network topology. "
                              "The methods achieve competitive performance without using any biological features."))]
    shared = _shared(papers, "Graph embedding", "protein interaction prediction")
    assert not any("biological features" in text for text in shared), shared
    assert any("network topology" in text for text in shared), shared  # what they do share is still said
    # what a paper studies the absence of, it discusses (TREC-COVID: trials counting "days alive and free of mechanical
    # ventilation", a study of "municipalities without confirmed COVID-19 deaths")
    for text in ("Patients alive and free of mechanical ventilation at day 14.", "No patient needed mechanical "
                 "ventilation in the first week.", "We identified 1,351 municipalities without confirmed COVID-19 deaths."):
        assert not said_as_unused("mechanical ventilation", [text]) and not said_as_unused("COVID-19 deaths", [text])
    assert said_as_unused("labelled data", ["Our method does not require labelled data."])


def test_what_kind_of_work_a_paper_is_is_what_its_authors_present():
    # a MEDLINE export on spinal tuberculosis: "STUDY DESIGN: This is a retrospective case series." was said "Zheng et
    # al. note that this is a retrospective case series", "this" pointing to nothing in the draft
    from litreview.write.statements import FACT_LEAD, said_for

    paper = Paper(key="zheng2015", title="Tropical spinal tuberculosis", authors=("Zheng, A.", "Li, B.", "Wu, C."),
                  abstract="STUDY DESIGN: This is a retrospective case series. OBJECTIVE: To describe spinal tuberculosis.")
    assert said_for(paper, "This is a retrospective case series.", FACT_LEAD) == \
        "Zheng et al. present a retrospective case series."
    assert said_for(paper, "This is a cohort study of 120 nurses in Ohio.", FACT_LEAD) == \
        "Zheng et al. present a cohort study of 120 nurses in Ohio."
    # a work's kind is still said of the work ("One study is a cohort study of X")
    assert "One study is a cohort study of 120 nurses in Ohio." in \
        _clauses("This is a cohort study of 120 nurses in Ohio. Nurses reported stress.")


def test_web_of_science_italics_glued_to_their_words_and_a_participle_ending_a_phrase():
    # a Web of Science export on phage ecology: "the understanding ofEscherichia coli(MG1655, K-12) phages" (a species
    # in italics lost its spaces), "To this aim, Colombo et al. developed ..." (a lead pointing back), and "Salifu et al.
    # and Campbell et al. discuss bacteriophages infecting." (a phrase ending on the participle before its object)
    from litreview.summarize.offline import content_sentences
    from litreview.write.clauses import clean_clause

    assert content_sentences("Aiming to broaden the understanding ofEscherichia coli(MG1655, K-12) phages, we screened "
                             "188 samples. Phages carrying the stx(2) gene were found.") == [
        "Aiming to broaden the understanding of Escherichia coli (MG1655, K-12) phages, we screened 188 samples.",
        "Phages carrying the stx(2) gene were found."]  # a gene's subscript stays
    assert clean_clause("To this aim, we developed an approach for the characterization of viromes.") == \
        "they developed an approach for the characterization of viromes"
    papers = [Paper(key="salifu", title="Isolation of Rhodococcus phages",
                    abstract=("We isolate bacteriophages infecting the soilborne pathogen Rhodococcus equi. The phages "
                              "belong to the Myoviridae.")),
              Paper(key="campbell", title="Large phages of pseudomonads",
                    abstract=("Five bacteriophages infecting common fluorescent pseudomonads were isolated from soil. "
                              "All were Myoviridae."))]
    shared = _shared(papers, "Phage isolation", "phage host range")
    assert not any(text.endswith("infecting.") for text in shared), shared


def test_such_an_x_nothing_said_described_is_an_x():
    # a MEDLINE export on spinal tuberculosis: "PURPOSE: To document such an association of Pott's paraplegia and
    # Scrofuloderma" (the association stated in a sentence the draft leaves out) was "Kanojia et al. document such an
    # association ..."
    from litreview.write.voice import the_for_these

    said = the_for_these([Sentence(text="Kanojia et al. note that spinal tuberculosis spreads from the lungs.",
                                   keys=["kanojia"]),
                          Sentence(text="Kanojia et al. document such an association of Pott's paraplegia.",
                                   keys=["kanojia"]),
                          Sentence(text="Smith et al. find an association of X and Y, and such an association holds.",
                                   keys=["smith"])])
    assert said[1].text == "Kanojia et al. document an association of Pott's paraplegia."
    assert said[2].text == "Smith et al. find an association of X and Y, and such an association holds."  # named first


def test_efforts_and_groups_are_shared_by_anything():
    # Web of Science exports on crash prediction and phage ecology: "@jermprapai2014planning and @lee2017intersection
    # discuss efforts" (efforts of anything; once "efforts" went, "... discuss groups", of anything too)
    papers = [Paper(key="lee", title="Intersection crash prediction modeling with macro-level data",
                    abstract=("There have been great efforts to develop traffic crash prediction models for various types "
                              "of facilities. In this study, the authors have developed a series of intersection crash "
                              "models with macro-level data for seven spatial units. Several macro-level variables (e.g., "
                              "proportions of specific age group) can be a good surrogate exposure.")),
              Paper(key="jermprapai", title="Planning-level model for assessing pedestrian safety",
                    abstract=("The focus of this study was on developing planning-level models for pedestrian safety. "
                              "Although such efforts have been undertaken, they have generally focused on specific "
                              "cities. This study analyzed a larger study area at a finer spatial resolution (census "
                              "block groups instead of tracts)."))]
    shared = _shared(papers, "Census", "crash severity analysis")
    assert not any(text.endswith((" efforts.", " groups.")) for text in shared), shared


def test_a_possessive_or_an_evaluation_is_no_shared_topic():
    # A Scopus export on academic procrastination: "@Baker2019521 and @Luo2022 discuss improving students." (each
    # said "improving students' time management / learning performance") and "... discuss the negative impact."
    students = [Paper(key="baker", title="Scheduling and cramming", abstract=(
                    "Students procrastinate. At a 4-year university, we test the efficacy of a scheduling intervention "
                    "aimed at improving students’ time management. Results indicate the intervention had positive effects.")),
                Paper(key="luo", title="Nature sounds", abstract=(
                    "Students procrastinate. We show promising effects of exposure to nature sounds through a mobile "
                    "application on improving students' learning performance."))]
    assert not any("improv" in text for text in _shared(students, "Interventions", "academic procrastination"))
    impact = [Paper(key="tian", title="Mobile phone addiction", abstract=(
                  "Academic procrastination is common. We explore the negative impact of mobile phone addiction on "
                  "academic achievement among medical students.")),
              Paper(key="abdi", title="Fear of failure", abstract=(
                  "Procrastination has a negative impact on academic achievement. We investigate the role of fear of "
                  "failure and self-regulation in relation with academic procrastination."))]
    assert not any("impact" in text for text in _shared(impact, "School students", "academic procrastination"))


def test_the_end_of_two_different_names_is_no_shared_topic():
    # The same Scopus export: "@AbdiZarrin202034 and @Zhao20222773 discuss Self-regulation Questionnaire.", one using
    # "Sevari's Self-regulation Questionnaire", the other the "Academic Self-Regulation Questionnaire"
    questionnaires = [
        Paper(key="abdi", title="Fear of failure, self-regulation and academic procrastination", abstract=(
            "The present study was conducted with the aim of investigating the role of fear of failure and self-regulation "
            "in relation with academic procrastination. Therefore, 198 students from the University of Isfahan were "
            "selected by random cluster sampling. Student’s Procrastination Assessment Scale, Performance Failure "
            "Appraisal Inventory, and Sevari’s Self-regulation Questionnaire were used.")),
        Paper(key="zhao", title="Parental autonomy support and academic procrastination", abstract=(
            "This study aims to explore the relationship between perceived parental autonomy support and academic "
            "procrastination. Cross-sectional data from 662 middle school students were collected using the Parental "
            "Autonomy Support Scale, Academic Self-Regulation Questionnaire and Adolescence Time Management Disposition "
            "Scale."))]
    assert not any("Questionnaire" in text for text in _shared(questionnaires, "Students", "procrastination"))
    # one name said by both is shared
    same = [paper.model_copy(update={"abstract": paper.abstract.replace("Sevari’s", "Academic")}) for paper in questionnaires]
    assert "Both works discuss Academic Self-Regulation Questionnaire." in _shared(same, "Students", "procrastination")


def test_a_reported_clause_that_opens_on_a_pronoun_keeps_what_the_pronoun_stands_for():
    # A Scopus export on labour relations: "@hardy2011enrolling notes that it is both prevalent and persistent." (what
    # is? the non-compliance the sentence's first half names)
    said = _one_paper(
        "While the extent of employer non-compliance with minimum employment standards has yet to be decisively "
        "determined in Australia, there is evidence to suggest that it is both prevalent and persistent. This article "
        "draws on the scholarship emerging from the regulatory studies field to explore the issues that may have led to "
        "this compliance gap.", "Employment standards", "employment relations")
    assert not any(" that it is both" in text and "non-compliance" not in text for text in said), said
    assert any("non-compliance with minimum employment standards" in text and "prevalent and persistent" in text
               for text in said), said
    from litreview.write.clauses import finding_clause
    assert finding_clause("Our results show that the estimator fails in small samples.") == "the estimator fails in small samples"


def test_a_word_each_paper_says_of_something_else_is_no_shared_topic():
    # The same export: "@cregan1992young and @forsyth2006uncharted discuss Act." (the 1991 Employment Contracts Act,
    # the 2005 Act), "... discuss creation." (employment creation, creation of workplace networks), "... discuss
    # interests." (workers' interests, members' interests)
    laws = [Paper(key="cregan", title="Young people and trade union membership", abstract=(
                "Trade union membership among young people in New Zealand fell after the 1991 Employment Contracts Act. "
                "We test a model of membership on a survey of early school-leavers and of workers' interests.")),
            Paper(key="forsyth", title="Trade unions under the Work Choices legislation", abstract=(
                "Trade unions in Australia face new restrictions. This article highlights the key aspects of the 2005 "
                "legislation affecting trade unions and of members' interests. We conclude that the 2005 Act constitutes "
                "the most serious threat to Australian unions yet."))]
    assert _shared(laws, "Labour laws", "trade unions") == []
    jobs = [Paper(key="roy", title="Job security laws and employment", abstract=(
                "It is claimed that labour laws arrest employment creation in India. We examine job security laws and "
                "union activity as causes of employment stagnation in the organised sector.")),
            Paper(key="peetz", title="Union delegates", abstract=(
                "Union delegates are central to union renewal. A telephone survey found that organisers were key to the "
                "creation of internal workplace networks among delegates."))]
    assert not any("creation" in text for text in _shared(jobs, "Union renewal", "employment relations"))


def test_an_aim_to_broaden_understanding_stays_an_aim():
    # A Web of Science export on Black male teachers: "The purpose of this study is to broaden our understandings about
    # teacher education ..." was said "@pabon2016waiting broadens the understandings about ...", as if done
    said = _one_paper(
        "Black male teachers make up less than 2% of the U.S. public school labor force. This study uses life history "
        "methods to access the narratives of a group of Black male teachers. The purpose of this study is to broaden our "
        "understandings about teacher education, teaching, and teacher retention of Black male teachers.",
        "Teacher retention", "Black male teachers")
    assert not any("broadens" in text for text in said), said
    assert any("aims to broaden the understandings about teacher education" in text for text in said), said


def test_relevant_literature_is_no_shared_topic():
    # A Zotero library of gamification reviews: "@Mora2017516 and @Leal2018335 discuss relevant literature."
    reviews = [Paper(key="mora", title="Gamification design frameworks", abstract=(
                   "Gamification frameworks abound. We present a systematic review of the gamification design frameworks "
                   "discussed in the relevant literature.")),
               Paper(key="leal", title="Gamification in management teaching", abstract=(
                   "Teaching management is hard. We wish to do a systematic review of the relevant literature on the use "
                   "of gamification as a tool to enhance the quality of the teaching of management."))]
    assert not any("literature" in text for text in _shared(reviews, "Design frameworks", "gamification in education"))


def test_building_on_something_is_not_what_a_paper_makes():
    # A Web of Science export on decolonial thought: "@mohlabane2021woman build on the indigenous and also draws from
    # the indigenous for knowledge production." was said over the study's stated aim
    said = _one_paper(
        "Feminists across a variety of contexts have written extensively about womanhood. Drawing on decolonial African "
        "feminist approaches, this qualitative study aimed to understand the meaning of womanhood from the perspectives of "
        "never-married women in Lesotho. In-depth interviews were conducted with 20 women. This paper builds on the "
        "indigenous and also draws from the indigenous for knowledge production.", "Womanhood", "decolonial feminism")
    assert any("aimed to understand the meaning of womanhood" in text for text in said), said
    assert not any("build on the indigenous" in text or "builds on the indigenous" in text for text in said[:2]), said


def test_a_long_purpose_of_two_aims_keeps_the_first_and_the_authors_do_what_the_passive_says():
    # a Paperpile export on PFAS: was "@Zhu2016-yg note that to evaluate the association between serum PFAAs
    # concentrations and ... of asthma in children." (the sentence cut at a word after its purpose, no main clause left)
    from litreview.write.acts import done_by
    sentence = ("To evaluate the association between serum PFAAs concentrations and T-lymphocyte-related immunological "
                "markers of asthma in children, and further to assess whether gender modified this association, 231 "
                "asthmatic children and 225 non-asthmatic control children from Northern Taiwan were recruited into the "
                "Genetic and Biomarker study for Childhood Asthma.")
    assert done_by("Zhu et al.", sentence, plural=True) == (
        "To evaluate the association between serum PFAAs concentrations and T-lymphocyte-related immunological markers "
        "of asthma in children, Zhu et al. recruited 231 asthmatic children and 225 non-asthmatic control children from "
        "Northern Taiwan into the Genetic and Biomarker study for Childhood Asthma.")
    # short enough, both aims stay
    assert done_by("Zhu et al.", "To evaluate X, and to assess Y, 231 children were recruited.", plural=True) == \
        "To evaluate X, and to assess Y, Zhu et al. recruited 231 children."


def test_a_proposal_after_a_lead_is_the_authors_and_a_brief_is_the_paper():
    # A Better BibTeX library on reservoir computing: "@liPredictingChaoticTime2022 note that based on the idea of
    # homotopy ..., two novel echo state network (ESN) models are proposed." (the authors based and proposed them), and
    # "@yaoFractionalOrderEcho2020 note that in this brief, ..." (an IEEE Transactions brief is the paper itself)
    from litreview.write.acts import done_by
    assert done_by("Li and Li", "Based on the idea of homotopy and combined activation function, two novel echo state "
                   "network (ESN) models are proposed.", plural=True) == (
        "Based on the idea of homotopy and combined activation function, Li and Li propose two novel echo state network "
        "(ESN) models.")
    said = _one_paper("Echo state networks forget. In this brief, considering the infinite memory of fractional-order "
                      "differential equation, a fractional-order echo state network (FESN) is given for time series "
                      "prediction.", "Echo state networks", "reservoir computing")
    assert not any("this brief" in text for text in said), said
    # a noun phrase goes on after its acronym: "a fractional-order echo state network (FESN) is given ..." is a sentence
    from litreview.write.english import noun_phrase_only
    assert not noun_phrase_only("a fractional-order echo state network (FESN) is given for time series prediction")
    assert noun_phrase_only("A general-purpose model (GPM) for integrating a tutoring system within a serious game.")


def test_what_a_paper_quotes_keeps_its_first_person():
    # A Zotero library of gamification reviews: 'we seek to answer the following questions; "how can we make education
    # more interesting?"' was said '... "how can they make education more interesting?"', a question the paper never asked
    from litreview.write.voice import in_third_person
    assert in_third_person('we seek to answer the following questions; "how can we make education more interesting?" '
                           'by method of literature review') == ('they seek to answer the following questions; "how can '
                                                                 'we make education more interesting?" by method of '
                                                                 'literature review')
    assert in_third_person("We ask “can we trust our models?” and we answer no.") == \
        "They ask “can we trust our models?” and they answer no."


def test_in_consequence_is_a_connective_and_a_module_is_counted():
    # seed drafts: "In consequence, Z-LaVI consistently improves ..." (a connective to a sentence not said) and "ADEM-VL
    # and CLIP-SCGI discuss fusion module." (one abstract says "to enhance representation learning in fusion module")
    from litreview.write.leads import without_leads
    assert without_leads("In consequence, Z-LaVI consistently improves the zero-shot performance.") == \
        "Z-LaVI consistently improves the zero-shot performance."
    fusion = [Paper(key="adem", title="ADEM-VL", abstract=(
                  "Vision-language models are costly. We propose ADEM-VL, an efficient vision-language method. To enhance "
                  "representation learning in fusion module, we introduce an efficient multiscale feature generation scheme.")),
              Paper(key="scgi", title="CLIP-SCGI", abstract=(
                  "Person re-identification lacks captions. We propose CLIP-SCGI, whose features are then utilized in a "
                  "cross-modal fusion module, guiding the model to learn discriminative features."))]
    assert _shared(fusion, "Multimodal methods", "vision-language models") == ["ADEM-VL and CLIP-SCGI discuss fusion modules."]


def test_a_second_verb_ends_the_thing_proposed_and_worldwide_is_no_topic():
    # TREC-COVID "animal models": "A unique mouse model for SARS-CoV-2 infection and confirms protective efficacy of a
    # SARS-CoV-2 RBD subunit vaccine is described." and "Two of them discuss spread worldwide", "... discuss urgent needs"
    from litreview.group.terms import is_noun_phrase
    from litreview.write.clauses import approach_clause, passive_sentence
    described = approach_clause("This study describes a unique mouse model for SARS-CoV-2 infection and confirms protective "
                                "efficacy of a SARS-CoV-2 RBD subunit vaccine.")
    assert passive_sentence(described) == "A unique mouse model for SARS-CoV-2 infection is described."
    assert not is_noun_phrase("spread worldwide") and is_noun_phrase("worldwide spread")
    assert not is_noun_phrase("urgent needs")


def test_a_paper_its_authors_focus_is_not_said_as_the_thing_focused():
    # TREC-COVID "clinical trials": "Another study focuses this editorial specifically on the background to ..." (the
    # editorial is the paper), and "Two of them discuss registry platform"
    said = _clauses("Trials of stem cells are many. We focus this editorial specifically on the background to, and the "
                    "rationale for, the use of mesenchymal stromal cells in treatment trials of patients with severe COVID-19.")
    assert said[-1] == ("One study focuses specifically on the background to, and the rationale for, the use of mesenchymal "
                        "stromal cells in treatment trials of patients with severe COVID-19.")
    from litreview.group.articles import counted
    assert counted("registry platform", ["Trials were listed in registry platform of the WHO."])  # a platform is counted


def test_a_survey_of_the_sky_or_of_people_is_no_review():
    # an ADS export on little red dots: "Two of them are surveys" of two papers using the SMILES/MIRI and COSMOS-Web
    # surveys' data; a questionnaire survey is no review either; a survey of the literature is
    from litreview.summarize.offline import summary_kind
    assert summary_kind("Little red dots in the mid-infrared", "We study 31 little red dots covered by the SMILES/MIRI "
                        "survey.") != "survey"
    assert summary_kind("Burnout among nurses", "A survey of 2,000 nurses was conducted in 2020.") != "survey"
    assert summary_kind("A Survey on Multimodal Large Language Models", "We review recent progress.") == "survey"
    assert summary_kind("Prompt tuning: a survey", "Prompts adapt models.") == "survey"
    assert summary_kind("Prompting methods", "We present a survey of recent methods for prompting.") == "survey"


def test_a_clause_cut_short_is_no_shared_topic():
    # the same EndNote export: "discuss split-face clinical trial evaluating" (a participle whose object was cut) and
    # "discuss evaluate patient tolerance" (a verb); a clinical trial is counted
    from litreview.group.articles import counted
    from litreview.group.terms import is_noun_phrase
    assert not is_noun_phrase("clinical trial evaluating") and not is_noun_phrase("evaluate patient tolerance")
    assert is_noun_phrase("machine learning") and is_noun_phrase("patient tolerance")
    assert counted("split-face clinical trial", ["We report a split-face clinical trial evaluating blue light."])


def test_researchers_or_creation_alone_is_no_shared_topic():
    # a JabRef library on load monitoring: "@he2013 and @parson2015dataport discuss researchers." and
    # "@pereira2015openEDF and @pereira2014SURF discuss creation."
    from litreview.group.terms import is_noun_phrase
    assert not is_noun_phrase("researchers") and not is_noun_phrase("creation") and not is_noun_phrase("development")
    assert is_noun_phrase("energy disaggregation") and is_noun_phrase("load monitoring")


def test_a_count_that_opens_a_reported_sentence_is_lowered():
    # an EndNote export on blue-light phototherapy: "@tzung2004blue note that Thirty-one Taiwanese with ... were
    # irradiated" ("Thirty-one Taiwanese" read as a name)
    from litreview.write.english import lower_first
    assert lower_first("Thirty-one Taiwanese with acne were irradiated.") == "thirty-one Taiwanese with acne were irradiated."
    assert lower_first("Twenty patients were enrolled.") == "twenty patients were enrolled."
    assert lower_first("Prompt Tuning adapts models.") == "Prompt Tuning adapts models."  # a name stays


def test_an_adjective_and_the_noun_a_disease_is_named_by_is_no_shared_topic():
    # the same export: "@nouri2005light and @munavalli2008evidence discuss prevalent skin." (one "the most prevalent
    # skin disease", the other "a prevalent skin disorder")
    from litreview.group.naming import used_as_modifier
    assert used_as_modifier("prevalent skin", ["Acne is the most prevalent skin disease.", "Acne, a prevalent skin "
                                               "disorder, scars."])
    assert not used_as_modifier("skin diseases", ["Skin diseases are common.", "We treat skin diseases."])
