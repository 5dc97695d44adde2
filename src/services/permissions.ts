import { NotAuthorized } from '../errors.js';
import type { AuditStore } from '../store/audit-store.js';

/** The one Slack read the permission check needs (SlackPort implements it). */
export interface UsergroupReader {
  usergroupMembers(usergroupId: string): Promise<string[]>;
}

/** Slack's usergroups.users.list is Tier 2 (about 20 a minute): one read serves every click for a minute. */
export const MEMBERS_TTL_MS = 60_000;

/**
 * Who may change a finding's checklist or state. With `RESPONDER_USERGROUP_ID` set, members of that
 * user group; without it, anyone in the channel. Read-only buttons never ask.
 */
export class Permissions {
  private cached: { members: Set<string>; at: number } | undefined;
  private inflight: Promise<Set<string>> | undefined;

  constructor(
    private readonly slack: UsergroupReader,
    private readonly usergroupId: string | undefined,
    private readonly audit: AuditStore,
    private readonly now: () => Date,
    private readonly ttlMs = MEMBERS_TTL_MS,
  ) {}

  private nowMs(): number {
    return this.now().getTime();
  }

  get restricted(): boolean {
    return this.usergroupId !== undefined;
  }

  async mayAct(userId: string): Promise<boolean> {
    if (!this.usergroupId) return true;
    return (await this.members(this.usergroupId)).has(userId);
  }

  /**
   * Throws NotAuthorized (the listener turns it into an ephemeral refusal) unless `userId` may act;
   * a refusal is audited like any other attempt.
   */
  async require(userId: string, action: string, findingName: string): Promise<void> {
    if (await this.mayAct(userId)) return;
    this.audit.append(
      { userId, action, findingName, result: 'refused', detail: 'not in the responder user group' },
      this.now(),
    );
    throw new NotAuthorized(userId, 'only members of the responder user group may change findings');
  }

  private async members(groupId: string): Promise<Set<string>> {
    const c = this.cached;
    if (c && this.nowMs() - c.at < this.ttlMs) return c.members;
    // One request at a time: a burst of clicks shares it instead of spending the Tier-2 budget.
    this.inflight ??= this.slack
      .usergroupMembers(groupId)
      .then((ids) => {
        const members = new Set(ids);
        this.cached = { members, at: this.nowMs() };
        return members;
      })
      .catch((err: unknown) => {
        // Slack hiccup: a recent-enough list beats refusing everyone; none at all fails closed.
        if (c) return c.members;
        throw err;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
