import type { AgentsSource } from '../adapters/gcp/aiplatform.js';
import type { LogsSource } from '../adapters/gcp/logging.js';
import type { FindingsSource } from '../adapters/gcp/scc.js';
import type { AgentLogEntry, AgentSettings } from '../domain/agent.js';
import { type Finding, parseAgent, parseFindingName, projectIdOf } from '../domain/finding.js';
import { NotApplicable } from '../errors.js';
import type { LookupService } from './lookup.js';

/** Related findings listed in the answer; the rest are counted and linked. */
export const RELATED_KEPT = 20;

const byTimeThenName = (a: Finding, b: Finding) =>
  a.eventTime.localeCompare(b.eventTime) || a.name.localeCompare(b.name);

/** Counts every related finding and keeps the oldest `keep`, in memory of O(keep) whatever the order. */
export class RelatedTally {
  private total = 0;
  private critical = 0;
  private high = 0;
  private muted = 0;
  private kept: Finding[] = [];

  constructor(private readonly keep: number) {}

  add(f: Finding): void {
    this.total++;
    if (f.severity === 'CRITICAL') this.critical++;
    if (f.severity === 'HIGH') this.high++;
    if (f.mute === 'MUTED') this.muted++;
    this.kept.push(f);
    if (this.kept.length >= 2 * this.keep + 1) this.trim();
  }

  result(): Pick<RelatedFindings, 'items' | 'total' | 'critical' | 'high' | 'muted'> {
    this.trim();
    return { items: this.kept, total: this.total, critical: this.critical, high: this.high, muted: this.muted };
  }

  private trim(): void {
    this.kept.sort(byTimeThenName);
    this.kept.length = Math.min(this.kept.length, this.keep);
  }
}

export interface Window {
  /** RFC3339 */
  start: string;
  end: string;
  minutes: number;
}

export interface RelatedFindings {
  finding: Finding;
  /** `agent`: findings on the same agent; `project`: none were, so same-project findings instead */
  scope: 'agent' | 'project';
  /** the oldest RELATED_KEPT other findings in the window, oldest first (this finding excluded) */
  items: Finding[];
  /** how many other findings the window holds, and of those how many are CRITICAL, HIGH, muted */
  total: number;
  critical: number;
  high: number;
  muted: number;
  window: Window;
  /** the SCC query behind `items`, for the "see all" console link */
  filter: string;
  /** project id the project-level fallback searched, when it ran */
  project: string | undefined;
  malformed: number;
}

export interface AgentSettingsAnswer {
  finding: Finding;
  agent: AgentSettings;
}

export interface AgentLogs {
  finding: Finding;
  project: string;
  /** the exact Cloud Logging filter we sent (also used for the Logs Explorer link) */
  query: string;
  window: Window;
  /** newest first */
  entries: AgentLogEntry[];
  /** more entries matched than we read */
  more: boolean;
  max: number;
}

/** `duplicate`: the same button was already being answered, or was answered moments ago; do not answer again. */
export type Outcome<T> = { duplicate: false; value: T } | { duplicate: true };

export interface InvestigateDeps {
  findings: FindingsSource;
  logs: LogsSource;
  agents: AgentsSource;
  lookup: LookupService;
  /** organizations/O, folders/F or projects/P */
  sccParent: string;
  windowMinutes: number;
  now: () => Date;
  /** a repeated click within this many ms of an answer is not answered again */
  quietMs?: number;
}

export const MAX_LOG_ENTRIES = 1000;
const DEFAULT_QUIET_MS = 10_000;
const AGENT_LOG_TYPE = 'aiplatform.googleapis.com/ReasoningEngine';

/**
 * The three investigation answers for a card: related findings (SCC), agent settings (Vertex AI)
 * and agent logs (Cloud Logging). Speaks only our ports and types; builders render the results.
 */
export class InvestigateService {
  private readonly inFlight = new Set<string>();
  private readonly answeredAt = new Map<string, number>();

  constructor(private readonly d: InvestigateDeps) {}

  related(findingName: string): Promise<Outcome<RelatedFindings>> {
    return this.once('related', findingName, () => this.fetchRelated(findingName));
  }

  agentSettings(findingName: string): Promise<Outcome<AgentSettingsAnswer>> {
    return this.once('settings', findingName, () => this.fetchSettings(findingName));
  }

  logs(findingName: string): Promise<Outcome<AgentLogs>> {
    return this.once('logs', findingName, () => this.fetchLogs(findingName));
  }

