import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadConfig,
  loadSandboxConfig,
  runModeOf,
  SANDBOX_DEFAULTS,
  secretsOf,
} from '../../src/config.js';

const base = {
  SLACK_BOT_TOKEN: 'xoxb-1-abc',
  SLACK_SIGNING_SECRET: 'abcdef0123456789',
  SLACK_CHANNEL_ID: 'C0123456789',
  SCC_PARENT: 'organizations/123456789012',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c.pollIntervalSeconds).toBe(60);
    expect(c.initialLookbackHours).toBe(24);
    expect(c.relatedWindowMinutes).toBe(60);
    expect(c.stateDb).toBe('./data/escape-desk.sqlite');
    expect(c.port).toBe(3000);
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
    expect(c.slack.appToken).toBeUndefined();
    expect(c.scc.emulatorHost).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.stormThreshold).toBe(5);
  });

  it('reads every contract variable', () => {
    const c = loadConfig({
      ...base,
      SLACK_APP_TOKEN: 'xapp-1-A1-xyz',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      POLL_INTERVAL_SECONDS: '1',
      INITIAL_LOOKBACK_HOURS: '48',
      RELATED_WINDOW_MINUTES: '15',
      STATE_DB: '/tmp/x.sqlite',
      PORT: '8080',
      RESPONDER_USERGROUP_ID: 'S0RESPOND',
      SCC_EMULATOR_HOST: '127.0.0.1:8085',
      LOGGING_EMULATOR_HOST: 'localhost:8086',
      AIPLATFORM_EMULATOR_HOST: '[::1]:8087',
      LOG_LEVEL: 'debug',
    });
    expect(c).toMatchObject({
      slack: { appToken: 'xapp-1-A1-xyz', apiUrl: 'http://127.0.0.1:9999/api/' },
      pollIntervalSeconds: 1,
      initialLookbackHours: 48,
      relatedWindowMinutes: 15,
      stateDb: '/tmp/x.sqlite',
      port: 8080,
      responderUsergroupId: 'S0RESPOND',
      scc: { emulatorHost: '127.0.0.1:8085' },
      logging: { emulatorHost: 'localhost:8086' },
      aiplatform: { emulatorHost: '[::1]:8087' },
      logLevel: 'debug',
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ...base, SLACK_APP_TOKEN: '', PORT: ' ' }).port).toBe(3000);
  });

  it('names each missing variable on its own line, with how to get it', () => {
    const p = problems({});
    expect(p).toHaveLength(4);
    expect(p[0]).toMatch(/^SLACK_BOT_TOKEN is missing: .*manifest\.yml/);
    expect(p[1]).toMatch(/^SLACK_SIGNING_SECRET is missing/);
    expect(p[2]).toMatch(/^SLACK_CHANNEL_ID is missing/);
    expect(p[3]).toMatch(/^SCC_PARENT is missing/);
  });

  it('does not need a signing secret in Socket Mode', () => {
    const { SLACK_SIGNING_SECRET: _, ...rest } = base;
    expect(loadConfig({ ...rest, SLACK_APP_TOKEN: 'xapp-1-abc' }).slack.signingSecret).toBeUndefined();
  });

  it.each([
    ['POLL_INTERVAL_SECONDS', '0'],
    ['POLL_INTERVAL_SECONDS', 'fast'],
    ['PORT', '70000'],
    ['SCC_PARENT', 'org/1'],
    ['SLACK_CHANNEL_ID', '#alerts'],
    ['SLACK_API_URL', 'ftp://x'],
    ['SCC_EMULATOR_HOST', 'localhost'],
    ['LOG_LEVEL', 'loud'],
    ['SLACK_BOT_TOKEN', 'not-a-token'],
    ['RESPONDER_USERGROUP_ID', 'responders'],
  ])('rejects malformed %s=%s naming the variable', (key, value) => {
    const p = problems({ ...base, [key]: value });
    expect(p).toHaveLength(1);
    expect(p[0]?.startsWith(`${key}: `)).toBe(true);
  });

  it('never echoes a secret in its error', () => {
    const p = problems({ ...base, SLACK_BOT_TOKEN: 'bad secret value 123456' });
    expect(p.join('\n')).not.toContain('secret value 123456');
  });

  it('accepts POLL_INTERVAL_SECONDS of 1 (tests rely on it)', () => {
    expect(loadConfig({ ...base, POLL_INTERVAL_SECONDS: '1' }).pollIntervalSeconds).toBe(1);
  });
});

