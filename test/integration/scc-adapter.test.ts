import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCC_PAGE_SIZE, SccAdapter } from '../../src/adapters/gcp/scc.js';
import { MissingPermission, UpstreamError } from '../../src/errors.js';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { escapeFilter, listParent, namesFilter } from '../../src/services/ingest.js';
import { fixture, freshFixture } from '../helpers/fixtures.js';

const PARENT = listParent('organizations/123456789012');
let scc: FakeScc;
let adapter: SccAdapter;

async function collect(filter: string, parent = PARENT) {
  const out = [];
  for await (const r of adapter.list(parent, filter)) out.push(r);
  return out;
}

beforeAll(async () => {
  scc = new FakeScc();
  await scc.start();
  adapter = new SccAdapter(scc.address);
});
afterAll(async () => {
  await adapter.close();
  await scc.stop();
});
beforeEach(() => {
  scc.clear();
  scc.grpc.clearFaults();
  scc.grpc.calls.length = 0;
});

describe('SccAdapter against the fake SCC v2 (real client, real gRPC)', () => {
  it('lists container-escape findings since a time, and only those', async () => {
    for (const n of ['escape-nsenter', 'related-reverse-shell', 'related-muted-old']) scc.upsert(fixture(n));
    const got = await collect(escapeFilter('2026-11-30T00:00:00Z'));
    expect(got.map((r) => r.ok && r.finding.name)).toEqual([fixture('escape-nsenter').finding.name]);
    const req = scc.grpc.callsOf('ListFindings')[0]?.request;
    expect(req).toMatchObject({ parent: PARENT, pageSize: SCC_PAGE_SIZE });
    expect(req?.filter).toBe(
      'category="Execution: Container Escape" AND state="ACTIVE" AND event_time >= "2026-11-30T00:00:00Z"',
    );
  });

  it('converts the SDK objects into our Finding, timestamps included', async () => {
    scc.upsert(fixture('escape-nsenter'));
    const [r] = await collect('');
    expect(r?.ok && r.finding).toMatchObject({
      severity: 'HIGH',
      state: 'ACTIVE',
      eventTime: '2026-11-30T14:02:11.482Z',
      processes: [{ binaryPath: '/usr/bin/nsenter', pid: '4121', parentPid: '4077' }],
      mitreTechniques: ['ESCAPE_TO_HOST'],
      resource: { displayName: 'support-triage-agent', projectDisplayName: 'Acme Agents (prod)' },
    });
  });

  it('pages through every result', async () => {
    for (let i = 0; i < 2500; i++) scc.upsert(freshFixture('minimal', { id: `f${String(i).padStart(5, '0')}` }));
    const got = await collect(escapeFilter('2026-01-01T00:00:00Z'));
    expect(got).toHaveLength(2500);
    expect(new Set(got.map((r) => r.ok && r.finding.name)).size).toBe(2500);
    expect(scc.grpc.callsOf('ListFindings')).toHaveLength(Math.ceil(2500 / SCC_PAGE_SIZE));
  });

  it('fetches the next page only when the caller has consumed this one (a storm is streamed)', async () => {
    for (let i = 0; i < 2500; i++) scc.upsert(freshFixture('minimal', { id: `s${String(i).padStart(5, '0')}` }));
    let seen = 0;
    for await (const _ of adapter.list(PARENT, '')) if (++seen === SCC_PAGE_SIZE) break;
    expect(scc.grpc.callsOf('ListFindings')).toHaveLength(1);
  });

  it('passes order_by through: event_time ascending or descending; unknown fields are refused', async () => {
    const at = ['2026-12-01T10:00:00Z', '2026-12-01T08:00:00Z', '2026-12-01T09:00:00Z'];
    at.forEach((t, i) => {
      const f = freshFixture('minimal', { id: `o${i}` });
      f.finding.eventTime = t;
      scc.upsert(f);
    });
    const times = async (orderBy: string) => {
      const out: string[] = [];
      for await (const r of adapter.list(PARENT, '', orderBy)) if (r.ok) out.push(r.finding.eventTime);
      return out;
    };
    expect(await times('event_time')).toEqual([...at].sort().map((t) => t.replace('Z', '.000Z')));
    expect(await times('event_time desc')).toEqual(
      [...at]
        .sort()
        .reverse()
        .map((t) => t.replace('Z', '.000Z')),
    );
    expect(scc.grpc.callsOf('ListFindings')[0]?.request).toMatchObject({ orderBy: 'event_time' });
    expect(String(await times('severity').catch((e: unknown) => e))).toMatch(/INVALID_ARGUMENT|order_by/);
  });

  it('finds findings by name with OR-ed filters', async () => {
    const names = ['escape-nsenter', 'escape-deepce', 'multi-process'].map((n) => {
      scc.upsert(fixture(n));
      return fixture(n).finding.name;
    });
    const got = await collect(namesFilter(names.slice(0, 2)));
    expect(got.map((r) => r.ok && r.finding.name).sort()).toEqual(names.slice(0, 2).sort());
  });

  it('reports a malformed finding instead of throwing', async () => {
    const bad = fixture('escape-nsenter');
    bad.finding.name = 'organizations/123456789012/sources/1/locations/global/notfindings/x';
    scc.upsert(bad);
    const [r] = await collect('');
    expect(r).toMatchObject({ ok: false, name: bad.finding.name });
  });

  it('maps PERMISSION_DENIED to the IAM role to grant', async () => {
    scc.grpc.fail('ListFindings', status.PERMISSION_DENIED, 'caller lacks securitycenter.findings.list');
    const err = await collect('').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingPermission);
    expect((err as MissingPermission).role).toBe('roles/securitycenter.findingsViewer');
  });

  it('maps UNAVAILABLE to an upstream error', async () => {
    scc.grpc.fail('ListFindings', status.UNAVAILABLE, 'down', 10);
    const err = await collect('').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
  });

  it('rejects filters the fake does not understand, loudly', async () => {
    const err = await collect('source_properties.x = "y"').catch((e: unknown) => e);
    expect(String(err)).toMatch(/INVALID_ARGUMENT|unsupported filter field/);
  });

  it('writes mute and state back', async () => {
    scc.upsert(fixture('escape-nsenter'));
    const name = fixture('escape-nsenter').finding.name;
    expect((await adapter.setMute(name, 'MUTED'))?.mute).toBe('MUTED');
    expect((await adapter.setState(name, 'INACTIVE'))?.state).toBe('INACTIVE');
    await adapter.updateMarks(name, { escape_desk_progress: '3of6' });
    expect(scc.get(name)?.finding).toMatchObject({
      mute: 'MUTED',
      state: 'INACTIVE',
      securityMarks: { marks: { escape_desk_progress: '3of6' } },
    });
  });
});
