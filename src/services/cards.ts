import type { Logger } from 'pino';
import type { SlackPort } from '../adapters/slack/slack-api.js';
import type { Message } from '../blocks/types.js';
import type { Finding } from '../domain/finding.js';
import { type CardRecord, type FindingsStore, serialise } from '../store/findings-store.js';
import { KeyedLock } from './keyed-lock.js';

export type UpsertResult = 'posted' | 'updated' | 'unchanged';

export interface CardServiceDeps {
  store: FindingsStore;
  slack: SlackPort;
  channel: string;
  render: (f: Finding) => Message;
  now: () => Date;
  log: Logger;
}

/** Margin for clock skew when searching the channel for a card we may have posted. */
const RECONCILE_MARGIN_S = 300;

/**
 * One card per finding, exactly once: the intent is recorded before Slack is called, the ts after.
 * A crash in between leaves a pending row that `reconcilePending` resolves from the channel's
 * history (cards carry their finding name in message metadata) before anything is posted again.
 */
export class CardService {
  private readonly lock = new KeyedLock();

  constructor(private readonly d: CardServiceDeps) {}

  upsert(f: Finding): Promise<UpsertResult> {
    // Most calls are for a posted card whose finding has not changed: one read settles those, no lock.
    if (this.d.store.compare(f) === 'unchanged') return Promise.resolve('unchanged');
    return this.lock.run(f.name, () => this.upsertLocked(f));
  }

  get(name: string): CardRecord | undefined {
    return this.d.store.get(name);
  }

  /** Re-renders an existing card from what we stored (after our own state, like a claim, changed). */
  rerender(name: string): Promise<void> {
    return this.lock.run(name, async () => {
      const rec = this.d.store.get(name);
      if (rec?.status === 'posted' && rec.ts)
        await this.d.slack.update(rec.channel, rec.ts, this.d.render(rec.finding));
    });
  }

  private async upsertLocked(f: Finding): Promise<UpsertResult> {
    const { store, slack, channel, now } = this.d;
    let rec = store.get(f.name);
    if (!rec) {
      store.beginPost(f, channel, now());
      rec = store.get(f.name);
    } else if (rec.status === 'pending') {
      await this.adoptFromHistory([rec]);
      rec = store.get(f.name);
    }
    if (!rec) throw new Error(`card record for ${f.name} vanished`);
    if (rec.status === 'pending') {
      const ts = await slack.post(rec.channel, this.d.render(f), { findingName: f.name });
      store.markPosted(f.name, rec.channel, ts, now());
      store.saveFinding(f, now());
      this.d.log.info({ finding: f.name, ts }, 'card posted');
      return 'posted';
    }
    // Checked again under the lock: the row may have changed while this call waited.
    if (serialise(f) === rec.payloadJson) return 'unchanged';
    // A storm member is a line in its group's thread, not a card: record the change, edit nothing.
    if (rec.groupId !== undefined) {
      store.saveFinding(f, now());
      return 'unchanged';
    }
    if (rec.ts) await slack.update(rec.channel, rec.ts, this.d.render(f));
    store.saveFinding(f, now());
    this.d.log.info({ finding: f.name, ts: rec.ts }, 'card updated');
    return 'updated';
  }

  /**
   * Start-up (and each cycle): resolve posts that may have reached Slack before we recorded them,
   * then post what is still pending from the stored finding, so nothing we committed to is lost.
   */
  async reconcilePending(): Promise<{ adopted: number; posted: number }> {
    const pending = this.d.store.pendingPosts();
    if (pending.length === 0) return { adopted: 0, posted: 0 };
    const adopted = await this.adoptFromHistory(pending);
    let posted = 0;
    for (const rec of pending) {
      const result = await this.lock.run(rec.name, async () => {
        const now = this.d.store.get(rec.name);
        if (now?.status !== 'pending') return 'done';
        return this.upsertLocked(now.finding);
      });
      if (result === 'posted') posted++;
    }
    return { adopted, posted };
  }

  private async adoptFromHistory(pending: CardRecord[]): Promise<number> {
    const byChannel = new Map<string, CardRecord[]>();
    for (const r of pending) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r]);
    let adopted = 0;
    for (const [channel, recs] of byChannel) {
      const oldest = Math.min(...recs.map((r) => Date.parse(r.firstSeen))) / 1000 - RECONCILE_MARGIN_S;
      const found = await this.d.slack.findCards(channel, new Set(recs.map((r) => r.name)), Math.floor(oldest));
      for (const [name, ts] of found) {
        this.d.store.markPosted(name, channel, ts, this.d.now());
        this.d.log.warn({ finding: name, ts }, 'adopted a card posted before a crash; not posting again');
        adopted++;
      }
    }
    return adopted;
  }
}
