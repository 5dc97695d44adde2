import type { CustomRoute } from '@slack/bolt';
import dotenv from 'dotenv';
import type { Logger } from 'pino';
import { AiplatformAdapter } from './adapters/gcp/aiplatform.js';
import { LoggingAdapter } from './adapters/gcp/logging.js';
import { SccAdapter } from './adapters/gcp/scc.js';
import { SlackApi } from './adapters/slack/slack-api.js';
import { buildApp, registerListeners, SLACK_EVENTS_PATH } from './app.js';
import { findingCard } from './blocks/card.js';
import { cardActions } from './blocks/card-actions.js';
import { type Config, ConfigError, loadConfig, loadSandboxConfig, runModeOf, secretsOf } from './config.js';
import { Health } from './health.js';
import { createLogger } from './logger.js';
import { cardStatusOf } from './services/card-status.js';
import { CardService } from './services/cards.js';
import { ChecklistService } from './services/checklist.js';
import { Coalescer } from './services/coalescer.js';
import { Ingest } from './services/ingest.js';
import { InvestigateService } from './services/investigate.js';
import { LifecycleService } from './services/lifecycle.js';
import { LookupService } from './services/lookup.js';
import { marksWriter } from './services/marks.js';
import { Outbox } from './services/outbox.js';
import { Permissions } from './services/permissions.js';
import { StormService } from './services/storm.js';
import { AuditStore } from './store/audit-store.js';
import { ChecklistStore } from './store/checklist-store.js';
import { openDb } from './store/db.js';
import { FindingsStore } from './store/findings-store.js';
import { LifecycleStore } from './store/lifecycle-store.js';
import { OutboxStore } from './store/outbox-store.js';
import { StormStore } from './store/storm-store.js';

/** New findings on one agent within this window count towards STORM_THRESHOLD; a group stays open as long. */
const STORM_WINDOW_MS = 30 * 60_000;

const FATAL_AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

function orExit<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `escape-desk: cannot start, configuration is incomplete:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\nSee README.md ("Configuration") and .env.sample.\n`,
    );
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  dotenv.config({ quiet: true });
  const { mode, reason } = orExit(() => runModeOf(process.env));
  if (mode === 'slack') {
    const config = orExit(() => loadConfig(process.env));
    await startBot(config, createLogger(config.logLevel, secretsOf(config)), { startedAt });
    return;
  }
  await startSandbox(reason, startedAt);
}

/**
 * Sandbox mode: the same startBot path, against in-process fakes of Slack and Google, plus a local
 * page (GET /sandbox) that shows the channel and sends signed Slack requests back to the bot.
 */
async function startSandbox(reason: string, startedAt: number): Promise<void> {
  // Every Google client talks to a fake; none may go looking for a metadata server or credentials.
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  // Loaded only here: the fakes and sample data have no business in a production process's memory.
  const [{ SandboxWorld }, { SANDBOX_PATH, SandboxPage }] = await Promise.all([
    import('./sandbox/world.js'),
    import('./sandbox/routes.js'),
  ]);
  const world = await SandboxWorld.start();
  const config = orExit(() => loadSandboxConfig(process.env, world.endpoints));
  const log = createLogger(config.logLevel, secretsOf(config));
  world.allowResponder(config.responderUsergroupId);
  const page = new SandboxPage(world, { channel: config.slack.channelId, signingSecret: world.signingSecret, log });
  const { port } = await startBot(config, log, {
    startedAt,
    customRoutes: page.routes(),
    // The page drives fake data only, but it can post to the bot: keep it on this machine.
    host: '127.0.0.1',
    beforeStop: async () => page.closeStreams(),
    afterStop: () => world.stop(),
  });
  page.appPort = port;
  world.aiplatformReady.then(
    () => log.debug('sandbox: fake Vertex AI ready'),
    (err: unknown) => log.error({ err }, 'sandbox: the fake Vertex AI did not start; Agent settings will fail'),
  );
  const url = `http://localhost:${port}${SANDBOX_PATH}`;
  log.warn(
    { mode: 'sandbox', reason, url },
    `SANDBOX MODE (${reason}): fake Slack and Google services, no real credentials used. Open ${url}`,
  );
  process.stderr.write(
    `\n  escape-desk is running in SANDBOX MODE (${reason}).\n  Open ${url} to see the channel.\n  Set SLACK_BOT_TOKEN (see README "Setup") to talk to real Slack.\n\n`,
  );
}

interface BotOptions {
  startedAt: number;
  /** extra HTTP routes on PORT */
  customRoutes?: CustomRoute[];
  /** listen address (default: all interfaces) */
  host?: string;
  /** runs first on shutdown (e.g. the sandbox ends its event streams so the server can close) */
  beforeStop?: () => Promise<void>;
  /** runs last on shutdown */
  afterStop?: () => Promise<void>;
}

