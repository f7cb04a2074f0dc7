"""Stage progress on stderr: one line per stage, a live counter while summarising; silent when asked."""

from __future__ import annotations

from typing import Any

from litreview.cli import output


class StageDisplay:
    """Receives `pipeline.StageProgress` events; shows them with rich only on a terminal and when not quiet."""

    def __init__(self, *, quiet: bool) -> None:
        self.enabled = not quiet and output.stderr.is_terminal
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> StageDisplay:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("{task.fields[note]}"), TimeElapsedColumn(),
                                      console=output.stderr, transient=False)
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def stage(self, name: str) -> None:
        """A stage with no counter of its own (reading)."""
        from litreview.pipeline import StageProgress

        self(StageProgress(name, 0, 1))

    def __call__(self, event: Any) -> None:
        if self._progress is None:
            return
        for stage, task in self._tasks.items():  # a new stage means the earlier ones are done
            if stage != event.stage:
                self._progress.update(task, completed=self._progress.tasks[task].total)
        if event.stage not in self._tasks:
            self._tasks[event.stage] = self._progress.add_task(event.stage, total=max(event.total, 1), note="")
        note = f"({event.cached} cached)" if event.cached else ""
        self._progress.update(self._tasks[event.stage], completed=event.done, total=max(event.total, 1), note=note)

