"""Check-ins of a date range, as the week report and the visit summary show them."""

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from aijournal.domain.checkin import SCALES
from aijournal.store.models import CheckinAnswer, Entry


def checkins_between(*, session: Session, start: date, end: date) -> list[dict[str, Any]]:
    query = (
        select(col(Entry.id), col(Entry.day), CheckinAnswer)
        .join(CheckinAnswer, col(CheckinAnswer.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end, Entry.kind == "checkin")
        .order_by(col(Entry.day), col(Entry.id), col(CheckinAnswer.position))
    )
    found: dict[str, dict[str, Any]] = {}
    for entry_id, day, answer in session.exec(query):
        record = found.setdefault(
            entry_id, {"id": entry_id, "date": day.isoformat(), "answers": []}
        )
        record["answers"].append(
            {
                "item": answer.item,
                "scale": answer.attribute,
                "value": answer.value,
                "word": SCALES[answer.attribute][answer.value],
            }
        )
    return list(found.values())
