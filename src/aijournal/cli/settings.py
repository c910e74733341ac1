"""`aij where`, `aij config show|set`, `aij symptoms`: settings and what can be logged."""

from typing import Annotated

import typer

from aijournal.cli.common import JsonOption

config_app = typer.Typer(help="Show or change your settings (config.yaml).", no_args_is_help=True)


@config_app.command("show")
def show(as_json: JsonOption = False) -> None:
    """Print the settings in use."""
    from aijournal import render
    from aijournal.config import load_config

    data = load_config().model_dump(mode="json")
    if as_json:
        render.dump_json(data)
    else:
        render.key_values("Settings (aij config set KEY VALUE)", render.settings_pairs(data))


@config_app.command("set")
def set_(
    key: Annotated[str, typer.Argument(help="medications, profile, plan or units.")],
    value: Annotated[str, typer.Argument(help="The new value, checked before it is saved.")],
) -> None:
    """Change one setting, e.g. aij config set medications 'letrozole 2.5 mg'."""
    from aijournal import render
    from aijournal.config import load_config, save_config, set_value

    updated = set_value(load_config(), key, value)
    path = save_config(updated)
    shown = dict(render.settings_pairs(updated.model_dump(mode="json")))[key]
    render.info(f"{key}: {shown}")
    render.hint(f"saved to {path}")


def where() -> None:
    """Print where aij keeps the journal and settings."""
    from aijournal import render
    from aijournal.paths import paths

    found = paths()
    render.key_values(
        "aij files",
        [
            ("home", str(found.home)),
            ("journal", str(found.journal)),
            ("settings", str(found.config)),
            ("your plans", str(found.protocols)),
            ("your foods", str(found.foods)),
        ],
    )


def symptoms(as_json: JsonOption = False) -> None:
    """List the symptoms you can log, with scale, range and meaning."""
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.domain.daylog import OTHER_KEYS

    listed = list(load_config().symptom_set())
    if as_json:
        render.dump_json(
            [
                {
                    "name": s.name,
                    "scale": s.kind,
                    "min": s.low,
                    "max": s.high,
                    "meaning": s.meaning,
                    "source": s.source,
                }
                for s in listed
            ]
        )
        return
    render.rows_table(
        "Symptoms (aij log NAME=VALUE)",
        ("name", "range", "meaning"),
        ((s.name, s.range_text, s.meaning) for s in listed),
    )
    render.rows_table("Also in one line", ("key", "meaning"), OTHER_KEYS.items())


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
    app.command("where")(where)
    app.command("symptoms")(symptoms)
