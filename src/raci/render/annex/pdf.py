"""The annex as a PDF: its Word document converted by LibreOffice (``soffice --headless
--convert-to pdf``), in a profile of its own so that a LibreOffice the user has open
neither takes the job nor is disturbed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from raci.exceptions import OutputError

#: What to install for the conversion, named when soffice is missing.
INSTALL = (
    "writing PDF needs LibreOffice's soffice on PATH: install it (on Debian or Ubuntu"
    " `apt-get install libreoffice-writer`), or write the annex as .docx"
)


def to_pdf(docx: bytes) -> bytes:
    """The PDF LibreOffice makes of the Word document ``docx``; OutputError when soffice
    is missing or the conversion fails (with the last thing LibreOffice said)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise OutputError(INSTALL)
    with tempfile.TemporaryDirectory(prefix="raci-annex-") as folder:
        source = Path(folder) / "annex.docx"
        source.write_bytes(docx)
        profile = (Path(folder) / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            str(source),
        ]
        said = _run(command)
        made = source.with_suffix(".pdf")
        if not made.exists():
            lines = [line for line in said.splitlines() if line.strip()]
            detail = lines[-1] if lines else "it made no PDF"
            msg = f"LibreOffice could not convert the annex to PDF: {detail}"
            raise OutputError(msg)
        return made.read_bytes()


def _run(command: list[str]) -> str:
    """Run ``command`` in a session of its own, and everything it started with it ends
    when this process is interrupted; what it printed."""
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        start_new_session=True,
    ) as process:
        try:
            said, _ = process.communicate()
        except BaseException:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # pragma: no cover - Windows
                process.kill()
            raise
    return said
