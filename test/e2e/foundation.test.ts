import { spawnSync } from 'node:child_process';
import { status } from '@grpc/grpc-js';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { FakeSlack, signSlackRequest } from '../../src/fakes/slack-server.js';
import {
  type BotProcess,
  freePort,
  postSigned,
  START_ARGS,
  startBot,
  TEST_SECRETS,
  tempDb,
} from '../helpers/bot-process.js';
import { botEnv, CHANNEL } from '../helpers/env.js';
import { fixture, freshFixture } from '../helpers/fixtures.js';
import { allTexts, expectInert } from '../helpers/inert.js';
import { sendSlashCommand, slashCommandBody } from '../helpers/slack-requests.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let slack: FakeSlack;
let scc: FakeScc;
let bot: BotProcess | undefined;
let dbFile: string;
let port: number;
const allLogs: string[] = [];

const posts = () => slack.callsOf('chat.postMessage').filter((c) => !c.args.thread_ts);
const updates = () => slack.callsOf('chat.update');
const ephemeralFor = (user: string) => slack.ephemerals.filter((e) => e.user === user);

async function start(extra: Record<string, string> = {}) {
  bot = await startBot(botEnv(slack, scc, { PORT: String(port), STATE_DB: dbFile, ...extra }));
  return bot;
}

async function stop(signal: NodeJS.Signals = 'SIGTERM') {
  if (!bot) return;
  await bot.stop(signal);
  allLogs.push(...bot.logs);
  bot = undefined;
}

/** Waits until the running bot has completed `n` more poll cycles (it logs each one at debug level). */
async function cycles(n: number) {
  const b = bot;
  if (!b) throw new Error('bot not running');
  const done = () => b.logs.filter((l) => l.includes('poll cycle done') || l.includes('poll cycle failed')).length;
  const target = done() + n;
  const until = Date.now() + 30_000;
  while (done() < target) {
    if (Date.now() > until) throw new Error(`no ${n} poll cycles within 30 s`);
    await sleep(50);
  }
}

beforeAll(async () => {
  slack = new FakeSlack({ token: TEST_SECRETS.botToken });
  await slack.start();
  scc = new FakeScc();
  await scc.start();
});

afterAll(async () => {
  await slack.stop();
  await scc.stop();
  // No configured secret may ever reach the logs.
  const logs = allLogs.join('\n');
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).not.toContain(TEST_SECRETS.botToken);
  expect(logs).not.toContain(TEST_SECRETS.signingSecret);
});

beforeEach(async () => {
  slack.calls.length = 0;
  slack.messages.length = 0;
  slack.ephemerals.length = 0;
  slack.clearFaults();
  scc.clear();
  scc.grpc.clearFaults();
  dbFile = tempDb();
  port = await freePort();
});

afterEach(async () => {
  await stop();
});

