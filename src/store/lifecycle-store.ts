import type { Db } from './db.js';

/** Who claimed, muted or resolved a finding from Slack, and when (SCC itself records no Slack user). */
export interface LifecycleRecord {
  claimedBy?: string;
  claimedAt?: string;
  mutedBy?: string;
  mutedAt?: string;
  resolvedBy?: string;
  resolvedAt?: string;
}

interface Row {
  claimed_by: string | null;
  claimed_at: string | null;
  muted_by: string | null;
  muted_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export type LifecycleField = 'claimed' | 'muted' | 'resolved';

export class LifecycleStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      get: db.prepare('SELECT * FROM lifecycle WHERE finding_name = ?'),
      ensure: db.prepare('INSERT INTO lifecycle (finding_name) VALUES (?) ON CONFLICT(finding_name) DO NOTHING'),
      set: {
        claimed: db.prepare('UPDATE lifecycle SET claimed_by = ?, claimed_at = ? WHERE finding_name = ?'),
        muted: db.prepare('UPDATE lifecycle SET muted_by = ?, muted_at = ? WHERE finding_name = ?'),
        resolved: db.prepare('UPDATE lifecycle SET resolved_by = ?, resolved_at = ? WHERE finding_name = ?'),
      },
    };
  }

  get(findingName: string): LifecycleRecord {
    const r = this.q.get.get(findingName) as Row | undefined;
    if (!r) return {};
    const out: LifecycleRecord = {};
    if (r.claimed_by) Object.assign(out, { claimedBy: r.claimed_by, claimedAt: r.claimed_at ?? '' });
    if (r.muted_by) Object.assign(out, { mutedBy: r.muted_by, mutedAt: r.muted_at ?? '' });
    if (r.resolved_by) Object.assign(out, { resolvedBy: r.resolved_by, resolvedAt: r.resolved_at ?? '' });
    return out;
  }

  /** Sets (user) or clears (undefined) one attribution. */
  set(findingName: string, field: LifecycleField, userId: string | undefined, at: Date): void {
    this.db.transaction(() => {
      this.q.ensure.run(findingName);
      this.q.set[field].run(userId ?? null, userId ? at.toISOString() : null, findingName);
    })();
  }
}
