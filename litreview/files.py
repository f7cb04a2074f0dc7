"""Writing files so that a reader sees the old file or the new one, never half of one.

Every file litreview writes (drafts, companion .bib, plans, exports, the index, cache records) goes
through `write_atomic`: the content is written to a temporary file in the same folder, flushed to disk,
then renamed over the target (a rename within one folder is atomic on POSIX and Windows). A run killed
mid-write leaves the previous file intact and a `.NAME.PID-THREAD.partial` file, which the next write of
the same file removes once the process that made it is gone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PARTIAL_SUFFIX = ".partial"
IS_A_FILE = "is a file, not a folder"


def write_atomic(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Replace `path` with `data` (text is encoded with `encoding`) in one step; raises OSError."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with replacing(path) as handle:
        handle.write(payload)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[IO[bytes]]:
    """A binary handle whose content replaces `path` when the block ends without an error."""
    target = Path(os.path.realpath(path))  # through a symlink to the file it names: the link stays a link
    _remove_abandoned_partials(target)
    # The writer's process and thread: two threads of one process may replace the same file at once.
    partial = target.parent / f".{target.name}.{os.getpid()}-{threading.get_ident()}{PARTIAL_SUFFIX}"
    try:
        with open(partial, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # the data is on disk before the name points at it
        os.chmod(partial, _mode_for(target))
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to disk; a no-op where folders cannot be opened (Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename itself is still atomic
    finally:
        os.close(descriptor)


def unwritable_reason(folder: Path) -> tuple[Path, str] | None:
    """Where and why files could not be created in `folder` (made if missing), or None when they can; creates
    nothing. The problem reads after the path: `is a file, not a folder`, `is on a read-only disk`..."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return existing, IS_A_FILE
    # access() honours read-only mounts for every user, and permission bits for all but root
    if not os.access(existing, os.W_OK | os.X_OK):
        return existing, "is on a read-only disk" if _read_only_mount(existing) else "is not writable (permission denied)"
    return None


def file_size(path: Path) -> int:
    """Bytes in the file at `path`, 0 when there is none."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def path_kind(path: Path) -> str | None:
    """"folder", "file", or None where nothing is there, or the path cannot be one (a name longer than the system
    allows: "File name too long", a NUL; an abstract given where a file may be)."""
    try:
        return "folder" if path.is_dir() else "file" if path.exists() else None
    except (OSError, ValueError):
        return None


def remove_tree(folder: Path) -> None:
    """Delete `folder` and everything in it; nothing when there is no such folder."""
    if folder.is_dir():
        shutil.rmtree(folder)


def folder_size(folder: Path) -> int:
    """Bytes of the files under `folder` (0 when it does not exist)."""
    total = 0
    for root, _, names in os.walk(folder):
        total += sum(file_size(Path(root) / name) for name in names)
    return total


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else what a plain open() would have given (0666 - umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_abandoned_partials(target: Path) -> None:
    """Delete the partial files of earlier writes of `target` whose process no longer runs (killed mid-write)."""
    with contextlib.suppress(OSError):
        for partial in target.parent.glob(f".{_glob_escape(target.name)}.*{PARTIAL_SUFFIX}"):
            pid, _, thread = partial.name[len(target.name) + 2: -len(PARTIAL_SUFFIX)].partition("-")
            if not pid.isdigit():
                continue
            if int(pid) == os.getpid():  # this process: only this thread's own leftover, never another thread's write
                if thread == str(threading.get_ident()):
                    partial.unlink(missing_ok=True)
            elif not _running(int(pid)):
                partial.unlink(missing_ok=True)


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)
