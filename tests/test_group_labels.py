"""Sub-theme labels of the offline grouping: an acronym the papers define is named by what it stands for."""

from __future__ import annotations

import pytest

from litreview.corpus.paper import Paper
from litreview.group import group_papers
from litreview.group.acronyms import expansion
from litreview.group.schema import Groups
from litreview.group.phrasing import whole_phrase, with_head_noun
from litreview.group.terms import is_noun_phrase, phrases, said_as_verb
from litreview.group.spelling import surface_form
from litreview.group.naming import used_as_modifier
from litreview.summarize import summarize_papers

MLLM_PAPERS = [
    Paper(key="m2pt", title="Prompt tuning for instruction following", abstract=(
        "Multimodal Large Language Models (MLLMs) follow instructions. We tune visual prompts of MLLMs for zero-shot transfer.")),
    Paper(key="e5v", title="Universal embeddings", abstract=(
        "Multimodal large language models (MLLMs) can embed images and text. We adapt MLLMs to universal embeddings.")),
    Paper(key="eval", title="Evaluating prompts", abstract=(
        "Evaluations of MLLMs depend on their prompts. We customise prompts for each MLLMs benchmark.")),
    Paper(key="lora", title="Low-rank adaptation", abstract=(
        "Fine-tuning all weights is costly. We learn low-rank adaptation matrices for each attention layer.")),
    Paper(key="adapter", title="Adapters", abstract=(
        "Full fine-tuning stores a model per task. We insert low-rank adaptation modules into each attention layer.")),
]


@pytest.mark.parametrize("acronym, text, expected", [
    ("MLLMs", "the rise of Multimodal Large Language Models (MLLMs) in vision", "multimodal large language models"),
    ("SfM", "a local structure from motion (SfM) problem", "structure from motion"),
    ("CRI", "We address the Causal Relation Identification (CRI) task", "causal relation identification"),
    ("VO", "a monocular visual odometry (VO) system", "visual odometry"),
    ("VL", "the remarkable success of vision-language (VL) models", "vision-language"),  # one hyphenated word
    ("BERT", "BERT (Devlin et al., 2019) is a model", None),  # used, never defined
])
def test_an_acronym_is_expanded_where_the_text_defines_it(acronym, text, expected):
    assert expansion(acronym, [text]) == expected


def test_a_group_sharing_a_defined_acronym_is_named_by_its_long_form():
    summaries, _ = summarize_papers(MLLM_PAPERS)
    groups, _ = group_papers(summaries, {p.key: p for p in MLLM_PAPERS}, "prompt tuning", min_groups=2, max_groups=2)
    labels = {tuple(sorted(group.keys)): group.title for group in groups.groups}
    assert labels[("e5v", "eval", "m2pt")] == "Multimodal large language models"  # was "MLLMs" or a weaker phrase
    # ... unless the long form is only the theme's words: the section's own topic names no sub-theme
    groups, _ = group_papers(summaries, {p.key: p for p in MLLM_PAPERS}, "multimodal large language models",
                             min_groups=2, max_groups=2)
    assert not {"Multimodal large language models", "MLLMs"} & {group.title for group in groups.groups}


def test_a_label_the_papers_count_is_in_the_plural():
    papers = [Paper(key="kenet", title="KeNet", abstract="A doc-label attention network tags documents with many labels."),
              Paper(key="gat", title="Label graphs", abstract="A graph attention network links labels that co-occur."),
              Paper(key="bigru", title="Recurrent encoders", abstract="Recurrent encoders in label-wise attention networks read "
                                                                     "clinical notes."),
              Paper(key="aug1", title="Mixing text", abstract="We augment training documents by mixing sentences of documents."),
              Paper(key="aug2", title="Back-translation", abstract="We augment training documents by back-translating documents.")]
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, "multi-label classification", min_groups=2, max_groups=2)
    # was "Attention network": a noun the papers count ("attention networks") has no bare singular
    assert "Attention networks" in [group.title for group in groups.groups]


def test_a_label_is_the_whole_phrase_not_the_three_words_a_phrase_stops_at():
    papers = [Paper(key="sars1", title="Bats and SARS", abstract="Severe acute respiratory syndrome spread from bats to civets."),
              Paper(key="sars2", title="Civets", abstract="Civets carried severe acute respiratory syndrome to markets in 2003."),
              Paper(key="mask1", title="Masks", abstract="Surgical face masks cut droplet transmission in wards."),
              Paper(key="mask2", title="Respirators", abstract="Respirators and surgical face masks protect nurses in wards.")]
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, "coronavirus", min_groups=2, max_groups=2)
    labels = {tuple(sorted(group.keys)): group.title for group in groups.groups}
    assert labels[("sars1", "sars2")] == "Severe acute respiratory syndrome"  # was "Acute respiratory syndrome"
    assert labels[("mask1", "mask2")] == "Surgical face masks"  # "surgical" follows no one word each time: as it was
    # TREC-COVID topic mixtures: "Acute respiratory syndrome coronavirus" headed a group where one abstract of three
    # dropped the "severe" the others say
    named = ["The severe acute respiratory syndrome coronavirus 2 spread through Wuhan.",
             "Triage in the severe acute respiratory syndrome coronavirus 2 pandemic.",
             "Hospitals saw the acute respiratory syndrome coronavirus 2 arrive in March."]
    assert whole_phrase("acute respiratory syndrome coronavirus", named) == "severe acute respiratory syndrome coronavirus"
    # ... but not where one text says it over and over and the others do not: "School students" in a Scopus export on
    # procrastination (middle school students in one abstract, school students of all kinds in the others)
    schools = ["Middle school students procrastinate; middle school students sleep less; middle school students worry.",
               "High school students procrastinate.", "Secondary school students were surveyed."]
    assert whole_phrase("school students", schools) == "school students"


def test_a_label_never_ends_on_a_verb_or_an_adjective_its_phrase_ran_into():
    # TREC-COVID topic mixtures: labels were "Accelerating COVID-19 pandemic caused" and "Cases aged younger"
    hospitals = ["The accelerating COVID-19 pandemic caused hospitals to postpone surgery.",
                 "Elective surgery stopped as the accelerating COVID-19 pandemic caused bed shortages."]
    assert whole_phrase("covid-19 pandemic", hospitals) == "accelerating COVID-19 pandemic"  # spelled as the texts do
    children = ["Paediatric cases aged younger than 10 years were mild.", "Most cases aged younger than 18 had no fever."]
    assert whole_phrase("paediatric cases", children[:1] * 2) == "paediatric cases"
    assert whole_phrase("cases", children) == "cases"
    # a CORD-19 draft on Canada: "Two of them discuss icu bed capacity" (the word added before was in lower case)
    icu = ["Demand would still exceed available ICU bed capacity.", "To remain below their ICU bed capacity, they cut care."]
    assert whole_phrase("bed capacity", icu) == "ICU bed capacity"
    # "non-ICU" is a word of its own, not "ICU"
    assert whole_phrase("bed capacity", icu[:1] + ["To remain below their non-ICU bed capacity, they cut care."]) == "bed capacity"
    # a phrase goes on with one noun, in the singular or the plural: the knowledge distillation draft's heading was
    # "Auxiliary loss" ("auxiliary loss term" in one abstract, "auxiliary loss terms" in the other)
    losses = ["We add an auxiliary loss term to each layer.", "Two auxiliary loss terms align the student."]
    assert whole_phrase("auxiliary loss", losses) == "auxiliary loss terms"
    # ... whatever its plural: a Web of Science export on crash prediction, "All three works discuss support vector"
    # ("support vector machine" in two abstracts, "support vector machines" in two others)
    svm = ["We train a support vector machine on loop data.", "Support vector machines and k-means predict crashes.",
           "An optimized model based on a support vector machine.", "Logistic regression and support vector machines."]
    assert whole_phrase("support vector", svm) == "support vector machines"
    # the hand hygiene draft over TREC-COVID: the heading was "Alcohol-based hand", where its papers go on to
    # "sanitizers", "sanitizer", "rub": most say one noun, and the label says it
    hands = ["Alcohol-based hand sanitizers inactivate SARS-CoV-2 within 30 seconds.", "An alcohol-based hand sanitizer, tested.",
             "Shortages of alcohol-based hand sanitizers led to local production.", "The WHO alcohol-based hand rub works."]
    assert whole_phrase("alcohol-based hand", hands) == "alcohol-based hand sanitizers"
    # where the uses go on to no one noun, or mostly stop, the phrase is as the texts end it
    assert whole_phrase("alcohol-based hand", hands[2:] + ["Alcohol-based hand gels dry the skin."]) == "alcohol-based hand"
    assert whole_phrase("face masks", ["Face masks protect.", "Face masks, worn well, protect.", "Face masks policy."]) == "face masks"
    # a sentence saying that each paper discusses it: the noun each text goes on to ("Three of them discuss
    # post-traumatic stress" of "... symptoms" in two abstracts and "... disorder" in the third)
    stress = ["Post-traumatic stress symptoms rose.", "Nurses reported post-traumatic stress symptoms.",
              "Rates of post-traumatic stress disorder were high."]
    assert whole_phrase("post-traumatic stress", stress) == "post-traumatic stress symptoms"
    assert whole_phrase("post-traumatic stress", stress, each=True) == "post-traumatic stress"
    assert whole_phrase("post-traumatic stress", stress[:2], each=True) == "post-traumatic stress symptoms"


