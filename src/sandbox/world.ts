import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SANDBOX_DEFAULTS, type SandboxEndpoints } from '../config.js';
import type { ReasoningEngineJson } from '../fakes/aiplatform-server.js';
import { FakeLogging, type LogEntryJson } from '../fakes/logging-server.js';
import { FakeScc, type FindingResultJson } from '../fakes/scc-server.js';
import { FakeSlack } from '../fakes/slack-server.js';
import { SAMPLE_AGENTS } from './sample-agents.js';
import { SAMPLE_FINDINGS } from './sample-findings.js';
import { SAMPLE_LOGS } from './sample-logs.js';

/** The person at the sandbox page, as Slack would name them in payloads. */
export const SANDBOX_USER = { id: 'U0SANDBOX01', name: 'you' } as const;
export const SANDBOX_CHANNEL_NAME = 'escape-desk-alerts';

const MINUTE = 60_000;

/** How far the samples of each agent move so that they happened minutes ago (logs and agents move with them). */
function offsets(now: Date): { prod: number; dev: number } {
  const at = (name: string) => Date.parse(sampleOf(name).finding.eventTime as string);
  return {
    prod: now.getTime() - 12 * MINUTE - at('escape-nsenter'),
    dev: now.getTime() - 25 * MINUTE - at('escape-deepce'),
  };
}

const shifted = (iso: unknown, by: number) =>
  typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? new Date(Date.parse(iso) + by).toISOString() : iso;

/** Sample logs and agents for the fake Logging and Vertex AI servers, moved with their agent's findings. */
function agentsAndLogs(now: Date): { agents: ReasoningEngineJson[]; logs: LogEntryJson[] } {
  const by = offsets(now);
  const shift: Record<string, number> = { 'support-triage-agent': by.prod, 'deepce-dev-agent': by.dev };
  const agents = Object.entries(SAMPLE_AGENTS).map(([name, a]) => {
    const copy = structuredClone(a);
    copy.updateTime = shifted(copy.updateTime, shift[name] ?? 0);
    return copy;
  });
  const logs = Object.entries(SAMPLE_LOGS).flatMap(([name, entries]) =>
    entries.map((e) => {
      const copy = structuredClone(e);
      copy.timestamp = shifted(copy.timestamp, shift[name] ?? 0) as string;
      copy.receiveTimestamp = shifted(copy.receiveTimestamp, shift[name] ?? 0);
      return copy;
    }),
  );
  return { agents, logs };
}

/**
 * When each sample happened, relative to now. The prod agent's findings keep their spacing from
 * the fixtures (so "related within ±60 min" and "the muted one 30 h earlier" stay true); the
 * other agents' findings are placed a little earlier.
 */
function placement(now: Date): Map<string, Date> {
  const by = offsets(now);
  const keepSpacing = (name: string) => new Date(Date.parse(sampleOf(name).finding.eventTime as string) + by.prod);
  return new Map([
    ['minimal', new Date(now.getTime() - 50 * MINUTE)],
    ['escape-deepce', new Date(Date.parse(sampleOf('escape-deepce').finding.eventTime as string) + by.dev)],
    ...['escape-nsenter', 'hostile-args', 'multi-process', 'related-added-binary', 'related-reverse-shell'].map(
      (n) => [n, keepSpacing(n)] as const,
    ),
    ['related-muted-old', keepSpacing('related-muted-old')],
  ]);
}

/** A free loopback port for a server that starts a little later (in a worker). */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function sampleOf(name: string): FindingResultJson {
  const s = SAMPLE_FINDINGS[name];
  if (!s) throw new Error(`no sample ${name}`);
  return structuredClone(s);
}

function at(r: FindingResultJson, when: Date): FindingResultJson {
  r.finding.eventTime = when.toISOString();
  // SCC writes the finding a little after the event.
  r.finding.createTime = new Date(when.getTime() + 40_000).toISOString();
  return r;
}

