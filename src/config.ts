import { z } from 'zod';

/**
 * The only reader of the environment. Names are a contract (see README / DESIGN):
 * end-to-end checks drive the bot through exactly these variables.
 */
export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    channelId: string;
    apiUrl: string;
  };
  scc: { parent: string; emulatorHost: string | undefined };
  logging: { emulatorHost: string | undefined };
  aiplatform: { emulatorHost: string | undefined };
  pollIntervalSeconds: number;
  initialLookbackHours: number;
  relatedWindowMinutes: number;
  stormThreshold: number;
  /** top-level posts + thread replies per channel per second (Slack allows about 1) */
  slackPostsPerSecond: number;
  stateDb: string;
  port: number;
  responderUsergroupId: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const HOW_TO_GET_SLACK = 'create the app from manifest.yml at https://api.slack.com/apps, install it, then copy';

// An empty string in .env means "not set": people leave `SLACK_APP_TOKEN=` lines in place.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const intIn = (min: number, max: number, dflt: number) =>
  optional(
    z
      .string()
      .regex(/^\s*\d+\s*$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  ).transform((v) => v ?? dflt);

const hostPort = optional(
  z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:8085'),
);

const schema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xox[a-z]-[A-Za-z0-9-]+$/, 'must be a bot token that starts with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'looks too short to be a signing secret')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token (xapp-…)')),
  SLACK_CHANNEL_ID: optional(
    z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a channel id like C0123456789, not a #name'),
  ),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  SCC_PARENT: optional(
    z
      .string()
      .regex(
        /^(organizations\/\d+|folders\/\d+|projects\/[A-Za-z0-9-]+)$/,
        'must be organizations/ORG_ID, folders/FOLDER_ID or projects/PROJECT',
      ),
  ),
  POLL_INTERVAL_SECONDS: intIn(1, 86_400, 60),
  INITIAL_LOOKBACK_HOURS: intIn(0, 24 * 90, 24),
  RELATED_WINDOW_MINUTES: intIn(1, 24 * 60, 60),
  STORM_THRESHOLD: intIn(1, 10_000, 5),
  SLACK_POSTS_PER_SECOND: intIn(1, 50, 1),
  STATE_DB: optional(z.string()),
  PORT: intIn(0, 65_535, 3000),
  RESPONDER_USERGROUP_ID: optional(z.string().regex(/^S[A-Z0-9]{2,}$/, 'must be a user group id like S0123ABC')),
  SCC_EMULATOR_HOST: hostPort,
  LOGGING_EMULATOR_HOST: hostPort,
  AIPLATFORM_EMULATOR_HOST: hostPort,
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

/** Pure: parses a plain env object. Throws ConfigError with one line per problem, each naming its variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  const malformed = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '?');
      malformed.add(key);
      problems.push(`${key}: ${issue.message} (got ${JSON.stringify(redactIfSecret(key, env[key]))})`);
    }
  }
  const e = parsed.success ? parsed.data : undefined;
  const isSet = (key: string) => malformed.has(key) || (env[key] ?? '').trim() !== '';
  if (!isSet('SLACK_BOT_TOKEN')) {
    problems.push(
      `SLACK_BOT_TOKEN is missing: ${HOW_TO_GET_SLACK} OAuth & Permissions → Bot User OAuth Token (xoxb-…)`,
    );
  }
  if (!isSet('SLACK_APP_TOKEN') && !isSet('SLACK_SIGNING_SECRET')) {
    problems.push(
      `SLACK_SIGNING_SECRET is missing: ${HOW_TO_GET_SLACK} Basic Information → Signing Secret (or set SLACK_APP_TOKEN for Socket Mode)`,
    );
  }
  if (!isSet('SLACK_CHANNEL_ID')) {
    problems.push(
      'SLACK_CHANNEL_ID is missing: open the channel in Slack → channel details → copy the Channel ID (C…)',
    );
  }
  if (!isSet('SCC_PARENT')) {
    problems.push(
      'SCC_PARENT is missing: set organizations/ORG_ID (or folders/ID, projects/ID) whose findings to watch',
    );
  }
  if (problems.length > 0 || !e || !e.SLACK_BOT_TOKEN || !e.SLACK_CHANNEL_ID || !e.SCC_PARENT) {
    throw new ConfigError(problems);
  }
  const apiUrl = e.SLACK_API_URL ?? 'https://slack.com/api/';
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      channelId: e.SLACK_CHANNEL_ID,
      apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    },
    scc: { parent: e.SCC_PARENT, emulatorHost: e.SCC_EMULATOR_HOST },
    logging: { emulatorHost: e.LOGGING_EMULATOR_HOST },
    aiplatform: { emulatorHost: e.AIPLATFORM_EMULATOR_HOST },
    pollIntervalSeconds: e.POLL_INTERVAL_SECONDS,
    initialLookbackHours: e.INITIAL_LOOKBACK_HOURS,
    relatedWindowMinutes: e.RELATED_WINDOW_MINUTES,
    stormThreshold: e.STORM_THRESHOLD,
    slackPostsPerSecond: e.SLACK_POSTS_PER_SECOND,
    stateDb: e.STATE_DB ?? './data/escape-desk.sqlite',
    port: e.PORT,
    responderUsergroupId: e.RESPONDER_USERGROUP_ID,
    logLevel: e.LOG_LEVEL ?? 'info',
  };
}

/** Which world the bot runs in: real Slack and Google, or the built-in fakes with a local page. */
export type RunMode = 'slack' | 'sandbox';

