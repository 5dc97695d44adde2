import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiplatformAdapter } from '../../src/adapters/gcp/aiplatform.js';
import { LoggingAdapter } from '../../src/adapters/gcp/logging.js';
import { SccAdapter } from '../../src/adapters/gcp/scc.js';
import { SANDBOX_DEFAULTS } from '../../src/config.js';
import { SandboxWorld } from '../../src/sandbox/world.js';
import { escapeFilter, listParent } from '../../src/services/ingest.js';
import { InvestigateService } from '../../src/services/investigate.js';
import { LookupService } from '../../src/services/lookup.js';
import { openDb } from '../../src/store/db.js';
import { FindingsStore } from '../../src/store/findings-store.js';

/**
 * The sandbox's seeded world, read through the real Google clients the bot uses: the findings look
 * minutes old, and the related findings, agent settings and log lines still line up with them
 * (they moved together), so the investigation buttons have something to show.
 */

const NSENTER =
  'organizations/123456789012/sources/10567392851234509876/locations/global/findings/6f0a3c1e9b2d4f8a0c7e5b1d3a9f2c4e';
const now = new Date();
let world: SandboxWorld;
let scc: SccAdapter;
let agents: AiplatformAdapter;
let investigate: InvestigateService;

beforeAll(async () => {
  world = await SandboxWorld.start(now);
  await world.aiplatformReady;
  const e = world.endpoints;
  scc = new SccAdapter(e.sccHost);
  agents = new AiplatformAdapter(e.aiplatformHost);
  const store = new FindingsStore(openDb(join(mkdtempSync(join(tmpdir(), 'sandbox-world-')), 'state.sqlite')));
  const lookup = new LookupService(store, scc, SANDBOX_DEFAULTS.sccParent, () => now);
  investigate = new InvestigateService({
    findings: scc,
    logs: new LoggingAdapter(e.loggingHost),
    agents,
    lookup,
    sccParent: SANDBOX_DEFAULTS.sccParent,
    windowMinutes: 60,
    now: () => now,
  });
}, 60_000);

afterAll(async () => {
  await scc?.close();
  await agents?.close();
  await world?.stop();
});

describe('sandbox world through the real clients', () => {
  it('has five active container-escape findings from the last hour, on three agents', async () => {
    const listed = [];
    const since = new Date(now.getTime() - 60 * 60_000).toISOString();
    for await (const r of scc.list(listParent(SANDBOX_DEFAULTS.sccParent), escapeFilter(since))) {
      if (r.ok) listed.push(r.finding);
    }
    expect(listed).toHaveLength(5);
    expect(new Set(listed.map((f) => f.resourceName)).size).toBe(3);
    for (const f of listed) expect(now.getTime() - Date.parse(f.eventTime)).toBeLessThan(60 * 60_000);
  });

  it('answers Related findings, Agent settings and Pull logs for the nsenter finding', async () => {
    const related = await investigate.related(NSENTER);
    if (related.duplicate) throw new Error('unexpected duplicate');
    expect(related.value.scope).toBe('agent');
    expect(related.value.items.map((f) => f.category)).toEqual(
      expect.arrayContaining(['Reverse Shell', 'Execution: Added Malicious Binary Executed']),
    );
    // 30 h earlier: outside the ±60 min window, as in the fixtures.
    expect(related.value.items.map((f) => f.category)).not.toContain('Execution: Local Reconnaissance Tool Execution');

    const settings = await investigate.agentSettings(NSENTER);
    if (settings.duplicate) throw new Error('unexpected duplicate');
    expect(settings.value.agent.displayName).toBe('support-triage-agent');

    const logs = await investigate.logs(NSENTER);
    if (logs.duplicate) throw new Error('unexpected duplicate');
    expect(logs.value.entries.length).toBeGreaterThan(20);
    expect(logs.value.entries.some((l) => l.text.includes('nsenter'))).toBe(true);
    for (const l of logs.value.entries)
      expect(Math.abs(Date.parse(l.timestamp) - now.getTime())).toBeLessThan(2 * 3600_000);
  }, 60_000);

  it('injects a fresh container escape that ingest will list', async () => {
    const r = world.injectFinding(now);
    const since = new Date(now.getTime() - 60_000).toISOString();
    const names = [];
    for await (const x of scc.list(listParent(SANDBOX_DEFAULTS.sccParent), escapeFilter(since))) {
      if (x.ok) names.push(x.finding.name);
    }
    expect(names).toEqual([r.finding.name]);
  });
});
