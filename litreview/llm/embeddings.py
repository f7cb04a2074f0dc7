"""Embeddings through the client: vectors cached per text and model, the missing ones asked in batches that
hold a place of the client's concurrency limiter and are paid and counted like answers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from litreview.errors import ConfigError
from litreview.llm.cache import embedding_key
from litreview.llm.faults import llm_error

if TYPE_CHECKING:
    from litreview.llm.client import LLMClient

EMBEDDING_BATCH = 64  # texts per embeddings request


async def embed_texts(client: LLMClient, texts: Sequence[str], model: str | None) -> list[list[float]]:
    """One vector per text of `texts` by `model`; raises ConfigError without a model, LLMError on failure."""
    if not model:
        raise ConfigError("no embedding model set", hint="set --embedding-model or embedding_model in litreview.toml")
    with client._busy:
        keys = [embedding_key(base_url=client.settings.effective_base_url, model=model, text=t) for t in texts]
        found = {key: _cached_vector(client, key) for key in dict.fromkeys(keys)}
        missing = {key: text for key, text in zip(keys, texts) if found[key] is None}
        batches = _chunks(list(missing.items()), EMBEDDING_BATCH)
        for vectors in await asyncio.gather(*(_embed_batch(client, batch, model) for batch in batches)):
            found.update(vectors)
    return [found[key] for key in keys]  # type: ignore[misc]


def _cached_vector(client: LLMClient, key: str) -> list[float] | None:
    cached = client.cache.get(key) if client.settings.cache else None
    if cached is not None:
        client.usage.cached += 1
        return cached.value
    return None


async def _embed_batch(client: LLMClient, batch: list[tuple[str, str]], model: str) -> dict[str, list[float]]:
    state = client._state()
    client._pay_for_one_call()
    async with state.limiter.slot("embeddings") as slot:
        started = time.monotonic()
        try:
            response = await state.openai.embeddings.create(
                model=model, input=[text for _, text in batch], encoding_format="float")
        except Exception as error:
            client.usage.failed += 1
            client.usage.unanswered += 1
            raise llm_error(error, client.settings, where=f"embeddings {model}") from None
        slot.observe(time.monotonic() - started, started=started)
    client.usage.calls += 1
    tokens = int(getattr(response.usage, "prompt_tokens", 0) or 0)
    client.usage.add_tokens(model, tokens, 0)
    vectors = {key: list(item.embedding) for (key, _), item in zip(batch, sorted(response.data, key=lambda d: d.index))}
    if client.settings.cache:
        for key, vector in vectors.items():
            client.cache.put(key, vector, prompt_tokens=tokens // max(len(batch), 1))
    return vectors


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[start:start + size] for start in range(0, len(items), size)]