def test_who_or_where_the_papers_studied_is_no_label():
    papers = [
        Paper(key="a", title="Ward outcomes", abstract="Patients in 12 countries had worse outcomes. Steroids reduced deaths in patients on ventilators."),
        Paper(key="b", title="Ventilated cases", abstract="Patients on ventilators in three countries received steroids; the impact on patients was large."),
    ] + MOLECULES
    titles = [g.title for g in _grouped(papers, "COVID-19 treatment").groups]
    assert titles[0] == "Steroids", titles  # was "Countries": who or where, not what they studied


def test_a_one_paper_group_is_never_named_by_a_part_of_a_title_phrase():
    lee = Paper(key="lee", title="Robust Inference via Generative Classifiers for Handling Noisy Labels", abstract=(
        "Large-scale datasets may contain significant proportions of noisy (incorrect) class labels. We propose a novel "
        "inference method, termed Robust Generative classifier (RoG), applicable to any discriminative neural classifier "
        "pre-trained on noisy datasets. Our method induces a generative classifier on top of hidden feature spaces."))
    titles = [g.title for g in _grouped([lee] + MOLECULES, "noisy labels").groups]
    assert "Handling noisy" not in titles, titles  # "handling noisy" is the start of "handling noisy labels"
    # a Zotero export's title-only paper: "der berg encoders" is the end of a name, "van der Berg Encoders"
    berg = Paper(key="berg", title="Multilingual Retrieval with van der Berg Encoders")
    assert [g.title for g in _grouped([berg] + MOLECULES, "retrieval").groups][0] == "Multilingual retrieval"


def test_a_generic_verb_never_names_a_group():
    # an EndNote export on contrastive learning: the pair's group was headed "Enables"
    simclr = Paper(key="RN12", title="A Simple Framework for Contrastive Learning of Visual Representations", abstract=(
        "This paper presents SimCLR: a simple framework for contrastive learning of visual representations. In order to "
        "understand what enables the contrastive prediction tasks to learn useful representations, we study its components."))
    moco = Paper(key="RN15", title="Momentum Contrast for Unsupervised Visual Representation Learning", abstract=(
        "We present Momentum Contrast (MoCo) for unsupervised visual representation learning. This enables building a large "
        "and consistent dictionary on-the-fly that facilitates contrastive unsupervised learning."))
    titles = [g.title for g in _grouped([simclr, moco] + MOLECULES, "contrastive self-supervised learning").groups]
    assert "Enables" not in titles, titles


def test_a_phrase_never_runs_from_the_title_into_the_abstract():
    li = Paper(key="li", title="Occlusion-Aware Pedestrian Detection", abstract=(
        "Occluded pedestrians are missed by most detectors. We propose an occlusion-aware part model for pedestrian "
        "detection and report gains on CityPersons."))
    titles = [g.title for g in _grouped([li] + MOLECULES, "pedestrian detection").groups]
    assert titles[0] == "Occluded pedestrians", titles  # was "Detection occluded pedestrians"


MOLECULES = [
    Paper(key="c", title="Message passing for molecules", abstract=(
        "We propose a graph neural network with message passing to predict molecular properties.")),
    Paper(key="d", title="Molecular graphs", abstract=(
        "We introduce a graph neural network that predicts molecular properties from atom graphs.")),
]


def _grouped(papers: list[Paper], theme: str) -> Groups:
    """The offline groups of `papers` under `theme`, two or more (three papers are one group by default)."""
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, theme, min_groups=2)
    return groups


def _two_labels(papers: list[Paper], theme: str) -> list[str]:
    """The labels, in lower case, of the offline groups of `papers` under `theme`, made two."""
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, theme, min_groups=2, max_groups=2)
    return [group.title.lower() for group in groups.groups]


def test_a_verb_the_papers_share_never_names_their_group():
    papers = [
        Paper(key="a", title="Robust detectors", abstract=(
            "Detectors generalize poorly to unseen cameras. We propose a camera-invariant detector trained with style augmentation.")),
        Paper(key="b", title="Shift-aware parsing", abstract=(
            "Parsers generalize badly to new genres. We study genre adaptation with self-training on unlabeled genre data.")),
    ] + MOLECULES
    groups = _grouped(papers, "robustness")
    # "generalize" is all that the first two share, and they use it as a verb: no label is better than "Generalize"
    # and a group no term names comes after the named ones, though closer to the theme: "Further" says "after"
    assert [(g.title, g.keys) for g in groups.groups] == [("Graph neural network", ["c", "d"]),
                                                          ("Further related work", ["a", "b"])]


def test_a_word_of_anything_never_names_a_group_alone():
    papers = [
        Paper(key="a", title="Probing encoders", abstract=(
            "Scene understanding needs grounded text. We probe BERT layers for spatial understanding and their implications.")),
        Paper(key="b", title="Captions for scenes", abstract=(
            "Caption understanding is shallow. We fine-tune BERT on scene captions for understanding and discuss implications.")),
        Paper(key="v", title="Video scenes", abstract=(
            "Video understanding lags behind. We caption video scenes for understanding, with implications for retrieval.")),
    ] + MOLECULES
    titles = [g.title for g in _grouped(papers, "vision-language models").groups]
    # was "Implications", then "Understanding" came: of what, or by what, neither word says
    assert titles[0] == "BERT"


def test_a_word_is_of_any_script_and_letters_glued_to_a_number_are_none():
    # ADS: "ΛCDM" was "cdm"; Multi-XScience: "6-DoF camera pose" gave "All three works discuss DOF"; EUR-Lex: "57k
    # legislative documents" would name a group "57k ..."
    said = phrases("the Planck ΛCDM value, a naïve Bayes model, 6-DoF camera pose from 57k legislative documents", 2)
    assert {"λcdm value", "naïve bayes", "camera pose", "legislative documents"} <= set(said)
    assert not {"cdm", "na", "dof", "dof camera", "k", "57k", "6-dof"} & set(said)


def test_no_phrase_starts_or_ends_with_a_preposition():
    # paleontology, Better BibTeX: "@barrientos-lara... and @alvarado-ortega... discuss near Tlaxiaco."
    said = phrases("pliosaurids found near Tlaxiaco, like Yosobé, despite erosion", 2)
    assert {"tlaxiaco", "yosobé", "erosion"} <= set(said)
    assert not {"near tlaxiaco", "found near", "like yosobé", "despite erosion", "near", "like"} & set(said)


def test_a_phrase_among_the_groups_terms_names_it_before_a_word():
    from litreview.group.offline import _subtheme

    # Multi-XScience's visual odometry papers: terms "depth", "camera", "estimation", then "visual odometry"; the
    # label was "Depth", as a phrase was looked for among the first three terms only
    texts = ["UnDeepVO\nA visual odometry system learns depth from one camera, with estimation of motion.",
             "GeoNet\nVisual odometry from video learns depth with a moving camera; estimation is joint.",
             "DeepVO\nEnd-to-end visual odometry: depth for each camera by estimation."]
    group = _subtheme(["a", "b", "c"], ["depth", "camera", "estimation", "visual odometry"], texts, set(), frozenset(), [])
    assert group.title == "Visual odometry"


