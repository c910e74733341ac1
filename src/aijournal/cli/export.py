"""`aij export csv|json`, `aij import FILE`, `aij report`: files to bring to a visit, and back."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from aijournal import clock
from aijournal.cli.common import journal
from aijournal.domain.labels import plural
from aijournal.errors import BadInput

export_app = typer.Typer(
    help="Export the journal: xlsx or CSV for a clinic, or JSON.", no_args_is_help=True
)

FromOption = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="First day (ISO date, -30d ...).")
]
ToOption = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="Last day (may lie ahead).")
]
SinceOption = Annotated[
    bool, typer.Option("--since-last-visit", help="From the last visit before today to today.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output.")]


def _day(text: str | None) -> date | None:
    from aijournal.domain.dates import parse_day

    return None if text is None else parse_day(text, allow_future=True, today=clock.today())


@export_app.command("csv")
def to_csv(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="PATH",
            help="A folder to create, or a file ending .zip; - writes the zip to standard output.",
        ),
    ],
    start: FromOption = None,
    end: ToOption = None,
    since_last_visit: SinceOption = False,
    force: ForceOption = False,
) -> None:
    """daily.csv (a row a day) and one CSV per kind of entry (default: the whole journal).

    Examples:

    \b
      aij export csv --out visit.zip --since-last-visit
      aij export csv --out - --from -30d > month.zip
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.export import userfiles
    from aijournal.export.csvout import export_csv
    from aijournal.paths import paths

    symptoms = load_config().symptom_set()
    first, last = _day(start), _day(end)
    with journal() as opened:
        summary = export_csv(
            journal=opened,
            out=out,
            start=first,
            end=last,
            since_last_visit=since_last_visit,
            today=clock.today(),
            symptoms=symptoms,
            force=force,
            progress=render.Progress,
            files=userfiles.collect(paths()),
        )
    if str(out) == "-":
        return
    span = f"{summary.start} to {summary.end}" if summary.start else "an empty journal"
    entries = plural(summary.entries, "entry", "entries")
    counts = f"{entries}, {plural(summary.days, 'day')}"
    render.info(f"wrote {summary.path}: {counts} ({span})")


@export_app.command("xlsx")
def to_xlsx(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="FILE",
            help="The workbook to write (FILE.xlsx); - writes it to standard output.",
        ),
    ],
    start: FromOption = None,
    end: ToOption = None,
    since_last_visit: SinceOption = False,
    force: ForceOption = False,
) -> None:
    """A workbook for a clinic's spreadsheet: Daily, a sheet per kind of entry, Codebook, About.

    Dates are date cells and numbers numeric cells, so it reads right in any locale.

    Examples:

    \b
      aij export xlsx --out visit.xlsx --since-last-visit
      aij export xlsx --out year.xlsx --from -365d
    """
    from aijournal import render
    from aijournal.catalog.protocols import load_plans
    from aijournal.catalog.targets import load_targets
    from aijournal.config import load_config
    from aijournal.export.xlsxout import InUse, export_xlsx
    from aijournal.paths import paths

    if str(out) != "-" and out.suffix.lower() != ".xlsx":
        raise BadInput(f"{out} does not end in .xlsx; name the workbook FILE.xlsx")
    config = load_config()
    profile = load_targets().profile(config.profile)
    plan = load_plans(paths().protocols).get(config.plan)
    in_use = InUse(profile.name, profile.source, plan.name, plan.source)
    first, last = _day(start), _day(end)
    with journal() as opened:
        summary = export_xlsx(
            journal=opened,
            out=out,
            start=first,
            end=last,
            since_last_visit=since_last_visit,
            today=clock.today(),
            symptoms=config.symptom_set(),
            in_use=in_use,
            force=force,
            progress=render.Progress,
        )
    if str(out) == "-":
        return
    span = f"{summary.start} to {summary.end}" if summary.start else "an empty journal"
    entries = plural(summary.entries, "entry", "entries")
    counts = f"{entries}, {plural(summary.days, 'day')}"
    render.info(f"wrote {summary.path}: {counts} ({span})")


@export_app.command("json")
def to_json(
    out: Annotated[
        Path,
        typer.Option("--out", metavar="FILE", help="The JSON file to write; - is standard output."),
    ],
    force: ForceOption = False,
) -> None:
    """The whole journal as one JSON document (every table, and your own files).

    Examples:

    \b
      aij export json --out journal.json
      aij export json --out - | gzip > journal.json.gz
    """
    from aijournal import render
    from aijournal.export import userfiles
    from aijournal.export.jsonout import export_json
    from aijournal.paths import paths

    files = userfiles.collect(paths())
    with journal() as opened:
        path, entries = export_json(
            journal=opened, out=out, force=force, progress=render.Progress, files=files
        )
    if str(out) == "-":
        return
    render.info(f"wrote {path}: {plural(entries, 'entry', 'entries')}")


