import type { Logger } from 'pino';
import type { FindingsSource, ListedFinding } from '../adapters/gcp/scc.js';
import { CONTAINER_ESCAPE_CATEGORY, type Finding } from '../domain/finding.js';
import { EscapeDeskError } from '../errors.js';
import type { Health } from '../health.js';
import type { FindingsStore } from '../store/findings-store.js';
import type { CardService } from './cards.js';
import type { StormService } from './storm.js';

export interface IngestDeps {
  source: FindingsSource;
  cards: CardService;
  store: FindingsStore;
  /** organizations/O, folders/F or projects/P */
  sccParent: string;
  pollIntervalSeconds: number;
  initialLookbackHours: number;
  now: () => Date;
  log: Logger;
  health: Health;
  /** runs first in every cycle (finishing Slack writes a crash left open) */
  beforeCycle?: () => Promise<unknown>;
  /** groups many new findings on one agent into one card; without it every finding gets its own card */
  storm?: StormService;
}

export interface CycleResult {
  listed: number;
  posted: number;
  updated: number;
  unchanged: number;
  grouped: number;
  malformed: number;
  failed: number;
  refreshed: number;
}

/** SCC can index a finding well after its event_time; re-read this far behind the newest one we have. */
export const OVERLAP_MS = 60 * 60_000;
/** Known open cards re-read per cycle, to catch console changes (mute, inactive) that do not move event_time. */
export const REFRESH_PER_CYCLE = 200;
const REFRESH_BATCH = 50;
const CURSOR_KEY = 'poll_cursor_event_time';
/** Findings handled per step of a cycle; a storm on one agent still becomes one card (the group stays open). */
export const INGEST_BATCH = 500;
/** SCC's `order_by`: oldest first, so batches (and cards) follow the order things happened. */
export const EVENT_TIME_ORDER = 'event_time';

export const escapeFilter = (sinceIso: string) =>
  `category="${CONTAINER_ESCAPE_CATEGORY}" AND state="ACTIVE" AND event_time >= "${sinceIso}"`;

export const namesFilter = (names: readonly string[]) => names.map((n) => `name=${JSON.stringify(n)}`).join(' OR ');

/** SCC listing parent for every source in the watched scope. */
export const listParent = (sccParent: string) => `${sccParent}/sources/-/locations/global`;