describe('ingest: SCC finding → one card', () => {
  it('posts one card per finding, never twice, edits it on change, and survives kill -9', async () => {
    const seeded = freshFixture('escape-nsenter');
    const name = seeded.finding.name;
    scc.upsert(seeded);
    const t0 = performance.now();
    await start();
    await slack.waitFor(() => posts().length === 1);
    const latency = performance.now() - t0;
    const first = posts()[0]!;
    expect(first.args.channel).toBe(CHANNEL);
    expect(first.args.metadata).toEqual({ event_type: 'scc_finding', event_payload: { finding_name: name } });
    expect(allTexts(first.args.blocks).join('\n')).toContain('`/usr/bin/nsenter`');
    console.log(`seeded finding → card (incl. start-up): ${latency.toFixed(0)} ms`);

    // Another few polls: nothing new.
    await cycles(3);
    expect(posts()).toHaveLength(1);
    expect(updates()).toHaveLength(0);

    // A finding raised while running: card within a poll interval.
    const t1 = performance.now();
    scc.upsert(freshFixture('escape-deepce', { minutesAgo: 1 }));
    await slack.waitFor(() => posts().length === 2);
    console.log(
      `new finding → card while running: ${(performance.now() - t1).toFixed(0)} ms (POLL_INTERVAL_SECONDS=1)`,
    );

    // Muted in the console: the existing card is edited once.
    scc.patch(name, { mute: 'MUTED' });
    await slack.waitFor(() => updates().length === 1);
    expect(updates()[0]!.args.ts).toBe(first.args.ts ?? slack.messages[0]!.ts);
    expect(allTexts(updates()[0]!.args.blocks).join('\n')).toContain(':mute: muted');
    await cycles(2);
    expect(updates()).toHaveLength(1);

    // Set inactive: it drops out of the ACTIVE listing, but the re-read of open cards catches it.
    scc.patch(name, { state: 'INACTIVE' });
    await slack.waitFor(() => updates().length === 2);
    expect(allTexts(updates()[1]!.args.blocks).join('\n')).toContain('Inactive (resolved)');

    // kill -9 and restart on the same store: nothing posted twice. (A kill between Slack's answer
    // and the store write may legitimately repeat an idempotent edit, so let the cycle finish first.)
    await cycles(1);
    await stop('SIGKILL');
    await start();
    await cycles(3);
    expect(posts()).toHaveLength(2);
    expect(updates()).toHaveLength(2);
  }, 90_000);

  it('adopts a card Slack accepted just before a crash instead of posting it again', async () => {
    scc.upsert(freshFixture('escape-nsenter'));
    await start();
    await slack.waitFor(() => posts().length === 1);
    await stop('SIGKILL');
    // Rewind the store to "intent recorded, Slack's answer never recorded".
    const db = new Database(dbFile);
    db.prepare("UPDATE findings SET status = 'pending', ts = NULL").run();
    db.close();
    await start();
    await cycles(2);
    expect(posts()).toHaveLength(1);
    expect(slack.callsOf('conversations.history').length).toBeGreaterThan(0);
    expect(bot!.logs.some((l) => l.includes('adopted a card posted before a crash'))).toBe(true);
  });

  it('only looks INITIAL_LOOKBACK_HOURS back on first start', async () => {
    scc.upsert(freshFixture('escape-nsenter', { minutesAgo: 30 }));
    scc.upsert(freshFixture('escape-deepce', { minutesAgo: 3 * 60 }));
    await start({ INITIAL_LOOKBACK_HOURS: '2' });
    await cycles(2);
    expect(posts()).toHaveLength(1);
  });

  it('renders hostile arguments inert and within Slack limits', async () => {
    scc.upsert(freshFixture('hostile-args'));
    await start();
    await slack.waitFor(() => posts().length === 1);
    expect(slack.messages).toHaveLength(1); // the fake enforces Slack's block limits
    expectInert(posts()[0]!.args.blocks);
    expectInert(posts()[0]!.args.text);
  });

  it('logs and skips a malformed finding, and still posts the others', async () => {
    const bad = freshFixture('escape-nsenter', { id: 'bad1' });
    bad.finding.name = `${bad.finding.name.replace('/findings/', '/oops/')}`;
    scc.upsert(bad);
    scc.upsert(freshFixture('escape-deepce'));
    await start();
    await slack.waitFor(() => posts().length === 1);
    await bot!.waitForLog(/skipping malformed finding from SCC.*oops\/bad1|oops\/bad1.*skipping malformed/);
  });

  it('keeps running while SCC or Slack fail, then catches up', async () => {
    // SCC down (the client's own retries included) until the bot has logged a failed cycle.
    scc.grpc.fail('ListFindings', status.UNAVAILABLE, 'maintenance', 10_000);
    scc.upsert(freshFixture('escape-nsenter'));
    slack.fail('chat.postMessage', 'internal_error', 2, 500);
    await start();
    await bot!.waitForLog(/poll cycle failed/, 45_000);
    const degraded = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string };
    expect(degraded.status).toBe('degraded');
    scc.grpc.clearFaults();
    await slack.waitFor(() => slack.messages.length === 1, 45_000);
    await cycles(2);
    expect(slack.messages).toHaveLength(1);
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });
});

describe('HTTP surface', () => {
  it('serves /healthz and refuses a bad signature with 401', async () => {
    await start();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string };
    expect(body.status).toBe('ok');
    expect(JSON.stringify(body)).not.toContain(TEST_SECRETS.botToken);

    const cmd = slashCommandBody('abc');
    const forged = await postSigned(port, '/slack/events', cmd, signSlackRequest('not-the-secret', cmd));
    expect(forged.status).toBe(401);
    const unsigned = await postSigned(port, '/slack/events', cmd, {});
    expect(unsigned.status).toBe(401);
    await sleep(200);
    expect(slack.ephemerals).toHaveLength(0);
  });
});

