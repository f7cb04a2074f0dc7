"""Hand-made drafts for the rendering tests: papers with tricky titles, one from a .bib entry, one injection."""

from __future__ import annotations

from litreview.document import Draft, DraftWarning, Section, SelectedPaper
from litreview.corpus.paper import Origin, Paper
from litreview.summarize.schema import PaperSummary
from litreview.write.schema import Sentence

INJECTION = r"\input{/etc/passwd} \write18{touch pwned} 50% & a_b #1 $x$ {{ 7*7 }} {% if 1 %}X{% endif %} ~^"

SMITH_BIBTEX = """@article{smith2020,
  title = {Prompt Tuning for {Vision} Models},
  author = {Smith, Ann and Lee, Bo and Wu, Chen},
  journal = {Journal of Tricky Titles},
  year = {2020},
}"""


def papers() -> dict[str, Paper]:
    """Three papers: a .bib entry (kept verbatim), a 100% & $-title, and one whose title is an injection."""
    found = [
        Paper(key="smith2020", title="Prompt Tuning for Vision Models", authors=("Smith, Ann", "Lee, Bo", "Wu, Chen"),
              year=2020, venue="Journal of Tricky Titles", entry_type="article", bibtex=SMITH_BIBTEX,
              abstract="We tune prompts. It works on 100% of benchmarks.", origins=(Origin(path="refs.bib", line=1),)),
        Paper(key="lee2021", title="Adapters: 100% & $5 of_the #1 Way", authors=("Bo Lee", "Kim Park"), year=2021,
              venue="Proc. of A&B", entry_type="inproceedings", abstract="Adapters cost $5 and win #1.",
              origins=(Origin(path="refs.json", line=3),)),
        Paper(key="wu2022:x", title=INJECTION, authors=("Wu, Chen",), year=2022, entry_type="misc",
              abstract="An abstract with *stars* and [@fake] and @nobody.", origins=(Origin(path="refs.json", line=9),)),
    ]
    return {paper.key: paper for paper in found}


def sample_draft(theme: str = "prompt tuning", injected: bool = False) -> Draft:
    """A two-section draft; `injected` puts the injection text into the theme, a title and a sentence."""
    extra = f" {INJECTION}" if injected else ""
    return Draft(
        theme=theme + extra,
        engine="offline",
        considered=12,
        selection=[SelectedPaper(rank=1, key="smith2020", score=3.5), SelectedPaper(rank=2, key="lee2021", score=2.25),
                   SelectedPaper(rank=3, key="wu2022:x", score=1.0)],
        papers=papers(),
        summaries={"smith2020": PaperSummary(key="smith2020", problem="Prompts.", approach="They tune prompts.",
                                             kind="method", evidence=["We tune prompts."])},
        sections=[
            Section(title="Prompts for vision" + extra, description="Prompt tuning.", keys=["smith2020", "wu2022:x"],
                    sentences=[Sentence(text="Smith et al. tune prompts for vision models.", keys=["smith2020"]),
                               Sentence(text="Prompts were also studied as text_with 50% & #hash" + extra + ".",
                                        keys=["wu2022:x", "smith2020"])]),
            Section(title="Adapters", description="Adapters.", keys=["lee2021"],
                    sentences=[Sentence(text="Adapters are cheap.", keys=["lee2021"]),
                               Sentence(text="Lee and Park report a *first* place.", keys=["lee2021"]),
                               Sentence(text="Both families keep the backbone frozen.", keys=[])]),
        ],
        warnings=[DraftWarning(stage="summarize", message="no abstract", key="wu2022:x")],
        usage={"calls": 0, "cached": 0, "seconds": 0.5},
    )
