import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/fakes/slack-server.js';
import { type BotProcess, freePort, postSigned, START_ARGS, startBot, TEST_SECRETS } from '../helpers/bot-process.js';
import { slashCommandBody } from '../helpers/slack-requests.js';

/** Mode selection as a newcomer and an operator meet it, on the built app. */

describe('SANDBOX=1 with real-looking credentials', () => {
  let realSlack: FakeSlack;
  let bot: BotProcess;
  let port: number;

  beforeAll(async () => {
    // Stands in for the real Slack the credentials belong to: the sandbox must never call it.
    realSlack = new FakeSlack({ token: TEST_SECRETS.botToken });
    await realSlack.start();
    port = await freePort();
    bot = await startBot(
      {
        SANDBOX: '1',
        SLACK_BOT_TOKEN: TEST_SECRETS.botToken,
        SLACK_SIGNING_SECRET: TEST_SECRETS.signingSecret,
        SLACK_API_URL: realSlack.url,
        SLACK_CHANNEL_ID: 'C0REALCHAN1',
        SCC_PARENT: 'organizations/123456789012',
        PORT: String(port),
      },
      { waitReady: false },
    );
    await bot.waitForLog(/escape-desk ready/, 45_000);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await realSlack?.stop();
  });

  it('starts the sandbox, says so with the URL, and never talks to the configured Slack', async () => {
    await bot.waitForLog(/SANDBOX MODE \(SANDBOX=1\)/);
    expect(bot.logs.join('\n')).toContain(`http://localhost:${port}/sandbox`);
    const res = await fetch(`http://127.0.0.1:${port}/sandbox`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'sha256-/);
    const html = await res.text();
    expect(html).toContain('escape-desk · sandbox');
    expect(realSlack.calls).toHaveLength(0);
    expect(bot.logs.join('\n')).not.toContain(TEST_SECRETS.botToken);
  });

  it('keeps /healthz and /slack/events: the real signing secret is not the sandbox one', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const body = slashCommandBody('x', 'U0X', 'C0REALCHAN1');
    const { createHmac } = await import('node:crypto');
    const ts = Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', TEST_SECRETS.signingSecret).update(`v0:${ts}:${body}`).digest('hex')}`;
    const r = await postSigned(port, '/slack/events', body, {
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sig,
    });
    expect(r.status).toBe(401);
  });

  it('answers page requests only for localhost host names (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/sandbox', headers: { host: `evil.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const post = await fetch(`http://127.0.0.1:${port}/sandbox/inject`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(post.status).toBe(400);
  });
});

describe('start-up without credentials', () => {
  it('SANDBOX=0 stops with the configuration error (exit 2) instead of starting the sandbox', () => {
    const r = spawnSync(process.execPath, [...START_ARGS], {
      env: { PATH: process.env.PATH ?? '', SANDBOX: '0' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLACK_BOT_TOKEN is missing: .*xoxb/);
    expect(r.stderr).not.toMatch(/SANDBOX MODE/);
  });

  it('NODE_ENV=production (the Docker image) never falls back to the sandbox', () => {
    const r = spawnSync(process.execPath, [...START_ARGS], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('a malformed SANDBOX value is a configuration error naming it', () => {
    const r = spawnSync(process.execPath, [...START_ARGS], {
      env: { PATH: process.env.PATH ?? '', SANDBOX: 'sometimes' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SANDBOX: must be 1/);
  });
});
