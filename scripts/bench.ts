/**
 * `npm run bench`: starts the built bot against the in-repo fakes and prints one table.
 * Every figure is measured in this run; nothing is a constant. Takes about two minutes.
 * The bot runs exactly as `npm start` runs it (same node flags, via the test helper's START_ARGS).
 */

import * as http from 'node:http';
import { v2 } from '@google-cloud/security-center';
import * as grpc from '@grpc/grpc-js';
import { pino } from 'pino';
import { SCC_PAGE_SIZE, SccAdapter } from '../src/adapters/gcp/scc.js';
import { FakeAiplatform } from '../src/fakes/aiplatform-server.js';
import { FakeLogging } from '../src/fakes/logging-server.js';
import { FakeScc } from '../src/fakes/scc-server.js';
import { FakeSlack, signSlackRequest } from '../src/fakes/slack-server.js';
import { Health } from '../src/health.js';
import { CardService } from '../src/services/cards.js';
import { Ingest } from '../src/services/ingest.js';
import { openDb } from '../src/store/db.js';
import { FindingsStore } from '../src/store/findings-store.js';
import { type BotProcess, freePort, startBot, TEST_SECRETS, tempDb } from '../test/helpers/bot-process.js';
import { botEnv, CHANNEL } from '../test/helpers/env.js';
import { freshFixture } from '../test/helpers/fixtures.js';
import { mentionsPerFinding, stormFindings } from '../test/helpers/storm.js';

process.env.METADATA_SERVER_DETECTION = 'none';
const rows: [string, string, string, string][] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function withBot<T>(
  extra: Record<string, string>,
  seed: (scc: FakeScc) => void,
  fn: (bot: BotProcess, slack: FakeSlack, scc: FakeScc, port: number) => Promise<T>,
): Promise<T> {
  const slack = new FakeSlack({ token: TEST_SECRETS.botToken });
  await slack.start();
  const scc = new FakeScc();
  await scc.start();
  seed(scc);
  const port = await freePort();
  const bot = await startBot(
    botEnv(slack, scc, { PORT: String(port), STATE_DB: tempDb(), LOG_LEVEL: 'info', ...extra }),
  );
  try {
    return await fn(bot, slack, scc, port);
  } finally {
    await bot.stop();
    await slack.stop();
    await scc.stop();
  }
}

async function readyTime() {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await withBot(
      {},
      () => {},
      async () => {
        times.push(performance.now() - t0);
      },
    );
  }
  const p50 = pct(times, 50);
  rows.push(['start → ready (process spawn to ready line), p50 of 5', ms(p50), '≤ 1500 ms', verdict(p50 <= 1500)]);
}

/** 50 signed clicks sent at once over keep-alive connections; latency = request written → response ended. */
async function clickBatch(
  port: number,
  agent: http.Agent,
  bodies: string[],
): Promise<{ ms: number; status: number }[]> {
  return Promise.all(
    bodies.map(
      (body) =>
        new Promise<{ ms: number; status: number }>((resolve, reject) => {
          const t = performance.now();
          const req = http.request(
            {
              host: '127.0.0.1',
              port,
              path: '/slack/events',
              method: 'POST',
              agent,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
                ...signSlackRequest(TEST_SECRETS.signingSecret, body),
              },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode ?? 0 }));
            },
          );
          req.on('error', reject);
          req.end(body);
        }),
    ),
  );
}

/**
 * 3 × 50 clicks, each on a different (card, button) pair, so every click does its own work
 * (no coalescing): 70 cards on 70 agents × the three investigation buttons = 210 pairs.
 */