def test_networks_alone_name_no_group():
    # a JabRef export on noisy labels: the three papers' paragraph opened "Work on networks relates to noisy labels"
    papers = [Paper(key="Zhang2021", title="Robust Learning With Noisy Labels via Sample Reweighting", abstract=(
                  "Deep neural networks easily overfit noisy labels. We propose a sample reweighting scheme that learns "
                  "per-sample weights from a small clean set.")),
              Paper(key="Kumar2020", title="Co-training with Label Smoothing for Noisy Labels", abstract=(
                  "Learning with noisy labels is a practical challenge. We present co-training with label smoothing, in "
                  "which two networks exchange small-loss samples and smooth their targets.")),
              Paper(key="Lee2019", title="Robust Inference via Generative Classifiers for Handling Noisy Labels", abstract=(
                  "We propose a novel inference method applicable to any discriminative neural classifier pre-trained on "
                  "noisy datasets."))]
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, "noisy labels")
    assert "Networks" not in [g.title for g in groups.groups]
    assert not is_noun_phrase("networks") and is_noun_phrase("graph neural networks")
    # ScienceDirect, avian influenza: "@nisaa2026global and @fasanmi2018national discuss analyses" (cost-benefit ones),
    # "... discuss literature" (the existing literature, grey literature); a JSTOR .bib on monetary policy: "... discuss
    # evidence"; EarthCube's Zotero library: groups headed "Access" (to data); a title-only .bib: "Label" (three titles)
    assert not any(map(is_noun_phrase, ["analyses", "evaluations", "literature", "evidence", "access", "label"]))
    assert is_noun_phrase("cost-benefit analyses") and is_noun_phrase("open access") and is_noun_phrase("label noise")


@pytest.mark.parametrize("term, texts, expected", [
    # "model" and "models" after it are one head noun (each alone follows it only half the time)
    ("pretrained language", ["a pretrained language model for retrieval", "Pretrained language models forget"],
     "pretrained language models"),
    ("graph-based", ["a graph-based approach", "graph-based approaches scale"], "graph-based approaches"),
    ("multi-label", ["multi-label data", "multi-label models"], "multi-label"),  # a head noun in half the uses only
])
def test_a_label_ends_with_the_generic_noun_its_papers_put_after_it(term, texts, expected):
    assert with_head_noun(term, texts) == expected


@pytest.mark.parametrize("term, texts, expected", [
    # Title Case where an acronym is defined is no name: "Multi-Label Text Classification (MLTC)"
    ("multi-label text classification", ["Labels\nWe study Multi-Label Text Classification (MLTC) here.",
                                         "Text\nIn Multi-Label Text Classification, labels co-occur."], "multi-label text classification"),
    ("low-rank adaptation", ["LoRA\nWe freeze weights and train Low-Rank Adaptation (LoRA) matrices."], "low-rank adaptation"),
    # a name is capitalised wherever it stands, also between lower-case words
    ("english-to-french translation", ["MT\nWe evaluate on the WMT English-to-French translation task.",
                                       "Seq\nThe English-to-French translation improves."], "English-to-French translation"),
    ("clip-driven", ["CDUL\nWe propose CLIP-Driven Unsupervised Learning."], "CLIP-driven"),
])
def test_a_label_keeps_the_capitals_of_names_and_acronyms_only(term, texts, expected):
    assert surface_form(term, texts) == expected


def test_a_phrase_that_holds_a_chosen_word_names_the_group_in_its_place():
    papers = [
        Paper(key="a", title="Label graphs", abstract=(
            "Multi-label text classification assigns several labels to a document. We model label co-occurrence with graphs.")),
        Paper(key="b", title="Seq2set labels", abstract=(
            "Multi-label text classification is hard with many labels. We predict label sets with a sequence model.")),
    ] + MOLECULES
    groups = _grouped(papers, "graph learning")
    titles = {group.title: group.keys for group in groups.groups}
    assert titles["Multi-label text classification"] == ["a", "b"]  # not "Multi-label text" beside "classification"


@pytest.mark.parametrize("term, texts, verb", [
    ("accuracy exceeds", ["Its accuracy exceeds 96% on Senseval."], True),     # was the label "Accuracy exceeds"
    ("author analyzes", ["The author analyzes the structure of the vectors."], True),
    ("clinical notes", ["ICD codes from clinical notes and reports", "clinical notes written by nurses"], False),
    ("neural networks", ["neural networks that learn", "Graph neural networks."], False),
    ("generalize", ["Detectors generalize poorly.", "We aim to generalize."], True),
    ("labels", ["noisy labels hurt", "the labels are sparse"], False),
    ("align multilingual language", ["We align multilingual language models with feedback."], True),  # starts with one
    ("multilingual language", ["Multilingual language models fail.", "We tune multilingual language models."], False),
    # a verb after a plural subject, before its object: was "Our work shares grammars parse with these works."
    ("grammars parse", ["Interpolation grammars parse each sentence with reversible rules."], True),
    ("graphs encode", ["Knowledge graphs encode the relations of entities."], True),
    ("news articles", ["We read news articles each day."], False), ("systems biology", ["Systems biology models cells."], False),
    # a verb before a quantifier: was the label "Comprises" (paleontology, Better BibTeX)
    ("comprises", ["The site comprises all local formations.", "The infilling comprises both clastic and carbonate "
                   "lithofacies.", "It comprises six extant genera.", "The study area comprises unfenced hill land."], True),
    ("fossils", ["Many fossils were found.", "We studied fossils all over Spain.", "Fossils of mammals."], False),
    # after a plural subject, before its particle: was "@Dima2015 and @Dezhina2018 address genetic factors account."
    ("genetic factors account", ["Genetic factors account for up to 80% of the liability for schizophrenia."], True),
])
def test_a_term_that_is_or_ends_with_a_verb_where_the_papers_use_it(term, texts, verb):
    assert said_as_verb(term, texts) is verb


def test_a_shared_phrase_that_ends_or_opens_with_a_verb_is_no_topic_the_papers_share():
    from litreview.group.terms import ends_with_verb, opens_with_verb
    texts = ["Genetic factors account for up to 80% of the liability.", "Genetic factors account for most of the risk."]
    assert ends_with_verb("genetic factors account", texts)
    assert not ends_with_verb("olfactory dysfunction", ["due to olfactory dysfunction in patients"])
    # a Web of Science export on black silicon: "@zhong2016enhanced and @huang2016near discuss fabricate ..."
    assert opens_with_verb("fabricate nanostructured black silicon", ["We use X to fabricate nanostructured black silicon.",
                                                                      "Black silicon was fabricated."])
    assert opens_with_verb("align language models", ["we align language models", "They align language models."])
    assert not opens_with_verb("acute respiratory distress syndrome", ["It leads to acute respiratory distress syndrome."])
    assert not opens_with_verb("healthcare workers", ["Masks were given to healthcare workers.", "Most healthcare workers"])
    # a Better CSL JSON export on exoskeletons: "Two of them discuss assist volitional motions", "... discuss replicate
    # normative joint kinematics" (the papers never say "assisted" or "replicated", but "the potential to", "aim to")
    assert opens_with_verb("assist volitional motions", ["Exoskeletons have the potential to assist volitional motions.",
                                                          "the capabilities necessary to assist volitional motions"])
    assert opens_with_verb("replicate normative joint kinematics", ["These methods aim to replicate normative joint "
                                                                     "kinematics.", "to replicate normative joint kinematics"])
    assert not opens_with_verb("image segmentation", ["X is applied to image segmentation.", "Y applied to image segmentation"])
    # a Lens.org export: "Raspberry Pi is used to implement artificial vision" headed a group "Implement artificial vision"
    assert opens_with_verb("implement artificial vision", ["Raspberry Pi is used to implement artificial vision."])
    # ... and "@adep2021visual and @jain2018visual discuss manage day-to-day activities" ("This will help the visually
    # impaired person to manage day-to-day activities"); not "access to health services", "exposure to the vaccine"
    assert opens_with_verb("manage day-to-day activities", ["This will help the visually impaired person to manage "
                                                             "day-to-day activities and navigate."] * 2)
    assert opens_with_verb("walk unaided", ["It allows patients to walk unaided."])
    assert not opens_with_verb("health services", ["It helped rural families gain access to health services."])
    # a Paperpile export on PFAS: "@Lam2014-gt and @Koustas2014-uu discuss applied prespecified criteria" ("We developed
    # and applied prespecified criteria"); an adjective in -ed stays a topic
    assert opens_with_verb("applied prespecified criteria", ["We developed and applied prespecified criteria to rate X."])
    assert not opens_with_verb("adjusted odds ratios", ["The adjusted odds ratios were 2.1.", "we computed adjusted odds ratios"])


