"""Digital (PAdES) signatures checked for INTEGRITY with pyHanko: intact, or changed after
signing. Trust in the issuer is not checked (no CA list, no network): a self-signed or
unknown-CA certificate still counts as signed, and a note says trust was not checked."""

from __future__ import annotations

import io
import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from auditor.i18n import t

JAKARTA = timezone(timedelta(hours=7))


def _signer(sig: Any) -> str | None:
    try:
        subject = sig.signer_cert.subject.native
        name = subject.get("common_name") or subject.get("organization_name")
        if name:
            return str(name)
    except Exception:
        pass
    raw = sig.sig_object.get("/Name")
    return str(raw) if raw else None


def _signed_at(sig: Any, year: int | None) -> datetime | None:
    try:
        value = sig.self_reported_timestamp
    except Exception:
        value = None
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(JAKARTA)
    return value if 2000 <= value.year <= (year or datetime.now().year) + 1 else None


def validate(data: bytes, year: int | None) -> dict[str, Any]:
    """{signed, signer, date, notes}: signed None when no signature could be checked."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    for name in ("pyhanko", "pyhanko_certvalidator"):  # their validation log goes to stderr
        logging.getLogger(name).setLevel(logging.CRITICAL)
    out: dict[str, Any] = {"signed": None, "signer": None, "date": None, "notes": []}
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:
        out["notes"].append(t("inspect.note_signature_invalid", reason=type(exc).__name__))
        return out
    if not signatures:
        return out
    context = ValidationContext(trust_roots=[], allow_fetching=False)
    usage = KeyUsageConstraints(key_usage=set(), extd_key_usage=None)
    intact_all = True
    for sig in signatures:
        try:
            status = validate_pdf_signature(sig, context, key_usage_settings=usage)
        except Exception as exc:
            out["notes"].append(t("inspect.note_signature_invalid", reason=type(exc).__name__))
            return out
        level = getattr(status.modification_level, "name", "")
        if not (status.intact and status.valid) or status.docmdp_ok is False or level == "OTHER":
            intact_all = False
        out["signer"] = _signer(sig)
        out["date"] = _signed_at(sig, year)
    if intact_all:
        out["signed"] = True
        out["notes"].append(t("inspect.note_trust_unchecked"))
    else:
        out["signed"] = False
        out["notes"].append(t("inspect.note_signature_altered"))
    if isinstance(out["date"], datetime):
        out["date"] = out["date"].date()
    return out