async function ackLatency() {
  const BUTTONS = ['related_findings', 'agent_settings', 'pull_logs'] as const;
  const CARDS = 70;
  const findings = Array.from({ length: CARDS }, (_, i) => {
    const r = freshFixture('escape-nsenter', { id: `ack${String(i).padStart(3, '0')}`, minutesAgo: 5 });
    const res = `//aiplatform.googleapis.com/projects/acme-agents-prod/locations/us-central1/reasoningEngines/77${String(i).padStart(6, '0')}`;
    r.finding.resourceName = res;
    if (r.resource) r.resource.name = res;
    return r;
  });
  const logging = new FakeLogging();
  const vertex = new FakeAiplatform();
  await Promise.all([logging.start(), vertex.start()]);
  await withBot(
    {
      POLL_INTERVAL_SECONDS: '1',
      SLACK_POSTS_PER_SECOND: '50',
      LOGGING_EMULATOR_HOST: logging.address,
      AIPLATFORM_EMULATOR_HOST: vertex.address,
    },
    (scc) => {
      for (const f of findings) scc.upsert(f);
    },
    async (_bot, slack, scc, port) => {
      await slack.waitFor(() => slack.topLevel(CHANNEL).length === CARDS, 60_000);
      const cards = slack.topLevel(CHANNEL);
      for (const g of [scc.grpc, logging.grpc, vertex.grpc]) g.stall('*', 2000);
      let n = 0;
      const body = () => {
        const k = n++;
        const msg = cards[k % CARDS] as (typeof cards)[number];
        const name = (findings[k % CARDS] as (typeof findings)[number]).finding.name;
        const payload = {
          type: 'block_actions',
          user: { id: `U0BENCH${k}`, username: 'bench', team_id: 'T0FAKE' },
          api_app_id: 'A0ESCAPE',
          team: { id: 'T0FAKE', domain: 'fake' },
          container: { type: 'message', channel_id: CHANNEL, message_ts: msg.ts, is_ephemeral: false },
          channel: { id: CHANNEL, name: 'escape-desk-alerts' },
          message: { ts: msg.ts, text: msg.text, type: 'message' },
          trigger_id: `1.2.${k}`,
          response_url: 'http://127.0.0.1:9/actions',
          actions: [
            {
              action_id: BUTTONS[Math.floor(k / CARDS) % BUTTONS.length],
              block_id: 'card_actions',
              value: name,
              type: 'button',
              action_ts: String(Date.now() / 1000),
            },
          ],
        };
        return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      };
      const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
      // One warm-up batch (JIT, sockets), then three measured batches of 50 clicks sent at once, back to back.
      await clickBatch(port, agent, Array.from({ length: 50 }, body));
      const results = [];
      for (let b = 0; b < 3; b++) results.push(...(await clickBatch(port, agent, Array.from({ length: 50 }, body))));
      agent.destroy();
      for (const g of [scc.grpc, logging.grpc, vertex.grpc]) g.clearFaults();
      const lat = results.map((r) => r.ms);
      const bad = results.filter((r) => r.status !== 200).length;
      rows.push([
        'ack latency, 3 × 50 concurrent clicks (distinct card+button), Google fakes stalled 2 s: p50',
        ms(pct(lat, 50)),
        '',
        '',
      ]);
      rows.push([
        `ack latency p99 (${bad} non-200)`,
        ms(pct(lat, 99)),
        '≤ 50 ms',
        verdict(pct(lat, 99) <= 50 && bad === 0),
      ]);
    },
  );
  await Promise.all([logging.stop(), vertex.stop()]);
}

const DEDUP_RUNS = 7;

async function dedupRatio() {
  const scc = new FakeScc();
  await scc.start();
  for (let i = 0; i < 10_000; i++)
    scc.upsert(freshFixture('escape-nsenter', { id: `d${String(i).padStart(6, '0')}`, minutesAgo: 30 }));
  const parent = 'organizations/123456789012/sources/-/locations/global';
  const filter = `category="Execution: Container Escape" AND state="ACTIVE" AND event_time >= "${new Date(Date.now() - 86_400_000).toISOString()}"`;
  const raw = new v2.SecurityCenterClient({
    apiEndpoint: '127.0.0.1',
    port: scc.grpc.port,
    sslCreds: grpc.credentials.createInsecure(),
  });
  const rawRun = async () => {
    let n = 0;
    let pageToken: string | undefined;
    do {
      const [, , res] = await raw.listFindings(
        { parent, filter, pageSize: 1000, ...(pageToken ? { pageToken } : {}) },
        { autoPaginate: false },
      );
      n += res?.listFindingsResults?.length ?? 0;
      pageToken = res?.nextPageToken || undefined;
    } while (pageToken);
    return n;
  };
  // The bot's own path: adapter (zod-validated) + store dedup; every finding is already carded, so all are skipped.
  const db = openDb(':memory:');
  const store = new FindingsStore(db);
  const log = pino({ level: 'silent' });
  const noSlack = {
    post: async () => 'x',
    update: async () => {},
    postEphemeral: async () => {},
    permalink: async () => undefined,
    findCards: async () => new Map(),
    findKeyed: async () => new Map(),
    uploadFile: async () => {},
    usergroupMembers: async () => [],
    openView: async () => {},
  };
  const cards = new CardService({
    store,
    slack: noSlack,
    channel: CHANNEL,
    render: () => ({ text: '', blocks: [] }),
    now: () => new Date(),
    log,
  });
  const ingest = new Ingest({
    source: new SccAdapter(scc.address),
    cards,
    store,
    sccParent: 'organizations/123456789012',
    pollIntervalSeconds: 60,
    initialLookbackHours: 24,
    now: () => new Date(),
    log,
    health: new Health(),
  });
  await ingest.cycle(); // first pass records all 10,000 (through the no-op Slack above)
  await rawRun(); // warm both paths
  const rawTimes: number[] = [];
  const botTimes: number[] = [];
  let listed = 0;
  const timeRaw = async () => {
    const t = performance.now();
    listed = await rawRun();
    rawTimes.push(performance.now() - t);
  };
  const timeBot = async () => {
    const t = performance.now();
    const r = await ingest.cycle();
    botTimes.push(performance.now() - t);
    if (r.unchanged !== 10_000) throw new Error(`dedup saw ${r.unchanged} unchanged`);
  };
  // Alternating which goes first, so neither side always pays for the garbage the other left.
  for (let i = 0; i < DEDUP_RUNS; i++) {
    if (i % 2) {
      await timeBot();
      await timeRaw();
    } else {
      await timeRaw();
      await timeBot();
    }
  }
  const ratio = pct(botTimes, 50) / pct(rawTimes, 50);
  rows.push([
    `10,000 findings: raw client paging, 1000 a page (${listed} listed), median of ${DEDUP_RUNS}`,
    ms(pct(rawTimes, 50)),
    '',
    '',
  ]);
  rows.push([
    `10,000 findings: bot list (${SCC_PAGE_SIZE} a page) + validate + dedup, median of ${DEDUP_RUNS}`,
    ms(pct(botTimes, 50)),
    '',
    '',
  ]);
  rows.push(['bot / raw ratio', `${ratio.toFixed(2)}×`, '≤ 1.5×', verdict(ratio <= 1.5)]);
  await raw.close();
  await scc.stop();
}