describe('runModeOf', () => {
  it('runs the sandbox when no SLACK_BOT_TOKEN is set, and says why', () => {
    expect(runModeOf({})).toEqual({ mode: 'sandbox', reason: 'no SLACK_BOT_TOKEN is set' });
    expect(runModeOf({ SLACK_BOT_TOKEN: '  ', SCC_PARENT: 'organizations/1' }).mode).toBe('sandbox');
  });

  it('runs against Slack when a token is set', () => {
    expect(runModeOf(base)).toEqual({ mode: 'slack', reason: 'SLACK_BOT_TOKEN is set' });
  });

  it('SANDBOX=1 forces the sandbox even with credentials; SANDBOX=0 forbids it', () => {
    expect(runModeOf({ ...base, SANDBOX: '1' }).mode).toBe('sandbox');
    expect(runModeOf({ ...base, SANDBOX: 'true' }).mode).toBe('sandbox');
    expect(runModeOf({ SANDBOX: '0' }).mode).toBe('slack');
    expect(problems({ SANDBOX: '0' })).toHaveLength(4);
  });

  it('never falls back to the sandbox under NODE_ENV=production (a missing secret must stop start-up)', () => {
    expect(runModeOf({ NODE_ENV: 'production' }).mode).toBe('slack');
    expect(runModeOf({ NODE_ENV: 'production', SANDBOX: '1' }).mode).toBe('sandbox');
  });

  it('rejects any other SANDBOX value, naming the variable', () => {
    expect(() => runModeOf({ SANDBOX: 'yes please' })).toThrow(ConfigError);
    try {
      runModeOf({ SANDBOX: 'maybe' });
    } catch (e) {
      expect((e as ConfigError).problems[0]).toMatch(/^SANDBOX: must be 1 .* or 0/);
    }
  });
});

describe('loadSandboxConfig', () => {
  const fakes = {
    slackApiUrl: 'http://127.0.0.1:4000/api/',
    sccHost: '127.0.0.1:4001',
    signingSecret: 'sandbox-secret-0123456789',
    stateDb: '/tmp/sandbox/state.sqlite',
  };

  it('points Slack and SCC at the fakes with sandbox defaults', () => {
    const c = loadSandboxConfig({}, fakes);
    expect(c).toMatchObject({
      slack: {
        botToken: SANDBOX_DEFAULTS.botToken,
        signingSecret: fakes.signingSecret,
        appToken: undefined,
        channelId: SANDBOX_DEFAULTS.channelId,
        apiUrl: fakes.slackApiUrl,
      },
      scc: { parent: SANDBOX_DEFAULTS.sccParent, emulatorHost: fakes.sccHost },
      pollIntervalSeconds: 3,
      stateDb: fakes.stateDb,
      port: 3000,
    });
  });

  it('never keeps real credentials or real Google endpoints, and parks services without a fake on a closed port', () => {
    const c = loadSandboxConfig(
      {
        ...base,
        SLACK_APP_TOKEN: 'xapp-1-real',
        SLACK_API_URL: 'https://slack.com/api/',
        SCC_EMULATOR_HOST: 'scc.example:443',
        STATE_DB: './data/escape-desk.sqlite',
      },
      fakes,
    );
    expect(secretsOf(c)).not.toContain(base.SLACK_BOT_TOKEN);
    expect(secretsOf(c)).not.toContain(base.SLACK_SIGNING_SECRET);
    expect(c.slack.appToken).toBeUndefined();
    expect(c.slack.apiUrl).toBe(fakes.slackApiUrl);
    expect(c.scc.emulatorHost).toBe(fakes.sccHost);
    expect(c.logging.emulatorHost).toBe('127.0.0.1:1');
    expect(c.aiplatform.emulatorHost).toBe('127.0.0.1:1');
    expect(c.stateDb).toBe(fakes.stateDb);
    // Given values that only shape behaviour are kept.
    expect(c.slack.channelId).toBe(base.SLACK_CHANNEL_ID);
    expect(c.scc.parent).toBe(base.SCC_PARENT);
  });

  it('uses the Logging and Vertex AI fakes when there are some', () => {
    const c = loadSandboxConfig({}, { ...fakes, loggingHost: '127.0.0.1:4002', aiplatformHost: '127.0.0.1:4003' });
    expect(c.logging.emulatorHost).toBe('127.0.0.1:4002');
    expect(c.aiplatform.emulatorHost).toBe('127.0.0.1:4003');
  });

  it('still reports malformed settings naming the variable', () => {
    expect(() => loadSandboxConfig({ PORT: 'x', POLL_INTERVAL_SECONDS: '0' }, fakes)).toThrow(/PORT: must be/);
  });
});
