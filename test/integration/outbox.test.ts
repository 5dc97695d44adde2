import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackApi } from '../../src/adapters/slack/slack-api.js';
import { FakeSlack } from '../../src/fakes/slack-server.js';
import { keyOf, Outbox } from '../../src/services/outbox.js';
import { openDb } from '../../src/store/db.js';
import { OutboxStore } from '../../src/store/outbox-store.js';

const TOKEN = 'xoxb-outbox-test-token';
const C = 'C0OUTBOX';
const card = (text: string) => ({
  text,
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
});

let slack: FakeSlack;
let api: SlackApi;
let store: OutboxStore;
let outbox: Outbox;
const log = pino({ level: 'silent' });

function makeOutbox(postsPerSecond = 50) {
  store = new OutboxStore(openDb(':memory:'));
  outbox = new Outbox(api, store, { postsPerSecond, now: () => new Date(), log });
}

beforeAll(async () => {
  slack = new FakeSlack({ token: TOKEN });
  await slack.start();
  const client = new webApi.WebClient(TOKEN, {
    slackApiUrl: slack.url,
    retryConfig: { retries: 3, factor: 2, minTimeout: 50, maxTimeout: 200 },
  });
  api = new SlackApi(client);
});
afterAll(() => slack.stop());
beforeEach(() => {
  slack.calls.length = 0;
  slack.messages.length = 0;
  slack.clearFaults();
  makeOutbox();
});

describe('Outbox (real WebClient → fake Slack over HTTP)', () => {
  it('journals each write and closes it', async () => {
    const ts = await outbox.post(C, card('hello'), { threadTs: '1.000100' });
    await outbox.update(C, ts, card('edited'));
    expect(store.counts()).toEqual({ done: 2 });
    expect(slack.messages[0]?.metadata).toEqual({
      event_type: 'escape_desk_message',
      event_payload: { key: keyOf(1) },
    });
    expect(slack.messages[0]?.text).toBe('edited');
  });

  it('falls back to plain text when Slack refuses the blocks, instead of blocking the queue', async () => {
    slack.fail('chat.postMessage', 'invalid_blocks');
    const ts = await outbox.post(C, card('poison *card*'), {
      findingName: 'organizations/1/sources/2/locations/global/findings/x',
    });
    expect(ts).toBeTruthy();
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]?.blocks).toEqual([]);
    expect(slack.messages[0]?.text).toContain('poison *card*');
    expect(slack.messages[0]?.metadata?.event_type).toBe('scc_finding');
  });

  it('retries a Slack 5xx and succeeds once', async () => {
    slack.fail('chat.postMessage', 'internal_error', 2, 503);
    await outbox.post(C, card('after outage'));
    expect(slack.messages).toHaveLength(1);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(3);
  });

  it('honours 429 Retry-After and posts exactly once', async () => {
    slack.rateLimit('chat.postMessage', 1);
    const started = Date.now();
    await outbox.post(C, card('rate limited'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.messages).toHaveLength(1);
  });

  it('paces posts per channel at the configured rate', async () => {
    makeOutbox(10);
    await Promise.all(Array.from({ length: 14 }, (_, i) => outbox.post(C, card(`m${i}`))));
    const at = slack.callsOf('chat.postMessage').map((c) => c.at);
    // Slack counts per second: no 1 s window may see more than 10 arrivals, and the average gap is ≥ 100 ms.
    let maxInWindow = 0;
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i]! - at[j]! >= 1000) j++;
      maxInWindow = Math.max(maxInWindow, i - j + 1);
    }
    expect(maxInWindow).toBeLessThanOrEqual(10);
    expect((at.at(-1)! - at[0]!) / (at.length - 1)).toBeGreaterThanOrEqual(100);
    expect(slack.messages.map((m) => m.text)).toEqual(Array.from({ length: 14 }, (_, i) => `m${i}`));
  });

  it('resumes after a crash: adopts what Slack already has, re-sends the rest, replays only the newest edit', async () => {
    const thread = await outbox.post(C, card('card'));
    const now = new Date();
    // Crash A: reply reached Slack, journal never closed.
    const a = store.add(
      { kind: 'post', channel: C, ts: undefined, threadTs: thread, findingName: undefined, message: card('reply a') },
      now,
    );
    await api.post(C, card('reply a'), { threadTs: thread, key: keyOf(a) });
    // Crash B: reply never reached Slack.
    store.add(
      { kind: 'post', channel: C, ts: undefined, threadTs: thread, findingName: undefined, message: card('reply b') },
      now,
    );
    // Two edits of the card were pending; only the newest should be sent.
    store.add(
      {
        kind: 'update',
        channel: C,
        ts: thread,
        threadTs: undefined,
        findingName: undefined,
        message: card('old edit'),
      },
      now,
    );
    store.add(
      {
        kind: 'update',
        channel: C,
        ts: thread,
        threadTs: undefined,
        findingName: undefined,
        message: card('new edit'),
      },
      now,
    );
    slack.calls.length = 0;

    const r = await outbox.resume();
    expect(r).toEqual({ adopted: 1, resent: 2, superseded: 1 });
    expect(slack.replies(C, thread).map((m) => m.text)).toEqual(['reply a', 'reply b']);
    expect(slack.callsOf('chat.update')).toHaveLength(1);
    expect(slack.messages[0]?.text).toBe('new edit');
    expect(store.pending()).toEqual([]);
    // A second resume finds nothing to do.
    expect(await outbox.resume()).toEqual({ adopted: 0, resent: 0, superseded: 0 });
  });
});
