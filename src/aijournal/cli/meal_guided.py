"""The guided meal log: search foods as you type a name, pick one, give the amount."""

from aijournal import render
from aijournal.catalog.foods import Food, FoodCatalog, Supplement
from aijournal.domain.meals import count_measure, measures_text
from aijournal.errors import Cancelled


def ask_meal(catalog: FoodCatalog) -> str:
    """Build an item list one food at a time; an empty name ends it."""
    items: list[str] = []
    try:
        while True:
            typed = render.ask_text("Food (part of its name; Enter when done)")
            if typed is None:
                break
            found = catalog.search(typed)[:9]
            if not found:
                render.error(f"no food matches '{typed}'; try fewer letters")
                continue
            choice = found[0]
            if len(found) > 1:
                for number, entry in enumerate(found, start=1):
                    render.info(f"  {number}. {entry.id}  {entry.name}")
                picked = render.ask_choice(
                    "Which one?", [str(n) for n in range(1, len(found) + 1)], "1"
                )
                choice = found[int(picked) - 1]
            amount = _ask_amount(choice)
            if amount is not None:
                items.append(f"{choice.id} {amount}")
    except (KeyboardInterrupt, EOFError):
        raise Cancelled("stopped; nothing was saved") from None
    if not items:
        raise Cancelled("no food given; nothing was saved")
    return ", ".join(items)


def _ask_amount(entry: Food | Supplement) -> str | None:
    """How much: a count defaults to one of the food's single items, never to a cup."""
    if not isinstance(entry, Food):
        return render.ask_default(f"How many {entry.unit}s of {entry.id}?", "1")
    counted = count_measure(entry)
    if counted is None:
        render.info(f"  {entry.id} measures: {measures_text(entry)}")
        return render.ask_text(f"How much {entry.id}? (150g, 1 tbsp ...)")
    prompt = (
        f"How much {entry.id}? (150g, or a count: 1 = one {counted.unit}, {counted.grams:.3g} g)"
    )
    return render.ask_default(prompt, "1")
