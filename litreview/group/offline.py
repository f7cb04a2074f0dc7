"""The offline grouping: papers clustered by their words, each group named by its distinctive terms.

TF-IDF over the character 5-grams of the words of title + abstract -> LSA (truncated SVD, when there are
enough papers) -> unit length -> k-means with a fixed seed, for every k in the allowed range; the k kept is
the smallest whose clustering has a silhouette within 20% of the best, measured in the TF-IDF space itself
(cosine) so that the LSA dimension does not favour a k (these choices were measured: bench/generation.py, bench/writing.py;
5-grams group both benchmarks better than words). Labels and misfits use word TF-IDF. Labels are the
class-based TF-IDF (c-TF-IDF) terms of each group: noun phrases of up to three words that never span a
stop word or punctuation, counted once per paper and shared by two members, acronyms in the papers' own
spelling (`group/distinctive.py`); the title is the best of them that is not a member's title, else the part of the
theme the group's papers share ("Prompt tuning" under "multimodal prompt tuning"). Groups come closest to the theme
first, one no term names after them; papers that fit no group go to a last "Other related work" group. Everything is
seeded and single-threaded, so the same papers give the same groups byte for byte.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import (
    threadpool_limits,  # installed with scikit-learn, which requires it
)

from litreview.corpus.paper import Paper
from litreview.group.acronyms import spelled_out, with_long_forms
from litreview.group.articles import in_plural, said_in_plural
from litreview.group.distinctive import (
    DESCRIPTION_TERMS,
    LABEL_TERMS,
    distinctive_terms,
    headed_modifiers,
    term_weights,
    theme_parts,
)
from litreview.group.naming import (
    names_a_design,
    needs_its_complement,
    qualifies_alone,
    says_only_the_theme,
    used_as_modifier,
    whole_in,
    whole_name,
)
from litreview.group.phrasing import whole_phrase
from litreview.group.schema import Groups, SubTheme, fewest_groups
from litreview.group.spelling import surface_form
from litreview.group.terms import (
    HEAD_NOUNS,
    stem,
    term_stems,
    without_a_vague_opening,
)
from litreview.group.uses import CorpusUses, names_no_topic, says_only_the_field
from litreview.summarize.offline import paper_text
from litreview.text import is_own_text, listing, words

SEED = 0
CHAR_GRAMS = 5          # papers are clustered on character 5-grams within words (see _char_tfidf)
LSA_COMPONENTS = 5      # best of 3..50 at recovering TREC-COVID topics (bench/generation.py)
LSA_MIN_PAPERS = 12     # below this, cluster the TF-IDF vectors directly
# The best silhouette draws about one group more than the topics of TREC-COVID or the authors' paragraphs of
# Multi-XScience (+1.0 and +0.4 on average): the fewest groups within 20% of it come closer (+0.3, +0.2).
SILHOUETTE_TOLERANCE = 0.2
KMEANS_RESTARTS = 50    # with ten, a comma added to one abstract regrouped 3 of 40 TREC-COVID draws; with fifty, 1
MISFIT_SIMILARITY = 0.02   # a paper this far from its group mates (mean cosine) fits no group well
MIN_PAPERS_FOR_OTHER = 6   # with fewer papers every group is small anyway: no "other" group
MAX_GROUP_PAPERS = 12      # a larger group is split (Multi-XScience paragraphs cite up to 10; bench/writing.py)
OTHER_TITLE = "Other related work"
FALLBACK_TITLE = "Further related work"
_TOKEN = r"(?u)\b[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*\b"


def offline_groups(papers: list[Paper], theme: str, *, min_groups: int | None = None, max_groups: int = 8,
                   corpus_uses: CorpusUses | None = None) -> Groups:
    """`papers` divided into between `min_groups` and `max_groups` labelled groups (fewer if few papers; the
    default `min_groups` is `schema.fewest_groups`'s).

    Groups come closest to the theme first, a group no term could name after them; papers that fit no group well
    (mean similarity to their group mates under MISFIT_SIMILARITY) go to a last "Other related work" group whose
    description gives their scores.
    """
    texts = {paper.key or "": paper_text(paper) for paper in papers}
    fewest = fewest_groups(min_groups, len(papers), max_groups)
    # A title says in a few words what its paper is about: clustered twice, as the selection index counts it
    # (TREC-COVID ARI 0.668 -> 0.695 over 80 draws; three or four times, 0.693 / 0.692).
    titled = [text.partition("\n")[0] + "\n" + text for text in texts.values()]
    labels = cluster_labels(titled, fewest, max_groups) if len(papers) > 1 else [0] * len(papers)
    members = [[key for key, label in zip(texts, labels) if label == cluster] for cluster in _cluster_order(labels)]
    members, misfits = _without_misfits(members, texts, theme, max_groups)
    members = _closest_to_theme_first(members, texts, theme)
    topic = topic_stems(theme, texts.values())
    group_texts = [[texts[key] for key in keys] for keys in members]
    weighed = term_weights(group_texts)
    terms = distinctive_terms(weighed, topic, LABEL_TERMS)
    # what names a group no term can: a part of the theme (its own words, not what its acronyms stand for), else a
    # modifier with its noun
    fallbacks = [parts + headed for parts, headed in zip(theme_parts(weighed, topic_stems(theme)),
                                                         headed_modifiers(weighed, topic))]
    taken = {(paper.title or "").casefold().rstrip(".") for paper in papers}  # never a member's title
    groups = _named(members, terms, texts, taken, topic, corpus_uses, fallbacks)
    # A corpus on one narrow topic says every group's terms everywhere ("star formation" in 28% of a library on little
    # red dots): named as if the field said nothing, rather than most papers in one unnamed group.
    if corpus_uses and 2 * sum(len(group.keys) for group in groups if group.title == FALLBACK_TITLE) > len(papers):
        groups = _named(members, terms, texts, taken, topic, None, fallbacks)
    groups = _unnamed_together(groups, min_groups)
    # "Further related work" says "after the others": a group no term names comes last (before the misfits)
    groups = sorted(groups, key=lambda group: group.title == FALLBACK_TITLE)  # stable: the named in their order
    if misfits:
        scores = ", ".join(f"{key} {score:.2f}" for key, score in misfits)
        groups.append(SubTheme(title=OTHER_TITLE, keys=[key for key, _ in misfits],
                               description=f"Papers that fit no sub-theme well (mean similarity to the closest group: {scores})."))
    return Groups(groups=groups)


def _named(members: list[list[str]], terms: list[list[str]], texts: dict[str, str], taken: set[str],
           topic: frozenset[str], corpus_uses: CorpusUses | None, fallbacks: list[list[str]]) -> list[SubTheme]:
    """Each group of `members` named by the best of its `terms` (see `_subtheme`), none close to an earlier label;
    where none can, by the first of its `fallbacks` that can: "Prompt tuning" under "multimodal prompt tuning"."""
    groups: list[SubTheme] = []
    for keys, group_terms, group_fallbacks in zip(members, terms, fallbacks):
        labels = [term_stems(group.title) for group in groups if group.title != FALLBACK_TITLE]
        group = _subtheme(keys, group_terms, [texts[key] for key in keys], taken, topic, labels, corpus_uses)
        for term in group_fallbacks if group.title == FALLBACK_TITLE else []:
            title = _subtheme(keys, [term], [texts[key] for key in keys], taken, frozenset(), labels, corpus_uses).title
            if title != FALLBACK_TITLE:
                group = group.model_copy(update={"title": title})
                break
        # "Attention networks" where any paper counts them ("label-wise attention networks")
        groups.append(group.model_copy(update={"title": in_plural(group.title)}) if said_in_plural(group.title, texts.values()) else group)
    return groups


def _unnamed_together(groups: list[SubTheme], min_groups: int | None) -> list[SubTheme]:
    """The groups with those no term could name merged into one, where the first was: two headings "Further related
    work" would tell a reader nothing. Fewer groups than the default fewest when no other group has a name; never
    fewer than `min_groups` the user asked for."""
    unnamed = [group for group in groups if group.title == FALLBACK_TITLE]
    if len(unnamed) < 2 or min_groups is not None and len(groups) - len(unnamed) + 1 < min_groups:
        return groups
    merged = SubTheme(title=FALLBACK_TITLE, description=unnamed[0].description, keys=[k for g in unnamed for k in g.keys])
    first = groups.index(unnamed[0])
    return [merged if n == first else group for n, group in enumerate(groups) if n == first or group not in unnamed]


def cluster_labels(texts: list[str], min_groups: int, max_groups: int, *, components: int = LSA_COMPONENTS) -> list[int]:
    """A cluster number per text, k chosen within [min_groups, min(max_groups, n/2)]: the fewest groups whose
    silhouette is within SILHOUETTE_TOLERANCE of the best."""
    low = max(1, min(min_groups, len(texts)))
    high = max(low, min(max_groups, len(texts) // 2))
    tfidf = _char_tfidf(texts)
    if tfidf is None or low == 1 and high == 1:
        return [index * low // len(texts) for index in range(len(texts))]
    points = _reduced(tfidf, components)
    candidates = [_kmeans(points, k) for k in range(low, high + 1)]
    silhouettes = [_silhouette(tfidf, labels) for labels in candidates]
    good_enough = max(silhouettes) - SILHOUETTE_TOLERANCE * abs(max(silhouettes))
    fewest = next(labels for labels, silhouette in zip(candidates, silhouettes) if silhouette >= good_enough)
    return _split_large(texts, fewest, max_groups)


def _split_large(texts: list[str], labels: list[int], max_groups: int) -> list[int]:
    """`labels` with each group of more than MAX_GROUP_PAPERS split in two (clustered on its own words), largest
    first, while there is room for another group: authors' paragraphs cite a dozen papers at most."""
    labels = list(labels)
    while len(set(labels)) < max_groups:
        sizes = Counter(labels)
        largest, size = max(sizes.items(), key=lambda item: (item[1], -item[0]))
        if size <= MAX_GROUP_PAPERS:
            return labels
        members = [index for index, label in enumerate(labels) if label == largest]
        halves = cluster_labels([texts[index] for index in members], 2, 2)
        if len(set(halves)) < 2:  # its papers share no usable word to split on
            return labels
        new = max(labels) + 1
        for index, half in zip(members, halves):
            labels[index] = new if half == halves[-1] else largest
    return labels


def _char_tfidf(texts: list[str]) -> csr_matrix | None:
    """Unit-length TF-IDF rows over the character 5-grams inside the texts' words, or None when they share none.

    What the papers are clustered on: "transformer" and "transformers", "odometry" and "odometric" share most of
    their 5-grams, which with a few papers per topic is worth more than exact words (bench/writing.py)."""
    return _fitted(texts, analyzer="char_wb", ngram_range=(CHAR_GRAMS, CHAR_GRAMS))


def _tfidf(texts: list[str], ignore: list[str] | None = None) -> csr_matrix | None:
    """Unit-length TF-IDF rows (without the words `ignore`), or None when the texts share no usable word."""
    stop_words = sorted(ENGLISH_STOP_WORDS | set(ignore)) if ignore else "english"
    return _fitted(texts, stop_words=stop_words, token_pattern=_TOKEN)


def _fitted(texts: list[str], **features: object) -> csr_matrix | None:
    """TF-IDF rows of `texts` with the `features` asked for (sublinear tf; terms in two papers or more once there are
    ten, and in at most 90% of them), or None when no term is left to cluster on."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2 if len(texts) >= 10 else 1, max_df=0.9, **features)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary: nothing to cluster on
        return None
    return matrix if matrix.nnz else None


def _reduced(tfidf: csr_matrix, components: int) -> np.ndarray:
    """The papers' LSA coordinates, by an exact truncated SVD (ARPACK): the randomized one's depend on the papers'
    order, and so did the groups."""
    n_papers, n_terms = tfidf.shape
    components = min(components, n_papers - 1, n_terms - 1)
    if n_papers < LSA_MIN_PAPERS or components < 2:
        return tfidf.toarray()
    return normalize(TruncatedSVD(components, algorithm="arpack", random_state=SEED).fit_transform(tfidf))


def _kmeans(points: np.ndarray, k: int) -> list[int]:
    """k-means labels of `points`, the same whatever their order: they are clustered sorted by their coordinates, not
    in the order the ranking gave the papers (which a paper added elsewhere in the corpus changes), and restarted
    KMEANS_RESTARTS times, so that the best partition is kept rather than the one a seed's start falls into."""
    order = np.lexsort(np.round(points, 9).T[::-1])
    # One BLAS/OpenMP thread: ten times faster on a few dozen papers, and no thread-order float noise.
    with threadpool_limits(limits=1):
        sorted_labels = KMeans(n_clusters=k, random_state=SEED, n_init=KMEANS_RESTARTS).fit_predict(points[order])
    labels = [0] * len(points)
    for position, index in enumerate(order):
        labels[index] = int(sorted_labels[position])
    return labels


def _silhouette(tfidf: csr_matrix, labels: list[int]) -> float:
    """Cosine silhouette in TF-IDF space; -1 when undefined (one cluster, or one per paper)."""
    distinct = len(set(labels))
    if not 2 <= distinct <= len(labels) - 1:
        return -1.0
    return float(silhouette_score(tfidf, labels, metric="cosine"))


def _cluster_order(labels: list[int]) -> list[int]:
    """Cluster numbers, largest first, ties by first appearance (so input order decides, not k-means)."""
    sizes = Counter(labels)
    first = {label: labels.index(label) for label in sizes}
    return sorted(sizes, key=lambda label: (-sizes[label], first[label]))


def _subtheme(keys: list[str], terms: list[str], texts: list[str], titles: set[str], theme: frozenset[str],
              labels: list[frozenset[str]], corpus_uses: CorpusUses | None = None) -> SubTheme:
    """A group named by its best noun phrase (a phrase among its LABEL_TERMS terms rather than a single word among
    its DESCRIPTION_TERMS; never a title in `titles`, nor close to another group's label, stems in `labels`; ended by
    the generic noun the papers put after it; an acronym by what it stands for unless that is only the theme's words,
    stems `theme`), described by its first DESCRIPTION_TERMS terms."""
    shown = [surface_form(term, texts) for term in terms]
    named = [whole_phrase(term, texts) for term in shown]
    if len(texts) == 1:  # one paper: its title's phrases name its topic better than a phrase of its abstract
        title = texts[0].split("\n", 1)[0]
        named = sorted(named, key=lambda term: not whole_in(term, title))
    # A word further down names less than a phrase does, and is no label: "Combinations", ninth of a group's terms.
    named = [term for n, term in enumerate(named) if n < DESCRIPTION_TERMS or " " in term]
    # An acronym the papers define is named by what it stands for ("MLLMs" -> "multimodal large language models"),
    # and is no label at all when that is the theme itself.
    long_forms = {term: spelled_out(term, texts) for term in named}
    spelled = [long_forms[term] or term for term in named if not (long_forms[term] and term_stems(long_forms[term]) <= theme)
               and not names_no_topic(term, long_forms[term], corpus_uses) and not names_a_design(term)]
    # "Multimodal LLMs" after "Multimodal large language models" is close to it: said with what its acronyms stand for
    allowed = [term for term in spelled if term.casefold() not in titles and not _close_to_any(with_long_forms(term, texts), labels)
               and not (len(term) <= 3 and term.islower())  # "sur" of French titles; "RNA" says its capitals
               and not used_as_modifier(term, texts) and not needs_its_complement(term, texts)
               and not qualifies_alone(term, texts)]
    # "Visual odometry", the fourth term, over "Depth", the first: a phrase names what a single word only hints at;
    # and one that says more than the theme's disease and who has it ("COVID-19 patients", "SARS-CoV-2 infection") first
    phrases_first = sorted([term for term in allowed if " " in term] + allowed,
                           key=lambda term: says_only_the_theme(term, theme) or says_only_the_field(term, theme, corpus_uses))
    # a name as the papers say it whole: "Food and Drug Administration", not "Drug Administration"
    title = without_a_vague_opening(whole_name(phrases_first[0], [text for text in texts if phrases_first[0] in text])) \
        if phrases_first else FALLBACK_TITLE
    described = named[:DESCRIPTION_TERMS]
    description = f"Papers on {listing(described)}." if described else "Papers without distinctive terms."
    return SubTheme(title=_capitalised(title), description=description, keys=keys)


_HEAD_STEMS = frozenset(stem(noun) for noun in HEAD_NOUNS)


def _close_to_any(term: str, labels: list[frozenset[str]]) -> bool:
    """Whether `term` shares two word stems with one of `labels` (all of a one-word label's): "large pretrained
    language models" after "large language models", "classification" after "text classification" tell no
    reader which group is which."""
    said = term_stems(term) - _HEAD_STEMS  # "language models" and "vision models" name two things
    return any(len(said & label) >= min(2, len(said), len(label)) for label in (label - _HEAD_STEMS for label in labels))


def topic_stems(theme: str, texts: Iterable[str] = ()) -> frozenset[str]:
    """The stems of a topic's words, and of what its acronyms stand for (`acronyms.with_long_forms`): every selected
    paper shares them. None for the researcher's own text, which is no label."""
    return frozenset() if is_own_text(theme) else frozenset(stem(word) for word in words(with_long_forms(theme, texts)))


def _without_misfits(members: list[list[str]], texts: dict[str, str], theme: str,
                     max_groups: int) -> tuple[list[list[str]], list[tuple[str, float]]]:
    """The groups without the papers that fit none of them, and those papers with their best fit.

    Fit is measured without the theme's words, which every selected paper shares."""
    if len(texts) < MIN_PAPERS_FOR_OTHER or len(members) >= max_groups:
        return members, []
    tfidf = _tfidf(list(texts.values()), ignore=words(theme))
    if tfidf is None:
        return members, []
    row = {key: n for n, key in enumerate(texts)}
    similarity = (tfidf @ tfidf.T).toarray()
    fit = {key: max(_mean_similarity(similarity, row[key], [row[k] for k in keys if k != key]) for keys in members)
           for key in texts}
    misfits = [(key, fit[key]) for key in texts if fit[key] < MISFIT_SIMILARITY]
    if len(misfits) > len(texts) // 3:  # a third or more fitting nowhere: the groups are the problem
        return members, []
    left = {key for key, _ in misfits}
    groups = [stayed for keys in members if (stayed := [key for key in keys if key not in left])]
    groups, alone = _singletons_apart(groups, similarity, row)
    return groups, misfits + alone


def _singletons_apart(members: list[list[str]], similarity: np.ndarray,
                       row: dict[str, int]) -> tuple[list[list[str]], list[tuple[str, float]]]:
    """The groups of two papers or more, and each paper left alone in one (by the clustering, or by its mates' leaving
    as misfits) with its best fit to them, for the misfits: one paper is no sub-theme ("Clinical practice
    guidelines", a paper on supplements after gastric bypass, among papers on the loss of smell)."""
    groups = [keys for keys in members if len(keys) > 1]
    if not groups:
        return members, []
    alone = [keys[0] for keys in members if len(keys) == 1]
    return groups, [(key, max(_mean_similarity(similarity, row[key], [row[k] for k in group]) for group in groups))
                    for key in alone]


def _mean_similarity(similarity: np.ndarray, row: int, others: list[int]) -> float:
    return float(similarity[row, others].mean()) if others else 0.0


def _closest_to_theme_first(members: list[list[str]], texts: dict[str, str], theme: str) -> list[list[str]]:
    """Groups by the cosine of their mean TF-IDF vector with the theme's, closest first (stable on ties)."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_TOKEN)
    try:
        matrix = vectorizer.fit_transform([*texts.values(), theme])
    except ValueError:  # no usable word at all
        return members
    row = {key: n for n, key in enumerate(texts)}
    theme_vector = matrix[len(texts)].toarray().ravel()
    closeness = [float(np.asarray(matrix[[row[k] for k in keys]].mean(axis=0)).ravel() @ theme_vector) for keys in members]
    order = sorted(range(len(members)), key=lambda n: (-round(closeness[n], 9), n))
    return [members[n] for n in order]


def _capitalised(title: str) -> str:
    return title[:1].upper() + title[1:]
