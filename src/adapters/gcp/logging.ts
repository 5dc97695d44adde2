import { z } from 'zod';
import type { AgentLogEntry } from '../../domain/agent.js';
import { MissingPermission, UpstreamError, UpstreamNotFound } from '../../errors.js';
import { clientOptions, GrpcCode, grpcCodeOf } from './grpc-options.js';
import { protoText, protoTimestamp, structToJson } from './proto-values.js';

export interface LogQuery {
  /** project id whose logs are read (`projects/P`) */
  project: string;
  /** Cloud Logging filter; must carry explicit `timestamp >=` and `timestamp <=` bounds */
  filter: string;
  /** stop after this many entries */
  max: number;
}

export interface LogPage {
  /** newest first */
  entries: AgentLogEntry[];
  /** more entries matched than `max` */
  more: boolean;
  /** entries that did not validate (skipped) */
  malformed: number;
}

/** What the services need from Cloud Logging. */
export interface LogsSource {
  list(q: LogQuery): Promise<LogPage>;
}

export const LOGGING_ROLE = 'roles/logging.viewer';
const CALL_TIMEOUT_MS = 20_000;
const PAGE_SIZE = 500;

const entrySchema = z.object({
  logName: protoText,
  timestamp: protoTimestamp,
  severity: z.union([z.string(), z.number()]).nullish(),
  insertId: protoText,
  textPayload: z.string().nullish(),
  jsonPayload: z.object({ fields: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  protoPayload: z.object({ typeUrl: z.string().nullish(), type_url: z.string().nullish() }).nullish(),
});

const SEVERITY_NAMES: Record<number, string> = {
  0: 'DEFAULT',
  100: 'DEBUG',
  200: 'INFO',
  300: 'NOTICE',
  400: 'WARNING',
  500: 'ERROR',
  600: 'CRITICAL',
  700: 'ALERT',
  800: 'EMERGENCY',
};

function payloadText(e: z.infer<typeof entrySchema>): string {
  if (typeof e.textPayload === 'string') return e.textPayload;
  if (e.jsonPayload) {
    const json = structToJson(e.jsonPayload);
    return typeof json.message === 'string' ? json.message : JSON.stringify(json);
  }
  const type = e.protoPayload?.typeUrl ?? e.protoPayload?.type_url;
  return type ? `[${type}]` : '';
}

/** `projects/P/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr` → `reasoning_engine_stderr`. */
function shortLogName(logName: string): string {
  const id = logName.slice(logName.indexOf('/logs/') + 6);
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // keep it encoded
  }
  return decoded.slice(decoded.lastIndexOf('/') + 1);
}

/** Validates one LogEntry from the client into ours; undefined when it does not have the shape we need. */
export function toLogEntry(raw: unknown): AgentLogEntry | undefined {
  const p = entrySchema.safeParse(raw);
  if (!p.success || !p.data.timestamp) return undefined;
  const sev = p.data.severity;
  return {
    timestamp: p.data.timestamp,
    severity: typeof sev === 'number' ? (SEVERITY_NAMES[sev] ?? String(sev)) : sev || 'DEFAULT',
    text: payloadText(p.data),
    log: shortLogName(p.data.logName),
    insertId: p.data.insertId,
  };
}

export function loggingError(err: unknown, what: string): Error {
  const { code, name, details } = grpcCodeOf(err);
  if (code === GrpcCode.PERMISSION_DENIED || code === GrpcCode.UNAUTHENTICATED)
    return new MissingPermission(LOGGING_ROLE, details, err);
  if (code === GrpcCode.NOT_FOUND) return new UpstreamNotFound('Cloud Logging', what, err);
  return new UpstreamError('Cloud Logging', name, details, err);
}

interface GapicListResponse {
  entries?: unknown[] | null;
  nextPageToken?: string | null;
}
interface GapicLoggingService {
  listLogEntries(
    request: Record<string, unknown>,
    options: Record<string, unknown>,
  ): Promise<[unknown[], unknown, GapicListResponse | undefined]>;
  close(): Promise<void>;
}

/**
 * Cloud Logging through the real @google-cloud/logging v11 client. We call its generated
 * LoggingServiceV2 client (`logging.loggingService`) rather than `getEntries()`: getEntries asks
 * GoogleAuth for a default project id even when resource names are given, which fails on hosts
 * without one, and quietly adds a 24 h window when the filter names no timestamp.
 */
export class LoggingAdapter implements LogsSource {
  private service: Promise<GapicLoggingService> | undefined;

  constructor(private readonly emulatorHost: string | undefined) {}

  /** Loaded on first use (about a second of module loading we keep out of start-up). */
  private client(): Promise<GapicLoggingService> {
    this.service ??= import('@google-cloud/logging').then(({ Logging }) => {
      // The generated client lives in @google-cloud/logging-api with its own google-gax: take grpc-js from there.
      const logging = new Logging(clientOptions('@google-cloud/logging-api', this.emulatorHost));
      return logging.loggingService as unknown as GapicLoggingService;
    });
    this.service.catch(() => {
      this.service = undefined;
    });
    return this.service;
  }

  async list(q: LogQuery): Promise<LogPage> {
    if (!/timestamp\s*>=/.test(q.filter) || !/timestamp\s*<=/.test(q.filter))
      throw new Error('log queries must carry explicit timestamp bounds');
    const service = await this.client();
    const entries: AgentLogEntry[] = [];
    let malformed = 0;
    let pageToken: string | undefined;
    do {
      let raw: GapicListResponse | undefined;
      try {
        [, , raw] = await service.listLogEntries(
          {
            resourceNames: [`projects/${q.project}`],
            filter: q.filter,
            orderBy: 'timestamp desc',
            pageSize: Math.min(PAGE_SIZE, q.max - entries.length),
            ...(pageToken ? { pageToken } : {}),
          },
          { autoPaginate: false, timeout: CALL_TIMEOUT_MS },
        );
      } catch (err) {
        throw loggingError(err, `projects/${q.project}`);
      }
      for (const r of raw?.entries ?? []) {
        const e = toLogEntry(r);
        if (e) entries.push(e);
        else malformed++;
      }
      pageToken = raw?.nextPageToken || undefined;
    } while (pageToken && entries.length < q.max);
    return { entries: entries.slice(0, q.max), more: Boolean(pageToken) || entries.length > q.max, malformed };
  }

  async close(): Promise<void> {
    const s = this.service;
    this.service = undefined;
    if (s) await (await s).close();
  }
}