/** The one start-up path for both modes: store, clients, Bolt app, listeners, HTTP server, ingest. */
async function startBot(config: Config, log: Logger, opts: BotOptions): Promise<{ port: number }> {
  const health = new Health();
  const db = openDb(config.stateDb);
  const store = new FindingsStore(db);
  const scc = new SccAdapter(config.scc.emulatorHost);
  const { app } = buildApp(config, log, health, opts.customRoutes);
  const now = () => new Date();
  // Every Slack write goes through the journal; nothing else talks to the Web API for writes.
  const outboxStore = new OutboxStore(db);
  const outbox = new Outbox(new SlackApi(app.client), outboxStore, {
    postsPerSecond: config.slackPostsPerSecond,
    now,
    log: log.child({ component: 'outbox' }),
  });
  const slack = outbox;
  const checklistStore = new ChecklistStore(db);
  const lifecycleStore = new LifecycleStore(db);
  const audit = new AuditStore(db);
  // The card shows what we store about the response (steps, claim, who muted/resolved) beside what SCC says.
  const render = (f: Parameters<typeof findingCard>[0]) => {
    const { status, menus } = cardStatusOf(f, checklistStore, lifecycleStore);
    return findingCard(f, {
      relatedWindowMinutes: config.relatedWindowMinutes,
      status,
      actions: [cardActions(f.name, menus)],
    });
  };
  const cards = new CardService({ store, slack, channel: config.slack.channelId, render, now, log });
  const lookup = new LookupService(store, scc, config.scc.parent, now);
  const logging = new LoggingAdapter(config.logging.emulatorHost);
  const agents = new AiplatformAdapter(config.aiplatform.emulatorHost);
  const investigate = new InvestigateService({
    findings: scc,
    logs: logging,
    agents,
    lookup,
    sccParent: config.scc.parent,
    windowMinutes: config.relatedWindowMinutes,
    now,
  });
  const cardRefresh = new Coalescer((name) => cards.rerender(name), 'card refresh', log);
  const marksSync = new Coalescer(marksWriter(scc, checklistStore, lifecycleStore, log), 'security marks', log);
  const permissions = new Permissions(slack, config.responderUsergroupId, audit, now);
  const response = { audit, permissions, slack, cardRefresh, marksSync, now, log };
  const checklist = new ChecklistService({ ...response, store: checklistStore });
  const lifecycle = new LifecycleService({ ...response, store: lifecycleStore, scc, cards });
  registerListeners(app, {
    channel: config.slack.channelId,
    cards,
    lookup,
    investigate,
    slack,
    log,
    checklist,
    lifecycle,
    onInvestigated: (e) =>
      checklist.completeFromInvestigation(
        { channel: e.channel, threadTs: e.threadTs },
        e.findingName,
        e.step,
        e.userId,
      ),
  });

  await initSlack(app, log);
  health.ok('slack');
  const server = await app.start(opts.host ? { port: config.port, host: opts.host } : config.port);
  const address = (server as { address?: () => unknown } | undefined)?.address?.();
  const port = typeof address === 'object' && address && 'port' in address ? Number(address.port) : config.port;
  log.info(
    {
      port,
      mode: config.slack.appToken ? 'socket' : 'http',
      path: config.slack.appToken ? undefined : SLACK_EVENTS_PATH,
      readyMs: Math.round(performance.now() - opts.startedAt),
    },
    `escape-desk ready on port ${port}`,
  );

  const resume = async () => {
    const r = await outbox.resume();
    if (r.adopted || r.resent) log.info(r, 'finished Slack writes left open by the last run');
  };
  await resume().catch((err: unknown) =>
    log.warn({ err }, 'could not resume the Slack outbox yet; retrying each cycle'),
  );

  const ingest = new Ingest({
    source: scc,
    cards,
    store,
    sccParent: config.scc.parent,
    pollIntervalSeconds: config.pollIntervalSeconds,
    initialLookbackHours: config.initialLookbackHours,
    now,
    log: log.child({ component: 'ingest' }),
    health,
    beforeCycle: resume,
    storm: new StormService({
      db,
      store,
      storms: new StormStore(db),
      outbox,
      outboxStore,
      channel: config.slack.channelId,
      threshold: config.stormThreshold,
      windowMs: STORM_WINDOW_MS,
      now,
      log: log.child({ component: 'storm' }),
    }),
  });
  ingest.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await ingest.stop();
    await Promise.all([cardRefresh.settled(), marksSync.settled()]);
    await opts.beforeStop?.().catch(() => undefined);
    await app.stop().catch(() => undefined);
    await scc.close().catch(() => undefined);
    await logging.close().catch(() => undefined);
    await agents.close().catch(() => undefined);
    db.close();
    await opts.afterStop?.().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return { port };
}

/** auth.test through Bolt; a bad token stops start-up with a clear line, a flaky network is retried. */
async function initSlack(app: { init(): Promise<void> }, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await app.init();
      return;
    } catch (err) {
      const code = (err as { data?: { error?: string }; code?: string })?.data?.error;
      if (code && FATAL_AUTH_ERRORS.has(code)) {
        log.fatal({ code }, `Slack rejected SLACK_BOT_TOKEN (${code}); reinstall the app and copy a fresh xoxb- token`);
        process.exit(2);
      }
      if (attempt >= 6) {
        log.fatal({ err }, 'could not reach Slack (auth.test) after 6 attempts; check SLACK_API_URL and the network');
        process.exit(1);
      }
      log.warn({ err, attempt }, 'Slack auth.test failed; retrying');
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`escape-desk: fatal: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
