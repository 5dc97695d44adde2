import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { FakeSlack, signSlackRequest } from '../../src/fakes/slack-server.js';
import { type BotProcess, freePort, postSigned, startBot, TEST_SECRETS, tempDb } from '../helpers/bot-process.js';
import { botEnv } from '../helpers/env.js';
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
