"""Row-level security on PostgreSQL: the SQL a database owner runs so that each person, who
connects as their own role, can read and change only their own journal, even with SQL typed
by hand (#13). aij's own scoping (store/scope.py) keeps every command to one journal; this
is the server's guarantee behind it.

The design, the simplest a clinic's admin can follow: a person's role is named as their
journal (`journal = current_user`). Every login role of the study is a member of one group
role, ``aij_member``, which holds the grants. ``entry`` and ``undo_log`` carry the journal;
every table of an entry's details admits a row only if its entry is the person's own. The
owner (who runs migrations and this SQL) is not bound by the policies; the members are.

`aij db rls-sql` prints it; the policies are built from the tables, so a table added by a
later migration with a foreign key to ``entry.id`` is covered the day it exists.
"""

from sqlmodel import SQLModel

import aijournal.store.models  # noqa: F401  (registers every table)
from aijournal.store.models import ENTRY_FK

GROUP_ROLE = "aij_member"
POLICY = "aij_own_journal"

_HEAD = f"""\
-- aij: row-level security for several journals in one PostgreSQL database (#13).
-- Run as the database owner, after aij has created the tables (any aij command does).
-- Then, for each person: CREATE ROLE "anna" LOGIN PASSWORD '...' IN ROLE {GROUP_ROLE};
-- and they run aij as that role with --journal anna (their journal's name = their role).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{GROUP_ROLE}') THEN
    CREATE ROLE {GROUP_ROLE} NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO {GROUP_ROLE};
GRANT SELECT ON schema_version TO {GROUP_ROLE};
"""


def _own(table: str) -> list[str]:
    """A table that carries the journal itself."""
    mine = "journal = current_user"
    return [
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {GROUP_ROLE};",
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;",
        f"DROP POLICY IF EXISTS {POLICY} ON {table};",
        f"CREATE POLICY {POLICY} ON {table} TO {GROUP_ROLE}\n  USING ({mine}) WITH CHECK ({mine});",
    ]


def _through_entry(table: str) -> list[str]:
    """A table of an entry's details: a row is yours when its entry is."""
    mine = (
        f"EXISTS (SELECT 1 FROM entry WHERE entry.id = {table}.entry_id"
        " AND entry.journal = current_user)"
    )
    return [
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {GROUP_ROLE};",
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;",
        f"DROP POLICY IF EXISTS {POLICY} ON {table};",
        f"CREATE POLICY {POLICY} ON {table} TO {GROUP_ROLE}\n  USING ({mine})\n"
        f"  WITH CHECK ({mine});",
    ]


def detail_table_names() -> list[str]:
    """Every table whose rows belong to an entry, in name order."""
    return sorted(
        table.name
        for table in SQLModel.metadata.tables.values()
        if any(fk.target_fullname == ENTRY_FK for fk in table.foreign_keys)
    )


def rls_sql() -> str:
    """The whole script, one statement per line (or per indented block), idempotent."""
    lines = [_HEAD]
    for table in ("entry", "undo_log"):
        lines += [*_own(table), ""]
    for table in detail_table_names():
        lines += [*_through_entry(table), ""]
    return "\n".join(lines)