describe('/escape-finding', () => {
  const NSENTER = fixture('escape-nsenter').finding.name;

  it('links to the existing card for a bare id, a v1 name and a v2 name', async () => {
    scc.upsert(freshFixture('escape-nsenter'));
    await start();
    await slack.waitFor(() => posts().length === 1);
    const id = NSENTER.split('/').pop()!;
    const v1 = NSENTER.replace('/locations/global', '');
    for (const [i, text] of [id, v1, NSENTER].entries()) {
      const user = `U0USER${i}`;
      const res = await sendSlashCommand(port, text, user);
      expect(res.status).toBe(200);
      const [reply] = await slack.waitFor(() => ephemeralFor(user).length === 1 && ephemeralFor(user));
      expect(reply!.text).toMatch(
        /already has a card: <https:\/\/fake\.slack\.test\/archives\/C0ESCAPE01\/p\d+\|the card>/,
      );
    }
    expect(posts()).toHaveLength(1);
  });

  it('looks up SCC for a finding without a card, posts it, and says when it is not a container escape', async () => {
    scc.upsert(fixture('related-reverse-shell'));
    await start();
    const name = fixture('related-reverse-shell').finding.name;
    await sendSlashCommand(port, name, 'U0A');
    const [reply] = await slack.waitFor(() => ephemeralFor('U0A').length === 1 && ephemeralFor('U0A'));
    expect(reply!.text).toMatch(/^Posted <https:\/\/fake\.slack\.test\/archives\/C0ESCAPE01\/p\d+\|the card>/);
    expect(reply!.text).toContain('not `Execution: Container Escape`; shown anyway');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.args.channel).toBe(CHANNEL);
  });

  it('finds an old container-escape finding by bare id', async () => {
    scc.upsert(fixture('multi-process')); // outside the initial look-back, so no card yet
    await start({ INITIAL_LOOKBACK_HOURS: '1' });
    await cycles(1);
    expect(posts()).toHaveLength(0);
    await sendSlashCommand(port, '77aa88bb99cc00dd11ee22ff33aa44bb', 'U0B');
    const [reply] = await slack.waitFor(() => ephemeralFor('U0B').length === 1 && ephemeralFor('U0B'));
    expect(reply!.text).toMatch(/^Posted /);
    expect(posts()).toHaveLength(1);
  });

  it.each([
    ['', /no finding id given/],
    ['organizations/1/findings/x', /is not a finding id: expected organizations/],
    ['<!channel>', /`&lt;!channel&gt;` is not a finding id/],
    ['deadbeef00000000', /No finding `deadbeef00000000` was found/],
    ['organizations/123456789012/sources/1/locations/global/findings/nope', /No finding .* was found/],
  ])('answers %j with a clear private error', async (text, expected) => {
    await start();
    await sendSlashCommand(port, text, 'U0ERR');
    const [reply] = await slack.waitFor(() => ephemeralFor('U0ERR').length === 1 && ephemeralFor('U0ERR'));
    expect(reply!.text).toMatch(expected);
    expectInert(reply!.blocks);
    expect(posts()).toHaveLength(0);
  });

  it('names the missing IAM role when SCC refuses', async () => {
    await start();
    await cycles(1);
    // Every SCC call is refused while the command runs (a poll cycle may take some of them too).
    scc.grpc.fail('ListFindings', status.PERMISSION_DENIED, 'Permission denied on resource', 10_000);
    await sendSlashCommand(port, 'organizations/123456789012/sources/1/locations/global/findings/x', 'U0PERM');
    const [reply] = await slack.waitFor(() => ephemeralFor('U0PERM').length === 1 && ephemeralFor('U0PERM'));
    scc.grpc.clearFaults();
    expect(reply!.text).toContain('`roles/securitycenter.findingsViewer`');
  });
});

describe('start-up configuration', () => {
  it('stops with exit code 2 and one line per missing variable', () => {
    const r = spawnSync(process.execPath, [...START_ARGS], {
      // SANDBOX=0: without it, missing credentials start sandbox mode (see sandbox.test.ts).
      env: { PATH: process.env.PATH ?? '', SANDBOX: '0', SLACK_CHANNEL_ID: '#alerts' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLACK_BOT_TOKEN is missing: .*xoxb/);
    expect(r.stderr).toMatch(/SLACK_CHANNEL_ID: must be a channel id/);
  });
});
