"""The openai client litreview sends through: its own retries, with our backoff and a retry counter.

openai's AsyncOpenAI retries 408/409/429/5xx, timeouts and dropped connections itself and honours
Retry-After; only its backoff constants are fixed, so a subclass overrides the one method that
computes the wait (to make it configurable, and short in tests) and counts each retry.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from typing import Any

from litreview.config import Settings

MAX_RETRY_AFTER = 120.0  # seconds; openai gives up on a longer Retry-After, and so do we
NO_KEY = "no-key"  # local servers need no key, but the openai client insists on one


def make_openai_client(settings: Settings, on_retry: Callable[[], None]) -> Any:
    """An AsyncOpenAI for `settings`; environment variables were already read by load_settings."""
    client_class = _backoff_client_class()
    api_key = settings.api_key.get_secret_value() if settings.api_key else NO_KEY
    return client_class(
        base_url=settings.effective_base_url,
        api_key=api_key,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
        backoff=settings.retry_backoff,
        backoff_max=settings.retry_backoff_max,
        on_retry=on_retry,
    )


@functools.cache
def _backoff_client_class() -> type:
    import openai

    class BackoffAsyncOpenAI(openai.AsyncOpenAI):
        """AsyncOpenAI whose retry wait is exponential from `backoff`, capped, jittered and counted."""

        def __init__(self, *, backoff: float = 0.5, backoff_max: float = 8.0,
                     on_retry: Callable[[], None] | None = None, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._backoff, self._backoff_max = backoff, backoff_max
            self._on_retry = on_retry or (lambda: None)

        async def _send_request(self, request: Any, **kwargs: Any) -> Any:
            """Send once. A server that accepted the request and then said nothing for --timeout is not sent it
            again (it may be working on it, or dead: either way a resend doubles its work or the wait);
            an error's body is read at once, even for a streamed request, so that `_should_retry` sees it."""
            import httpx2

            try:
                response = await super()._send_request(request, **kwargs)
            except httpx2.ReadTimeout:
                raise openai.APITimeoutError(request=request) from None  # an OpenAIError: openai does not retry it
            if response.status_code >= 400:
                await response.aread()
            return response

        def _should_retry(self, response: Any) -> bool:
            """openai's rule, except for a 5xx that names a parameter the server does not support: permanent."""
            from litreview.llm.faults import refused_parameter

            try:
                body = response.text
            except Exception:  # a body that could not be read: decide on the status alone
                body = ""
            if response.status_code >= 500 and refused_parameter(body) is not None:
                return False
            return bool(super()._should_retry(response))

        def _calculate_retry_timeout(self, remaining_retries: int, options: Any, response_headers: Any = None) -> float:
            self._on_retry()
            retry_after = self._parse_retry_after_header(response_headers)
            if retry_after is not None and 0 < retry_after <= MAX_RETRY_AFTER:
                return retry_after
            retries_done = options.get_max_retries(self.max_retries) - remaining_retries
            wait = min(self._backoff * 2.0 ** min(retries_done, 30), self._backoff_max)
            return wait * (1 - 0.25 * random.random())  # jitter, so parallel retries do not stampede

    return BackoffAsyncOpenAI
