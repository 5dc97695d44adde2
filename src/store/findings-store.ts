import type { Finding } from '../domain/finding.js';
import { findingIdOf } from '../domain/finding.js';
import type { Db } from './db.js';

export interface CardRecord {
  name: string;
  findingId: string;
  finding: Finding;
  channel: string;
  ts: string | undefined;
  status: 'pending' | 'posted';
  firstSeen: string;
  updatedAt: string;
  /** set when the finding is a line in a storm group's thread rather than a card of its own */
  groupId: number | undefined;
  /** the stored finding as JSON, for a cheap "did anything change" comparison */
  payloadJson: string;
}

interface Row {
  name: string;
  finding_id: string;
  payload: string;
  channel: string;
  ts: string | null;
  status: 'pending' | 'posted';
  first_seen: string;
  updated_at: string;
  group_id: number | null;
}

/** A finding as stored; equal strings mean nothing the card shows has changed. */
export const serialise = (f: Finding): string => JSON.stringify(f);

/** The stored finding is parsed only when read: dedup of a 10,000-finding poll never needs it. */
const toRecord = (r: Row): CardRecord => {
  let finding: Finding | undefined;
  return {
    name: r.name,
    findingId: r.finding_id,
    get finding() {
      finding ??= JSON.parse(r.payload) as Finding;
      return finding;
    },
    channel: r.channel,
    ts: r.ts ?? undefined,
    status: r.status,
    firstSeen: r.first_seen,
    updatedAt: r.updated_at,
    groupId: r.group_id ?? undefined,
    payloadJson: r.payload,
  };
};

