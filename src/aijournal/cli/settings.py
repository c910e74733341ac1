"""`aij where`, `aij config show|set`, `aij symptoms`: settings and what can be logged."""

from typing import Annotated

import typer

from aijournal.cli.common import JsonOption

config_app = typer.Typer(help="Show or change your settings (config.yaml).", no_args_is_help=True)


@config_app.command("show")
def show(as_json: JsonOption = False) -> None:
    """Print the settings in use.

    Examples:

    \b
      aij config show
      aij config show --json
    """

    from aijournal import render
    from aijournal.config import load_config

    data = load_config().model_dump(mode="json")
    if as_json:
        render.dump_json(data)
    else:
        render.key_values("Settings (aij config set KEY VALUE)", render.settings_pairs(data))


@config_app.command("set")
def set_(
    key: Annotated[str, typer.Argument(metavar="KEY", help="medications, profile, plan or units.")],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="The new value, checked before it is saved.")
    ],
) -> None:
    """Change one setting, checked before it is saved.

    The previous settings are kept as config.yaml.bak.

    Examples:

    \b
      aij config set medications "letrozole 2.5 mg"
      aij config set profile ai-women-51-plus
    """
    from aijournal import render
    from aijournal.config import load_config, save_config, set_value

    updated = set_value(load_config(), key, value)
    path = save_config(updated)
    shown = dict(render.settings_pairs(updated.model_dump(mode="json")))[key]
    render.info(f"{key}: {shown}")
    render.hint(f"saved to {path}")


WHERE_KEYS = ("home", "journal", "journal-name", "settings", "recipes", "plans", "foods")
WHERE_LABELS = {
    "home": "home",
    "journal": "journal",
    "journal-name": "journal name",
    "settings": "settings",
    "recipes": "your recipes",
    "plans": "your plans",
    "foods": "your foods",
}


def _complete_where(incomplete: str) -> list[str]:
    return [key for key in WHERE_KEYS if key.startswith(incomplete)]


def where(
    what: Annotated[
        str | None,
        typer.Argument(
            metavar="WHAT",
            help=f"Print only this path, bare, for scripts: {', '.join(WHERE_KEYS)}.",
            autocompletion=_complete_where,
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print every path as JSON, for scripts.")
    ] = False,
) -> None:
    """Print where aij keeps the journal (and which journal of the database is yours: its
    name), settings, recipes, plans and foods.

    Examples:

    \b
      aij where
      cp "$(aij where journal)" ~/backup/
    """
    from aijournal import render
    from aijournal.cli.common import location
    from aijournal.config import current_journal
    from aijournal.errors import BadInput
    from aijournal.paths import paths

    found = paths()
    # On a server, the journal is its URL with the password masked.
    places: dict[str, object] = {
        "home": found.home,
        "journal": location().shown,
        "journal-name": current_journal(),
        "settings": found.config,
        "recipes": found.recipes,
        "plans": found.protocols,
        "foods": found.foods,
    }
    if what is not None:
        if what not in places:
            raise BadInput(f"no path named '{what}'; allowed: {', '.join(WHERE_KEYS)}")
        if as_json:
            render.dump_json(str(places[what]))
        else:
            typer.echo(str(places[what]))
        return
    if as_json:
        render.dump_json({key: str(path) for key, path in places.items()})
        return
    # Plain lines, never wrapped: paths are there to be copied.
    width = max(map(len, WHERE_LABELS.values()))
    for key, path in places.items():
        typer.echo(f"{WHERE_LABELS[key]:<{width}}  {path}")


def symptoms(as_json: JsonOption = False) -> None:
    """List the symptoms you can log, with scale, range and meaning.

    Examples:

    \b
      aij symptoms
      aij symptoms --json
    """
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