/**
 * Pure, like loadConfig. `SANDBOX=1` forces the sandbox, `SANDBOX=0` forbids it (missing credentials
 * are then the usual configuration error); unset, a missing SLACK_BOT_TOKEN means sandbox, except
 * under NODE_ENV=production (the Docker image), where a forgotten secret must stop start-up rather
 * than quietly serve a demo.
 */
export function runModeOf(env: Record<string, string | undefined>): { mode: RunMode; reason: string } {
  const raw = (env.SANDBOX ?? '').trim().toLowerCase();
  if (raw === '1' || raw === 'true') return { mode: 'sandbox', reason: 'SANDBOX=1' };
  if (raw === '0' || raw === 'false') return { mode: 'slack', reason: 'SANDBOX=0' };
  if (raw !== '') {
    throw new ConfigError([
      `SANDBOX: must be 1 (always run the sandbox) or 0 (never; missing credentials are an error) (got ${JSON.stringify(env.SANDBOX)})`,
    ]);
  }
  if ((env.SLACK_BOT_TOKEN ?? '').trim() !== '') return { mode: 'slack', reason: 'SLACK_BOT_TOKEN is set' };
  if (env.NODE_ENV === 'production') return { mode: 'slack', reason: 'NODE_ENV=production' };
  return { mode: 'sandbox', reason: 'no SLACK_BOT_TOKEN is set' };
}

export const SANDBOX_DEFAULTS = {
  channelId: 'C0SANDBOX01',
  sccParent: 'organizations/123456789012',
  pollIntervalSeconds: '3',
  // The fake Slack has no rate limit; a demo should not wait a second per card.
  slackPostsPerSecond: '10',
  botToken: 'xoxb-sandbox-local-fake-slack',
} as const;

const SANDBOX_NO_SERVICE = '127.0.0.1:1';

/** Where the in-process fakes listen, and what the sandbox made up for this run. */
export interface SandboxEndpoints {
  slackApiUrl: string;
  sccHost: string;
  loggingHost?: string;
  aiplatformHost?: string;
  signingSecret: string;
  stateDb: string;
}

/**
 * The configuration for sandbox mode, through the same schema as the real one. Slack credentials
 * and emulator hosts are replaced by the fakes' (a real token is never sent anywhere); STATE_DB is a
 * fresh file because the fake Slack starts empty; SCC_PARENT, SLACK_CHANNEL_ID and
 * POLL_INTERVAL_SECONDS get sandbox defaults; everything else is read as usual.
 */
export function loadSandboxConfig(env: Record<string, string | undefined>, fakes: SandboxEndpoints): Config {
  const given = (key: string) => ((env[key] ?? '').trim() === '' ? undefined : env[key]);
  return loadConfig({
    ...env,
    SLACK_BOT_TOKEN: SANDBOX_DEFAULTS.botToken,
    SLACK_SIGNING_SECRET: fakes.signingSecret,
    SLACK_APP_TOKEN: undefined,
    SLACK_API_URL: fakes.slackApiUrl,
    SLACK_CHANNEL_ID: given('SLACK_CHANNEL_ID') ?? SANDBOX_DEFAULTS.channelId,
    SCC_PARENT: given('SCC_PARENT') ?? SANDBOX_DEFAULTS.sccParent,
    POLL_INTERVAL_SECONDS: given('POLL_INTERVAL_SECONDS') ?? SANDBOX_DEFAULTS.pollIntervalSeconds,
    SLACK_POSTS_PER_SECOND: given('SLACK_POSTS_PER_SECOND') ?? SANDBOX_DEFAULTS.slackPostsPerSecond,
    SCC_EMULATOR_HOST: fakes.sccHost,
    // A service without a fake gets a closed loopback port: it fails clearly and never reaches Google.
    LOGGING_EMULATOR_HOST: fakes.loggingHost ?? SANDBOX_NO_SERVICE,
    AIPLATFORM_EMULATOR_HOST: fakes.aiplatformHost ?? SANDBOX_NO_SERVICE,
    STATE_DB: fakes.stateDb,
  });
}

const SECRET_KEYS = new Set(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']);

function redactIfSecret(key: string, value: string | undefined): string | undefined {
  if (value === undefined || !SECRET_KEYS.has(key)) return value;
  return value.length <= 4 ? '****' : `${value.slice(0, 4)}…(${value.length} chars)`;
}

/** Values that must never reach logs or Slack. */
export function secretsOf(config: Config): string[] {
  return [config.slack.botToken, config.slack.signingSecret, config.slack.appToken].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
}
