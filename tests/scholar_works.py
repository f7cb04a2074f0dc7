"""The papers the fake scholarly APIs know in the enrichment tests, matching tests/data/enrich/dblp.bib."""

from __future__ import annotations

from fake_scholar import Work

VASWANI = Work("Attention Is All You Need",
               "The dominant sequence transduction models are based on complex recurrent networks. "
               "We propose the Transformer, based solely on attention mechanisms.",
               2017, ("Ashish Vaswani", "Noam Shazeer"), arxiv="1706.03762", known_by=("arxiv",))
HAN = Work("Co-teaching: Robust training of deep neural networks with extremely noisy labels",
           "Deep learning with noisy labels is practically challenging. "
           "We propose Co-teaching, which trains two networks simultaneously.",
           2018, ("Bo Han", "Quanming Yao"), doi="10.5555/3327757.3327944", openalex_id="W2963105212",
           known_by=("openalex",))
NATARAJAN = Work("Learning with Noisy Labels",
                 "In this paper, we theoretically study the problem of binary classification in the presence of "
                 "random classification noise & class-conditional noise.",
                 2013, ("Nagarajan Natarajan", "Inderjit Dhillon"), doi="10.5555/2999611.2999745", known_by=("crossref",))
PATRINI = Work("Making Deep Neural Networks Robust to Label Noise: A Loss Correction Approach",
               "We present a theoretically grounded approach to train deep neural networks in the presence of label noise.",
               2017, ("Giorgio Patrini", "Alessandro Rozza"), doi="10.1109/cvpr.2017.240", known_by=("s2",))
ZHANG = Work("Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels",
             "Here, we present a theoretically grounded set of noise-robust loss functions that can be seen as a "
             "generalization of MAE and CCE.",
             2018, ("Zhilu Zhang", "Mert R. Sabuncu"), doi="10.5555/3327546.3327555", openalex_id="W2890166761",
             known_by=("openalex",))
# What a title search for reed2015bootstrapping returns: the same words, another paper (must be rejected).
NEAR_MISS = Work("Training Deep Neural Networks on Noisy Labels with Bootstrapping and Mixup",
                 "We combine bootstrapping with mixup.", 2020, ("Someone Else",), doi="10.1/other",
                 openalex_id="W3000000001", known_by=("openalex", "crossref"))

WORKS = [VASWANI, HAN, NATARAJAN, PATRINI, ZHANG, NEAR_MISS]