/** Durable record of which finding has which card. The poll cursor lives here too. */
export class FindingsStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      get: db.prepare('SELECT * FROM findings WHERE name = ?'),
      has: db.prepare('SELECT 1 FROM findings WHERE name = ?').pluck(),
      stored: db.prepare('SELECT status, payload FROM findings WHERE name = ?'),
      byId: db.prepare('SELECT * FROM findings WHERE finding_id = ? ORDER BY first_seen'),
      insertPending: db.prepare(
        `INSERT INTO findings (name, finding_id, category, state, event_time, payload, channel, ts, status, first_seen, updated_at, refreshed_at, agent, group_id, outbox_id)
         VALUES (@name, @findingId, @category, @state, @eventTime, @payload, @channel, NULL, 'pending', @now, @now, @now, @agent, @groupId, @outboxId)
         ON CONFLICT(name) DO NOTHING`,
      ),
      markPosted: db.prepare(
        `UPDATE findings SET ts = @ts, status = 'posted', channel = @channel, updated_at = @now WHERE name = @name`,
      ),
      saveFinding: db.prepare(
        `UPDATE findings SET payload = @payload, state = @state, category = @category,
           event_time = @eventTime, updated_at = @now, refreshed_at = @now WHERE name = @name`,
      ),
      pending: db.prepare(`SELECT * FROM findings WHERE status = 'pending' AND group_id IS NULL ORDER BY first_seen`),
      pendingEntries: db.prepare(
        `SELECT f.name, f.channel, f.outbox_id, o.status AS outbox_status, o.ts AS outbox_ts FROM findings f
         JOIN outbox o ON o.id = f.outbox_id WHERE f.status = 'pending' AND f.group_id IS NOT NULL`,
      ),
      entriesPosted: db.prepare(
        `UPDATE findings SET status = 'posted', ts = @ts, updated_at = @now WHERE outbox_id = @outboxId AND status = 'pending'`,
      ),
      recentCards: db.prepare(
        'SELECT COUNT(*) AS n FROM findings WHERE agent = ? AND group_id IS NULL AND first_seen >= ?',
      ),
      forget: db.prepare(`DELETE FROM findings WHERE name = ? AND status = 'pending'`),
      groupMembers: db.prepare('SELECT payload FROM findings WHERE group_id = ? ORDER BY event_time, name'),
      open: db.prepare(
        `SELECT name FROM findings WHERE status = 'posted' AND state = 'ACTIVE' ORDER BY refreshed_at, name LIMIT ?`,
      ),
      touch: db.prepare('UPDATE findings SET refreshed_at = @now WHERE name = @name'),
      getKv: db.prepare('SELECT value FROM kv WHERE key = ?'),
      setKv: db.prepare(
        'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      count: db.prepare('SELECT COUNT(*) AS n FROM findings'),
    };
  }

  get(name: string): CardRecord | undefined {
    const r = this.q.get.get(name) as Row | undefined;
    return r && toRecord(r);
  }

  has(name: string): boolean {
    return this.q.has.get(name) !== undefined;
  }

  /**
   * Dedup in one read: `unchanged` when the card is posted and `f` serialises as stored (nothing on
   * the card can differ), `known` for any other finding we have a row for, `new` otherwise.
   */
  compare(f: Finding): 'unchanged' | 'known' | 'new' {
    const row = this.q.stored.get(f.name) as { status: 'pending' | 'posted'; payload: string } | undefined;
    if (!row) return 'new';
    return row.status === 'posted' && row.payload === serialise(f) ? 'unchanged' : 'known';
  }

  findById(findingId: string): CardRecord[] {
    return (this.q.byId.all(findingId) as Row[]).map(toRecord);
  }

  /** Records intent to post before calling Slack, so a crash leaves a trace to reconcile. Returns false if known. */
  beginPost(f: Finding, channel: string, now: Date, group?: { groupId: number; outboxId: number }): boolean {
    const info = this.q.insertPending.run({
      agent: f.resourceName,
      groupId: group?.groupId ?? null,
      outboxId: group?.outboxId ?? null,
      name: f.name,
      findingId: findingIdOf(f.name),
      category: f.category,
      state: f.state,
      eventTime: f.eventTime,
      payload: serialise(f),
      channel,
      now: now.toISOString(),
    });
    return info.changes === 1;
  }

  markPosted(name: string, channel: string, ts: string, now: Date): void {
    this.q.markPosted.run({ name, channel, ts, now: now.toISOString() });
  }

  saveFinding(f: Finding, now: Date): void {
    this.q.saveFinding.run({
      name: f.name,
      payload: serialise(f),
      state: f.state,
      category: f.category,
      eventTime: f.eventTime,
      now: now.toISOString(),
    });
  }

  /** Group entries whose journalled reply is done (or gone) but whose rows were never closed. */
  pendingEntries(): { name: string; outboxId: number; outboxStatus: string; outboxTs: string | null }[] {
    return (
      this.q.pendingEntries.all() as {
        name: string;
        outbox_id: number;
        outbox_status: string;
        outbox_ts: string | null;
      }[]
    ).map((r) => ({ name: r.name, outboxId: r.outbox_id, outboxStatus: r.outbox_status, outboxTs: r.outbox_ts }));
  }

  markEntriesPosted(outboxId: number, ts: string, now: Date): void {
    this.q.entriesPosted.run({ outboxId, ts, now: now.toISOString() });
  }

  /** Individual cards for this agent since `since` (a storm is counted against them). */
  recentCardCount(agent: string, since: Date): number {
    return (this.q.recentCards.get(agent, since.toISOString()) as { n: number }).n;
  }

  forgetPending(name: string): void {
    this.q.forget.run(name);
  }

  /**
   * A storm group's findings, oldest first, read one row at a time (a group can hold thousands).
   * Consume it synchronously: the connection runs no other statement until the iterator ends.
   */
  *groupMembers(groupId: number): Generator<Finding> {
    for (const r of this.q.groupMembers.iterate(groupId) as IterableIterator<{ payload: string }>)
      yield JSON.parse(r.payload) as Finding;
  }

  pendingPosts(): CardRecord[] {
    return (this.q.pending.all() as Row[]).map(toRecord);
  }

  /** Open cards whose finding we have not re-read for longest first. */
  openNames(limit: number): string[] {
    return (this.q.open.all(limit) as { name: string }[]).map((r) => r.name);
  }

  touchRefreshed(names: readonly string[], now: Date): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const name of names) this.q.touch.run({ name, now: at });
    })();
  }

  getKv(key: string): string | undefined {
    return (this.q.getKv.get(key) as { value: string } | undefined)?.value;
  }

  setKv(key: string, value: string): void {
    this.q.setKv.run(key, value);
  }

  count(): number {
    return (this.q.count.get() as { n: number }).n;
  }
}
