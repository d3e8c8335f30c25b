"""The plain sentences of a verdict, in the report language (catalogue: messages/audit.yaml)."""

from __future__ import annotations

from datetime import date

from auditor.documents.kinds import KINDS
from auditor.i18n import t
from auditor.rules.model import Part, Rule


def month_name(month: int, lang: str) -> str:
    return t("audit.months", lang).split(",")[month - 1]


def long_date(value: date | str, lang: str) -> str:
    """'2022-05-13' -> '13 Mei 2022' (id) / '13 May 2022' (en)."""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day} {month_name(value.month, lang)} {value.year}"


def what(rule: Rule, part: Part | None) -> str:
    """What is missing, as a reader names it: 'Daftar hadir Rapat Evaluasi ZI'."""
    if part is None or len(rule.parts) <= 1:
        return rule.subject or rule.evidence
    label = part.label.strip()
    subject = rule.subject.strip()
    if subject and subject.lower() not in label.lower():
        return f"{label} {subject}"
    return label


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def missing(rule: Rule, part: Part | None, month: int, lang: str, deadline: date | None) -> str:
    values = {"what": what(rule, part) if part else rule.evidence, "month": month_name(month, lang), "folder": rule.folder}
    if deadline is not None:
        return _cap(t("audit.missing_open", lang, deadline=long_date(deadline, lang), **values))
    return _cap(t("audit.missing", lang, **values))


def unsigned(rule: Rule, part: Part, path: str, lang: str) -> str:
    return _cap(t("audit.unsigned", lang, what=what(rule, part), path=path))


def signature_unknown(path: str, lang: str) -> str:
    return t("audit.signature_unknown", lang, path=path)


def unreadable(path: str, error: str, lang: str) -> str:
    return t("audit.unreadable", lang, path=path, error=error.rstrip("."))


def undated(path: str, lang: str) -> str:
    return t("audit.undated", lang, path=path)


def weak_date(path: str, when: str, lang: str) -> str:
    return t("audit.weak_date", lang, path=path, date=long_date(when, lang))


def outside_year(path: str, when: str, year: int, lang: str) -> str:
    return t("audit.outside_year", lang, path=path, date=long_date(when, lang), year=year)


def late(path: str, when: str, month: int, lang: str) -> str:
    return t("audit.late", lang, path=path, date=long_date(when, lang),
             month=month_name(month, lang))


def unclassified(rule: Rule, path: str, lang: str) -> str:
    labels = [p.label for p in rule.parts]
    joined = ", ".join(labels[:-1]) + f" {t('audit.or', lang)} " + labels[-1] if len(labels) > 1 \
        else (labels[0] if labels else rule.evidence)
    first = rule.parts[0] if rule.parts else None
    kind = KINDS.get(first.kind) if first else None
    example = (kind.example if kind and kind.example else first.label) if first else rule.evidence
    return t("audit.unclassified", lang, path=path, labels=joined, example=example)


def photo_reuse(path: str, other: str, other_rule: str, other_month: int, lang: str) -> str:
    return t("audit.photo_reuse", lang, path=path, other=other, other_rule=other_rule,
             other_month=month_name(other_month, lang))


def upcoming(rule: Rule, month: int, lang: str) -> str:
    return _cap(t("audit.upcoming", lang, what=rule.evidence,
                  month=month_name(month, lang), folder=rule.folder))
