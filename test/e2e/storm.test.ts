import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { FakeSlack } from '../../src/fakes/slack-server.js';
import { type BotProcess, freePort, startBot, TEST_SECRETS, tempDb } from '../helpers/bot-process.js';
import { botEnv, CHANNEL } from '../helpers/env.js';
import { freshFixture } from '../helpers/fixtures.js';
import { expectInert } from '../helpers/inert.js';
import { sendSlashCommand } from '../helpers/slack-requests.js';
import { mentionsPerFinding, stormFindings } from '../helpers/storm.js';

let slack: FakeSlack;
let scc: FakeScc;
let bot: BotProcess | undefined;
let dbFile: string;
let port: number;

/** Deterministic PRNG (mulberry32) so the kill points are the same on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const start = async (extra: Record<string, string> = {}) => {
  bot = await startBot(botEnv(slack, scc, { PORT: String(port), STATE_DB: dbFile, LOG_LEVEL: 'info', ...extra }));
  return bot;
};

beforeAll(async () => {
  slack = new FakeSlack({ token: TEST_SECRETS.botToken });
  await slack.start();
  scc = new FakeScc();
  await scc.start();
});
afterAll(async () => {
  await slack.stop();
  await scc.stop();
});
beforeEach(async () => {
  slack.calls.length = 0;
  slack.messages.length = 0;
  slack.ephemerals.length = 0;
  scc.clear();
  dbFile = tempDb();
  port = await freePort();
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('storm grouping', () => {
  it('groups a storm on one agent into one card with every finding once in its thread', async () => {
    const storm = stormFindings(30, 1, 'grp');
    for (const f of storm) scc.upsert(f);
    scc.upsert(freshFixture('escape-deepce'));
    await start({ SLACK_POSTS_PER_SECOND: '20' });
    const ids = storm.map((f) => f.finding.name.split('/').pop() as string);
    await slack.waitFor(() => [...mentionsPerFinding(slack, ids).values()].every((n) => n === 1), 20_000);
    await slack.waitFor(() => slack.topLevel(CHANNEL).length >= 2);
    const top = slack.topLevel(CHANNEL);
    expect(top).toHaveLength(2); // one storm card + the other agent's own card
    const group = top.find((m) => m.text.includes('storm'));
    expect(group?.text).toContain('Container-escape storm on agent agent-0: 30 findings');
    expect(slack.replies(CHANNEL, group?.ts ?? '')).toHaveLength(2); // 20 + 10 entries
    for (const m of slack.messages) expectInert(m.blocks);

    // Each grouped finding is still addressable on its own.
    await sendSlashCommand(port, ids[7] as string, 'U0STORM');
    const [reply] = await slack.waitFor(() => {
      const e = slack.ephemerals.filter((x) => x.user === 'U0STORM');
      return e.length > 0 && e;
    });
    expect(reply?.text).toMatch(
      /already has a card: <https:\/\/fake\.slack\.test\/archives\/C0ESCAPE01\/p\d+\|the card>/,
    );
  }, 60_000);

  it('kill -9 at random points during a 1,000-finding storm: exactly one card or entry per finding', async () => {
    const storm = stormFindings(1000, 10, 'kill');
    for (const f of storm) scc.upsert(f);
    const ids = storm.map((f) => f.finding.name.split('/').pop() as string);
    const random = prng(20261204);
    const env = { SLACK_POSTS_PER_SECOND: '50' };
    for (let round = 0; round < 4; round++) {
      await start(env);
      await new Promise((r) => setTimeout(r, 200 + Math.floor(random() * 1200)));
      await bot?.stop('SIGKILL');
      bot = undefined;
    }
    await start(env);
    await slack.waitFor(() => [...mentionsPerFinding(slack, ids).values()].every((n) => n >= 1), 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const counts = mentionsPerFinding(slack, ids);
    const lost = [...counts.values()].filter((n) => n === 0).length;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    console.log(
      `storm with 4 kill -9s: ${slack.topLevel(CHANNEL).length} top-level messages, ${slack.messages.length} messages, lost ${lost}, duplicated ${duplicated}`,
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    // One storm card per agent, never a second.
    const cards = slack.topLevel(CHANNEL).filter((m) => m.text.includes('storm'));
    expect(cards).toHaveLength(10);
    expect(new Set(cards.map((c) => c.text.replace(/: \d+ findings/, ''))).size).toBe(10);
  }, 120_000);
});
