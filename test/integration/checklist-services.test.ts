import { status } from '@grpc/grpc-js';
import { webApi } from '@slack/bolt';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SccAdapter } from '../../src/adapters/gcp/scc.js';
import { SlackApi } from '../../src/adapters/slack/slack-api.js';
import { findingCard } from '../../src/blocks/card.js';
import { cardActions } from '../../src/blocks/card-actions.js';
import { UpstreamError } from '../../src/errors.js';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { FakeSlack } from '../../src/fakes/slack-server.js';
import { cardStatusOf } from '../../src/services/card-status.js';
import { CardService } from '../../src/services/cards.js';
import { ChecklistService } from '../../src/services/checklist.js';
import { Coalescer } from '../../src/services/coalescer.js';
import { marksWriter } from '../../src/services/marks.js';
import { MEMBERS_TTL_MS, Permissions } from '../../src/services/permissions.js';
import { AuditStore } from '../../src/store/audit-store.js';
import { ChecklistStore } from '../../src/store/checklist-store.js';
import { type Db, MIGRATIONS, openDb } from '../../src/store/db.js';
import { FindingsStore } from '../../src/store/findings-store.js';
import { LifecycleStore } from '../../src/store/lifecycle-store.js';
import { tempDb } from '../helpers/bot-process.js';
import { CHANNEL } from '../helpers/env.js';
import { findingOf, freshFixture } from '../helpers/fixtures.js';
import { allTexts } from '../helpers/inert.js';

const GROUP = 'S0RESPOND';
const ALICE = 'U0ALICE';
const log = pino({ level: 'silent' });

let slack: FakeSlack;
let scc: FakeScc;
let sccAdapter: SccAdapter;
let slackApi: SlackApi;

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.start();
  scc = new FakeScc();
  await scc.start();
  sccAdapter = new SccAdapter(scc.address);
  slackApi = new SlackApi(new webApi.WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } }));
});

afterAll(async () => {
  await sccAdapter.close();
  await slack.stop();
  await scc.stop();
});

beforeEach(() => {
  slack.calls.length = 0;
  slack.messages.length = 0;
  slack.usergroups.clear();
  slack.clearFaults();
  scc.clear();
  scc.grpc.clearFaults();
});

/** The services as main.ts wires them, on a fresh store, with a posted card. */
async function world(opts: { group?: string; nowMs?: () => number } = {}) {
  const db = openDb(':memory:');
  const store = new FindingsStore(db);
  const checklistStore = new ChecklistStore(db);
  const lifecycleStore = new LifecycleStore(db);
  const audit = new AuditStore(db);
  const now = () => new Date(opts.nowMs?.() ?? Date.now());
  const render = (f: Parameters<typeof findingCard>[0]) => {
    const { status, menus } = cardStatusOf(f, checklistStore, lifecycleStore);
    return findingCard(f, { relatedWindowMinutes: 60, status, actions: [cardActions(f.name, menus)] });
  };
  const cards = new CardService({ store, slack: slackApi, channel: CHANNEL, render, now, log });
  const cardRefresh = new Coalescer((n) => cards.rerender(n), 'card refresh', log, 50);
  const marksSync = new Coalescer(marksWriter(sccAdapter, checklistStore, lifecycleStore, log), 'marks', log, 50);
  const permissions = new Permissions(slackApi, opts.group, audit, now);
  const checklist = new ChecklistService({
    store: checklistStore,
    audit,
    permissions,
    slack: slackApi,
    cardRefresh,
    marksSync,
    now,
    log,
  });
  const result = freshFixture('escape-nsenter');
  scc.upsert(result);
  const finding = findingOf(result);
  await cards.upsert(finding);
  const ts = cards.get(finding.name)?.ts as string;
  const settle = () => Promise.all([cardRefresh.settled(), marksSync.settled()]);
  return {
    db,
    checklist,
    audit,
    permissions,
    name: finding.name,
    where: { channel: CHANNEL, threadTs: ts },
    ts,
    settle,
  };
}

const threadLines = (ts: string) => slack.replies(CHANNEL, ts).map((m) => allTexts(m.blocks).join('\n'));
const cardText = (ts: string) => allTexts(slack.messages.find((m) => m.ts === ts)?.blocks).join('\n');

