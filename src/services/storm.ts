import type { Logger } from 'pino';
import { ENTRIES_PER_REPLY, stormCard, stormEntries } from '../blocks/storm-card.js';
import type { Finding } from '../domain/finding.js';
import type { Db } from '../store/db.js';
import type { FindingsStore } from '../store/findings-store.js';
import type { OutboxStore } from '../store/outbox-store.js';
import type { StormGroup, StormStore } from '../store/storm-store.js';
import type { Outbox } from './outbox.js';

export interface StormDeps {
  db: Db;
  store: FindingsStore;
  storms: StormStore;
  outbox: Outbox;
  outboxStore: OutboxStore;
  channel: string;
  /** more than this many new findings for one agent within `windowMs` become one grouped card */
  threshold: number;
  windowMs: number;
  now: () => Date;
  log: Logger;
}

/** Metadata key of a group card, so a crash after posting it is reconciled like any card. */
export const groupKey = (id: number) => `storm-group:${id}`;
const RECONCILE_MARGIN_S = 300;

/**
 * Storm grouping: instead of flooding the channel with one card per finding, an agent under attack
 * gets one card, and each finding becomes a line in its thread (batched replies, journalled with the
 * findings rows in one transaction so a crash can neither lose nor repeat a line).
 */
export class StormService {
  constructor(private readonly d: StormDeps) {}

  /** Whether these new findings for `agent` should join (or start) a group rather than get cards. */
  shouldGroup(agent: string, newCount: number): boolean {
    const since = new Date(this.d.now().getTime() - this.d.windowMs);
    if (this.d.storms.openFor(agent, since)) return true;
    return this.d.store.recentCardCount(agent, since) + newCount > this.d.threshold;
  }

  async add(agent: string, findings: readonly Finding[]): Promise<number> {
    const { store, storms, now } = this.d;
    const fresh = findings.filter((f) => !store.has(f.name));
    if (fresh.length === 0) return 0;
    const since = new Date(now().getTime() - this.d.windowMs);
    const open = storms.openFor(agent, since) ?? storms.create(agent, this.d.channel, now());
    storms.touch(open.id, now());
    const group = await this.ensurePosted(open, fresh);
    for (let i = 0; i < fresh.length; i += ENTRIES_PER_REPLY) {
      const batch = fresh.slice(i, i + ENTRIES_PER_REPLY);
      const outboxId = this.journalEntries(group, batch);
      const ts = await this.d.outbox.sendJournalled(outboxId);
      store.markEntriesPosted(outboxId, ts, now());
    }
    await this.refreshCard(group);
    this.d.log.info({ agent, group: group.id, added: fresh.length }, 'storm: findings added to group');
    return fresh.length;
  }

  private journalEntries(group: StormGroup, batch: readonly Finding[]): number {
    const { db, store, outboxStore, now } = this.d;
    return db.transaction(() => {
      const id = outboxStore.add(
        {
          kind: 'post',
          channel: group.channel,
          ts: undefined,
          threadTs: group.ts,
          findingName: undefined,
          message: stormEntries(batch),
        },
        now(),
      );
      for (const f of batch) store.beginPost(f, group.channel, now(), { groupId: group.id, outboxId: id });
      return id;
    })();
  }

  private async ensurePosted(group: StormGroup, first: readonly Finding[]): Promise<StormGroup & { ts: string }> {
    if (group.status === 'posted' && group.ts) return { ...group, ts: group.ts };
    const found = await this.d.outbox.findCards(
      group.channel,
      new Set([groupKey(group.id)]),
      Math.floor(Date.parse(group.createdAt) / 1000) - RECONCILE_MARGIN_S,
    );
    let ts = found.get(groupKey(group.id));
    if (!ts) {
      const members = (function* (store: FindingsStore) {
        yield* store.groupMembers(group.id);
        yield* first;
      })(this.d.store);
      ts = await this.d.outbox.post(group.channel, stormCard(group.agent, members), {
        findingName: groupKey(group.id),
      });
    }
    this.d.storms.markPosted(group.id, ts);
    return { ...group, ts, status: 'posted' };
  }

  private async refreshCard(group: StormGroup & { ts: string }): Promise<void> {
    const card = stormCard(group.agent, this.d.store.groupMembers(group.id));
    await this.d.outbox.update(group.channel, group.ts, card);
  }

  /** After a crash: post pending group cards (or adopt them) and close entry rows whose reply is settled. */
  async reconcile(): Promise<void> {
    const { store, now } = this.d;
    for (const e of store.pendingEntries()) {
      if (e.outboxStatus === 'done' && e.outboxTs) store.markEntriesPosted(e.outboxId, e.outboxTs, now());
      // The reply definitively failed: forget the rows so the next poll offers these findings again.
      else if (e.outboxStatus === 'failed') store.forgetPending(e.name);
    }
    for (const g of this.d.storms.pending()) await this.ensurePosted(g, []);
  }
}
