"""Turn what openai and instructor raise into one LLMError: what failed, where, how to fix it.

Every message passes through `scrub`, so an API key echoed by a server never reaches a terminal or log.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from litreview.config import Settings, mask_secret
from litreview.errors import LLMError

MODE_HINT = "if the server lacks tool calling or JSON schema, try --mode json_schema, json or md_json"


def llm_error(error: BaseException, settings: Settings, *, where: str) -> LLMError:
    """The LLMError for a request that failed after the configured retries and re-asks."""
    attempts = getattr(error, "n_attempts", None)
    cause = error.__cause__ if type(error).__name__ == "InstructorRetryException" and error.__cause__ else error
    message, hint = _describe(cause, settings, attempts)
    return LLMError(scrub(message, settings), where=where, hint=scrub(hint, settings) if hint else None)


def scrub(text: str, settings: Settings) -> str:
    """Replace the API key, wherever it appears, by its mask."""
    if settings.api_key is None:
        return text
    secret = settings.api_key.get_secret_value()
    return text.replace(secret, mask_secret(secret)) if secret else text


def _describe(error: BaseException, settings: Settings, attempts: int | None) -> tuple[str, str | None]:
    import openai

    tries = settings.max_retries + 1
    if isinstance(error, openai.APITimeoutError):
        return f"no answer within {settings.timeout:g} s ({tries} tries)", "raise --timeout, or lower --concurrency"
    if isinstance(error, openai.APIConnectionError):
        return f"could not connect to {settings.effective_base_url} ({tries} tries)", "check --base-url and that the server is running"
    if isinstance(error, openai.APIStatusError):
        return _describe_status(error, settings, tries)
    if type(error).__name__ == "IncompleteOutputException":
        return "the answer was cut off at the server's token limit", "shorten the prompt, or raise the server's output limit"
    if _is_invalid_answer(error):
        count = attempts or settings.reask + 1
        return f"the answer failed validation {count} times: {_first_problem(error)}", f"raise --reask, or try another model; {MODE_HINT}"
    return f"{type(error).__name__}: {_short(str(error))}", None


def _describe_status(error: Any, settings: Settings, tries: int) -> tuple[str, str | None]:
    status, detail = error.status_code, _short(_server_message(error))
    if status == 401:
        return f"the server rejected the API key (401): {detail}", "check LITREVIEW_API_KEY or OPENAI_API_KEY"
    if status == 404:
        return f"model {settings.model!r} or endpoint not found at {settings.effective_base_url} (404): {detail}", "check --model and --base-url"
    if status == 429:
        return f"rate limited (429) on all {tries} tries: {detail}", "lower --concurrency, or rerun later (answers so far are cached)"
    if status >= 500:
        return f"server error {status} on all {tries} tries: {detail}", "rerun later (answers so far are cached)"
    return f"the server refused the request ({status}): {detail}", MODE_HINT


def _is_invalid_answer(error: BaseException) -> bool:
    from pydantic import ValidationError

    return isinstance(error, ValidationError | json.JSONDecodeError) or type(error).__name__ in (
        "ResponseParsingError", "AsyncValidationError",
    )


def _first_problem(error: BaseException) -> str:
    from pydantic import ValidationError

    if isinstance(error, ValidationError) and error.errors():
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        return _short(f"{place}: {first['msg']}" if place else first["msg"])
    return _short(str(error))


def _server_message(error: Any) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
    return str(getattr(error, "message", error))


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def failures_error(failures: Sequence[Any], what: str = "requests") -> LLMError:
    """One LLMError naming every failed request (for a command's exit): rerunning asks only for these.

    Failures with the same cause (a server that is down fails every request alike) are said once,
    with the names of the requests they hit.
    """
    causes: dict[tuple[str, str | None], list[str]] = {}
    for failure in failures:
        causes.setdefault((failure.error.message, failure.error.hint), []).append(failure.error.where or "")
    said = [_cause_line(labels, message, hint) for (message, hint), labels in list(causes.items())[:5]]
    return LLMError(
        f"{len(failures)} {what} failed: " + "; ".join(said) + ("; ..." if len(causes) > 5 else ""),
        hint="rerun the same command to ask again for these only (the rest is cached)",
    )


def _cause_line(labels: list[str], message: str, hint: str | None) -> str:
    named = ", ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    return f"{named}: {message}" + (f"; {hint}" if hint else "")
