import * as grpc from '@grpc/grpc-js';
import { compileFilter, type FieldValue, FilterError } from './filter.js';
import { FakeGoogleService, FakeGrpcError } from './grpc-fake.js';

/** proto3 JSON of a ListFindingsResult, as in test/fixtures/findings. */
export interface FindingResultJson {
  finding: Record<string, unknown> & { name: string };
  resource?: Record<string, unknown>;
}

const PKG = 'google.cloud.securitycenter.v2';
const RESULT_TYPE = `${PKG}.ListFindingsResponse.ListFindingsResult`;
const FIELDS = new Set([
  'name',
  'parent',
  'resource_name',
  'state',
  'category',
  'severity',
  'mute',
  'event_time',
  'create_time',
  'finding_class',
  'resource.name',
  'resource.type',
  'resource.display_name',
  'resource.project_display_name',
]);

const str = (v: unknown): FieldValue => (typeof v === 'string' ? { kind: 'string', value: v } : undefined);
const time = (v: unknown): FieldValue =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? { kind: 'time', ms: Date.parse(v) } : undefined;

function resolverFor(r: FindingResultJson) {
  const f = r.finding;
  const res = (r.resource ?? {}) as Record<string, unknown>;
  const gcp = (res.gcpMetadata ?? {}) as Record<string, unknown>;
  return (field: string): FieldValue => {
    if (field.startsWith('security_marks.marks.')) {
      const marks = ((f.securityMarks as { marks?: Record<string, string> } | undefined)?.marks ?? {}) as Record<
        string,
        string
      >;
      return str(marks[field.slice('security_marks.marks.'.length)]);
    }
    switch (field) {
      case 'name':
        return str(f.name);
      case 'parent':
        return str(f.parent);
      case 'resource_name':
        return str(f.resourceName);
      case 'state':
        return str(f.state ?? 'STATE_UNSPECIFIED');
      case 'category':
        return str(f.category);
      case 'severity':
        return str(f.severity ?? 'SEVERITY_UNSPECIFIED');
      case 'mute':
        return str(f.mute ?? 'MUTE_UNSPECIFIED');
      case 'finding_class':
        return str(f.findingClass);
      case 'event_time':
        return time(f.eventTime);
      case 'create_time':
        return time(f.createTime);
      case 'resource.name':
        return str(res.name);
      case 'resource.type':
        return str(res.type);
      case 'resource.display_name':
        return str(res.displayName);
      case 'resource.project_display_name':
        return str(gcp.projectDisplayName);
      default:
        return undefined;
    }
  };
}

const PARENT_RE = /^((?:organizations|folders|projects)\/[^/]+)\/sources\/([^/]+)\/locations\/([^/]+)$/;

function inScope(r: FindingResultJson, parent: string): boolean {
  const m = PARENT_RE.exec(parent);
  if (!m) throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `malformed parent ${parent}`);
  const [, root, source, location] = m as unknown as [string, string, string, string];
  const name = r.finding.name;
  const canonical = typeof r.finding.canonicalName === 'string' ? r.finding.canonicalName : '';
  const project = String(((r.resource?.gcpMetadata ?? {}) as Record<string, unknown>).project ?? '');
  const rootOk =
    name.startsWith(`${root}/`) ||
    canonical.startsWith(`${root}/`) ||
    (root.startsWith('projects/') && project.endsWith(`/${root}`)) ||
    // An org-level parent sees every finding of this fake's single organisation.
    root.startsWith('organizations/');
  const sourceOk = source === '-' || name.includes(`/sources/${source}/`);
  const locationOk = location === '-' || name.includes(`/locations/${location}/`);
  return rootOk && sourceOk && locationOk;
}

interface Cursor {
  id: string;
  results: FindingResultJson[];
  expires: number;
}
const CURSOR_TTL_MS = 10 * 60_000;

/** Fake SCC v2 (the parts escape-desk uses): ListFindings with filters and paging, SetMute, SetFindingState, UpdateSecurityMarks. */
export class FakeScc extends FakeGoogleService {
  private readonly findings = new Map<string, FindingResultJson>();
  private readonly cursors = new Map<string, Cursor>();
  private cursorSeq = 0;

  constructor() {
    super('@google-cloud/security-center/build/protos/protos.json');
    this.grpc.addService(`${PKG}.SecurityCenter`, {
      ListFindings: (req) => this.listFindings(req),
      SetMute: (req) => this.mutate(req, (f) => (f.mute = String(req.mute))),
      SetFindingState: (req) => this.mutate(req, (f) => (f.state = String(req.state))),
      UpdateSecurityMarks: (req) => this.updateMarks(req),
    });
  }

  /** Adds or replaces a finding (deep-copied, so callers may reuse fixtures). */
  upsert(result: FindingResultJson): void {
    this.findings.set(result.finding.name, structuredClone(result));
  }

  /** Changes fields of a stored finding, as the console would. */
  patch(name: string, fields: Record<string, unknown>): void {
    const r = this.findings.get(name);
    if (!r) throw new Error(`no finding ${name}`);
    Object.assign(r.finding, structuredClone(fields));
  }