def test_a_title_that_ends_with_a_phrase_does_not_make_it_a_verb():
    # the abstract's first word after the title line is no object of the title's last word
    assert not said_as_verb("stereo image pairs", ["Depth from Stereo Image Pairs\nThe depth of a scene is costly."])


@pytest.mark.parametrize("example", ["like BERT", "such as BERT"])
def test_no_label_is_close_to_another_groups_and_none_starts_with_like(example):
    chat = [("a", "Aligned chatbots", "follow instructions poorly in dialogue. Human feedback aligns chatbots with reward "
                                      "modelling and safety."),
            ("b", "Helpful dialogue", "answer questions rudely in dialogue. Preference optimisation improves chatbot "
                                      "helpfulness and reward."),
            ("h", "Safe chat", "refuse harmless requests in dialogue. Red teaming of chatbots balances reward and safety.")]
    news = [("e", "Classifying news", "classify headlines. Text classification of headlines assigns topic labels."),
            ("f", "Few topic labels", "need topic labels. Text classification of headlines saves annotation."),
            ("i", "Headline topics", "misread headlines. Text classification of headlines with topic labels improves.")]
    papers = [Paper(key=key, title=title, abstract=f"Multilingual language models {text}") for key, title, text in chat] + \
             [Paper(key=key, title=title, abstract=f"Pretrained multilingual language models {example} {text}")
              for key, title, text in news] + MOLECULES
    titles = {group.title: group.keys for group in _grouped(papers, "robustness").groups}
    assert titles["Multilingual language models"] == ["a", "b", "h"]
    # was "Like BERT", and without "like", "Pretrained multilingual language models": which group is which?
    assert titles["Text classification"] == ["e", "f", "i"]


@pytest.mark.parametrize("term, label", [("open-source", False), ("assumption", False), ("accuracy", False),
                                         ("open-source models", True), ("label noise", True),
                                         # CORD-19: "All three works discuss severe", "Both works discuss April"
                                         ("severe", False), ("april", False), ("severe acute respiratory syndrome", True),
                                         # MXS: "Work on algorithm relates to our work", "Both works discuss factors"
                                         ("algorithm", False), ("loss", False), ("factors", False),
                                         ("learning algorithm", True), ("contrastive loss", True),
                                         # Multi-XScience: "Two of them discuss automatically generate"
                                         ("automatically generate", False), ("significantly improve", False),
                                         ("elderly patients", True), ("timely diagnosis", True),
                                         ("distributionally robust optimization", True),
                                         # the example corpus on RAG: "Four of them discuss parameters"
                                         ("parameters", False), ("advantages", False), ("model parameters", True),
                                         # CORD-19 vaccine candidates: "Two of them discuss protein induces"
                                         ("protein induces", False), ("batch sizes", True), ("cash prizes", True)])
def test_an_adjective_or_a_word_every_abstract_uses_names_no_group_alone(term, label):
    assert is_noun_phrase(term) is label  # were the labels "Open-source", "Assumption" and "Accuracy"


@pytest.mark.parametrize("gerund, texts, verb", [
    ("predicting", ["We learn by predicting the next token.", "predicting masked words helps"], True),  # was the label "Predicting"
    ("clustering", ["Document clustering of news", "Spectral clustering algorithms scale."], False),
    # the example corpus on RAG: "Two of them report results on covering"
    ("covering", ["We study the synthesis of six datasets, covering topic classification and humor.",
                  "Experiments on 10 datasets (covering classification and dialogue) show gains."], True),
    ("ranking", ["We compare clustering, ranking and retrieval.", "Tasks: tagging, ranking and parsing."], False),
])
def test_a_gerund_with_an_object_or_after_by_is_a_verb(gerund, texts, verb):
    assert said_as_verb(gerund, texts) is verb


def test_a_phrase_holding_a_word_of_the_theme_names_a_part_of_it():
    titles = ["Discriminative Fine-Tuning of Vision-Language Models", "Movement Pruning: Adaptive Sparsity by Fine-Tuning",
              "Forgetting: A Mechanism for Better Fine-Tuning", "The Best Instruction Tuning Data Fit the Model",
              "Robust Instruction Tuning for 3D Models", "Learning to Generate Instruction Tuning Datasets"]
    papers = [Paper(key=f"p{n}", title=title) for n, title in enumerate(titles)]  # titles only, as most .bib files
    titles = {group.title: group.keys for group in _grouped(papers, "multimodal prompt tuning").groups}
    # were "Further related work" and "Instruction": "tuning" is a word of the theme, but not all of either phrase
    assert titles == {"Fine-tuning": ["p0", "p1", "p2"], "Instruction tuning": ["p3", "p4", "p5"]}


@pytest.mark.parametrize("term, texts, expected", [
    ("natural language", ["Natural language understanding is hard.", "We study natural language inference.",
                          "Models read natural language."], True),  # qualifies what follows: names no topic
    ("data augmentation", ["A data augmentation method for text.", "Our data augmentation strategy helps.",
                           "Data augmentation improves robustness."], False),  # generic words after it do not count
    ("computer vision", ["Computer vision models see.", "We work in computer vision."], False),
    ("optical flow", ["Optical flow estimation is hard.", "We learn optical flow estimation."], False),  # one phrase
    ("masked language", ["We pretrain with masked language modeling.", "Masked language models fill gaps."], True),
])
def test_a_phrase_mostly_followed_by_a_word_of_its_own_is_a_modifier(term, texts, expected):
    assert used_as_modifier(term, texts) is expected


def test_a_modifier_does_not_name_a_group():
    papers = [
        Paper(key="a", title="Robust entailment", abstract=(
            "Natural language inference models overfit to artifacts. We retrain them on counterfactual pairs.")),
        Paper(key="b", title="Reading comprehension", abstract=(
            "Natural language understanding benchmarks saturate quickly. We build adversarial counterfactual pairs.")),
        Paper(key="c", title="Question answering", abstract=(
            "Natural language processing systems answer questions. We perturb questions into counterfactual pairs.")),
    ]
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, "robustness", min_groups=1, max_groups=1)
    # was "Natural language": the three papers share the words, each for a different thing
    assert groups.groups[0].title == "Counterfactual pairs"


def test_cardiac_alone_is_no_noun_phrase_and_cardiac_arrest_is_one():
    from litreview.group.terms import is_noun_phrase
    # a CORD-19 draft on hypertension said "Two of them discuss cardiac"; "arrest" ended like "largest"
    assert not is_noun_phrase("cardiac") and not is_noun_phrase("celiac")
    assert is_noun_phrase("cardiac arrest") and is_noun_phrase("chest") and is_noun_phrase("celiac disease")
    # a Covidence RIS export on flash floods: "Two of them discuss comparable low" ("vulnerability was comparable low")
    assert not is_noun_phrase("comparable low") and not is_noun_phrase("high") and is_noun_phrase("low flows")


def test_a_verb_and_an_at_compound_name_no_shared_topic():
    assert not is_noun_phrase("correctly classify") and not is_noun_phrase("classify at-fault")
    assert is_noun_phrase("at-risk populations") and is_noun_phrase("directly observed therapy")
    # Web of Science crash-prediction drafts said "@chandraratna2006crash and @das2015estimating discuss correctly
    # classify at-fault" (crashes, drivers)
    papers = [Paper(key="a", abstract="The model is used to correctly classify at-fault crashes up to 62.40%."),
              Paper(key="b", abstract="The tree can be used to correctly classify at-fault drivers up to 74.56%.")]
    # a phrase grown round "classify" and cut back to no noun phrase ("correctly") is "classify" again (it looped)
    assert whole_phrase("classify", [paper.abstract for paper in papers], each=True) == "classify"
    said = _shared_said(papers, ["a", "b"])
    assert "classify" not in said and "at-fault" not in said, said


