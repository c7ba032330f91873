"""A model as committed at a git revision: ``REV:PATH``, read with ``git show``."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from raci.exceptions import LoadError
from raci.io import MAX_INPUT_BYTES, MODEL_PARSERS, TABLE_SUFFIXES, load, loads, too_large
from raci.model import Organization


def split_revision(spec: str) -> tuple[str, str] | None:
    """(revision, path) for ``REV:PATH``; None for a plain path (one that exists, or has
    no colon, or looks like a Windows drive)."""
    if os.path.exists(spec) or ":" not in spec:
        return None
    rev, _, path = spec.partition(":")
    if not rev or not path or (len(rev) == 1 and rev.isalpha() and path[:1] in "\\/"):
        return None
    return rev, path


def _git(args: list[str], spec: str, failure: str | None = None) -> bytes:
    exe = shutil.which("git")
    if exe is None:
        raise LoadError.at(spec, 0, 0, "cannot read a revision: git is not installed")
    try:
        done = subprocess.run([exe, *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LoadError.at(spec, 0, 0, f"cannot run git: {exc}") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        reason = _reason(stderr, spec)
        if failure is not None and "not a git repository" not in stderr:
            reason = failure
        raise LoadError.at(spec, 0, 0, reason)
    return done.stdout


def _reason(stderr: str, spec: str) -> str:
    """git's complaint, in one sentence."""
    rev, _, path = spec.partition(":")
    text = " ".join(stderr.split())
    if "not a git repository" in text:
        return "not inside a git repository, so a `REV:PATH` argument cannot be read"
    if "does not exist in" in text or "exists on disk, but not in" in text:
        return f"`{path}` does not exist at revision `{rev}`"
    if "unknown revision" in text or "invalid object name" in text or "bad revision" in text:
        return f"unknown revision `{rev}`"
    return f"git show failed: {text or 'no message'}"


def load_revision(
    spec: str, scheme: str | None = None, *, sheet: str | None = None
) -> Organization:
    """The model in ``REV:PATH`` as committed at ``REV`` (PATH relative to the current
    folder, as ``git show REV:./PATH``); a LoadError with a one-sentence reason outside a
    repository, for an unknown revision or a path that the revision lacks. ``scheme`` names
    the scheme of a RACI table, ``sheet`` the sheet of a workbook."""
    if not spec.lower().endswith(TABLE_SUFFIXES):
        scheme = None  # a model file says its own
    found = split_revision(spec)
    if found is None:
        return load(spec, scheme=scheme, sheet=sheet)
    rev, path = found
    _git(["rev-parse", "--show-toplevel"], spec)
    relative = path if path.startswith(("./", "../", "/")) else f"./{path}"
    _git(
        ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], spec, f"unknown revision `{rev}`"
    )
    size = _git(["cat-file", "-s", f"{rev}:{relative}"], spec)
    if int(size or 0) > MAX_INPUT_BYTES:
        raise too_large(spec)
    data = _git(["show", f"{rev}:{relative}"], spec)
    suffix = Path(path).suffix.lower()
    if suffix in MODEL_PARSERS:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LoadError.at(spec, 0, 0, "the file is not UTF-8 text") from None
        return loads(text, suffix, spec)
    if suffix in TABLE_SUFFIXES:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / Path(path).name
            copy.write_bytes(data)
            return load(copy, scheme=scheme, sheet=sheet)
    return load(spec, scheme=scheme, sheet=sheet)
