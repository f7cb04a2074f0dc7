"""Turn what openai and instructor raise into one LLMError: what failed, where, how to fix it.

Every message passes through `scrub`, so an API key echoed by a server never reaches a terminal or log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from litreview.config import Settings, mask_secret
from litreview.errors import BudgetExceeded, LLMError, RefusedRequest, UnusableAnswer
from litreview.llm.values import Failure

MODE_HINT = "if the server lacks tool calling or JSON schema, try --mode json_schema, json or md_json"
PERMANENT_STATUSES = (400, 401, 403, 404, 422)
# A request parameter a server names when it refuses it (llama-cpp-python answers 500 with pydantic's
# "response_format.type: Input should be 'text' or 'json_object'"; others say "not supported").
_PARAMETER = r"(response_format|json_schema|tool_choice|tools|functions|parallel_tool_calls|max_tokens|temperature)"
_REFUSAL = re.compile(
    _PARAMETER + r"\b[^\n]{0,120}?(input should be|not supported|unsupported|not allowed|unrecognized|unknown|"
    r"extra inputs are not permitted|invalid|does not support|requires)"
    r"|(not supported|unsupported|does not support|unrecognized|extra inputs are not permitted)[^\n]{0,80}?\b" + _PARAMETER,
    re.IGNORECASE)
_CONTEXT_FULL = re.compile(r"context (?:length|window|size)|maximum context|exceeds? (?:the )?(?:context|n_ctx)|"
                           r"too many tokens|prompt is too long|n_ctx", re.IGNORECASE)
PARAMETER_HINTS = {
    "json_schema": "this server has no JSON-schema mode; use --mode json or tools",
    "response_format": "this server has no JSON-schema mode; use --mode json or tools",
    "tools": "this server has no tool calling; use --mode json or md_json",
    "tool_choice": "this server has no tool calling; use --mode json or md_json",
    "functions": "this server has no tool calling; use --mode json or md_json",
    "parallel_tool_calls": "this server has no tool calling; use --mode json or md_json",
    "max_tokens": "this server refuses max_tokens; report it, with the server's name, to litreview",
    "temperature": "set --temperature to a value the server accepts",
}
CONTEXT_HINT = ("raise the server's context size (llama.cpp: -c / --n_ctx; Ollama: num_ctx) and litreview's "
                "context_tokens, or use a smaller --top-k")


def llm_error(error: BaseException, settings: Settings, *, where: str, concurrency: int | None = None,
              attempts: int | None = None, cut_off_at: int | None = None) -> LLMError:
    """The LLMError for a request that failed after the configured retries and re-asks.

    A refusal is a RefusedRequest (with the `parameter` refused, if named, and the `status`); an
    answer that never validated is an UnusableAnswer; `concurrency` (requests in flight when it
    failed) shapes a timeout's hint; `cut_off_at` says the answers ran to that token limit.
    """
    attempts = attempts or getattr(error, "n_attempts", None)
    cause = error.__cause__ if type(error).__name__ == "InstructorRetryException" and error.__cause__ else error
    if cut_off_at is not None:
        message, hint = (f"the answer ran to the token limit ({cut_off_at} tokens) and was cut off, twice (the second "
                         "time at a higher temperature): the model repeats itself or writes too much",
                         "try another model, or raise --max-tokens if the answers are long but sound")
    else:
        message, hint = _describe(cause, settings, attempts, concurrency)
    kind = LLMError
    if is_invalid_answer(cause) or cut_off_at is not None or type(cause).__name__ == "IncompleteOutputException":
        kind = UnusableAnswer
    elif _is_refusal(cause):
        kind = RefusedRequest
    made = kind(scrub(message, settings), where=where, hint=scrub(hint, settings) if hint else None)
    made.parameter = refused_parameter(_server_message(cause)) if kind is RefusedRequest else None  # type: ignore[attr-defined]
    made.status = getattr(cause, "status_code", None)  # type: ignore[attr-defined]
    made.timed_out = isinstance(cause, _timeout_error())  # type: ignore[attr-defined]
    made.context_full = bool(_CONTEXT_FULL.search(_server_message(cause))) if made.status else False  # type: ignore[attr-defined]
    return made


def brief_problem(error: BaseException) -> str:
    """What was wrong with an answer, in at most two short clauses (for a re-ask)."""
    from pydantic import ValidationError

    cause = error.__cause__ if type(error).__name__ == "InstructorRetryException" and error.__cause__ else error
    if isinstance(cause, ValidationError) and cause.errors():
        said = []
        for problem in cause.errors()[:2]:
            place = ".".join(str(part) for part in problem["loc"])
            said.append(f"{place}: {problem['msg']}" if place else problem["msg"])
        return _short("; ".join(said), 300)
    return _short(str(cause), 200)


def refused_parameter(body: str) -> str | None:
    """The request parameter a server's error body says it does not support, or None."""
    found = _REFUSAL.search(body or "")
    if found is None:
        return None
    name = (found.group(1) or found.group(4) or "").lower()
    return "json_schema" if name == "response_format" and "json_schema" in body else name


