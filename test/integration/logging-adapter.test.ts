import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoggingAdapter } from '../../src/adapters/gcp/logging.js';
import { MissingPermission, UpstreamError } from '../../src/errors.js';
import { FakeLogging } from '../../src/fakes/logging-server.js';
import { agentLogFilter } from '../../src/services/investigate.js';
import { logFixture } from '../helpers/fixtures.js';

const WINDOW = { start: '2026-11-30T13:02:11.482Z', end: '2026-11-30T15:02:11.482Z' };
const FILTER = agentLogFilter('6203984713348243456', 'us-central1', WINDOW);
let fake: FakeLogging;
let adapter: LoggingAdapter;

beforeAll(async () => {
  fake = new FakeLogging();
  await fake.start();
  adapter = new LoggingAdapter(fake.address);
});
afterAll(async () => {
  await adapter.close();
  await fake.stop();
});
beforeEach(() => {
  fake.clear();
  fake.grpc.clearFaults();
  fake.grpc.calls.length = 0;
  fake.add(logFixture('support-triage-agent'));
});

describe('LoggingAdapter against the fake Cloud Logging (real @google-cloud/logging client, real gRPC)', () => {
  it('reads the agent entries in the window, newest first, with the exact request we mean', async () => {
    const page = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 1000 });
    expect(page.entries).toHaveLength(55);
    expect(page.more).toBe(false);
    const times = page.entries.map((e) => e.timestamp);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.entries.some((e) => e.text.includes('OUTSIDE-WINDOW') || e.text.includes('OTHER-AGENT'))).toBe(false);
    const req = fake.grpc.callsOf('ListLogEntries')[0]?.request;
    expect(req).toMatchObject({
      resourceNames: ['projects/acme-agents-prod'],
      orderBy: 'timestamp desc',
      filter: FILTER,
    });
  });

  it('turns text, JSON and proto payloads into text with severity and stream', async () => {
    const { entries } = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 1000 });
    const nsenter = entries.find((e) => e.text === 'subprocess /usr/bin/nsenter exited with status 0');
    expect(nsenter).toMatchObject({
      severity: 'ERROR',
      log: 'reasoning_engine_stderr',
      timestamp: '2026-11-30T14:02:11.482Z',
    });
    expect(entries.find((e) => e.text.startsWith('root:$6$'))?.severity).toBe('ERROR');
    expect(entries.find((e) => e.text.includes('AuditLog'))?.text).toBe(
      '[type.googleapis.com/google.cloud.audit.AuditLog]',
    );
  });

  it('pages, and stops at the bound', async () => {
    const page = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 20 });
    expect(page.entries).toHaveLength(20);
    expect(page.more).toBe(true);
    fake.grpc.calls.length = 0;
    const extra = Array.from({ length: 1200 }, (_, i) => ({
      ...logFixture('support-triage-agent')[0]!,
      insertId: `bulk${i}`,
      timestamp: new Date(Date.parse('2026-11-30T14:00:00Z') + i).toISOString(),
    }));
    fake.add(extra);
    const big = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 1000 });
    expect(big.entries).toHaveLength(1000);
    expect(big.more).toBe(true);
    expect(fake.grpc.callsOf('ListLogEntries').length).toBe(2);
  });

  it('refuses a query without explicit time bounds before calling Google', async () => {
    await expect(
      adapter.list({
        project: 'acme-agents-prod',
        filter: 'resource.type="aiplatform.googleapis.com/ReasoningEngine"',
        max: 5,
      }),
    ).rejects.toThrow(/explicit timestamp bounds/);
    expect(fake.grpc.calls).toHaveLength(0);
  });

  it('maps PERMISSION_DENIED to roles/logging.viewer and RESOURCE_EXHAUSTED to an upstream error', async () => {
    fake.grpc.fail('ListLogEntries', status.PERMISSION_DENIED, 'logging.logEntries.list denied');
    const denied = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 5 }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(MissingPermission);
    expect((denied as MissingPermission).role).toBe('roles/logging.viewer');
    fake.grpc.fail('ListLogEntries', status.RESOURCE_EXHAUSTED, 'quota', 1);
    const quota = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 5 }).catch((e: unknown) => e);
    expect(quota).toBeInstanceOf(UpstreamError);
    expect((quota as UpstreamError).code).toBe('RESOURCE_EXHAUSTED');
  });

  it('lets the client retry a brief UNAVAILABLE within the deadline', async () => {
    fake.grpc.fail('ListLogEntries', status.UNAVAILABLE, 'blip', 2);
    const page = await adapter.list({ project: 'acme-agents-prod', filter: FILTER, max: 5 });
    expect(page.entries).toHaveLength(5);
    expect(fake.grpc.callsOf('ListLogEntries')).toHaveLength(3);
  });

  it('the fake rejects filter fields outside the subset, loudly', async () => {
    const err = await adapter
      .list({ project: 'acme-agents-prod', filter: `${FILTER} AND jsonPayload.user="x"`, max: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).code).toBe('INVALID_ARGUMENT');
  });

  it('the fake compares severity by rank', async () => {
    const page = await adapter.list({
      project: 'acme-agents-prod',
      filter: `${FILTER} AND severity >= ERROR`,
      max: 100,
    });
    expect(page.entries.length).toBeGreaterThan(0);
    expect(new Set(page.entries.map((e) => e.severity))).toEqual(new Set(['ERROR']));
  });
});
