import type { Db } from './db.js';

export type AuditResult = 'ok' | 'noop' | 'refused' | 'failed';

export interface AuditEntry {
  id: number;
  at: string;
  userId: string;
  /** e.g. `step 4 done`, `plan saved`, `mute`, `claim` */
  action: string;
  findingName: string;
  result: AuditResult;
  /** why it was refused/failed, or a short note; untrusted when it quotes a user */
  detail: string;
}

interface Row {
  id: number;
  at: string;
  user_id: string;
  action: string;
  finding_name: string;
  result: AuditResult;
  detail: string;
}

/**
 * Who did what to which finding, and how it went. Append-only: this class has no update or
 * delete, and triggers in the schema (migration #2) abort any that another path might try.
 */
export class AuditStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      insert: db.prepare(
        'INSERT INTO audit (at, user_id, action, finding_name, result, detail) VALUES (@at, @userId, @action, @findingName, @result, @detail)',
      ),
      byFinding: db.prepare(
        'SELECT * FROM (SELECT * FROM audit WHERE finding_name = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
      ),
      count: db.prepare('SELECT COUNT(*) AS n FROM audit WHERE finding_name = ?'),
    };
  }

  append(e: Omit<AuditEntry, 'id' | 'at'>, at: Date): void {
    this.q.insert.run({ ...e, at: at.toISOString() });
  }

  /** The newest `limit` entries for a finding, oldest first. */
  forFinding(findingName: string, limit = 50): AuditEntry[] {
    return (this.q.byFinding.all(findingName, limit) as Row[]).map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      action: r.action,
      findingName: r.finding_name,
      result: r.result,
      detail: r.detail,
    }));
  }

  count(findingName: string): number {
    return (this.q.count.get(findingName) as { n: number }).n;
  }
}
