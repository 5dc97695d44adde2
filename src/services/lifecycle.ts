import type { Logger } from 'pino';
import type { FindingsSource } from '../adapters/gcp/scc.js';
import type { SlackPort } from '../adapters/slack/slack-api.js';
import { type LifecycleChange, lifecycleMessage } from '../blocks/lifecycle.js';
import type { Finding } from '../domain/finding.js';
import { EscapeDeskError } from '../errors.js';
import type { AuditStore } from '../store/audit-store.js';
import type { LifecycleStore } from '../store/lifecycle-store.js';
import type { CardService } from './cards.js';
import type { Thread } from './checklist.js';
import type { Coalescer } from './coalescer.js';
import type { Permissions } from './permissions.js';

export interface LifecycleDeps {
  store: LifecycleStore;
  audit: AuditStore;
  permissions: Permissions;
  scc: Pick<FindingsSource, 'setMute' | 'setState'>;
  cards: Pick<CardService, 'get' | 'upsert'>;
  slack: Pick<SlackPort, 'post'>;
  cardRefresh: Coalescer;
  marksSync: Coalescer;
  now: () => Date;
  log: Logger;
}

/**
 * Claim, mute and resolve, and their undos. Mute and resolve go to SCC first; only what SCC accepted
 * reaches the store, the card and the thread, so the card never shows a change SCC refused.
 */
export class LifecycleService {
  constructor(private readonly d: LifecycleDeps) {}

  /** Returns false when there was nothing to do (a claim already held by the clicker, an unclaim of nothing). */
  async apply(where: Thread, findingName: string, change: LifecycleChange, userId: string): Promise<boolean> {
    await this.d.permissions.require(userId, change, findingName);
    const now = this.d.now();
    let previousOwner: string | undefined;
    const owner = this.d.store.get(findingName).claimedBy;
    if ((change === 'claim' && owner === userId) || (change === 'unclaim' && !owner)) {
      this.d.audit.append(
        { userId, action: change, findingName, result: 'noop', detail: owner ? 'already yours' : 'not claimed' },
        now,
      );
      return false;
    }
    try {
      switch (change) {
        case 'claim':
        case 'unclaim':
          previousOwner = owner;
          this.d.store.set(findingName, 'claimed', change === 'claim' ? userId : undefined, now);
          this.d.marksSync.request(findingName);
          this.d.cardRefresh.request(findingName);
          break;
        case 'mute':
        case 'unmute': {
          const got = await this.d.scc.setMute(findingName, change === 'mute' ? 'MUTED' : 'UNMUTED');
          this.d.store.set(findingName, 'muted', change === 'mute' ? userId : undefined, now);
          await this.show(findingName, { mute: got?.mute ?? (change === 'mute' ? 'MUTED' : 'UNMUTED') });
          break;
        }
        case 'resolve':
        case 'reactivate': {
          const got = await this.d.scc.setState(findingName, change === 'resolve' ? 'INACTIVE' : 'ACTIVE');
          this.d.store.set(findingName, 'resolved', change === 'resolve' ? userId : undefined, now);
          await this.show(findingName, { state: got?.state ?? (change === 'resolve' ? 'INACTIVE' : 'ACTIVE') });
          break;
        }
      }
    } catch (err) {
      const detail = err instanceof EscapeDeskError ? err.message : 'unexpected error';
      this.d.audit.append({ userId, action: change, findingName, result: 'failed', detail }, now);
      throw err;
    }
    this.d.audit.append({ userId, action: change, findingName, result: 'ok', detail: '' }, now);
    try {
      await this.d.slack.post(
        where.channel,
        lifecycleMessage(change, {
          userId,
          at: now.toISOString(),
          previousOwner: previousOwner !== userId ? previousOwner : undefined,
        }),
        { threadTs: where.threadTs },
      );
    } catch (err) {
      this.d.log.warn({ err, finding: findingName }, 'could not post a lifecycle line in the thread');
    }
    return true;
  }

  claimedBy(findingName: string): string | undefined {
    return this.d.store.get(findingName).claimedBy;
  }

  /**
   * Edits the card with what SCC now says (through CardService, so the stored finding moves with it and
   * the next poll sees no change), then a coalesced re-render in case the poll got there first.
   */
  private async show(findingName: string, fields: Partial<Pick<Finding, 'mute' | 'state'>>): Promise<void> {
    const stored = this.d.cards.get(findingName)?.finding;
    try {
      if (stored && (await this.d.cards.upsert({ ...stored, ...fields })) !== 'unchanged') return;
    } catch (err) {
      // SCC has the change; the card catches up on the coalesced re-render or the next poll.
      this.d.log.warn({ err, finding: findingName }, 'card edit after an SCC change failed; retrying');
    }
    this.d.cardRefresh.request(findingName);
  }
}
