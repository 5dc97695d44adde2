import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { FakeSlack, signSlackRequest } from '../../src/fakes/slack-server.js';
import { type BotProcess, freePort, postSigned, startBot, TEST_SECRETS, tempDb } from '../helpers/bot-process.js';
import { botEnv, CHANNEL } from '../helpers/env.js';
import { slashCommandBody } from '../helpers/slack-requests.js';

let slack: FakeSlack;
let scc: FakeScc;
let bot: BotProcess;
let port: number;
const PATH = '/slack/events';
const now = () => Math.floor(Date.now() / 1000);
const sign = (body: string, ts = now(), secret = TEST_SECRETS.signingSecret) => signSlackRequest(secret, body, ts);

beforeAll(async () => {
  slack = new FakeSlack({ token: TEST_SECRETS.botToken });
  await slack.start();
  scc = new FakeScc();
  await scc.start();
  port = await freePort();
  bot = await startBot(botEnv(slack, scc, { PORT: String(port), STATE_DB: tempDb(), POLL_INTERVAL_SECONDS: '60' }));
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
  await scc.stop();
  const logs = bot.logs.join('\n');
  expect(logs).not.toContain(TEST_SECRETS.signingSecret);
  expect(logs).not.toContain(TEST_SECRETS.botToken);
});

/** A signed-shape click on a card that only this test knows (its own message ts), for finding `id`. */
function clickBody(id: string, ts: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: 'U0CLICK', username: 'responder', team_id: 'T0FAKE' },
    api_app_id: 'A0ESCAPE',
    team: { id: 'T0FAKE', domain: 'fake' },
    container: { type: 'message', channel_id: CHANNEL, message_ts: ts, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'escape-desk-alerts' },
    message: { type: 'message', ts, text: 'card' },
    trigger_id: '1.2.3',
    response_url: 'http://127.0.0.1:9/actions',
    actions: [
      {
        action_id: 'related_findings',
        block_id: 'card_actions',
        type: 'button',
        value: `organizations/123456789012/sources/1/locations/global/findings/${id}`,
        action_ts: String(now()),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
const threadPosts = (ts: string) => slack.callsOf('chat.postMessage').filter((c) => c.args.thread_ts === ts);

/** Each case uses its own user, so "reached a handler" means an ephemeral answer for that user appeared. */
const cases: [string, () => { body: string; headers: Record<string, string>; type?: string }, number][] = [
  [
    'forged signature',
    () => {
      const body = slashCommandBody('x', 'U0FORGED');
      return { body, headers: { ...sign(body), 'x-slack-signature': `v0=${'0'.repeat(64)}` } };
    },
    401,
  ],
  [
    'wrong secret',
    () => {
      const body = slashCommandBody('x', 'U0WRONG');
      return { body, headers: sign(body, now(), 'some-other-secret') };
    },
    401,
  ],
  ['missing headers', () => ({ body: slashCommandBody('x', 'U0NOHDR'), headers: {} }), 401],
  [
    'missing signature only',
    () => {
      const body = slashCommandBody('x', 'U0NOSIG');
      return { body, headers: { 'x-slack-request-timestamp': String(now()) } };
    },
    401,
  ],
  [
    'timestamp 6 minutes old',
    () => {
      const body = slashCommandBody('x', 'U0OLD');
      return { body, headers: sign(body, now() - 360) };
    },
    401,
  ],
  [
    'timestamp 6 minutes in the future',
    () => {
      const body = slashCommandBody('x', 'U0FUTURE');
      return { body, headers: sign(body, now() + 360) };
    },
    401,
  ],
  [
    'body altered after signing',
    () => {
      const body = slashCommandBody('x', 'U0ALTER');
      return { body: body.replace('text=x', 'text=y'), headers: sign(body) };
    },
    401,
  ],
  [
    'wrong content type',
    () => {
      const body = slashCommandBody('x', 'U0TYPE');
      return { body, headers: sign(body), type: 'text/plain' };
    },
    400,
  ],
  [
    'oversized body',
    () => {
      const body = `${slashCommandBody('x', 'U0BIG')}&pad=${'A'.repeat(300 * 1024)}`;
      return { body, headers: sign(body) };
    },
    400,
  ],
];

describe('request verification on /slack/events', () => {
  it.each(cases)('refuses %s', async (_name, make, status) => {
    const { body, headers, type } = make();
    const res = await postSigned(port, PATH, body, headers, type);
    expect(res.status).toBe(status);
  });

  it('refuses a replay of a valid request within the window', async () => {
    const body = slashCommandBody('deadbeef', 'U0REPLAY');
    const headers = sign(body);
    expect((await postSigned(port, PATH, body, headers)).status).toBe(200);
    expect((await postSigned(port, PATH, body, headers)).status).toBe(401);
    await slack.waitFor(() => slack.ephemerals.some((e) => e.user === 'U0REPLAY'));
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.ephemerals.filter((e) => e.user === 'U0REPLAY')).toHaveLength(1);
  });

  it('refuses a forged button click and a replayed one; the accepted click reaches its handler once', async () => {
    const forged = clickBody('forgedclick', '1700000000.000101');
    const bad = { ...sign(forged), 'x-slack-signature': `v0=${'1'.repeat(64)}` };
    expect((await postSigned(port, PATH, forged, bad)).status).toBe(401);
    const body = clickBody('replayclick', '1700000000.000202');
    const headers = sign(body);
    const first = await postSigned(port, PATH, body, headers);
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    expect((await postSigned(port, PATH, body, headers)).status).toBe(401);
    // The accepted click still reaches its handler (SCC does not know the finding: it says so in the thread).
    await slack.waitFor(() => threadPosts('1700000000.000202')[0], 15_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(threadPosts('1700000000.000202')).toHaveLength(1);
    expect(threadPosts('1700000000.000101')).toEqual([]);
  });

  it('let none of the refused requests reach a handler', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const refusedUsers = [
      'U0FORGED',
      'U0WRONG',
      'U0NOHDR',
      'U0NOSIG',
      'U0OLD',
      'U0FUTURE',
      'U0ALTER',
      'U0TYPE',
      'U0BIG',
    ];
    expect(slack.ephemerals.filter((e) => refusedUsers.includes(e.user))).toEqual([]);
    expect(bot.logs.filter((l) => l.includes('refused a request to the Slack endpoint')).length).toBeGreaterThanOrEqual(
      9,
    );
  });

  it('still serves /healthz', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
