import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReasoningEngineJson } from '../../src/fakes/aiplatform-server.js';
import type { LogEntryJson } from '../../src/fakes/logging-server.js';
import type { FindingResultJson } from '../../src/fakes/scc-server.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'findings');

export function fixture(name: string): FindingResultJson {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as FindingResultJson;
}

export function allFixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

/** A fixture moved to a recent event time (and optionally renamed), as a freshly raised finding would be. */
export function freshFixture(name: string, opts: { minutesAgo?: number; id?: string } = {}): FindingResultJson {
  const r = fixture(name);
  const t = new Date(Date.now() - (opts.minutesAgo ?? 5) * 60_000).toISOString();
  r.finding.eventTime = t;
  r.finding.createTime = t;
  if (opts.id) {
    r.finding.name = r.finding.name.replace(/[^/]+$/, opts.id);
    if (typeof r.finding.canonicalName === 'string')
      r.finding.canonicalName = r.finding.canonicalName.replace(/[^/]+$/, opts.id);
  }
  return r;
}

import { toFinding } from '../../src/adapters/gcp/scc.js';
import type { Finding } from '../../src/domain/finding.js';
import { GrpcFake, loadProtoJson } from '../../src/fakes/grpc-fake.js';

let converter: GrpcFake | undefined;

/** A fixture as our code sees it: proto3 JSON → wire object (as the client decodes it) → our Finding. */
export function findingOf(result: FindingResultJson): Finding {
  converter ??= new GrpcFake(loadProtoJson('@google-cloud/security-center/build/protos/protos.json'));
  const wire = converter.fromJson('google.cloud.securitycenter.v2.ListFindingsResponse.ListFindingsResult', result);
  const r = toFinding(wire);
  if (!r.ok) throw new Error(`fixture does not validate: ${r.reason}`);
  return r.finding;
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A ReasoningEngine (proto3 JSON) from test/fixtures/agents. */
export function agentFixture(name: string): ReasoningEngineJson {
  return JSON.parse(readFileSync(join(FIXTURES, 'agents', `${name}.json`), 'utf8')) as ReasoningEngineJson;
}

/** LogEntry objects (proto3 JSON) from test/fixtures/logs. */
export function logFixture(name: string): LogEntryJson[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'logs', `${name}.json`), 'utf8')) as LogEntryJson[];
}
