import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCC_PAGE_SIZE } from '../../src/adapters/gcp/scc.js';
import { ActionId } from '../../src/blocks/action-ids.js';
import { FakeAiplatform } from '../../src/fakes/aiplatform-server.js';
import { FakeLogging } from '../../src/fakes/logging-server.js';
import { FakeScc, type FindingResultJson } from '../../src/fakes/scc-server.js';
import { type FakeMessage, FakeSlack } from '../../src/fakes/slack-server.js';
import { type BotProcess, freePort, startBot, TEST_SECRETS, tempDb } from '../helpers/bot-process.js';
import { botEnv, CHANNEL } from '../helpers/env.js';
import { agentFixture, fixture, logFixture } from '../helpers/fixtures.js';
import { allTexts, expectInert } from '../helpers/inert.js';
import { blockActionsPayload, sendInteraction, sendSlashCommand } from '../helpers/slack-requests.js';

/**
 * The three investigation buttons, end to end: the built bot as a child process, signed
 * block_actions payloads, real Google clients over gRPC to the fakes, answers in the card's thread.
 * One bot for the file; each case clicks a (finding, button) pair no other case uses, because a
 * repeated click within 10 s is deliberately not answered twice.
 */

const SLOW = 45_000;
let slack: FakeSlack;
let scc: FakeScc;
let logging: FakeLogging;
let vertex: FakeAiplatform;
let bot: BotProcess;

const withId = (name: string, id: string): FindingResultJson => {
  const r = fixture(name);
  r.finding.name = r.finding.name.replace(/[^/]+$/, id);
  return r;
};
const NAMES = ['escape-nsenter', 'escape-deepce', 'hostile-args', 'multi-process', 'minimal'];
const EXTRA = { ack: withId('escape-nsenter', 'ack0000000000000000000000000001') };
const BASE: FindingResultJson[] = [
  ...NAMES.map(fixture),
  fixture('related-reverse-shell'),
  fixture('related-added-binary'),
  fixture('related-muted-old'),
  EXTRA.ack,
];

const nameOf = (f: string) => fixture(f).finding.name;
const cardOf = (findingName: string): FakeMessage => {
  const card = slack.messages.find((m) => !m.thread_ts && m.metadata?.event_payload.finding_name === findingName);
  if (!card) throw new Error(`no card for ${findingName}`);
  return card;
};
/** The bot's answers in a card's thread (file-share messages excluded). */
const answers = (card: FakeMessage) => slack.replies(card.channel, card.ts).filter((m) => m.blocks.length > 0);
const textOf = (m: FakeMessage) => allTexts(m.blocks).join('\n');

async function click(findingName: string, actionId: ActionId, user = 'U0RESPONDER') {
  const card = cardOf(findingName);
  const res = await sendInteraction(bot.port, blockActionsPayload(card, actionId, user));
  expect(res.status).toBe(200);
  return { card, ackMs: res.ms };
}

async function answerTo(card: FakeMessage, match: RegExp, timeoutMs = 20_000): Promise<FakeMessage> {
  return slack.waitFor(() => answers(card).find((m) => match.test(textOf(m))), timeoutMs);
}

beforeAll(async () => {
  slack = new FakeSlack({ token: TEST_SECRETS.botToken });
  scc = new FakeScc();
  logging = new FakeLogging();
  vertex = new FakeAiplatform();
  await Promise.all([slack.start(), scc.start(), logging.start(), vertex.start()]);
  for (const r of BASE) scc.upsert(r);
  bot = await startBot(
    botEnv(slack, scc, {
      PORT: String(await freePort()),
      STATE_DB: tempDb(),
      LOGGING_EMULATOR_HOST: logging.address,
      AIPLATFORM_EMULATOR_HOST: vertex.address,
      POLL_INTERVAL_SECONDS: '5',
    }),
  );
  // The fixtures are older than the initial look-back, so post their cards the way a responder would.
  const carded = [...NAMES.map(nameOf), EXTRA.ack.finding.name];
  for (const name of carded) await sendSlashCommand(bot.port, name, 'U0SETUP');
  await slack.waitFor(() => slack.topLevel(CHANNEL).length === carded.length, 20_000);
});

