"""The words a person reads for internal names: body measures, articles."""

# A body measure's stored key -> its name and unit as shown (never "weight_kg").
MEASURES: dict[str, tuple[str, str]] = {"weight_kg": ("weight", "kg"), "waist_cm": ("waist", "cm")}


def measure_value(measure: str, value: float) -> str:
    """'68.0 kg': one decimal, as the scale and tape give it (68.039 from 150 lb is 68.0)."""
    unit = MEASURES.get(measure, (measure, ""))[1]
    return f"{value:.1f} {unit}".rstrip()


def measure_text(measure: str, value: float) -> str:
    """'weight 68.0 kg'."""
    return f"{MEASURES.get(measure, (measure, ''))[0]} {measure_value(measure, value)}"


def article(word: str) -> str:
    """'a' or 'an' before ``word`` as written here ('an exercise entry', 'a meal entry')."""
    return "an" if word and word[0].lower() in "aeiou" else "a"