def _timeout_error() -> type:
    import openai

    return openai.APITimeoutError


def _is_refusal(error: BaseException) -> bool:
    import openai

    if not isinstance(error, openai.APIStatusError):
        return False
    status = error.status_code
    return status in PERMANENT_STATUSES or (status >= 500 and refused_parameter(_server_message(error)) is not None)


def scrub(text: str, settings: Settings) -> str:
    """Replace the API key, wherever it appears, by its mask."""
    if settings.api_key is None:
        return text
    secret = settings.api_key.get_secret_value()
    return text.replace(secret, mask_secret(secret)) if secret else text


def _describe(error: BaseException, settings: Settings, attempts: int | None,
              concurrency: int | None) -> tuple[str, str | None]:
    import openai

    tries = settings.max_retries + 1
    if isinstance(error, openai.APITimeoutError):  # never resent: see transport
        silent = f"the server sent nothing for {settings.timeout:g} s (--timeout)"
        if (concurrency or settings.concurrency) <= 1:
            return (f"{silent}, with one request at a time",
                    "the server takes longer than that to begin an answer, or hangs: raise --timeout, or check the server")
        return silent, "raise --timeout, or lower --concurrency"
    if isinstance(error, openai.APIConnectionError):
        return f"could not connect to {settings.effective_base_url} ({tries} tries)", "check --base-url and that the server is running"
    if isinstance(error, openai.APIStatusError):
        return _describe_status(error, settings, tries)
    if type(error).__name__ == "IncompleteOutputException":
        return (f"the answer ran to the token limit{_limit(error)} and was cut off: the model repeats itself or writes too much",
                "try another model, or raise --max-tokens if the answers are long but sound")
    if is_invalid_answer(error):
        count = attempts or settings.reask + 1
        return f"the answer failed validation {count} times: {_first_problem(error)}", f"raise --reask, or try another model; {MODE_HINT}"
    return f"{type(error).__name__}: {_short(str(error))}", None


def _limit(error: BaseException) -> str:
    limit = getattr(error, "max_tokens", None)
    return f" ({limit} tokens)" if limit else ""


def _describe_status(error: Any, settings: Settings, tries: int) -> tuple[str, str | None]:
    status, detail = error.status_code, _short(_server_message(error))
    parameter = refused_parameter(_server_message(error))
    if parameter and (status in PERMANENT_STATUSES or status >= 500):
        hint = PARAMETER_HINTS.get(parameter, MODE_HINT)
        if parameter == "response_format" and settings.mode == "json":
            hint = "this server has no JSON mode; use --mode md_json or tools"
        return f"the server refused {parameter} ({status}): {detail}", hint
    if status in (400, 413, 422) and _CONTEXT_FULL.search(detail):
        return f"the prompt does not fit the server's context ({status}): {detail}", CONTEXT_HINT
    if status == 401:
        return f"the server rejected the API key (401): {detail}", "check LITREVIEW_API_KEY or OPENAI_API_KEY"
    if status == 404:
        return f"model {settings.model!r} or endpoint not found at {settings.effective_base_url} (404): {detail}", "check --model and --base-url"
    if status == 429:
        return f"rate limited (429) on all {tries} tries: {detail}", "lower --concurrency, or rerun later (answers so far are cached)"
    if status == 403:
        return f"the server refused access (403): {detail}", "check the API key's permissions and --model"
    if status >= 500:
        return f"server error {status} on all {tries} tries: {detail}", "rerun later (answers so far are cached)"
    return f"the server refused the request ({status}): {detail}", MODE_HINT


def is_invalid_answer(error: BaseException) -> bool:
    """An answer that came back but is not valid JSON or fails the response model's validators."""
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
    refused = all(isinstance(failure.error, RefusedRequest) for failure in failures)
    return LLMError(
        f"{len(failures)} {what} failed: " + "; ".join(said) + ("; ..." if len(causes) > 5 else ""),
        hint=None if refused else "rerun the same command to ask again for these only (the rest is cached)",
    )


def _cause_line(labels: list[str], message: str, hint: str | None) -> str:
    named = ", ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    return f"{named}: {message}" + (f"; {hint}" if hint else "")


def raise_if_over_budget(outcomes: Sequence[Any]) -> None:
    """After a batch: one BudgetExceeded saying how many requests --max-calls left unsent."""
    unsent = [o for o in outcomes if isinstance(o, Failure) and isinstance(o.error, BudgetExceeded)]
    if unsent:
        first = unsent[0].error
        raise BudgetExceeded(f"{first.message}; {len(unsent)} of {len(outcomes)} requests were not sent", hint=first.hint)
