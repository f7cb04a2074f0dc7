"""One hierarchy for every error litreview reports: each says what, where and how to fix it."""

from __future__ import annotations


class LitreviewError(Exception):
    """Base class. `str(error)` is the one line the CLI prints; `exit_code` is its status."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.where = where
        self.hint = hint
        self.warnings: list[object] = []  # DraftWarnings gathered before the failure, still to be shown
        super().__init__(self.line())

    def line(self) -> str:
        """`WHERE: what is wrong; how to fix it`, or as much of that as is known."""
        text = self.message if not self.hint else f"{self.message}; {self.hint}"
        return f"{self.where}: {text}" if self.where else text


class CorpusError(LitreviewError):
    """Input that cannot be read as papers: bad syntax, bad encoding, missing or empty corpus."""

    def __init__(self, path: str, line: int | None, message: str, *, hint: str | None = None) -> None:
        self.path = path
        self.line_number = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(message, where=where, hint=hint)


class NotABibliography(CorpusError):
    """A file of a readable format that holds no records at all: a spreadsheet with no column of titles or abstracts
    (a table of results beside the .bib, when a folder is the corpus)."""


class ConfigError(LitreviewError):
    """A setting that is missing, malformed or contradicts another one."""


class LLMError(LitreviewError):
    """The LLM server could not give a usable answer after the configured retries."""

    exit_code = 1


class UnusableAnswer(LLMError):
    """The server answered, but no answer was usable after the re-asks (invalid, ungrounded or cut off)."""


class RefusedRequest(LLMError):
    """The server refused the request itself (4xx, or a 5xx naming a parameter it does not support):
    asking again cannot help, so it is never retried."""


class StrictFailure(LitreviewError):
    """`--strict` and the draft degraded (a field dropped, a paper summarised offline...)."""

    exit_code = 1


class BudgetExceeded(LLMError):
    """`--max-calls` would be exceeded by the next paid call; everything so far is cached."""


class TemplateError(LitreviewError):
    """A user template that does not parse or render."""


class SelectionError(LitreviewError):
    """A selection that cannot be made: an empty theme, an unknown or contradictory key, crossed bounds."""


class RenderError(LitreviewError):
    """A draft that cannot be rendered: a sentence citing a key outside the draft, a key no citation can hold."""


class CacheError(LitreviewError):
    """A cache folder that cannot be used: a file in its place, no permission to write, a full or read-only disk."""


CACHE_NOT_WRITABLE_HINT = "make it writable, or set --cache-dir (or LITREVIEW_CACHE_DIR) to a folder that is"
CACHE_IS_A_FILE_HINT = "move that file away, or set --cache-dir (or LITREVIEW_CACHE_DIR) to a folder"


class CacheWarning(UserWarning):
    """Damage found in the cache and what was done about it (set aside, rebuilt, run without it).

    Issued with `warnings.warn`: a library caller sees it the Python way; the CLI prints it as one `warning:` line.
    """