def test_what_points_elsewhere_or_is_vague_names_no_shared_topic():
    # drafts of Web of Science and Scopus exports on education and labour relations said "... discuss following research
    # questions", "discuss the past decade", "discuss major changes", "discuss percentage points", "discuss populations"
    for term in ("following research questions", "past decade", "major changes", "percentage points", "populations"):
        assert not is_noun_phrase(term), term
    assert is_noun_phrase("population genetics") and is_noun_phrase("climate change") and is_noun_phrase("major depression")
    # a Web of Science export on Black male teachers: a group headed "Specific attention" ("with specific attention to
    # Black males"); attention alone is a topic where it is one ("self-attention", "attention mechanisms")
    for term in ("specific attention", "particular interest", "great emphasis"):
        assert not is_noun_phrase(term), term
    assert is_noun_phrase("attention mechanisms") and is_noun_phrase("selective attention")
    # ... and "@nevile2008minimum and @plowman2010moral discuss concludes" ("The paper concludes that ...")
    papers = [Paper(key="a", abstract="This paper examines minimum wages. The paper concludes that neither side won."),
              Paper(key="b", abstract="We review wage fixing. The article concludes that tribunals matter.")]
    said = _shared_said(papers, ["a", "b"])
    assert "concludes" not in said, said


def test_candidates_pools_centers_and_complications_name_no_topic_alone():
    # drafts said "UDR and MUVERA discuss candidates", "Two of them discuss pools / centers / complications"
    papers = [Paper(key="a", abstract="We rerank candidates from unlabeled pools at two centers with few complications."),
              Paper(key="b", abstract="We score candidates drawn from pools at three centers and report complications.")]
    said = _shared_said(papers, ["a", "b"])
    assert not any(word in said for word in ("candidates", "pools", "centers", "complications")), said
    # a hand-kept .bib on data ethics: the heading "Means", of "what fairness means" and "by means of audits"
    papers = [Paper(key="c", abstract="As a child, you learn what fairness means. Courts now use risk scores."),
              Paper(key="d", abstract="We test hiring tools by means of audits of their outcomes.")]
    said = _shared_said(papers, ["c", "d"])
    assert "means" not in said, said
    # IEEE Xplore and Scopus exports on interoperability: "@Garg2016177 and @6550566 discuss basis" (of "on this basis"
    # and "on a runtime basis"), and the heading "Processes"
    papers = [Paper(key="e", abstract="We compose web services on a runtime basis from processes of several providers."),
              Paper(key="f", abstract="On this basis, we build a registry of cloud services and their processes.")]
    said = _shared_said(papers, ["e", "f"])
    assert "basis" not in said and "processes" not in said, said


def test_a_numbered_kind_names_nothing_without_its_number():
    from litreview.group.naming import needs_its_complement
    texts = ["Peptides bind MHC class I molecules.", "Epitopes bind MHC class I and MHC class II alleles.",
             "Phase 3 trials started."]
    # a CORD-19 vaccine draft said "Three of them discuss MHC class" (of "MHC class I" and "MHC class II")
    assert needs_its_complement("mhc class", texts) and needs_its_complement("phase", texts)
    assert not needs_its_complement("epitopes", texts) and not needs_its_complement("patients", ["Patients 65 years old."])


def test_a_unit_or_an_observation_names_no_group():
    # an ADS export: a group of tidal disruption papers was headed "Solar masses" (of "10^6 solar masses"); a Better
    # BibTeX export: two titles "Observation of Slip Flow ..." and "Direct Observation of ..." made "Observation"
    papers = [Paper(key="bloom", title="A jetted outburst", abstract="A massive black hole of 10^6 solar masses tore a star apart."),
              Paper(key="rees", title="Tidal disruption of stars", abstract="Black holes of 10^7 solar masses disrupt stars."),
              Paper(key="gill", title="A gas cloud", abstract="A cloud of three Earth masses falls toward 4 million solar masses."),
              Paper(key="slip", title="Observation of Slip Flow in Thermophoresis"),
              Paper(key="quasi", title="Direct Observation of Colloidal Quasicrystallization")]
    titles = _two_labels(papers, "tidal disruption events")
    assert len(titles) == 2 and "solar masses" not in titles and "observation" not in titles, titles


def test_a_database_the_papers_were_searched_in_names_no_group():
    # bibliometric studies of a real Scopus, Web of Science and Lens export: a group was headed "Science Core
    # Collection" (of "retrieved from the Web of Science Core Collection"), and without it "Publication"
    from litreview.group.uses import names_no_topic
    assert names_no_topic("core collection", None, None) and names_no_topic("WoSCC", "Web of Science Core Collection", None)
    assert names_no_topic("PubMed", None, None) and not names_no_topic("research trends", None, None)
    # ScienceDirect, avian influenza: "Grey literature" headed two reviews "with additional grey literature included"
    assert names_no_topic("grey literature", None, None) and names_no_topic("gray literature", None, None)
    # the Cochrane Library's reviews: "@Li15 and @Cheng17 discuss the chinese biomedical literature database", where
    # both searched; a register of patients is a topic
    assert all(names_no_topic(said, None, None) for said in (
        "the chinese biomedical literature database", "Cochrane Wounds Specialised Register", "trials registers",
        "Cochrane Central Register of Controlled Trials", "CENTRAL", "LILACS", "reference lists", "Cochrane Wounds"))
    # what the reviews found of their trials, not what they are about ("@Smith16 and @Irusen15 discuss clear differences")
    assert all(names_no_topic(said, None, None) for said in ("clear differences", "mean time", "low-certainty evidence"))
    # how reviews chose their studies ("@figueiredo2024interplay and @koch2022wearables discuss exclusion criteria")
    assert all(names_no_topic(said, None, None) for said in ("exclusion criteria", "inclusion and exclusion criteria",
                                                             "risk of bias", "search strategy", "included studies",
                                                             "control group"))
    assert not names_no_topic("quality of life", None, None) and not names_no_topic("selection bias", None, None)
    # a classifier's score ("@10.1145/3652620.3687807 and @10.1145/3652620.3687774 discuss the F1-score", an ACM export)
    assert all(names_no_topic(said, None, None) for said in ("the F1-score", "F1 scores", "AUC", "area under the curve"))
    assert not names_no_topic("Danish cancer register", None, None) and not names_no_topic("central venous catheters", None, None)
    papers = [Paper(key=f"b{n}", title=f"Bibliometric study {n}", abstract=(
        f"We retrieved {100 + n} publications on {topic} from the Web of Science Core Collection. Publication trends "
        "and research trends were mapped with VOSviewer and CiteSpace."))
        for n, topic in enumerate(["spinal diseases", "miRNAs in leukaemia", "lupus", "portal hypertension"])]
    papers += [Paper(key=f"g{n}", title=f"Serious games {n}", abstract=(
        f"We review serious games for {topic}. Games engage patients and clinicians alike.")) for n, topic in
        enumerate(["rehabilitation", "diabetes care", "surgical training"])]
    titles = _two_labels(papers, "bibliometric analysis")
    assert not any("collection" in title or "science" in title or title == "publication" for title in titles), titles


def test_a_word_that_only_qualifies_the_next_names_no_group():
    # a title-only draft (a Google Scholar .bib) was headed "Black-box" over eight papers, two of which say
    # "Black-Box Prompt Search" and "Black-box Language Models": it qualifies what follows, it names no topic
    titles = ["Survival of the Most Influential Prompts: Efficient Black-Box Prompt Search via Clustering and Pruning",
              "On Unsupervised Prompt Learning for Classification with Black-box Language Models",
              "Texts as Images in Prompt Tuning for Multi-Label Image Recognition",
              "Multitask Vision-Language Prompt Tuning",
              "The Best Instruction-Tuning Data are Those That Fit",
              "Learning to Generate Instruction Tuning Datasets for Zero-Shot Task Adaptation",
              "Robin3D: Improving 3D Large Language Model via Robust Instruction Tuning"]
    papers = [Paper(key=f"t{n}", title=title) for n, title in enumerate(titles)]
    titles = _two_labels(papers, "multimodal prompt tuning")
    assert "instruction tuning" in titles and "black-box" not in titles, titles


