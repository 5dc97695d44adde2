import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Versioned, append-only migrations: never edit a shipped one, add the next. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE findings (
     name TEXT PRIMARY KEY,
     finding_id TEXT NOT NULL,
     category TEXT NOT NULL,
     state TEXT NOT NULL,
     event_time TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     payload TEXT NOT NULL,
     channel TEXT NOT NULL,
     ts TEXT,
     status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
     first_seen TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     refreshed_at TEXT NOT NULL
   );
   CREATE INDEX findings_by_id ON findings(finding_id);
   CREATE INDEX findings_open ON findings(status, state, refreshed_at);
   CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // #2 response checklist, plans (versioned), claim/mute/resolve attribution, append-only audit.
  `CREATE TABLE checklist_steps (
     finding_name TEXT NOT NULL,
     step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 6),
     state TEXT NOT NULL CHECK (state IN ('open', 'done', 'skipped')),
     by_user TEXT NOT NULL,
     at TEXT NOT NULL,
     note TEXT NOT NULL DEFAULT '',
     PRIMARY KEY (finding_name, step)
   );
   CREATE TABLE plans (
     finding_name TEXT NOT NULL,
     version INTEGER NOT NULL,
     assessment TEXT NOT NULL,
     containment TEXT NOT NULL,
     owner TEXT NOT NULL,
     plan TEXT NOT NULL,
     by_user TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (finding_name, version)
   );
   CREATE TABLE lifecycle (
     finding_name TEXT PRIMARY KEY,
     claimed_by TEXT, claimed_at TEXT,
     muted_by TEXT, muted_at TEXT,
     resolved_by TEXT, resolved_at TEXT
   );
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     user_id TEXT NOT NULL,
     action TEXT NOT NULL,
     finding_name TEXT NOT NULL,
     result TEXT NOT NULL,
     detail TEXT NOT NULL DEFAULT ''
   );
   CREATE INDEX audit_by_finding ON audit(finding_name, id);
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;`,
  // #3 outbox: every Slack write is journalled before it is sent, so a restart can finish or reconcile it.
  `CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL CHECK (kind IN ('post', 'update')),
     channel TEXT NOT NULL,
     ts TEXT,
     thread_ts TEXT,
     finding_name TEXT,
     message TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_at TEXT NOT NULL,
     done_at TEXT
   );
   CREATE INDEX outbox_pending ON outbox(status, id);
   -- Storm grouping: many findings on one agent share one card; each is a line in its thread.
   CREATE TABLE storm_groups (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     agent TEXT NOT NULL,
     channel TEXT NOT NULL,
     ts TEXT,
     status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
     created_at TEXT NOT NULL,
     last_at TEXT NOT NULL
   );
   CREATE INDEX storm_groups_by_agent ON storm_groups(agent, last_at);
   ALTER TABLE findings ADD COLUMN agent TEXT NOT NULL DEFAULT '';
   ALTER TABLE findings ADD COLUMN group_id INTEGER REFERENCES storm_groups(id);
   ALTER TABLE findings ADD COLUMN outbox_id INTEGER;
   CREATE INDEX findings_by_agent ON findings(agent, first_seen);
   CREATE INDEX findings_by_outbox ON findings(outbox_id);`,
  // #4 the fingerprint is gone: dedup compares the stored payload itself (FindingsStore.compare).
  `ALTER TABLE findings DROP COLUMN fingerprint;`,
];

export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Each card write is its own transaction; FULL makes "recorded" mean "on disk" before the cursor moves.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MB page cache; the OS already caches the file, and 2 MB
  // holds the indexes a poll reads. Keeps the process near its ready size after a storm.
  if (file !== ':memory:') db.pragma('cache_size = -2000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema v${current} is newer than this build (v${MIGRATIONS.length}); refusing to run`);
  }
  for (let v = current + 1; v <= MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v - 1] as string);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(v, new Date().toISOString());
    })();
  }
}
