import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../src/fakes/slack-server.js';
import { guardSlackRequests } from '../../src/http/request-guard.js';
import { postSigned } from '../helpers/bot-process.js';

const SECRET = 'guard-test-secret';
const events: string[] = [];
let bolt = 0;
let server: Server;
let port: number;

beforeAll(async () => {
  const listener = guardSlackRequests(
    (_req, res) => {
      bolt++;
      res.writeHead(200).end('bolt');
    },
    {
      signingSecret: SECRET,
      path: '/slack/events',
      maxBodyBytes: 64 * 1024,
      toleranceSeconds: 300,
      log: pino({ level: 'silent' }),
      // "ack first" for bodies starting with "click", the rest goes to the next listener (Bolt)
      ackFirst: (_type, body) => {
        if (!body.startsWith('click')) return undefined;
        return () => {
          events.push(`work ${body}`);
          if (body.endsWith('boom')) throw new Error('work failed');
        };
      },
    },
  );
  // What the client can observe: the moment each response has been handed to the socket.
  server = createServer((req, res) => {
    res.on('finish', () => events.push(`sent ${String(req.headers['x-body'])}`));
    listener(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const send = (body: string) =>
  postSigned(port, '/slack/events', body, { ...signSlackRequest(SECRET, body), 'x-body': body });

describe('request guard: acknowledging clicks before their work', () => {
  it('answers claimed requests itself, runs each one’s work once and only after its response is sent, and passes the rest on', async () => {
    const bodies = Array.from({ length: 30 }, (_, i) => `click=${i}`);
    const answers = await Promise.all([...bodies.map(send), send('command=x')]);
    expect(answers.map((a) => a.status)).toEqual(Array(31).fill(200));
    expect(answers.slice(0, 30).map((a) => a.text)).toEqual(Array(30).fill(''));
    expect(answers[30]?.text).toBe('bolt');
    expect(bolt).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    for (const b of bodies) {
      expect(events.filter((e) => e === `work ${b}`)).toHaveLength(1);
      expect(events.indexOf(`sent ${b}`)).toBeGreaterThanOrEqual(0);
      expect(events.indexOf(`sent ${b}`)).toBeLessThan(events.indexOf(`work ${b}`));
    }
  });

  it('keeps running queued work after one item throws', async () => {
    await Promise.all(['click=boom', 'click=after-1', 'click=after-2'].map(send));
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('work click=after-2');
    await send('click=later');
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('work click=later');
  });

  it('never claims a request whose signature is wrong', async () => {
    const body = 'click=forged';
    const res = await postSigned(port, '/slack/events', body, signSlackRequest('not-the-secret', body));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).not.toContain('work click=forged');
  });
});
