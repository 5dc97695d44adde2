import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AiplatformAdapter } from '../../src/adapters/gcp/aiplatform.js';
import { InvalidPayload, MissingPermission, UpstreamError, UpstreamNotFound } from '../../src/errors.js';
import { FakeAiplatform } from '../../src/fakes/aiplatform-server.js';
import { agentFixture } from '../helpers/fixtures.js';

const TRIAGE = agentFixture('support-triage-agent');
let fake: FakeAiplatform;
let adapter: AiplatformAdapter;

beforeAll(async () => {
  fake = new FakeAiplatform();
  await fake.start();
  adapter = new AiplatformAdapter(fake.address);
});
afterAll(async () => {
  await adapter.close();
  await fake.stop();
});
beforeEach(() => {
  fake.clear();
  fake.grpc.clearFaults();
  fake.grpc.calls.length = 0;
  for (const n of ['support-triage-agent', 'deepce-dev-agent']) fake.upsertEngine(agentFixture(n));
});

describe('AiplatformAdapter against the fake Vertex AI (real ReasoningEngineServiceClient, real gRPC)', () => {
  it('reads an agent into our settings: names of env vars and secrets, never values', async () => {
    const a = await adapter.get(TRIAGE.name);
    expect(a).toEqual({
      name: TRIAGE.name,
      displayName: 'support-triage-agent',
      description: 'Routes support tickets to the right queue.',
      createTime: '2026-10-02T09:12:44.120Z',
      updateTime: '2026-11-30T11:40:03.000Z',
      agentFramework: 'langchain',
      pythonVersion: '3.11',
      pickleObjectGcsUri: 'gs://acme-agents-prod-staging/agent_engine/agent_engine.pkl',
      requirementsGcsUri: 'gs://acme-agents-prod-staging/agent_engine/requirements.txt',
      dependencyFilesGcsUri: 'gs://acme-agents-prod-staging/agent_engine/dependencies.tar.gz',
      serviceAccount: 'triage-agent@acme-agents-prod.iam.gserviceaccount.com',
      classMethods: ['query', 'stream_query'],
      envNames: ['LOG_LEVEL', 'OPENAI_API_KEY', 'TICKET_QUEUE'],
      secretEnv: [
        { name: 'DB_PASSWORD', secret: 'triage-db-password' },
        { name: 'ZENDESK_TOKEN', secret: 'zendesk-api-token' },
      ],
      labels: { team: 'support', env: 'prod' },
    });
    expect(JSON.stringify(a)).not.toContain('sk-live-FAKE');
    expect(fake.grpc.callsOf('GetReasoningEngine')[0]?.request).toEqual({ name: TRIAGE.name });
  }, 45_000); // cold client load in the worker

  it('reads a source-code deployment with the default service agent', async () => {
    const a = await adapter.get(agentFixture('deepce-dev-agent').name);
    expect(a).toMatchObject({ serviceAccount: '', pythonVersion: '3.12', agentFramework: 'google-adk', envNames: [] });
  });

  it('maps NOT_FOUND (agent deleted) and PERMISSION_DENIED (role to grant)', async () => {
    const gone = 'projects/acme-agents-prod/locations/us-central1/reasoningEngines/404';
    const nf = await adapter.get(gone).catch((e: unknown) => e);
    expect(nf).toBeInstanceOf(UpstreamNotFound);
    expect((nf as UpstreamNotFound).what).toBe(gone);
    fake.grpc.fail('GetReasoningEngine', status.PERMISSION_DENIED, 'aiplatform.reasoningEngines.get denied');
    const denied = await adapter.get(TRIAGE.name).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(MissingPermission);
    expect((denied as MissingPermission).role).toBe('roles/aiplatform.viewer');
  });

  it('gives up at the deadline instead of hanging', async () => {
    fake.grpc.fail('GetReasoningEngine', status.RESOURCE_EXHAUSTED, 'quota');
    const err = await adapter.get(TRIAGE.name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).code).toBe('RESOURCE_EXHAUSTED');
  });

  it('refuses a location that is not a plain region name (it would pick the endpoint host)', async () => {
    const err = await adapter.get('projects/p/locations/evil.example:443#/reasoningEngines/1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidPayload);
    expect(fake.grpc.calls).toHaveLength(0);
  });

  it('keeps the main thread free while the client loads', async () => {
    const fresh = new AiplatformAdapter(fake.address);
    let maxGap = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    try {
      await fresh.get(TRIAGE.name);
    } finally {
      clearInterval(tick);
      await fresh.close();
    }
    console.log(`longest main-thread stall during a cold Vertex AI client load: ${maxGap.toFixed(0)} ms`);
    expect(maxGap).toBeLessThan(300);
  }, 45_000);
});
