import type { Db } from './db.js';

export interface StormGroup {
  id: number;
  agent: string;
  channel: string;
  ts: string | undefined;
  status: 'pending' | 'posted';
  createdAt: string;
  lastAt: string;
}

interface Row {
  id: number;
  agent: string;
  channel: string;
  ts: string | null;
  status: 'pending' | 'posted';
  created_at: string;
  last_at: string;
}

const toGroup = (r: Row): StormGroup => ({
  id: r.id,
  agent: r.agent,
  channel: r.channel,
  ts: r.ts ?? undefined,
  status: r.status,
  createdAt: r.created_at,
  lastAt: r.last_at,
});

/** Storm groups: one card per agent under attack, its findings listed in the card's thread. */
export class StormStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      open: db.prepare('SELECT * FROM storm_groups WHERE agent = ? AND last_at >= ? ORDER BY id DESC LIMIT 1'),
      get: db.prepare('SELECT * FROM storm_groups WHERE id = ?'),
      create: db.prepare(
        `INSERT INTO storm_groups (agent, channel, ts, status, created_at, last_at) VALUES (?, ?, NULL, 'pending', ?, ?)`,
      ),
      posted: db.prepare(`UPDATE storm_groups SET ts = ?, status = 'posted' WHERE id = ?`),
      touch: db.prepare('UPDATE storm_groups SET last_at = ? WHERE id = ?'),
      pending: db.prepare(`SELECT * FROM storm_groups WHERE status = 'pending' ORDER BY id`),
    };
  }

  /** The agent's group that saw a finding since `since`, if any: new findings join it. */
  openFor(agent: string, since: Date): StormGroup | undefined {
    const r = this.q.open.get(agent, since.toISOString()) as Row | undefined;
    return r && toGroup(r);
  }

  get(id: number): StormGroup | undefined {
    const r = this.q.get.get(id) as Row | undefined;
    return r && toGroup(r);
  }

  create(agent: string, channel: string, now: Date): StormGroup {
    const at = now.toISOString();
    const id = Number(this.q.create.run(agent, channel, at, at).lastInsertRowid);
    return this.get(id) as StormGroup;
  }

  markPosted(id: number, ts: string): void {
    this.q.posted.run(ts, id);
  }

  touch(id: number, now: Date): void {
    this.q.touch.run(now.toISOString(), id);
  }

  pending(): StormGroup[] {
    return (this.q.pending.all() as Row[]).map(toGroup);
  }
}
