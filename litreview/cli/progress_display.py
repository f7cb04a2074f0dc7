"""Stage progress on stderr: a live display on a terminal, plain lines elsewhere (a log, CI, a pipe);
silent when asked.

On a non-terminal each stage gets a line when it starts and then one about every tenth of its items
(and at its end), so a slow run shows it is alive: `progress: summarising 12/30 (4 cached)`.
"""

from __future__ import annotations

from typing import Any

from litreview.cli import output

LINES_PER_STAGE = 10
PREFIX = "progress: "  # every plain progress line starts so, for a reader (or grep) to skip


class StageDisplay:
    """Receives `pipeline.StageProgress` events; rich on a terminal, plain lines otherwise, nothing when quiet."""

    def __init__(self, *, quiet: bool) -> None:
        self.enabled = not quiet and output.stderr.is_terminal
        self.plain = not quiet and not output.stderr.is_terminal
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        self._said: dict[str, int] = {}  # stage -> items done when its last plain line was written

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
        if self.plain:
            self._line(event)
        if self._progress is None:
            return
        for stage, task in self._tasks.items():  # a new stage means the earlier ones are done
            if stage != event.stage:
                self._progress.update(task, completed=self._progress.tasks[task].total)
        if event.stage not in self._tasks:
            self._tasks[event.stage] = self._progress.add_task(event.stage, total=max(event.total, 1), note="")
        note = f"({event.cached} cached)" if event.cached else ""
        self._progress.update(self._tasks[event.stage], completed=event.done, total=max(event.total, 1), note=note)

    def _line(self, event: Any) -> None:
        """A plain line when a stage starts, then about every tenth of its items and at its end."""
        if event.stage not in self._said:
            self._said[event.stage] = 0
            counted = f" 0/{event.total}" if event.total > 1 else ""
            output.print_notice(f"{PREFIX}{event.stage}{counted}")
            return
        step = max(1, event.total // LINES_PER_STAGE)
        if event.done > self._said[event.stage] and (event.done - self._said[event.stage] >= step or event.done == event.total):
            self._said[event.stage] = event.done
            cached = f" ({event.cached} cached)" if event.cached else ""
            output.print_notice(f"{PREFIX}{event.stage} {event.done}/{event.total}{cached}")
