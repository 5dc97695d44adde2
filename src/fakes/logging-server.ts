import * as grpc from '@grpc/grpc-js';
import { compileFilter, type FieldValue, FilterError } from './filter.js';
import { FakeGoogleService, FakeGrpcError } from './grpc-fake.js';

/** proto3 JSON of a google.logging.v2.LogEntry, as in test/fixtures/logs. */
export type LogEntryJson = Record<string, unknown> & {
  logName: string;
  timestamp: string;
  resource?: { type?: string; labels?: Record<string, string> };
  severity?: string;
};

const PKG = 'google.logging.v2';
/** LogSeverity in its numeric order, so `severity >= WARNING` compares like Cloud Logging does. */
const SEVERITIES = ['DEFAULT', 'DEBUG', 'INFO', 'NOTICE', 'WARNING', 'ERROR', 'CRITICAL', 'ALERT', 'EMERGENCY'];
const PLAIN_FIELDS = new Set(['resource.type', 'timestamp', 'severity', 'logName', 'insertId']);
const knownField = (f: string) => PLAIN_FIELDS.has(f) || /^resource\.labels\.[a-z0-9_]+$/.test(f);

function resolverFor(e: LogEntryJson) {
  return (field: string): FieldValue => {
    if (field.startsWith('resource.labels.')) {
      const v = e.resource?.labels?.[field.slice('resource.labels.'.length)];
      return v === undefined ? undefined : { kind: 'string', value: v };
    }
    switch (field) {
      case 'resource.type':
        return e.resource?.type === undefined ? undefined : { kind: 'string', value: e.resource.type };
      case 'timestamp':
        return { kind: 'time', ms: Date.parse(e.timestamp) };
      case 'severity':
        return { kind: 'ordered', value: e.severity ?? 'DEFAULT', order: SEVERITIES };
      case 'logName':
        return { kind: 'string', value: e.logName };
      case 'insertId':
        return typeof e.insertId === 'string' ? { kind: 'string', value: e.insertId } : undefined;
      default:
        return undefined;
    }
  };
}

/**
 * Fake Cloud Logging v2 (LoggingServiceV2.ListLogEntries): resourceNames scoping, the filter subset
 * escape-desk sends (resource.type, resource.labels.*, timestamp and severity comparisons), ordering
 * by timestamp, and paging. Anything else in a filter is rejected with INVALID_ARGUMENT.
 */
export class FakeLogging extends FakeGoogleService {
  private readonly entries: LogEntryJson[] = [];

  constructor() {
    super('@google-cloud/logging-api/build/protos/protos.json');
    this.grpc.addService(`${PKG}.LoggingServiceV2`, {
      ListLogEntries: (req) => this.list(req),
    });
  }

  /** Adds entries (deep-copied, so callers may reuse fixtures). */
  add(entries: LogEntryJson[]): void {
    for (const e of entries) this.entries.push(structuredClone(e));
  }

  clear(): void {
    this.entries.length = 0;
  }

  /**
   * proto3 JSON → wire object. Audit logs carry Any payloads of types these protos do not define
   * (google.cloud.audit.AuditLog); those keep their type URL with an empty body, which is all we read.
   */
  private toWire(e: LogEntryJson): Record<string, unknown> {
    try {
      return this.grpc.fromJson(`${PKG}.LogEntry`, e);
    } catch (err) {
      const payload = e.protoPayload as { '@type'?: string } | undefined;
      if (!payload?.['@type']) throw err;
      const { protoPayload: _, ...rest } = e;
      return {
        ...this.grpc.fromJson(`${PKG}.LogEntry`, rest),
        protoPayload: { typeUrl: payload['@type'], type_url: payload['@type'], value: Buffer.alloc(0) },
      };
    }
  }

  private list(req: Record<string, unknown>) {
    const resourceNames = (req.resourceNames as string[] | undefined) ?? [];
    if (resourceNames.length === 0) throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, 'resource_names is required');
    for (const r of resourceNames) {
      if (!/^(projects|organizations|folders|billingAccounts)\/[^/]+$/.test(r))
        throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `unsupported resource name ${r}`);
    }
    let matches: (e: LogEntryJson) => boolean;
    try {
      const pred = compileFilter(String(req.filter ?? ''), knownField);
      matches = (e) => pred(resolverFor(e));
    } catch (e) {
      if (e instanceof FilterError)
        throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `Invalid filter: ${e.message}`);
      throw e;
    }
    const orderBy = String(req.orderBy ?? '').trim();
    if (!['', 'timestamp asc', 'timestamp desc'].includes(orderBy))
      throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `unsupported order_by ${orderBy}`);
    const pageSize = Math.min(Number(req.pageSize) > 0 ? Number(req.pageSize) : 50, 1000);
    const offset = req.pageToken ? Number(Buffer.from(String(req.pageToken), 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, 'bad page token');
    const all = this.entries
      .filter((e) => resourceNames.some((r) => e.logName.startsWith(`${r}/logs/`)) && matches(e))
      .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    if (orderBy === 'timestamp desc') all.reverse();
    const page = all.slice(offset, offset + pageSize);
    const end = offset + page.length;
    return {
      entries: page.map((e) => this.toWire(e)),
      nextPageToken: end < all.length ? Buffer.from(String(end)).toString('base64url') : '',
    };
  }
}