function withId(r: FindingResultJson, id: string): FindingResultJson {
  r.finding.name = r.finding.name.replace(/[^/]+$/, id);
  if (typeof r.finding.canonicalName === 'string') {
    r.finding.canonicalName = r.finding.canonicalName.replace(/[^/]+$/, id);
  }
  return r;
}

/** Templates for "New finding": container escapes on the sample agents, in turn. */
const INJECT_TEMPLATES = ['escape-nsenter', 'escape-deepce', 'multi-process'];

/**
 * The in-process fakes sandbox mode runs the real bot against: a fake Slack Web API and fake SCC,
 * Cloud Logging and Vertex AI servers (real gRPC), on loopback ephemeral ports, seeded with the
 * sample findings, agents and log lines, moved so that the findings happened minutes ago.
 */
export class SandboxWorld {
  readonly slack: FakeSlack;
  readonly scc = new FakeScc();
  readonly logging = new FakeLogging();
  private aiplatform: Worker | undefined;
  private aiplatformPort = 0;
  /** Resolves when the fake Vertex AI (started in a worker, see aiplatform-worker.ts) is listening. */
  aiplatformReady: Promise<void> = Promise.resolve();
  readonly signingSecret = randomBytes(24).toString('hex');
  private readonly stateDir = mkdtempSync(join(tmpdir(), 'escape-desk-sandbox-'));
  private injected = 0;

  private constructor() {
    this.slack = new FakeSlack({ token: SANDBOX_DEFAULTS.botToken });
  }

  static async start(now = new Date()): Promise<SandboxWorld> {
    const world = new SandboxWorld();
    const { agents, logs } = agentsAndLogs(now);
    // Not awaited: the bot and the page start meanwhile; only Agent settings needs it.
    world.aiplatformPort = await freeLoopbackPort();
    world.startAiplatform(agents);
    await Promise.all([world.slack.start(), world.scc.start(), world.logging.start()]);
    for (const [name, when] of placement(now)) world.scc.upsert(at(sampleOf(name), when));
    world.logging.add(logs);
    return world;
  }

  get endpoints(): SandboxEndpoints {
    return {
      slackApiUrl: this.slack.url,
      sccHost: this.scc.address,
      loggingHost: this.logging.address,
      aiplatformHost: `127.0.0.1:${this.aiplatformPort}`,
      signingSecret: this.signingSecret,
      stateDb: join(this.stateDir, 'state.sqlite'),
    };
  }

  private startAiplatform(agents: ReasoningEngineJson[]): void {
    // Under vitest this module is TypeScript source; the worker then runs the built copy (tests build dist/ first).
    const url = import.meta.url.endsWith('.ts')
      ? new URL('../../dist/src/sandbox/aiplatform-worker.js', import.meta.url)
      : new URL('./aiplatform-worker.js', import.meta.url);
    const worker = new Worker(url, { workerData: { port: this.aiplatformPort, agents } });
    worker.unref();
    this.aiplatform = worker;
    this.aiplatformReady = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`fake Vertex AI worker exited (${code})`)));
    });
    // Reported by whoever awaits it; never an unhandled rejection.
    this.aiplatformReady.catch(() => undefined);
  }

  /** Lets the sandbox user act when RESPONDER_USERGROUP_ID is configured. */
  allowResponder(usergroupId: string | undefined): void {
    if (usergroupId) this.slack.usergroups.set(usergroupId, [SANDBOX_USER.id]);
  }

  /** A fresh container-escape finding, raised now, for ingest to pick up on its next poll. */
  injectFinding(now = new Date()): FindingResultJson {
    const template = INJECT_TEMPLATES[this.injected % INJECT_TEMPLATES.length] ?? 'escape-nsenter';
    this.injected += 1;
    const r = at(withId(sampleOf(template), randomBytes(16).toString('hex')), now);
    this.scc.upsert(r);
    return r;
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.slack.stop(), this.scc.stop(), this.logging.stop(), this.aiplatform?.terminate()]);
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}
