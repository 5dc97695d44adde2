import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AiplatformAdapter } from '../../src/adapters/gcp/aiplatform.js';
import { LoggingAdapter } from '../../src/adapters/gcp/logging.js';
import { SccAdapter } from '../../src/adapters/gcp/scc.js';
import { NotApplicable } from '../../src/errors.js';
import { FakeAiplatform } from '../../src/fakes/aiplatform-server.js';
import { FakeLogging } from '../../src/fakes/logging-server.js';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { InvestigateService } from '../../src/services/investigate.js';
import { LookupService } from '../../src/services/lookup.js';
import { openDb } from '../../src/store/db.js';
import { FindingsStore } from '../../src/store/findings-store.js';
import { tempDb } from '../helpers/bot-process.js';
import { fixture, logFixture } from '../helpers/fixtures.js';

/** The service over the real adapters and fakes, with a clock we move by hand. */
let scc: FakeScc;
let logging: FakeLogging;
let vertex: FakeAiplatform;
let adapters: { scc: SccAdapter; logs: LoggingAdapter; agents: AiplatformAdapter };
let clock = Date.parse('2026-12-04T10:00:00Z');
let service: InvestigateService;
const NSENTER = fixture('escape-nsenter').finding.name;

beforeAll(async () => {
  scc = new FakeScc();
  logging = new FakeLogging();
  vertex = new FakeAiplatform();
  await Promise.all([scc.start(), logging.start(), vertex.start()]);
  adapters = {
    scc: new SccAdapter(scc.address),
    logs: new LoggingAdapter(logging.address),
    agents: new AiplatformAdapter(vertex.address),
  };
});
afterAll(async () => {
  await Promise.all([adapters.scc.close(), adapters.logs.close(), adapters.agents.close()]);
  await Promise.all([scc.stop(), logging.stop(), vertex.stop()]);
});
beforeEach(() => {
  for (const n of ['escape-nsenter', 'related-reverse-shell', 'related-muted-old', 'minimal']) scc.upsert(fixture(n));
  logging.clear();
  logging.add(logFixture('support-triage-agent'));
  logging.grpc.calls.length = 0;
  scc.grpc.calls.length = 0;
  const now = () => new Date(clock);
  const lookup = new LookupService(
    new FindingsStore(openDb(tempDb())),
    adapters.scc,
    'organizations/123456789012',
    now,
  );
  service = new InvestigateService({
    findings: adapters.scc,
    logs: adapters.logs,
    agents: adapters.agents,
    lookup,
    sccParent: 'organizations/123456789012',
    windowMinutes: 60,
    now,
    quietMs: 10_000,
  });
});

describe('InvestigateService', () => {
  it('coalesces concurrent requests, stays quiet for 10 s, then answers afresh', async () => {
    logging.grpc.stall('ListLogEntries', 300);
    const [a, b] = await Promise.all([service.logs(NSENTER), service.logs(NSENTER)]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(logging.grpc.callsOf('ListLogEntries')).toHaveLength(1);
    clock += 9_000;
    expect((await service.logs(NSENTER)).duplicate).toBe(true);
    // other buttons and other findings are independent
    expect((await service.related(NSENTER)).duplicate).toBe(false);
    clock += 2_000;
    const later = await service.logs(NSENTER);
    expect(later.duplicate).toBe(false);
    expect(logging.grpc.callsOf('ListLogEntries')).toHaveLength(2);
    logging.grpc.stall('ListLogEntries', 0);
  });

  it('does not hold a failure against the next click', async () => {
    await expect(service.agentSettings(NSENTER)).rejects.toThrow(/not found/);
    await expect(service.agentSettings(NSENTER)).rejects.toThrow(/not found/);
    expect(vertex.grpc.callsOf('GetReasoningEngine')).toHaveLength(2);
  }, 45_000); // the first Vertex AI call loads the client in a worker: seconds on a busy machine

  it('related: agent-level first, excluding the finding itself', async () => {
    const r = await service.related(NSENTER);
    if (r.duplicate) throw new Error('unexpected duplicate');
    expect(r.value.scope).toBe('agent');
    expect(r.value.items.map((f) => f.category)).toEqual(['Reverse Shell']);
    expect(scc.grpc.callsOf('ListFindings').at(-1)?.request.parent).toBe(
      'organizations/123456789012/sources/-/locations/global',
    );
  });

  it('refuses logs for a finding that is not on an agent, clearly', async () => {
    const gke = fixture('related-reverse-shell');
    gke.finding.name = gke.finding.name.replace(/[^/]+$/, 'gke0001');
    gke.finding.resourceName = '//container.googleapis.com/projects/p/zones/z/clusters/c';
    scc.upsert(gke);
    await expect(service.logs(gke.finding.name)).rejects.toBeInstanceOf(NotApplicable);
  });
});