describe('steps 2–4 from the investigation buttons (onInvestigated)', () => {
  it('marks the step done, attributed to the clicker, in the thread and on the card', async () => {
    slack.usergroups.set(GROUP, [ALICE]);
    const w = await world({ group: GROUP });
    await w.checklist.completeFromInvestigation(w.where, w.name, 4, ALICE);
    await w.settle();
    expect(threadLines(w.ts)).toEqual([
      expect.stringMatching(/Step 4 — agent logs checked by <@U0ALICE> at .*\(from the investigation answer\)/),
    ]);
    expect(cardText(w.ts)).toMatch(/:white_check_mark: 4\. Check the agent's logs — <@U0ALICE>/);
    expect(cardText(w.ts)).toContain('Response checklist 1/6');
    expect(w.audit.forFinding(w.name).map((e) => [e.action, e.result])).toEqual([
      ['step 4 done (investigation)', 'ok'],
    ]);

    // A second answer for the same step changes nothing and says nothing.
    await w.checklist.completeFromInvestigation(w.where, w.name, 4, ALICE);
    await w.settle();
    expect(threadLines(w.ts)).toHaveLength(1);
    expect(scc.get(w.name)?.finding.securityMarks).toMatchObject({ marks: { escape_desk_progress: '1of6' } });
  });

  it('leaves the step open when the clicker is not a responder (they asked for an answer only)', async () => {
    slack.usergroups.set(GROUP, [ALICE]);
    const w = await world({ group: GROUP });
    await w.checklist.completeFromInvestigation(w.where, w.name, 2, 'U0VISITOR');
    await w.settle();
    expect(threadLines(w.ts)).toHaveLength(0);
    expect(w.checklist.steps(w.name)[1]?.state).toBe('open');
    expect(w.audit.count(w.name)).toBe(0);
  });
});

describe('permissions', () => {
  it('reads the user group once per TTL, shares one request across a burst, and lets anyone act without a group', async () => {
    slack.usergroups.set(GROUP, [ALICE]);
    let t = 1_000_000;
    const w = await world({ group: GROUP, nowMs: () => t });
    const answers = await Promise.all([ALICE, 'U0X', ALICE, 'U0Y', ALICE].map((u) => w.permissions.mayAct(u)));
    expect(answers).toEqual([true, false, true, false, true]);
    expect(slack.callsOf('usergroups.users.list')).toHaveLength(1);
    expect(slack.callsOf('usergroups.users.list')[0]?.args.usergroup).toBe(GROUP);

    slack.usergroups.set(GROUP, [ALICE, 'U0X']);
    t += MEMBERS_TTL_MS - 1;
    expect(await w.permissions.mayAct('U0X')).toBe(false); // still cached
    t += 2;
    expect(await w.permissions.mayAct('U0X')).toBe(true); // re-read after the TTL
    expect(slack.callsOf('usergroups.users.list')).toHaveLength(2);

    // Slack failing: the last list stands in; with none, it fails closed.
    t += MEMBERS_TTL_MS + 1;
    slack.fail('usergroups.users.list', 'internal_error');
    expect(await w.permissions.mayAct('U0X')).toBe(true);
    const fresh = await world({ group: GROUP });
    slack.fail('usergroups.users.list', 'internal_error');
    await expect(fresh.permissions.mayAct(ALICE)).rejects.toBeInstanceOf(UpstreamError);

    slack.calls.length = 0;
    const open = await world({});
    expect(await open.permissions.mayAct('U0ANYONE')).toBe(true);
    const o = await open.checklist.complete(open.where, open.name, 1, 'U0ANYONE');
    expect(o.changed).toBe(true);
    expect(slack.callsOf('usergroups.users.list')).toHaveLength(0);
  });
});

describe('security marks are best effort', () => {
  it('a refused marks write never blocks the step, the thread line or the card', async () => {
    const w = await world({});
    scc.grpc.fail('UpdateSecurityMarks', status.PERMISSION_DENIED, 'caller lacks securityMarks.update', 5);
    const o = await w.checklist.complete(w.where, w.name, 1, ALICE, 'read it');
    await w.settle();
    expect(o.changed).toBe(true);
    expect(threadLines(w.ts)).toEqual([
      expect.stringMatching(/Step 1 — finding details reviewed by <@U0ALICE>.*read it/),
    ]);
    expect(cardText(w.ts)).toContain('Response checklist 1/6');
    expect(scc.grpc.callsOf('UpdateSecurityMarks').length).toBeGreaterThanOrEqual(1);
    expect(scc.get(w.name)?.finding.securityMarks).toBeUndefined();
  });
});

describe('store', () => {
  it('keeps the audit table append-only, even against direct SQL', async () => {
    const w = await world({});
    await w.checklist.complete(w.where, w.name, 1, ALICE);
    expect(() => (w.db as Db).prepare("UPDATE audit SET result = 'ok'").run()).toThrow(/append-only/);
    expect(() => (w.db as Db).prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(w.audit.count(w.name)).toBe(1);
  });

  it('upgrades a v1 (foundation-only) database to the latest schema and keeps its state', () => {
    const file = tempDb();
    // Exactly what a foundation-only build left behind: migration 1 and its version row.
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0] as string);
    v1.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    v1.prepare("INSERT INTO schema_migrations VALUES (1, '2026-12-01T00:00:00Z')").run();
    v1.prepare("INSERT INTO kv VALUES ('cursor', '2026-12-01T00:00:00Z')").run();
    v1.close();
    const db2 = openDb(file);
    expect(new FindingsStore(db2).getKv('cursor')).toBe('2026-12-01T00:00:00Z');
    expect(new ChecklistStore(db2).steps('x')).toHaveLength(6);
    db2.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.length });
    raw.close();
  });
});
