"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII) to Unicode NFC.

PLACEHOLDER until the legacy-encoding work lands: ``decode_run`` returns text unchanged.
"""

from __future__ import annotations


def decode_run(text: str, font: str | None = None) -> str:
    """Unicode NFC text of one run typed in ``font`` (legacy fonts detected by name or content)."""
    return text