def test_a_paper_calling_itself_a_report_names_no_group():
    # a CORD-19 draft on phylogenetic analysis was headed "Report" ("This report describes ...", "In this report, we
    # describe ...", "the first report of ..."): what the papers are, not what they are about
    papers = [Paper(key=f"s{n}", title=title, abstract=abstract) for n, (title, abstract) in enumerate([
        ("SARS-CoV-2 in Rome", "This report describes the first imported case in Rome. Its isolate clusters with Wuhan."),
        ("Full genome from Mexico", "In this report, we describe three isolates from Mexico. Travel explains them."),
        ("Phylogeny of Lazio strains", "We report mutations of the strains in Lazio. Two lineages circulated."),
    ])]
    papers += [Paper(key=f"m{n}", title=f"Masks in {place}", abstract=(
        f"Cloth masks filter aerosol particles in {place}. Surgical masks filter more.")) for n, place in
        enumerate(["schools", "buses", "shops"])]
    titles = _two_labels(papers, "phylogenetic analysis")
    assert len(titles) == 2 and not any(title in ("report", "reports") for title in titles), titles


def test_a_median_age_names_no_group():
    # a CORD-19 draft on Canada was headed "Median age", and without it "Years": how cohorts are described, not what
    # the papers are about
    from litreview.group.naming import reports_results
    assert reports_results("median age") and reports_results("mean ages") and reports_results("median follow-up")
    assert not reports_results("age") and not reports_results("gestational age")
    papers = [Paper(key=f"c{n}", title=title, abstract=f"The median age was {age} years. {finding}")
              for n, (title, age, finding) in enumerate([
                  ("Sex differences in COVID-19 outcomes in Ontario", 54, "Men died more often than women."),
                  ("Case fatality in Canada and the United States", 61, "Crude fatality overstated the risk."),
                  ("Critically ill patients in Vancouver", 69, "Half of them needed ventilation.")])]
    papers += [Paper(key=f"m{n}", title=f"Masks in {place}", abstract=(
        f"Cloth masks filter aerosol particles in {place}. Surgical masks filter more.")) for n, place in
        enumerate(["schools", "buses", "shops"])]
    titles = _two_labels(papers, "Canada")
    assert len(titles) == 2 and "median age" not in titles and "years" not in titles, titles


def test_an_era_a_sum_of_money_or_a_mass_names_no_group_and_a_name_is_said_whole():
    # real drafts: a group of dinosaur papers headed "Late" (Cretaceous), one of flash flood papers "Billion Euros",
    # one of locomotion papers "Mass", one of remdesivir news "Drug Administration" (of the Food and Drug Administration)
    from litreview.group.naming import reports_results
    assert not is_noun_phrase("late") and not is_noun_phrase("mass") and is_noun_phrase("body mass")
    # and groups headed "Data sets" ("datasets" in two words), "Conditions", "City"
    assert not any(map(is_noun_phrase, ["data sets", "conditions", "city"])) and is_noun_phrase("weather conditions")
    assert reports_results("billion Euros") and reports_results("dollars") and not reports_results("euro area")
    from litreview.group.offline import _subtheme
    texts = ["Remdesivir news\nThe US Food and Drug Administration granted remdesivir an emergency use authorization.",
             "Remdesivir approval\nRemdesivir was approved by the Food and Drug Administration (FDA) in October.",
             "Remdesivir trials\nTrials of remdesivir in rhesus macaques preceded any human trial."]
    label = _subtheme(["a", "b", "c"], ["drug administration"], texts, set(), frozenset(), [])
    assert label.title == "Food and Drug Administration"
    from litreview.write.titled import work_on
    papers = {key: Paper(key=key, title=text.split("\n")[0], abstract=text.split("\n")[1]) for key, text in zip("abc", texts)}
    assert work_on(label, papers) == "Work on Food and Drug Administration"  # was "Work on food and Drug ..."


def test_a_catalogue_prefix_names_nothing_and_a_capital_letter_of_a_word_stays():
    # an ADS export on black hole spin: "Two of them discuss NGC" (NGC 4151, NGC 3783) and "... discuss x-ray
    # reflection spectroscopy"
    from litreview.group.spelling import surface_form
    from litreview.group.naming import needs_its_complement
    seyferts = ["Spin\nWe measure the spin of NGC 4151, and of NGC 3783.", "Reflection\nThe spectrum of NGC 4051 is fit."]
    assert needs_its_complement("NGC", seyferts) and not needs_its_complement("AGN", ["Spin\nAGN 12 are bright.",
                                                                                       "Jets\nAGN jets precess."])
    xray = ["Spin\nWe apply X-ray reflection spectroscopy to AGN.", "Iron\nBroad lines need X-ray reflection spectroscopy."]
    assert surface_form("x-ray reflection spectroscopy", xray) == "X-ray reflection spectroscopy"
    assert surface_form("t-cell responses", ["Immunity\nWe see T-cell responses in mice."]) == "T-cell responses"


def test_a_latin_phrase_is_one_word():
    # a Better BibTeX export on bite force: a group headed "Vivo measurements" (of "in vivo measurements")
    texts = ["Bats\nWe combined in vivo measurements of bite force with models.", "Dogs\nWe compare in vivo measurements."]
    assert whole_phrase("vivo measurements", texts) == "in vivo measurements"
    assert whole_phrase("situ hybridization", ["A\nWe used in situ hybridization.", "B\nIn situ hybridization works."]) \
        == "in situ hybridization"


def test_a_hyphenated_word_before_a_phrase_is_taken_whole():
    # a Better BibTeX export on paleontology: the heading "Toothed cat Paramachairodus ogygia" (of "the sabre-toothed
    # cat Paramachairodus ogygia"): the word before a phrase was read up to its hyphen
    texts = ["Skull\nWe describe the sabre-toothed cat Paramachairodus ogygia from Spain.",
             "Forelimb\nThe sabre-toothed cat Paramachairodus ogygia had strong forelimbs."]
    assert whole_phrase("cat Paramachairodus", texts) == "sabre-toothed cat Paramachairodus ogygia"


def test_a_paper_left_alone_in_a_group_is_other_related_work_not_a_sub_theme():
    from litreview.group.offline import _without_misfits
    # CORD-19 (TREC-COVID), "loss of smell": a paper on supplements after gastric bypass was a group of its own,
    # "Clinical practice guidelines", its only mate having left as a misfit
    texts = {
        "s1": "Olfactory dysfunction and loss of smell in patients with COVID-19: a survey of smell tests.",
        "s2": "Sudden loss of smell and taste as early symptoms in patients with COVID-19.",
        "s3": "Smell tests of patients show anosmia and taste loss in COVID-19.",
        "t1": "Sore throat and fever in patients with COVID-19 seen in primary care.",
        "t2": "Sore throat, cough and fever as symptoms of COVID-19 in primary care patients.",
        "g1": "Taste changes and vitamin supplements in patients after gastric bypass follow clinical practice guidelines.",
    }
    kept, misfits = _without_misfits([["s1", "s2", "s3"], ["t1", "t2"], ["g1"]], texts, "COVID-19", 8)
    assert kept == [["s1", "s2", "s3"], ["t1", "t2"]]
    assert [key for key, _ in misfits] == ["g1"]  # it shares "taste" with three papers: enough to fit, alone


def test_an_adjective_of_place_or_a_reporting_clause_names_no_topic():
    from litreview.group.terms import ends_with_verb, is_noun_phrase
    # PubMed records on dinosaurs (ASReview's baselines): a group was headed "Anterior" ("Work on anterior relates to")
    assert not is_noun_phrase("anterior") and not is_noun_phrase("posterior")
    assert not is_noun_phrase("indicates")  # a CINAHL export on dinosaurs: "Work on indicates relates to dinosaurs"
    assert is_noun_phrase("behavior")
    # ... and two papers "discuss evidence suggests" ("the evidence suggests that", "taphonomic evidence suggests that")
    texts = ["The evidence suggests that eggs were buried.", "Taphonomic evidence suggests that nests were open."]
    assert ends_with_verb("evidence suggests", texts)
    assert not ends_with_verb("statistical methods", ["The statistical methods that we use work."])