  /**
   * Coalesces clicks: while one is being answered, or within the quiet period after its answer,
   * further clicks on the same button for the same finding are duplicates (no second fetch, no
   * second message). A failure leaves no quiet period, so a retry click works at once.
   */
  private async once<T>(kind: string, findingName: string, fetch: () => Promise<T>): Promise<Outcome<T>> {
    const key = `${kind}\u0000${findingName}`;
    const now = this.d.now().getTime();
    const last = this.answeredAt.get(key);
    if (this.inFlight.has(key) || (last !== undefined && now - last < (this.d.quietMs ?? DEFAULT_QUIET_MS))) {
      return { duplicate: true };
    }
    this.inFlight.add(key);
    try {
      const value = await fetch();
      this.answeredAt.set(key, this.d.now().getTime());
      this.forgetOld();
      return { duplicate: false, value };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private forgetOld(): void {
    const horizon = this.d.now().getTime() - (this.d.quietMs ?? DEFAULT_QUIET_MS);
    for (const [k, t] of this.answeredAt) if (t < horizon) this.answeredAt.delete(k);
  }

  private async finding(name: string): Promise<Finding> {
    return (await this.d.lookup.find({ kind: 'name', name })).finding;
  }

  private window(f: Finding): Window {
    const t = Date.parse(f.eventTime || f.createTime);
    if (Number.isNaN(t)) throw new NotApplicable('this finding has no event time, so there is no window to search');
    const ms = this.d.windowMinutes * 60_000;
    return {
      start: new Date(t - ms).toISOString(),
      end: new Date(t + ms).toISOString(),
      minutes: this.d.windowMinutes,
    };
  }

  private async fetchRelated(name: string): Promise<RelatedFindings> {
    const f = await this.finding(name);
    const window = this.window(f);
    const location = parseFindingName(f.name)?.location ?? 'global';
    const parent = `${this.d.sccParent}/sources/-/locations/${location}`;
    const timeFilter = `event_time >= "${window.start}" AND event_time <= "${window.end}"`;
    let malformed = 0;
    // A storm can put thousands of findings in the window: count them all, keep only the oldest few.
    const collect = async (filter: string) => {
      const tally = new RelatedTally(RELATED_KEPT);
      for await (const item of this.d.findings.list(parent, filter, 'event_time')) {
        if (!item.ok) malformed++;
        else if (item.finding.name !== f.name) tally.add(item.finding);
      }
      return tally.result();
    };
    let filter = f.resourceName ? `resource_name=${JSON.stringify(f.resourceName)} AND ${timeFilter}` : '';
    let found = filter ? await collect(filter) : new RelatedTally(0).result();
    if (found.total > 0) return { finding: f, scope: 'agent', ...found, window, filter, project: undefined, malformed };
    const project = projectIdOf(f);
    if (!project) return { finding: f, scope: 'agent', ...found, window, filter, project: undefined, malformed };
    // SCC filters have no prefix match on names; a substring on `/projects/P/` catches every resource
    // in the project named by id, plus the project resource itself.
    filter = `(resource_name:${JSON.stringify(`/projects/${project}/`)} OR resource_name=${JSON.stringify(`//cloudresourcemanager.googleapis.com/projects/${project}`)}) AND ${timeFilter}`;
    found = await collect(filter);
    return { finding: f, scope: 'project', ...found, window, filter, project, malformed };
  }

  private async fetchSettings(name: string): Promise<AgentSettingsAnswer> {
    const f = await this.finding(name);
    const agent = parseAgent(f.resourceName);
    if (!agent) throw new NotApplicable('the affected resource of this finding is not a Vertex AI agent');
    return { finding: f, agent: await this.d.agents.get(agent.name) };
  }

  private async fetchLogs(name: string): Promise<AgentLogs> {
    const f = await this.finding(name);
    const agent = parseAgent(f.resourceName);
    if (!agent) throw new NotApplicable('the affected resource of this finding is not a Vertex AI agent');
    const window = this.window(f);
    const query = agentLogFilter(agent.engineId, agent.location, window);
    const page = await this.d.logs.list({ project: agent.project, filter: query, max: MAX_LOG_ENTRIES });
    return {
      finding: f,
      project: agent.project,
      query,
      window,
      entries: page.entries,
      more: page.more,
      max: MAX_LOG_ENTRIES,
    };
  }
}

/** The Cloud Logging filter for an agent's stdout/stderr in a window; always with explicit bounds. */
export function agentLogFilter(engineId: string, location: string, w: Pick<Window, 'start' | 'end'>): string {
  return [
    `resource.type=${JSON.stringify(AGENT_LOG_TYPE)}`,
    `resource.labels.reasoning_engine_id=${JSON.stringify(engineId)}`,
    `resource.labels.location=${JSON.stringify(location)}`,
    `timestamp >= ${JSON.stringify(w.start)}`,
    `timestamp <= ${JSON.stringify(w.end)}`,
  ].join('\nAND ');
}
