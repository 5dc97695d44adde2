import type { Logger } from 'pino';
import type { SlackPort } from '../adapters/slack/slack-api.js';
import { type StepChange, stepChangeMessage } from '../blocks/checklist.js';
import { planMessage } from '../blocks/plan.js';
import { t1611Brief } from '../blocks/t1611-brief.js';
import {
  type Assessment,
  type Containment,
  progressOf,
  type ResponsePlan,
  type StepNumber,
  type StepRecord,
  type StepState,
} from '../domain/checklist.js';
import { InvalidPayload } from '../errors.js';
import type { AuditEntry, AuditStore } from '../store/audit-store.js';
import type { ChecklistStore } from '../store/checklist-store.js';
import type { Coalescer } from './coalescer.js';
import type { Permissions } from './permissions.js';

/** The card's thread: where every change is recorded for the channel to read. */
export interface Thread {
  channel: string;
  threadTs: string;
}

export interface ChecklistDeps {
  store: ChecklistStore;
  audit: AuditStore;
  permissions: Permissions;
  slack: Pick<SlackPort, 'post'>;
  /** re-renders the card (coalesced) */
  cardRefresh: Coalescer;
  /** writes progress/owner security marks to SCC (coalesced, best effort) */
  marksSync: Coalescer;
  now: () => Date;
  log: Logger;
}

export type StepOutcome = { changed: true; step: StepRecord } | { changed: false; step: StepRecord };

const TARGET: Record<StepChange, StepState> = { done: 'done', skipped: 'skipped', reopened: 'open' };

/**
 * Google's six-step response, worked from the card. Every change is checked against who may act,
 * written once (two concurrent clicks make one record), audited, posted in the thread, and shown on
 * the card through a coalesced re-render.
 */
export class ChecklistService {
  constructor(private readonly d: ChecklistDeps) {}

  steps(findingName: string): StepRecord[] {
    return this.d.store.steps(findingName);
  }

  progress(findingName: string): { done: number; total: number } {
    return progressOf(this.steps(findingName));
  }

  latestPlan(findingName: string): ResponsePlan | undefined {
    return this.d.store.latestPlan(findingName);
  }

  /** The audit trail, newest `limit` entries (oldest first), with the total count. */
  trail(findingName: string, limit = 50): { entries: AuditEntry[]; total: number } {
    return { entries: this.d.audit.forFinding(findingName, limit), total: this.d.audit.count(findingName) };
  }

  /** For opening a modal: refuse (and audit) before the responder types anything. */
  mayChange(userId: string, action: string, findingName: string): Promise<void> {
    return this.d.permissions.require(userId, action, findingName);
  }

  complete(where: Thread, findingName: string, step: StepNumber, userId: string, note = ''): Promise<StepOutcome> {
    return this.change(where, findingName, step, 'done', userId, note);
  }

  skip(where: Thread, findingName: string, step: StepNumber, userId: string, reason: string): Promise<StepOutcome> {
    if (!reason.trim()) throw new InvalidPayload('skip', 'a skipped step needs a reason');
    return this.change(where, findingName, step, 'skipped', userId, reason.trim());
  }

  reopen(where: Thread, findingName: string, step: StepNumber, userId: string): Promise<StepOutcome> {
    return this.change(where, findingName, step, 'reopened', userId, '');
  }

  /**
   * Steps 2–4 after an investigation button answered: attributed to the clicker when they may act.
   * Silent otherwise: they asked for an answer, not for a checklist change.
   */
  async completeFromInvestigation(where: Thread, findingName: string, step: 2 | 3 | 4, userId: string): Promise<void> {
    // The answer is already in the thread; a membership lookup that fails must not turn it into an error.
    const may = await this.d.permissions.mayAct(userId).catch((err: unknown) => {
      this.d.log.warn({ err, finding: findingName, step }, 'could not check responder membership; step left as is');
      return false;
    });
    if (!may) {
      this.d.log.debug({ finding: findingName, step, userId }, 'investigation by a non-responder; step left as is');
      return;
    }
    if (this.d.store.step(findingName, step).state !== 'open') return;
    await this.record(where, findingName, step, 'done', userId, '', true);
  }

  /** Step 5: the T1611 brief is reading matter, open to all; marking it reviewed is a change. */
  async postBrief(where: Thread, findingName: string, userId: string): Promise<void> {
    await this.d.slack.post(where.channel, t1611Brief(findingName), { threadTs: where.threadTs });
    this.d.audit.append({ userId, action: 'T1611 brief posted', findingName, result: 'ok', detail: '' }, this.d.now());
  }

  /** Step 6: stores a new plan version (history kept), posts it, and marks the step done. */
  async savePlan(
    where: Thread,
    findingName: string,
    userId: string,
    p: { assessment: Assessment; containment: Containment; owner: string; plan: string },
  ): Promise<ResponsePlan> {
    await this.d.permissions.require(userId, 'plan save', findingName);
    const now = this.d.now();
    const saved = this.d.store.savePlan(findingName, p, userId, now);
    this.d.audit.append(
      {
        userId,
        action: `plan v${saved.version} saved`,
        findingName,
        result: 'ok',
        detail: `${p.assessment}, ${p.containment}`,
      },
      now,
    );
    await this.post(where, planMessage(saved));
    if (this.d.store.step(findingName, 6).state !== 'done') {
      await this.record(where, findingName, 6, 'done', userId, `plan v${saved.version}`, false);
    } else {
      this.d.cardRefresh.request(findingName);
    }
    return saved;
  }

  private async change(
    where: Thread,
    findingName: string,
    step: StepNumber,
    change: StepChange,
    userId: string,
    note: string,
  ): Promise<StepOutcome> {
    const action = `step ${step} ${change}`;
    await this.d.permissions.require(userId, action, findingName);
    return this.record(where, findingName, step, change, userId, note, false);
  }

  private async record(
    where: Thread,
    findingName: string,
    step: StepNumber,
    change: StepChange,
    userId: string,
    note: string,
    auto: boolean,
  ): Promise<StepOutcome> {
    const now = this.d.now();
    const action = `step ${step} ${change}${auto ? ' (investigation)' : ''}`;
    const before = this.d.store.transition(findingName, step, TARGET[change], userId, note, now);
    const current = this.d.store.step(findingName, step);
    if (!before) {
      this.d.audit.append({ userId, action, findingName, result: 'noop', detail: `already ${current.state}` }, now);
      return { changed: false, step: current };
    }
    this.d.audit.append({ userId, action, findingName, result: 'ok', detail: note }, now);
    const progress = this.progress(findingName);
    this.d.cardRefresh.request(findingName);
    this.d.marksSync.request(findingName);
    await this.post(where, stepChangeMessage(step, change, { userId, at: now.toISOString(), note, auto, progress }));
    return { changed: true, step: current };
  }

  /** The change is already recorded; a thread post that fails is logged, not turned into a failed click. */
  private async post(where: Thread, message: Parameters<SlackPort['post']>[1]): Promise<void> {
    try {
      await this.d.slack.post(where.channel, message, { threadTs: where.threadTs });
    } catch (err) {
      this.d.log.warn({ err, channel: where.channel }, 'could not post a checklist line in the thread');
    }
  }
}
