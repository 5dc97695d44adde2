import { status } from '@grpc/grpc-js';
import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCC_PAGE_SIZE, SccAdapter } from '../../src/adapters/gcp/scc.js';
import { SlackApi } from '../../src/adapters/slack/slack-api.js';
import { findingCard } from '../../src/blocks/card.js';
import type { FindingResultJson } from '../../src/fakes/scc-server.js';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { FakeSlack } from '../../src/fakes/slack-server.js';
import { Health } from '../../src/health.js';
import { CardService } from '../../src/services/cards.js';
import { INGEST_BATCH, Ingest } from '../../src/services/ingest.js';
import { Outbox } from '../../src/services/outbox.js';
import { StormService } from '../../src/services/storm.js';
import { openDb } from '../../src/store/db.js';
import { FindingsStore } from '../../src/store/findings-store.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { StormStore } from '../../src/store/storm-store.js';
import { freshFixture } from '../helpers/fixtures.js';
import { allTexts } from '../helpers/inert.js';
import { mentionsPerFinding } from '../helpers/storm.js';

/**
 * The ingest cycle in-process, wired as main.ts wires it: the real SCC client (gRPC) against the
 * fake SCC, the real Slack WebClient (HTTP) against the fake Slack, SQLite in memory.
 */
const TOKEN = 'xoxb-ingest-test-token';
const CHANNEL = 'C0INGEST';
const log = pino({ level: 'silent' });
let slack: FakeSlack;
let scc: FakeScc;
let source: SccAdapter;
let api: SlackApi;

beforeAll(async () => {
  slack = new FakeSlack({ token: TOKEN });
  await slack.start();
  scc = new FakeScc();
  await scc.start();
  source = new SccAdapter(scc.address);
  api = new SlackApi(new webApi.WebClient(TOKEN, { slackApiUrl: slack.url }));
});
afterAll(async () => {
  await source.close();
  await scc.stop();
  await slack.stop();
});
beforeEach(() => {
  scc.clear();
  scc.grpc.clearFaults();
  scc.grpc.calls.length = 0;
  slack.calls.length = 0;
  slack.messages.length = 0;
});

function pipeline() {
  const db = openDb(':memory:');
  const store = new FindingsStore(db);
  const outboxStore = new OutboxStore(db);
  const now = () => new Date();
  const outbox = new Outbox(api, outboxStore, { postsPerSecond: 1000, now, log });
  const cards = new CardService({
    store,
    slack: outbox,
    channel: CHANNEL,
    render: (f) => findingCard(f, { relatedWindowMinutes: 60 }),
    now,
    log,
  });
  const health = new Health();
  const ingest = new Ingest({
    source,
    cards,
    store,
    sccParent: 'organizations/123456789012',
    pollIntervalSeconds: 60,
    initialLookbackHours: 24,
    now,
    log,
    health,
    storm: new StormService({
      db,
      store,
      storms: new StormStore(db),
      outbox,
      outboxStore,
      channel: CHANNEL,
      threshold: 5,
      windowMs: 30 * 60_000,
      now,
      log,
    }),
  });
  return { ingest, store, health };
}

const T0 = Date.now() - 2 * 3_600_000;
/** A finding on `agent` at T0 + `second` s. */
function finding(id: string, agent: string, second: number): FindingResultJson {
  const r = freshFixture('escape-nsenter', { id });
  const res = `//aiplatform.googleapis.com/projects/acme-agents-prod/locations/us-central1/reasoningEngines/${agent}`;
  r.finding.resourceName = res;
  r.finding.eventTime = new Date(T0 + second * 1000).toISOString();
  if (r.resource) r.resource.name = res;
  return r;
}

const idsOf = (rs: FindingResultJson[]) => rs.map((r) => r.finding.name.split('/').pop() as string);
const topLevel = () => slack.messages.filter((m) => !m.thread_ts);

describe('ingest cycle (real clients, fake SCC and Slack)', () => {
  it('groups a storm whose findings straddle two batches into one card, not singles plus a group', async () => {
    const filler = Array.from({ length: INGEST_BATCH - 3 }, (_, i) => finding(`x${i}`, '111', i));
    // Three of agent 222's findings end batch 1; ten more start batch 2.
    const split = Array.from({ length: 13 }, (_, i) => finding(`a${i}`, '222', INGEST_BATCH + i));
    for (const r of [...filler, ...split]) scc.upsert(r);
    const { ingest } = pipeline();
    const r = await ingest.cycle();
    expect(r.grouped).toBe(filler.length + split.length);
    expect(topLevel()).toHaveLength(2);
    const counts = mentionsPerFinding(slack, idsOf([...filler, ...split]));
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('posts single cards (below the storm threshold) oldest first across agents', async () => {
    const rs = [finding('s3', '333', 30), finding('s1', '111', 10), finding('s2', '222', 20), finding('s4', '111', 40)];
    for (const r of rs) scc.upsert(r);
    const { ingest } = pipeline();
    expect((await ingest.cycle()).posted).toBe(4);
    const idOnCard = (blocks: unknown) => /[Ff]inding `([A-Za-z0-9_-]+)`/.exec(allTexts(blocks).join('\n'))?.[1];
    expect(topLevel().map((m) => idOnCard(m.blocks))).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('many agents with a finding each: every one gets its single card once (waiting ones are flushed past a batch)', async () => {
    const rs = Array.from({ length: 2 * INGEST_BATCH + 10 }, (_, i) => finding(`m${i}`, String(5000 + i), i));
    for (const r of rs) scc.upsert(r);
    const { ingest } = pipeline();
    expect((await ingest.cycle()).posted).toBe(rs.length);
    expect(topLevel()).toHaveLength(rs.length);
    expect([...mentionsPerFinding(slack, idsOf(rs)).values()].every((n) => n === 1)).toBe(true);
  });

  it('SCC failing mid-listing: the posted part is kept, SCC is reported, the cursor waits, the next cycle ends it without repeats', async () => {
    const rs = Array.from({ length: 3 * SCC_PAGE_SIZE + 50 }, (_, i) => finding(`f${i}`, String(100 + (i % 3)), i));
    for (const r of rs) scc.upsert(r);
    const { ingest, store, health } = pipeline();
    const cycle = ingest.cycle();
    // Page 3 is fetched only after batch 1 (pages 1–2) has been handled: fail it, as an expired page token would.
    while (scc.grpc.callsOf('ListFindings').length < 2) await new Promise((r) => setImmediate(r));
    scc.grpc.fail('ListFindings', status.INVALID_ARGUMENT, 'page token expired');
    await expect(cycle).rejects.toThrow();
    expect(health.report().dependencies.scc?.ok).toBe(false);
    expect(store.getKv('poll_cursor_event_time')).toBeUndefined();
    const afterFirst = [...mentionsPerFinding(slack, idsOf(rs)).values()].filter((n) => n === 1).length;
    expect(afterFirst).toBe(INGEST_BATCH);
    await ingest.cycle();
    expect(health.report().dependencies.scc?.ok).toBe(true);
    expect([...mentionsPerFinding(slack, idsOf(rs)).values()].every((n) => n === 1)).toBe(true);
    expect(topLevel()).toHaveLength(3);
    expect(store.getKv('poll_cursor_event_time')).toBe(rs.at(-1)?.finding.eventTime);
  });
});
