"""Old Word (.doc), RTF and OpenDocument text, converted to DOCX with LibreOffice headless.

LibreOffice is optional (Debian's libreoffice-writer-nogui); without it these files are refused
with a message that says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cchc.errors import CorruptFileError, LimitExceededError, UnsupportedFormatError
from cchc.settings import DEFAULT_SETTINGS, Settings

CONVERTIBLE = {".doc": "old Word (.doc)", ".rtf": "RTF", ".odt": "OpenDocument text (.odt)"}


def libreoffice() -> str | None:
    """Path of the LibreOffice binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, workdir: Path, settings: Settings = DEFAULT_SETTINGS) -> Path:
    """Convert ``path`` into ``workdir``/<stem>.docx; raises an InputError naming the file."""
    kind = CONVERTIBLE.get(path.suffix.lower(), path.suffix or "this file")
    binary = libreoffice()
    if binary is None:
        raise UnsupportedFormatError(
            str(path),
            f"{kind} needs LibreOffice to be read: install it (apt-get install libreoffice-writer-nogui) "
            "or save the report as .docx or PDF",
        )
    profile = Path(tempfile.mkdtemp(prefix="cchc-lo-profile-"))
    # A copy with a plain name: LibreOffice mishandles some characters in paths ("../", spaces).
    source = workdir / f"input{path.suffix.lower()}"
    shutil.copyfile(path, source)
    command = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(workdir),
        str(source),
    ]
    env = {**os.environ, "HOME": str(profile)}
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=settings.max_seconds_per_document, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise LimitExceededError(str(path), f"LibreOffice conversion took over {exc.timeout:.0f} s") from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    target = workdir / "input.docx"
    if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
        detail = (done.stderr or done.stdout or "").strip().splitlines()
        raise CorruptFileError(str(path), f"LibreOffice could not convert the {kind} file ({detail[-1] if detail else 'no output'})")
    return target