export class Ingest {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly d: IngestDeps) {}

  /** Where the next poll starts: the newest recorded event time minus the overlap, or the initial look-back. */
  since(): Date {
    const cursor = this.d.store.getKv(CURSOR_KEY);
    if (cursor) return new Date(Date.parse(cursor) - OVERLAP_MS);
    return new Date(this.d.now().getTime() - this.d.initialLookbackHours * 3_600_000);
  }

  async cycle(): Promise<CycleResult> {
    const r: CycleResult = {
      listed: 0,
      posted: 0,
      updated: 0,
      unchanged: 0,
      grouped: 0,
      malformed: 0,
      failed: 0,
      refreshed: 0,
    };
    const { log } = this.d;
    await this.d.beforeCycle?.();
    await this.d.cards.reconcilePending();
    await this.d.storm?.reconcile();
    const since = this.since();
    const seen = new Set<string>();
    let newest = this.d.store.getKv(CURSOR_KEY) ?? '';
    let slackDown = false;
    const attempt = async (findings: readonly Finding[], work: () => Promise<void>) => {
      if (slackDown) {
        r.failed += findings.length;
        return;
      }
      try {
        await work();
        for (const f of findings) if (f.eventTime > newest) newest = f.eventTime;
      } catch (err) {
        r.failed += findings.length;
        slackDown = isSlackFailure(err);
        log.error(
          { err, findings: findings.slice(0, 5).map((f) => f.name) },
          'could not post or update; will retry next cycle',
        );
      }
    };
    // Known findings may only need an edit; new ones are grouped per agent, and a storm on one agent
    // becomes one card. Pages arrive oldest first, so cards appear in the order things happened.
    // New findings of an agent that are not (yet) a storm wait in `held` until the listing ends or
    // they become one, so a storm split across two batches is still one group (at most
    // STORM_THRESHOLD wait per agent, and at most a batch in all: past that, the agents that have
    // waited longest get their single cards, which still count towards a storm that follows).
    const storm = this.d.storm;
    const held = new Map<string, Finding[]>();
    let heldCount = 0;
    const card = (f: Finding) =>
      attempt([f], async () => {
        r[await this.d.cards.upsert(f)]++;
      });
    const handle = async (batch: readonly Finding[]) => {
      const fresh = new Map<string, Finding[]>();
      for (const f of batch) {
        // Most of a poll is findings already carded and unchanged: counted from this one read.
        const known = this.d.store.compare(f);
        if (known === 'unchanged') {
          r.unchanged++;
          if (f.eventTime > newest) newest = f.eventTime;
        } else if (known === 'known' || !storm) await card(f);
        else {
          const forAgent = fresh.get(f.resourceName);
          if (forAgent) forAgent.push(f);
          else fresh.set(f.resourceName, [f]);
        }
      }
      for (const [agent, findings] of fresh) {
        const before = held.get(agent) ?? [];
        const waiting = [...before, ...findings];
        heldCount -= before.length;
        held.delete(agent);
        if (storm?.shouldGroup(agent, waiting.length)) {
          await attempt(waiting, async () => {
            r.grouped += await storm.add(agent, waiting);
          });
        } else {
          held.set(agent, waiting);
          heldCount += waiting.length;
        }
      }
      for (const [agent, waiting] of held) {
        if (heldCount <= INGEST_BATCH) break;
        held.delete(agent);
        heldCount -= waiting.length;
        for (const f of waiting) await card(f);
      }
    };
    // Handled in batches as they are listed, so a storm of any size needs one batch of memory, not all of it.
    let batch: Finding[] = [];
    for await (const item of this.listing(since)) {
      r.listed++;
      if (!item.ok) {
        r.malformed++;
        log.warn({ finding: item.name, reason: item.reason }, 'skipping malformed finding from SCC');
        continue;
      }
      // A finding can move between pages while we post; handle it once per cycle.
      if (seen.has(item.finding.name)) continue;
      seen.add(item.finding.name);
      // Trust but verify: never card a finding the filter should have excluded.
      if (this.wanted(item.finding, since)) batch.push(item.finding);
      if (batch.length >= INGEST_BATCH) {
        await handle(sortByEventTime(batch));
        batch = [];
      }
    }
    await handle(sortByEventTime(batch));
    for (const f of sortByEventTime([...held.values()].flat())) await card(f);
    // The cursor moves only once every card up to it is durably recorded.
    if (r.failed === 0 && newest && newest !== this.d.store.getKv(CURSOR_KEY)) this.d.store.setKv(CURSOR_KEY, newest);
    if (!slackDown) r.refreshed = await this.refreshOpen(seen);
    if (r.failed === 0) this.d.health.ok('slack');
    else if (slackDown) this.d.health.failed('slack', 'posting cards failed; retrying each cycle');
    return r;
  }

  /** The SCC listing; its own success or failure (not our handling of it) is what /healthz reports. */
  private async *listing(since: Date): AsyncGenerator<ListedFinding> {
    try {
      yield* this.d.source.list(listParent(this.d.sccParent), escapeFilter(since.toISOString()), EVENT_TIME_ORDER);
      this.d.health.ok('scc');
    } catch (err) {
      this.d.health.failed('scc', describe(err));
      throw err;
    }
  }

  private wanted(f: Finding, since: Date): boolean {
    if (f.category !== CONTAINER_ESCAPE_CATEGORY || f.state !== 'ACTIVE') return false;
    return !f.eventTime || Date.parse(f.eventTime) >= since.getTime();
  }

  /** Re-reads known open cards by name (batched) and edits those whose finding changed. */
  private async refreshOpen(alreadySeen: ReadonlySet<string>): Promise<number> {
    const names = this.d.store.openNames(REFRESH_PER_CYCLE + alreadySeen.size).filter((n) => !alreadySeen.has(n));
    let changed = 0;
    for (let i = 0; i < Math.min(names.length, REFRESH_PER_CYCLE); i += REFRESH_BATCH) {
      const batch = names.slice(i, i + REFRESH_BATCH);
      const wanted = new Set(batch);
      for await (const item of this.d.source.list(listParent(this.d.sccParent), namesFilter(batch))) {
        if (!item.ok || !wanted.has(item.finding.name)) continue;
        if ((await this.d.cards.upsert(item.finding)) === 'updated') changed++;
      }
      this.d.store.touchRefreshed(batch, this.d.now());
    }
    return changed;
  }

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      const started = Date.now();
      this.running = this.cycle().then(
        (r) => {
          const busy = r.posted || r.updated || r.grouped || r.failed || r.refreshed;
          this.d.log[busy ? 'info' : 'debug']({ ...r, ms: Date.now() - started }, 'poll cycle done');
        },
        (err: unknown) => this.d.log.error({ err }, 'poll cycle failed; retrying next interval'),
      );
      await this.running;
      if (this.stopped) return;
      // ±10% jitter so several replicas or restarts do not poll in lockstep.
      const delay = this.d.pollIntervalSeconds * 1000 * (0.9 + Math.random() * 0.2);
      this.timer = setTimeout(loop, delay);
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

/** Within a batch too: SCC's order is a request, and a finding's event_time may be missing. */
function sortByEventTime(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
}

function isSlackFailure(err: unknown): boolean {
  return err instanceof EscapeDeskError && err.message.startsWith('Slack');
}

function describe(err: unknown): string {
  return err instanceof EscapeDeskError ? err.message : 'unexpected error (see logs)';
}
