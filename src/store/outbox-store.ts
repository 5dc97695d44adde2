import type { Message } from '../blocks/types.js';
import type { Db } from './db.js';

export interface OutboxEntry {
  id: number;
  kind: 'post' | 'update';
  channel: string;
  ts: string | undefined;
  threadTs: string | undefined;
  findingName: string | undefined;
  message: Message;
  createdAt: string;
}

interface Row {
  id: number;
  kind: 'post' | 'update';
  channel: string;
  ts: string | null;
  thread_ts: string | null;
  finding_name: string | null;
  message: string;
  created_at: string;
}

const toEntry = (r: Row): OutboxEntry => ({
  id: r.id,
  kind: r.kind,
  channel: r.channel,
  ts: r.ts ?? undefined,
  threadTs: r.thread_ts ?? undefined,
  findingName: r.finding_name ?? undefined,
  message: JSON.parse(r.message) as Message,
  createdAt: r.created_at,
});

/** The Slack write journal. Rows are written before the call and closed after it. */
export class OutboxStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      add: db.prepare(
        `INSERT INTO outbox (kind, channel, ts, thread_ts, finding_name, message, status, created_at)
         VALUES (@kind, @channel, @ts, @threadTs, @findingName, @message, 'pending', @now)`,
      ),
      done: db.prepare(`UPDATE outbox SET status = 'done', ts = COALESCE(@ts, ts), done_at = @now WHERE id = @id`),
      failed: db.prepare(
        `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error, done_at = @now WHERE id = @id`,
      ),
      attempt: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = @error WHERE id = @id'),
      pending: db.prepare(`SELECT * FROM outbox WHERE status = 'pending' ORDER BY id`),
      get: db.prepare('SELECT * FROM outbox WHERE id = ?'),
      counts: db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status'),
      prune: db.prepare(`DELETE FROM outbox WHERE status != 'pending' AND done_at < ?`),
    };
  }

  add(e: Omit<OutboxEntry, 'id' | 'createdAt'>, now: Date): number {
    const info = this.q.add.run({
      kind: e.kind,
      channel: e.channel,
      ts: e.ts ?? null,
      threadTs: e.threadTs ?? null,
      findingName: e.findingName ?? null,
      message: JSON.stringify(e.message),
      now: now.toISOString(),
    });
    return Number(info.lastInsertRowid);
  }

  done(id: number, ts: string | undefined, now: Date): void {
    this.q.done.run({ id, ts: ts ?? null, now: now.toISOString() });
  }

  failed(id: number, error: string, now: Date): void {
    this.q.failed.run({ id, error, now: now.toISOString() });
  }

  attempt(id: number, error: string): void {
    this.q.attempt.run({ id, error });
  }

  get(id: number): OutboxEntry | undefined {
    const r = this.q.get.get(id) as Row | undefined;
    return r && toEntry(r);
  }

  pending(): OutboxEntry[] {
    return (this.q.pending.all() as Row[]).map(toEntry);
  }

  counts(): Record<string, number> {
    return Object.fromEntries((this.q.counts.all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
  }

  /** Closed rows older than `before` are history nobody reads; keep the table small. */
  prune(before: Date): number {
    return this.q.prune.run(before.toISOString()).changes;
  }
}