@export_app.command("study")
def to_study(
    journals: Annotated[
        str,
        typer.Option(
            "--journals",
            metavar="A,B,...",
            help="The journals of the study, comma-separated; P01 is the first, P02 the next.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The zip to write.")],
    with_text: Annotated[
        bool,
        typer.Option(
            "--with-text", help="Add each journal's notes, questions and other free text."
        ),
    ] = False,
    force: ForceOption = False,
) -> None:
    """Several journals for a research team: a daily.csv each under P01, P02 ..., a codebook
    and a manifest; no journal name, and no free text unless --with-text.

    Pseudonyms follow the order of --journals: keep that list, it is the study's key.

    Examples:

    \b
      aij export study --journals anna,bea,carl --out study.zip
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.export.study import export_study

    symptoms = load_config().symptom_set()
    wanted = [name.strip() for name in journals.split(",") if name.strip()]
    with journal() as opened:
        summary = export_study(
            journal=opened,
            journals=wanted,
            out=out,
            today=clock.today(),
            symptoms=symptoms,
            with_text=with_text,
            force=force,
            progress=render.Progress,
        )
    rows = sum(m.daily_rows for m in summary.members)
    render.info(f"wrote {summary.path}: {len(summary.members)} journals, {rows} daily rows")
    names = list(dict.fromkeys(wanted))
    key = ", ".join(f"{m.pseudonym} {n}" for m, n in zip(summary.members, names, strict=True))
    render.info(f"the key (keep it apart from the zip): {key}")


def import_(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="aij's CSV export (.zip or folder) or JSON export; - reads standard input.",
        ),
    ],
) -> None:
    """Add the entries of an aij export that the journal lacks (all or nothing).

    Your settings, recipes, own foods and plans in the export are restored too; a different
    file already here is kept as NAME.before-import.bak.

    Examples:

    \b
      aij import journal.json
      gunzip -c journal.json.gz | aij import -
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.export.importer import import_export
    from aijournal.paths import paths

    settings = load_config()
    symptoms = settings.symptom_set()
    with journal() as opened:
        summary = import_export(
            backups_kept=settings.backups_kept,
            journal=opened,
            path=path,
            symptoms=symptoms,
            today=clock.today(),
            progress=render.Progress,
            home=paths().home,
        )
    if summary.files is not None:
        kept = dict(summary.files.backed_up)
        for name in summary.files.written:
            backup = f" (the one that was here is kept as {kept[name]})" if name in kept else ""
            render.info(f"restored {name}{backup}")
    if summary.added:
        render.info(
            f"imported {plural(summary.added, 'entry', 'entries')} from {summary.source}"
            f" ({summary.already_there} already in the journal)"
        )
    else:
        render.info(
            f"nothing to import: all {summary.in_file} entries of {summary.source}"
            " are already in the journal"
        )


def report(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="FILE",
            help="The file to write, HTML or with --pdf a PDF (default aij-visit-DATE.html or "
            ".pdf here, DATE the last day); - is standard output.",
            show_default=False,
        ),
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    since_last_visit: SinceOption = False,
    force: ForceOption = False,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Print it to PDF (A4) with the Chromium on PATH; nothing is downloaded.",
        ),
    ] = False,
) -> None:
    """A one-page visit summary (HTML, prints on one A4 page); default since the last visit.

    Without --out it writes aij-visit-DATE.html (or .pdf with --pdf) in the current folder;
    an existing file is never replaced without --force. Without Chromium, open the HTML in
    a browser and print it on A4.

    Examples:

    \b
      aij report --pdf
      aij report --from -90d --to today --out - > summary.html
    """
    from aijournal import render
    from aijournal.catalog.protocols import load_plans
    from aijournal.catalog.targets import load_targets
    from aijournal.config import load_config
    from aijournal.export.html import render_html, write_report
    from aijournal.export.output import check_target
    from aijournal.export.pdf import print_pdf, require_chromium
    from aijournal.paths import paths
    from aijournal.reports.visit import report_range, visit_report

    if pdf and out is not None and str(out) != "-" and out.suffix.lower() != ".pdf":
        raise BadInput(f"{out} does not end in .pdf; name the PDF FILE.pdf")
    browser = require_chromium() if pdf else None
    if out is not None:
        check_target(out, force=force, folder=False)
    config = load_config()
    profile = load_targets().profile(config.profile)
    plans = load_plans(paths().protocols)
    plan = plans.get(config.plan)
    today = clock.today()
    first, last = _day(start), _day(end)
    with journal() as opened, opened.read() as session:
        chosen = report_range(
            session=session, start=first, end=last, since_last_visit=since_last_visit, today=today
        )
        suffix = "pdf" if pdf else "html"
        target = out if out is not None else Path(f"aij-visit-{chosen[1].isoformat()}.{suffix}")
        if out is None and target.exists() and not force:
            raise BadInput(
                f"{target.absolute()} already exists; add --force to replace it, "
                "or name another file with --out"
            )
        check_target(target, force=force, folder=False)
        summary = visit_report(
            session=session,
            start=chosen[0],
            end=chosen[1],
            today=today,
            config=config,
            profile=profile,
            plan=plan,
            catalog=plans.catalog,
        )
    if browser is not None:
        written = print_pdf(render_html(summary), target, force=force, browser=browser)
    else:
        written = write_report(summary, target, force=force)
    if str(target) == "-":
        return
    render.info(f"wrote {written.absolute()}: visit summary {chosen[0]} to {chosen[1]}")
    if first is not None and first < chosen[0]:
        render.hint(f"it starts on {chosen[0]}, the first day logged: nothing is logged before")


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")
    app.command("import")(import_)
    app.command("report")(report)