afterAll(async () => {
  await bot?.stop();
  const logs = bot?.logs.join('\n') ?? '';
  expect(logs).not.toContain(TEST_SECRETS.botToken);
  expect(logs).not.toContain(TEST_SECRETS.signingSecret);
  expect(logs).not.toContain('sk-live-FAKE');
  await Promise.all([slack.stop(), scc.stop(), logging.stop(), vertex.stop()]);
});

beforeEach(() => {
  scc.clear();
  for (const r of BASE) scc.upsert(r);
  scc.grpc.clearFaults();
  logging.clear();
  logging.add([...logFixture('support-triage-agent'), ...logFixture('deepce-dev-agent')]);
  logging.grpc.clearFaults();
  vertex.clear();
  vertex.upsertEngine(agentFixture('support-triage-agent'));
  vertex.grpc.clearFaults();
});

describe('Related findings', () => {
  it('lists the other findings on the agent in the window, sorted, muted marked, hostile text inert', async () => {
    scc.patch(nameOf('related-reverse-shell'), { mute: 'MUTED' });
    const { card } = await click(nameOf('escape-nsenter'), ActionId.RelatedFindings);
    const answer = await answerTo(card, /Related findings/);
    const text = textOf(answer);
    // reverse shell −4m, the ack test's copy of this finding +0m, added binary +1m, hostile-args +3m, multi-process +7m
    expect(text).toContain('5 other findings on this agent in ±60 min, 2 CRITICAL, 3 HIGH, 1 muted.');
    const at = (s: string) => text.indexOf(s);
    expect(at('`−4m` :large_orange_circle: HIGH · Reverse Shell')).toBeGreaterThan(-1);
    expect(at('Reverse Shell')).toBeLessThan(at('Added Malicious Binary Executed'));
    expect(at('Added Malicious Binary Executed')).toBeLessThan(at('`/usr/local/bin/cdk`'));
    expect(text).toContain(':mute: *muted*');
    expect(text).not.toContain('linpeas'); // the day-old finding is outside ±60 min
    expectInert(answer.blocks);
    const query = scc.grpc.callsOf('ListFindings').find((c) => String(c.request.filter).startsWith('resource_name='));
    expect(query?.request.filter).toBe(
      'resource_name="//aiplatform.googleapis.com/projects/acme-agents-prod/locations/us-central1/reasoningEngines/6203984713348243456" AND event_time >= "2026-11-30T13:02:11.482Z" AND event_time <= "2026-11-30T15:02:11.482Z"',
    );
  });

  it('falls back to same-project findings, labelled project-level', async () => {
    const other = withId('related-reverse-shell', 'proj0000000000000000000000000001');
    other.finding.resourceName = '//container.googleapis.com/projects/acme-agents-dev/zones/europe-west4-a/clusters/c1';
    other.finding.eventTime = '2026-12-01T09:40:00Z';
    scc.upsert(other);
    const { card } = await click(nameOf('escape-deepce'), ActionId.RelatedFindings);
    const text = textOf(await answerTo(card, /Related findings/));
    expect(text).toContain('Related findings (project-level)');
    expect(text).toContain(
      'No other findings on this agent. *Project-level:* 1 other finding in project `acme-agents-dev`',
    );
    expect(text).toContain('`+24m`');
  });

  it(
    'answers a storm of related findings in one message, paging through SCC',
    async () => {
      const base = Date.parse('2026-11-30T14:09:30Z');
      for (let i = 0; i < 1100; i++) {
        const r = withId('related-added-binary', `storm${String(i).padStart(5, '0')}`);
        r.finding.eventTime = new Date(base - 50 * 60_000 + i * 3000).toISOString();
        scc.upsert(r);
      }
      const before = scc.grpc.callsOf('ListFindings').length;
      const { card } = await click(nameOf('multi-process'), ActionId.RelatedFindings);
      const answer = await answerTo(card, /Related findings/, 30_000);
      const text = textOf(answer);
      expect(text).toMatch(/1\d{3} other findings on this agent in ±60 min/);
      expect(text).toMatch(
        /… and 1\d{3} more: <https:\/\/console\.cloud\.google\.com\/security\/command-center\/findingsv2;query=/,
      );
      expect(answers(card)).toHaveLength(1);
      const paged = scc.grpc
        .callsOf('ListFindings')
        .slice(before)
        .filter((c) => String(c.request.filter).startsWith('resource_name='));
      // Every page of the listing is read once: the others plus the clicked finding itself match the filter.
      const others = Number(/(\d+) other findings/.exec(text)?.[1]);
      expect(paged.length).toBe(Math.ceil((others + 1) / SCC_PAGE_SIZE));
    },
    SLOW,
  );

  it('says so in the thread when SCC rate-limits, and the bot stays up', async () => {
    // enough failures that a background poll cannot use them all up before the click
    scc.grpc.fail('ListFindings', status.RESOURCE_EXHAUSTED, 'quota exceeded', 50);
    const { card } = await click(nameOf('hostile-args'), ActionId.RelatedFindings);
    const text = textOf(await answerTo(card, /rate-limiting/));
    expect(text).toContain('Security Command Center is rate-limiting escape-desk');
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('Agent settings', () => {
  it(
    'shows the agent with names only and flags what matters for an escape',
    async () => {
      const { card } = await click(nameOf('escape-nsenter'), ActionId.AgentSettings);
      const answer = await answerTo(card, /Agent settings/, 40_000);
      const text = textOf(answer);
      expect(text).toContain('*Updated 2h22m before the finding*');
      expect(text).toContain('*custom service account* `triage-agent@acme-agents-prod.iam.gserviceaccount.com`');
      expect(text).toContain('`OPENAI_API_KEY`');
      expect(text).toContain('`DB_PASSWORD`');
      expect(text).not.toContain('triage-db-password');
      expect(text).toContain('`query` `stream_query`');
      expect(text).toContain('gs://acme-agents-prod-staging/agent_engine/requirements.txt');
      expect(JSON.stringify(answer)).not.toContain('sk-live-FAKE');
      expect(JSON.stringify(answer)).not.toContain('support-prod');
    },
    SLOW,
  );

  it(
    'renders hostile names and descriptions inert and never shows env values',
    async () => {
      vertex.upsertEngine(agentFixture('hostile-agent'));
      const { card } = await click(nameOf('hostile-args'), ActionId.AgentSettings);
      const answer = await answerTo(card, /Agent settings/, 40_000);
      expectInert(answer.blocks);
      expectInert(answer.text);
      expect(JSON.stringify(answer)).not.toContain('HOSTILE-ENV-VALUE');
      expect(textOf(answer)).toContain('&lt;!channel&gt;');
    },
    SLOW,
  );

  it(
    'answers NOT_FOUND (agent deleted) and PERMISSION_DENIED in the thread',
    async () => {
      const gone = await click(nameOf('escape-deepce'), ActionId.AgentSettings);
      expect(textOf(await answerTo(gone.card, /no longer exists/, 40_000))).toContain(
        'Vertex AI: `projects/acme-agents-dev/locations/europe-west4/reasoningEngines/884211907346821120` no longer exists (the agent may have been deleted).',
      );
      vertex.grpc.fail('GetReasoningEngine', status.PERMISSION_DENIED, 'aiplatform.reasoningEngines.get denied');
      const denied = await click(nameOf('multi-process'), ActionId.AgentSettings);
      expect(textOf(await answerTo(denied.card, /refused/, 40_000))).toContain(
        "Vertex AI refused: escape-desk's service account needs the IAM role `roles/aiplatform.viewer`",
      );
    },
    SLOW,
  );
});

describe('Pull logs', () => {
  it('highlights lines about the binary, renders hostile lines inert, links Logs Explorer and attaches the full text', async () => {
    const { card } = await click(nameOf('escape-nsenter'), ActionId.PullLogs);
    const answer = await answerTo(card, /Agent logs/);
    const text = textOf(answer);
    expect(text).toContain('55 entries in ±60 min');
    expect(text).toContain('3 mention `/usr/bin/nsenter` or its arguments');
    const hits = text.slice(text.indexOf('Mentioning the binary'), text.indexOf('*Other lines*'));
    expect(hits).toContain('subprocess /usr/bin/nsenter exited with status 0');
    expect(hits).toContain('cat /etc/shadow');
    expect(hits).not.toContain('GET /query');
    expect(text).toContain('resource.labels.reasoning_engine_id="6203984713348243456"');
    expect(text).toContain('timestamp &gt;= "2026-11-30T13:02:11.482Z"');
    expect(text).toMatch(/<https:\/\/console\.cloud\.google\.com\/logs\/query;query=resource\.type%3D%22aiplatform/);
    expect(text).toContain('Full text attached below');
    expect(text).not.toContain('OUTSIDE-WINDOW');
    expectInert(answer.blocks);
    const file = slack.files.find((f) => f.threadTs === card.ts);
    expect(file?.channel).toBe(CHANNEL);
    expect(file?.name).toBe('agent-logs-6203984713348243456-20261130T1302.txt');
    const lines = file!.content.split('\n').filter((l) => /^(>>| {2}) 2026-/.test(l));
    expect(lines).toHaveLength(55);
    expect(lines.filter((l) => l.startsWith('>>'))).toHaveLength(3);
    expect(file!.content).toContain('A'.repeat(3000)); // the full line, not the excerpt
    expect(file!.content).toContain('[U+202E]');
    expect(slack.callsOf('files.getUploadURLExternal')).toHaveLength(1);
    expect(slack.callsOf('files.completeUploadExternal')).toHaveLength(1);
  });

  it('shows a short log in the message without a file, and an empty one with the exact query', async () => {
    const files = slack.files.length;
    const short = await click(nameOf('escape-deepce'), ActionId.PullLogs);
    const text = textOf(await answerTo(short.card, /Agent logs/));
    expect(text).toContain('3 entries in ±60 min');
    expect(text).toContain('running /tmp/.x/deepce.sh -e');
    expect(text).not.toContain('Full text attached');
    const empty = await click(nameOf('minimal'), ActionId.PullLogs);
    const none = textOf(await answerTo(empty.card, /Agent logs/));
    expect(none).toContain('no log entries for this agent in ±60 min');
    expect(none).toContain('resource.labels.reasoning_engine_id="1000000000000000001"');
    expect(none).toContain('Open in Logs Explorer');
    expect(slack.files.length).toBe(files);
  });

  it('names roles/logging.viewer when Cloud Logging refuses', async () => {
    logging.grpc.fail('ListLogEntries', status.PERMISSION_DENIED, 'logging.logEntries.list denied');
    const { card } = await click(nameOf('hostile-args'), ActionId.PullLogs);
    expect(textOf(await answerTo(card, /refused/))).toContain(
      "Cloud Logging refused: escape-desk's service account needs the IAM role `roles/logging.viewer`",
    );
  });

  it('coalesces two concurrent clicks into one fetch and one answer', async () => {
    logging.grpc.stall('ListLogEntries', 800);
    const name = nameOf('multi-process');
    const before = logging.grpc.callsOf('ListLogEntries').length;
    const [a] = await Promise.all([click(name, ActionId.PullLogs, 'U0ALICE'), click(name, ActionId.PullLogs, 'U0BOB')]);
    await answerTo(a.card, /Agent logs/);
    await new Promise((r) => setTimeout(r, 1500));
    // a third click moments after the answer is not answered again either
    await click(name, ActionId.PullLogs, 'U0CAROL');
    await new Promise((r) => setTimeout(r, 1500));
    expect(logging.grpc.callsOf('ListLogEntries').length - before).toBe(1);
    expect(answers(a.card).filter((m) => /Agent logs/.test(textOf(m)))).toHaveLength(1);
  });
});

describe('acknowledgement', () => {
  it(
    'acks each button in < 500 ms while every Google backend stalls 2 s, then answers',
    async () => {
      scc.grpc.stall('*', 2000);
      logging.grpc.stall('*', 2000);
      vertex.grpc.stall('*', 2000);
      const name = EXTRA.ack.finding.name;
      const acks: Record<string, number> = {};
      for (const id of [ActionId.RelatedFindings, ActionId.AgentSettings, ActionId.PullLogs]) {
        acks[id] = (await click(name, id)).ackMs;
      }
      console.log(
        `ack latency with Google backends stalled 2 s: ${Object.entries(acks)
          .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
          .join(', ')}`,
      );
      for (const ms of Object.values(acks)) expect(ms).toBeLessThan(500);
      const card = cardOf(name);
      await answerTo(card, /Related findings/, 40_000);
      await answerTo(card, /Agent logs/, 40_000);
      await answerTo(card, /Agent settings/, 40_000);
    },
    SLOW,
  );
});