  get(name: string): FindingResultJson | undefined {
    const r = this.findings.get(name);
    return r && structuredClone(r);
  }

  all(): FindingResultJson[] {
    return [...this.findings.values()];
  }

  clear(): void {
    this.findings.clear();
  }

  private listFindings(req: Record<string, unknown>) {
    const parent = String(req.parent ?? '');
    let matches: (r: FindingResultJson) => boolean;
    try {
      const pred = compileFilter(String(req.filter ?? ''), FIELDS);
      matches = (r) => pred(resolverFor(r));
    } catch (e) {
      if (e instanceof FilterError)
        throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `Invalid filter: ${e.message}`);
      throw e;
    }
    const pageSize = Math.min(Number(req.pageSize) > 0 ? Number(req.pageSize) : 10, 1000);
    // Like a real cursor, later pages continue the first page's result set: filtering and sorting
    // once per listing keeps the fake's cost per page flat, so benchmarks measure the client.
    let cursor: Cursor | undefined;
    let offset = 0;
    if (req.pageToken) {
      const [id, at] = Buffer.from(String(req.pageToken), 'base64url').toString().split(':');
      cursor = this.cursors.get(String(id));
      offset = Number(at);
      if (!cursor || !Number.isInteger(offset) || offset < 0)
        throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, 'bad page token');
    } else {
      const results = [...this.findings.values()]
        .filter((r) => inScope(r, parent) && matches(r))
        .sort(orderOf(String(req.orderBy ?? '')));
      cursor = { id: String(++this.cursorSeq), results, expires: 0 };
    }
    cursor.expires = Date.now() + CURSOR_TTL_MS;
    for (const [id, c] of this.cursors) if (c.expires < Date.now()) this.cursors.delete(id);
    const all = cursor.results;
    const page = all.slice(offset, offset + pageSize);
    const end = offset + page.length;
    if (end < all.length) this.cursors.set(cursor.id, cursor);
    else this.cursors.delete(cursor.id);
    return {
      listFindingsResults: page.map((r) => this.grpc.fromJson(RESULT_TYPE, r)),
      nextPageToken: end < all.length ? Buffer.from(`${cursor.id}:${end}`).toString('base64url') : '',
      totalSize: all.length,
    };
  }

  private findOrThrow(name: unknown): FindingResultJson {
    const r = this.findings.get(String(name));
    if (!r) throw new FakeGrpcError(grpc.status.NOT_FOUND, `Finding ${String(name)} not found`);
    return r;
  }

  private mutate(req: Record<string, unknown>, change: (f: Record<string, unknown>) => void) {
    const r = this.findOrThrow(req.name);
    change(r.finding);
    return this.grpc.fromJson(`${PKG}.Finding`, r.finding);
  }

  private updateMarks(req: Record<string, unknown>) {
    const marks = (req.securityMarks ?? {}) as { name?: string; marks?: Record<string, string> };
    const findingName = String(marks.name ?? '').replace(/\/securityMarks$/, '');
    const r = this.findOrThrow(findingName);
    const current = ((r.finding.securityMarks as { marks?: Record<string, string> } | undefined)?.marks ??
      {}) as Record<string, string>;
    const paths = ((req.updateMask as { paths?: string[] } | undefined)?.paths ?? []).filter((p) =>
      p.startsWith('marks.'),
    );
    const next = { ...current };
    if (paths.length === 0) Object.assign(next, marks.marks ?? {});
    for (const p of paths) {
      const key = p.slice('marks.'.length);
      const v = marks.marks?.[key];
      if (v === undefined) delete next[key];
      else next[key] = v;
    }
    r.finding.securityMarks = { name: `${findingName}/securityMarks`, marks: next };
    return { name: `${findingName}/securityMarks`, marks: next };
  }
}

const ORDER_FIELDS: Record<string, (r: FindingResultJson) => string> = {
  name: (r) => r.finding.name,
  event_time: (r) => String(r.finding.eventTime ?? ''),
  category: (r) => String(r.finding.category ?? ''),
  state: (r) => String(r.finding.state ?? ''),
  resource_name: (r) => String(r.finding.resourceName ?? ''),
};

/**
 * SCC's `order_by` ("event_time desc,name"). Without one, SCC promises no order; the fake then
 * returns name order, so callers that need time order must ask for it.
 */
function orderOf(orderBy: string): (a: FindingResultJson, b: FindingResultJson) => number {
  const keys = (orderBy.trim() ? orderBy.split(',') : ['name']).map((part) => {
    const [field = '', dir = 'asc', ...rest] = part.trim().split(/\s+/);
    const get = ORDER_FIELDS[field];
    if (!get || rest.length > 0 || (dir !== 'asc' && dir !== 'desc'))
      throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `Invalid order_by: ${orderBy}`);
    return { get, sign: dir === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { get, sign } of keys) {
      const c = get(a).localeCompare(get(b));
      if (c) return sign * c;
    }
    return a.finding.name.localeCompare(b.finding.name);
  };
}