def test_words_of_a_title_set_in_capitals_are_no_acronyms():
    # a Mendeley library on thriving at work: a group was headed "BEHAVIOUR", as one title was kept in capitals
    texts = ["EFFECT OF EMPLOYEE THRIVING ON INNOVATIVE WORK BEHAVIOUR\nNo abstract.",
             "Innovative Work Behaviour (IWB) of Employees: Exploring the role of thriving\nEmployees behave."]
    assert surface_form("behaviour", texts) == "behaviour"
    assert surface_form("innovative work behaviour", texts) == "innovative work behaviour"
    # an acronym in a sentence next to a title in capitals keeps its capitals
    assert surface_form("iwb", texts + ["A SURVEY OF WORK\nWe measure IWB in nurses."]) == "IWB"
    assert surface_form("blip", ["We compare CLIP BLIP and ALIGN here.\nab"]) == "BLIP"
    # a title in capitals but for a word the database added: "ATTRIBUTIONS" was a heading
    thesis = ["Attributions & Resiliency: An Analysis of the Resiliency-Attribution Association\nx",
              "ATTRIBUTIONS AND RESILIENCY: A MODELED APPROACH TO UNDERSTANDING RESILIENCY USING CAUSAL ATTRIBUTIONS "
              "(Thesis)\ny"]
    assert surface_form("attributions", thesis) == "attributions"


def test_a_role_a_variable_plays_names_no_group():
    # a Mendeley library on self-determination at work, known by its titles: a group was headed "Moderating"
    titles = ["Predicting affective well-being from needs satisfaction: The moderating role of work positivities",
              "Self-determination theory and job outcomes: The moderating effects of perceived autonomous support",
              "Leader-member exchange and thriving: The mediating role of job crafting",
              "How do transformational leaders foster employee outcomes? The mediating effect of needs"]
    papers = [Paper(key=f"t{n}", title=title) for n, title in enumerate(titles)]
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, {p.key: p for p in papers}, "basic psychological needs", min_groups=1, max_groups=1)
    assert groups.groups[0].title not in ("Moderating", "Mediating", "Moderating role", "Mediating role")


def test_a_verb_after_an_adverb_never_names_a_group():
    # a model-driven engineering export (ACM, IEEE, Scopus): a group headed "Generate" ("Work on generate relates to
    # ..."), the word its papers use as "automatically generate", "can generate", "to generate"
    papers = [
        Paper(key="a", title="Goal models from user stories", abstract=(
            "Goal models are written by hand. We introduce a technique that leverages LLMs to automatically generate "
            "goal models from user stories.")),
        Paper(key="b", title="Concrete syntax with LLMs", abstract=(
            "Concrete syntax is costly to design. We present a framework that can generate tailored concrete syntax and "
            "automatically generate editors.")),
        Paper(key="c", title="Graph queries from text", abstract=(
            "Queries are hard to write. We automatically generate graph queries from specifications, and generate "
            "tests to check them.")),
    ] + MOLECULES
    assert "Generate" not in [g.title for g in _grouped(papers, "model-driven engineering").groups]


def test_a_kind_of_study_names_no_group():
    # a real PubMed export on e-health adoption: a group of two reviews was headed "Scoping review" (what the papers
    # are, not what they are about), and without it "Design", then "Support"
    from litreview.group.naming import names_a_design
    assert names_a_design("scoping review") and names_a_design("Systematic reviews") and names_a_design("meta-analyses")
    assert not names_a_design("peer review") and not names_a_design("code review process")
    assert not any(map(is_noun_phrase, ["design", "support"])) and is_noun_phrase("decision support")
    papers = [Paper(key=f"r{n}", title=title, abstract=abstract) for n, (title, abstract) in enumerate([
        ("Barriers to the use of e-health by older adults: a scoping review",
         "This scoping review sought to identify barriers to e-health. Fourteen papers were included; self-efficacy "
         "and privacy were the main barriers."),
        ("Telehealth after stroke: a scoping review", "In this scoping review, 31 trials of telehealth after stroke were "
         "charted. Most delivered rehabilitation by video."),
        ("Wearable sensors in home care: a scoping review", "We conducted a scoping review of wearable sensors used in "
         "home care. Falls and sleep were monitored most often.")])]
    papers += [Paper(key=f"g{n}", title=f"Serious games {n}", abstract=(
        f"We review serious games for {topic}. Games engage patients and clinicians alike.")) for n, topic in
        enumerate(["rehabilitation", "diabetes care", "surgical training"])]
    titles = _two_labels(papers, "e-health")
    assert not any("review" in title for title in titles), titles


def test_new_before_a_place_is_part_of_its_name():
    # a Web of Science export on Black male students: a group headed "York city", a sentence "... discuss york city"
    texts = ["Urban schools\nStudents in New York City schools were surveyed. New York City data show gaps.",
             "College access\nWe studied New York City high schools."]
    assert whole_phrase("york city", texts) == "New York City"
    assert whole_phrase("zealand", ["Teachers\nSchools in New Zealand grew.", "Pay\nNew Zealand teachers are paid less."]) \
        == "New Zealand"
    assert whole_phrase("media", ["Views\nThe new media shape views.", "Use\nThe new media are used."]) == "media"


def _shared_said(papers: list[Paper], keys: list[str]) -> str:
    """What the offline engine's shared sentences say of `keys` of `papers`, their abstracts as their texts."""
    from litreview.write.relations import shared_sentences
    summaries, _ = summarize_papers(papers)
    texts = {paper.key: paper.abstract for paper in papers}
    return " ".join(sentence.text for sentence in shared_sentences(keys, texts, summaries, frozenset()))


def test_a_label_loses_a_vague_adjective_before_its_phrase():
    # a Zotero export on wildfires headed a group "Specific ambient air pollution data", a Mendeley export on cloud
    # autoscaling "Actual request dynamics"; a two-word phrase keeps its word ("Specific heat" is a topic)
    from litreview.group.terms import without_a_vague_opening
    assert without_a_vague_opening("Specific ambient air pollution data") == "ambient air pollution data"
    assert without_a_vague_opening("actual request dynamics") == "request dynamics"
    assert without_a_vague_opening("specific heat") == "specific heat"
    assert without_a_vague_opening("ambient air pollution") == "ambient air pollution"


def test_a_label_says_more_than_the_themes_disease_and_who_has_it():
    # TREC-COVID draws under the theme "COVID-19" had groups headed "COVID-19 patients" over papers on hypertension,
    # and "COVID-19 pandemic" over papers on domestic violence
    papers = [Paper(key=f"h{n}", title=f"Blood pressure study {n}", abstract=(
                  f"We studied {100 + n} COVID-19 patients with hypertension. Hypertension was associated with severe "
                  f"COVID-19 in COVID-19 patients{suffix}."))
              for n, suffix in enumerate(["", " in Wuhan", " in Milan"])]
    papers += [Paper(key=f"v{n}", title=f"Lockdown study {n}", abstract=(
                  f"Reports of domestic violence doubled during the COVID-19 pandemic{suffix}. Calls to domestic "
                  "violence hotlines grew during the COVID-19 pandemic."))
               for n, suffix in enumerate(["", " in Paris", " in Lima"])]
    titles = _two_labels(papers, "COVID-19")
    assert any(title.startswith("domestic violence") for title in titles), titles
    assert not {"covid-19 patients", "covid-19 pandemic"} & set(titles), titles
    # an irregular past ends no noun phrase: the label had been "Domestic violence hotlines grew"
    assert not is_noun_phrase("domestic violence hotlines grew") and not is_noun_phrase("cases rose")


def test_a_group_only_a_part_of_the_theme_names_is_named_by_that_part():
    # The bundled example, "multimodal prompt tuning": its eight papers on prompt tuning (APrompt, BayesPrompt, MVLPT,
    # ...) were "Further related work", last, every term they share being either the theme's or the whole corpus's
    papers = [
        Paper(key="aprompt", title="APrompt", abstract="Prompt tuning adapts frozen encoders with attention prompts."),
        Paper(key="bayes", title="BayesPrompt", abstract="Prompt tuning with Bayesian priors on prompts."),
        Paper(key="mask", title="Mask matching", abstract="Prompt tuning with prompts for each label and each input."),
        Paper(key="e5v", title="E5-V", abstract="Multimodal large language models give universal embeddings of images."),
        Paper(key="pue", title="MLLM4PUE", abstract="Multimodal large language models give pathology embeddings of slides."),
        Paper(key="note", title="NoteLLM-2", abstract="Multimodal large language models give note embeddings for retrieval."),
    ]
    titles = {group.title: group.keys for group in _grouped(papers, "multimodal prompt tuning").groups}
    assert titles == {"Embeddings": ["e5v", "pue", "note"], "Prompt tuning": ["aprompt", "bayes", "mask"]}