async function pollToCard() {
  await withBot(
    { POLL_INTERVAL_SECONDS: '1' },
    () => {},
    async (_bot, slack, scc) => {
      const lat: number[] = [];
      for (let i = 0; i < 10; i++) {
        const f = freshFixture(i % 2 ? 'escape-nsenter' : 'escape-deepce', { id: `p${i}`, minutesAgo: 1 });
        const before = slack.topLevel(CHANNEL).length;
        const t = performance.now();
        scc.upsert(f);
        await slack.waitFor(() => slack.topLevel(CHANNEL).length > before, 10_000);
        lat.push(performance.now() - t);
        await sleep(1200); // keep below the storm threshold window's per-agent count effects
      }
      rows.push(['poll → card, POLL_INTERVAL_SECONDS=1, 10 findings: p50', ms(pct(lat, 50)), '', '']);
      rows.push(['poll → card p99', ms(pct(lat, 99)), '≤ interval + 1 post', verdict(pct(lat, 99) <= 2200)]);
    },
  );
}

async function storm() {
  const findings = stormFindings(1000, 10, 'bench');
  const ids = findings.map((f) => f.finding.name.split('/').pop() as string);
  // Slack's real rate (the default), not the faster one the tests use.
  await withBot(
    { SLACK_POSTS_PER_SECOND: '1' },
    (scc) => {
      for (const f of findings) scc.upsert(f);
    },
    async (_bot, slack) => {
      const t = performance.now();
      await slack.waitFor(() => [...mentionsPerFinding(slack, ids).values()].every((n) => n >= 1), 180_000);
      const took = performance.now() - t;
      await sleep(1500);
      const counts = [...mentionsPerFinding(slack, ids).values()];
      const at = slack
        .callsOf('chat.postMessage')
        .map((c) => c.at)
        .sort((a, b) => a - b);
      let maxPerSecond = 0;
      for (let i = 0, j = 0; i < at.length; i++) {
        while ((at[i] as number) - (at[j] as number) >= 1000) j++;
        maxPerSecond = Math.max(maxPerSecond, i - j + 1);
      }
      const lost = counts.filter((n) => n === 0).length;
      const dup = counts.filter((n) => n > 1).length;
      rows.push([
        `1,000-finding storm on 10 agents (all carded in ${(took / 1000).toFixed(0)} s): top-level messages`,
        String(slack.topLevel(CHANNEL).length),
        '',
        '',
      ]);
      rows.push([
        'storm: max posts in any 1 s window (channel)',
        String(maxPerSecond),
        '≤ 1',
        verdict(maxPerSecond <= 1),
      ]);
      rows.push(['storm: lost / duplicated', `${lost} / ${dup}`, '0 / 0', verdict(lost === 0 && dup === 0)]);
    },
  );
}

async function rssAfter10k() {
  const findings = stormFindings(10_000, 20, 'rss');
  const ids = findings.map((f) => f.finding.name.split('/').pop() as string);
  await withBot(
    { SLACK_POSTS_PER_SECOND: '50' },
    (scc) => {
      for (const f of findings) scc.upsert(f);
    },
    async (bot, slack) => {
      await slack.waitFor(() => [...mentionsPerFinding(slack, ids.slice(-50)).values()].every((n) => n >= 1), 300_000);
      await sleep(3000);
      const { readFileSync } = await import('node:fs');
      const status = readFileSync(`/proc/${bot.child.pid}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      const mb = rssKb / 1024;
      rows.push([
        'RSS after ingesting 10,000 findings (20 agents)',
        `${mb.toFixed(0)} MB`,
        '≤ 150 MB',
        verdict(mb <= 150),
      ]);
    },
  );
}

const only = process.argv[2];
const parts: [string, () => Promise<void>][] = [
  ['ready', readyTime],
  ['ack', ackLatency],
  ['dedup', dedupRatio],
  ['poll', pollToCard],
  ['storm', storm],
  ['rss', rssAfter10k],
];
for (const [name, run] of parts) {
  if (only && only !== name) continue;
  process.stderr.write(`bench: ${name}…\n`);
  await run();
}
const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...rows.map((r) => r[i]?.length ?? 0), ['measure', 'value', 'target', 'result'][i]?.length ?? 0),
);
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(['measure', 'value', 'target', 'result']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\nnode ${process.version}, ${(await import('node:os')).cpus().length} cores, ${new Date().toISOString()}`);