def test_a_phrase_among_a_groups_first_ten_terms_names_it_before_a_word():
    # TREC-COVID, "coronavirus origin": ten papers on bat coronaviruses were headed "Sequence", their first four terms
    # being words ("bat" too short to name anything); "bat coronavirus" came later
    papers = [
        Paper(key="b1", title="Isolates from Yunnan", abstract="The bat coronavirus isolates differ: each genome shows "
              "recombination, and every host has its lineage among species."),
        Paper(key="b2", title="Caves of Guangdong", abstract="A bat coronavirus was found; its genome, its host, its lineage "
              "and its recombination are compared across species."),
        Paper(key="b3", title="Markets of Wuhan", abstract="For each species sampled, the genome and the host of the lineage "
              "tell of recombination."),
        Paper(key="b4", title="Pangolins", abstract="Recombination in one genome: the host species and the lineage of the isolate."),
        Paper(key="b5", title="Civets", abstract="Lineage, host and species of the isolate follow from its genome and its "
              "recombination."),
        Paper(key="v1", title="Hand hygiene in hospitals", abstract="Alcohol-based hand rub solutions reduce hospital "
              "infections; hand hygiene compliance of nurses was audited."),
        Paper(key="v2", title="Hand rubs and nurses", abstract="Hand hygiene compliance rose after alcohol-based hand rub "
              "solutions were placed at each bed; nurses were surveyed."),
        Paper(key="v3", title="Compliance of hospital staff", abstract="Nurses' hand hygiene compliance and hospital "
              "infections were audited before and after training."),
    ]
    groups = _grouped(papers, "coronavirus origin").groups
    assert [group.title for group in groups] == ["Bat coronavirus", "Hand hygiene compliance"]  # was "Genome"
    assert groups[0].description == "Papers on genome, host, lineage and recombination."  # described by its first four


def test_a_label_that_says_an_earlier_label_by_its_acronym_is_close_to_it():
    from litreview.group.offline import FALLBACK_TITLE, _subtheme
    from litreview.group.terms import term_stems
    # the bundled example, "multimodal prompt tuning": "Multimodal large language models", then "Multimodal LLMs"
    texts = ["Multimodal LLMs follow instructions. Large language models (LLMs) are tuned.",
             "Multimodal LLMs are aligned with preferences of large language models (LLMs)."]
    earlier = [term_stems("multimodal large language models")]
    assert _subtheme(["a", "b"], ["multimodal llms"], texts, set(), frozenset(), earlier).title == FALLBACK_TITLE
    assert _subtheme(["a", "b"], ["multimodal llms"], texts, set(), frozenset(), []).title == "Multimodal LLMs"


def test_a_label_says_more_than_the_fields_names_and_the_theme():
    from litreview.group.offline import _subtheme
    from litreview.group.terms import term_stems
    from litreview.group.uses import CorpusUses
    # TREC-COVID, "serological tests for coronavirus": ten papers on rapid laboratory diagnosis were headed
    # "SARS-CoV-2 coronavirus", a name every third paper of the corpus says, then the theme's word
    corpus = CorpusUses([Paper(key=f"c{n}", abstract="SARS-CoV-2 spreads." if n % 3 == 0 else "Masks help.") for n in range(90)])
    texts = ["The SARS-CoV-2 coronavirus was found by laboratory diagnosis.",
             "Laboratory diagnosis of the SARS-CoV-2 coronavirus in two hours."]
    theme = term_stems("serological tests for coronavirus")
    terms = ["sars-cov-2 coronavirus", "laboratory diagnosis"]
    assert _subtheme(["a", "b"], terms, texts, set(), theme, [], corpus).title == "Laboratory diagnosis"
    assert _subtheme(["a", "b"], terms, texts, set(), theme, []).title == "SARS-CoV-2 coronavirus"  # no corpus: no field
    # a common word of the field stays a topic: "COVID-19 mortality" (mortality in a tenth of CORD-19)
    mortal = CorpusUses([Paper(key=f"m{n}", abstract="Mortality rose." if n % 3 == 0 else "COVID-19 spreads.")
                         for n in range(90)])
    texts = ["COVID-19 mortality in care homes and hospital wards.", "COVID-19 mortality in hospital wards of Lombardy."]
    assert _subtheme(["a", "b"], ["covid-19 mortality", "hospital wards"], texts, set(), term_stems("covid-19"), [],
                     mortal).title == "COVID-19 mortality"


def test_a_one_word_label_the_papers_count_is_in_the_plural():
    # TREC-COVID, "coronavirus origin": "Work on antibody relates to ...", "## Animal", though the papers say
    # "antibodies" and "animals" (the label's capital had kept it from being matched)
    from litreview.group.articles import in_plural, said_in_plural
    assert said_in_plural("Antibody", ["Neutralizing antibodies were found."]) and in_plural("Antibody") == "Antibodies"
    assert not said_in_plural("Canada", ["Provinces of Canada."])  # no "Canadas": a name stays as it is
    assert not said_in_plural("LLM", ["Many llms exist."])  # an acronym as the papers spell it


def test_a_group_of_titles_sharing_a_modifier_is_named_by_it_with_its_noun():
    # DBLP's .bib (titles only), "language models": two CoOp papers were "Further related work"; their titles share
    # only "Vision-Language Models", which no phrase holds ("models" ends none, "vision-language" alone names nothing)
    titles = ["LoRA: Low-Rank Adaptation of Large Language Models", "AdaLoRA: Adaptive Budget Allocation for "
              "Parameter-Efficient Fine-Tuning with Low-Rank Adaptation", "Conditional Prompt Learning for "
              "Vision-Language Models", "Learning to Prompt for Vision-Language Models"]
    papers = [Paper(key=f"p{n}", title=title) for n, title in enumerate(titles)]
    assert {group.title: group.keys for group in _grouped(papers, "language models").groups} == {
        "Low-rank adaptation": ["p0", "p1"], "Vision-language models": ["p2", "p3"]}


def test_a_phrase_is_never_made_whole_by_the_verb_after_it():
    # TREC-COVID draws, "coronavirus in Canada": a group was headed "Canadian findings align", every use of "Canadian
    # findings" going on "align with those of other countries"
    texts = ["Canadian findings align with those of other countries. Cases rose.",
             "Canadian findings align with those of other countries in 2020."]
    assert whole_phrase("canadian findings", texts) == "canadian findings"
    assert whole_phrase("alcohol-based hand", ["alcohol-based hand sanitizers work.", "alcohol-based hand sanitizers "
                                               "help."]) == "alcohol-based hand sanitizers"  # a noun still ends one


@pytest.mark.parametrize("term", ["Receiver operating characteristic curve", "ROC curves", "Logistic regression analysis",
                                  "multivariate regression analyses", "Cox regression analysis",
                                  "adjusted hazard ratio"])  # "Two of them discuss adjusted hazard ratio"
def test_how_a_cohorts_results_were_analysed_names_no_group(term):
    # TREC-COVID draws: groups of papers on what predicts severe COVID-19 were headed "Receiver operating
    # characteristic curve" and "Logistic regression analysis"
    from litreview.group.naming import reports_results
    assert reports_results(term)
    assert not reports_results("logistic regression")  # a method machine-learning papers are about


@pytest.mark.parametrize("term", ["retrospective cohort", "prospective cohort study", "cross-sectional study",
                                  "case series", "case reports", "case-control studies"])
def test_what_kind_of_study_a_paper_is_names_no_topic_it_shares(term):
    # TREC-COVID, "coronavirus mortality": "Two of them discuss retrospective cohort" (after "adjusted hazard ratio")
    from litreview.group.naming import names_a_procedure
    assert names_a_procedure(term)
    assert not names_a_procedure("birth cohort")  # who was studied: a topic
