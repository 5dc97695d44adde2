import { createRequire } from 'node:module';
import type { v2 } from '@google-cloud/security-center';
import { z } from 'zod';
import type { Finding, FindingState, Mute, Severity } from '../../domain/finding.js';
import { MissingPermission, UpstreamError, UpstreamNotFound } from '../../errors.js';
import { clientOptions, GrpcCode, grpcCodeOf } from './grpc-options.js';

/** What the services need from SCC; the services never see the SDK. */
export interface FindingsSource {
  /**
   * Every finding matching `filter` under `parent` (all pages, fetched as the caller consumes them),
   * validated; malformed ones reported, not thrown. `orderBy` is SCC's `order_by` (e.g. `event_time`).
   */
  list(parent: string, filter: string, orderBy?: string): AsyncGenerator<ListedFinding>;
  setMute(name: string, mute: 'MUTED' | 'UNMUTED'): Promise<Finding | undefined>;
  setState(name: string, state: 'ACTIVE' | 'INACTIVE'): Promise<Finding | undefined>;
  updateMarks(name: string, marks: Record<string, string>): Promise<void>;
}

export type ListedFinding = { ok: true; finding: Finding } | { ok: false; name: string; reason: string };

const require = createRequire(import.meta.url);
const SCC_V2_CLIENT = '@google-cloud/security-center/build/src/v2/index.js';
const CALL_TIMEOUT_MS = 30_000;
export const SCC_PAGE_SIZE = 250;

const timestamp = z
  .object({ seconds: z.union([z.string(), z.number()]).optional(), nanos: z.number().optional() })
  .nullish()
  .transform((t) => {
    if (!t || t.seconds === undefined) return '';
    const ms = Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
    return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '';
  });
const text = z
  .string()
  .nullish()
  .transform((s) => s ?? '');

const processSchema = z.object({
  name: text,
  binary: z.object({ path: text }).nullish(),
  script: z.object({ path: text }).nullish(),
  args: z.array(z.string()).nullish(),
  argumentsTruncated: z.boolean().nullish(),
  pid: z.union([z.string(), z.number()]).nullish(),
  parentPid: z.union([z.string(), z.number()]).nullish(),
});

const findingSchema = z.object({
  name: z.string().regex(/\/findings\/[^/]+$/, 'not a finding name'),
  category: text,
  state: text,
  severity: text,
  mute: text,
  eventTime: timestamp,
  createTime: timestamp,
  resourceName: text,
  description: text,
  processes: z.array(processSchema).nullish(),
  mitreAttack: z.object({ primaryTactic: text, primaryTechniques: z.array(z.string()).nullish() }).nullish(),
});

const resourceSchema = z
  .object({
    name: text,
    displayName: text,
    type: text,
    location: text,
    gcpMetadata: z.object({ projectDisplayName: text, project: text }).nullish(),
  })
  .nullish();

const resultSchema = z.object({ finding: findingSchema, resource: resourceSchema });

const SEVERITIES = new Set(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
const STATES = new Set(['ACTIVE', 'INACTIVE']);
const MUTES = new Set(['MUTED', 'UNMUTED', 'UNDEFINED']);

/** Validates one `{finding, resource}` from the SDK (or proto3 JSON of the same shape) into our Finding. */
export function toFinding(raw: unknown): ListedFinding {
  const parsed = resultSchema.safeParse(raw);
  if (!parsed.success) {
    const name = (raw as { finding?: { name?: unknown } })?.finding?.name;
    return {
      ok: false,
      name: typeof name === 'string' ? name : '(unnamed)',
      reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  const { finding: f, resource: r } = parsed.data;
  return {
    ok: true,
    finding: {
      name: f.name,
      category: f.category,
      state: (STATES.has(f.state) ? f.state : 'STATE_UNSPECIFIED') as FindingState,
      severity: (SEVERITIES.has(f.severity) ? f.severity : 'SEVERITY_UNSPECIFIED') as Severity,
      mute: (MUTES.has(f.mute) ? f.mute : 'MUTE_UNSPECIFIED') as Mute,
      eventTime: f.eventTime,
      createTime: f.createTime,
      resourceName: f.resourceName || r?.name || '',
      description: f.description,
      processes: (f.processes ?? []).map((p) => ({
        name: p.name,
        binaryPath: p.binary?.path || p.script?.path || '',
        args: p.args ?? [],
        argumentsTruncated: p.argumentsTruncated ?? false,
        pid: p.pid == null ? '' : String(p.pid),
        parentPid: p.parentPid == null ? '' : String(p.parentPid),
      })),
      mitreTactic: f.mitreAttack?.primaryTactic ?? '',
      mitreTechniques: f.mitreAttack?.primaryTechniques ?? [],
      resource: {
        name: r?.name ?? '',
        displayName: r?.displayName ?? '',
        type: r?.type ?? '',
        location: r?.location ?? '',
        projectDisplayName: r?.gcpMetadata?.projectDisplayName ?? '',
        project: r?.gcpMetadata?.project ?? '',
      },
    },
  };
}

export function sccError(err: unknown, role: string, what: string): Error {
  const { code, name, details } = grpcCodeOf(err);
  if (code === GrpcCode.PERMISSION_DENIED || code === GrpcCode.UNAUTHENTICATED) {
    return new MissingPermission(role, details, err);
  }
  if (code === GrpcCode.NOT_FOUND) return new UpstreamNotFound('Security Command Center', what, err);
  return new UpstreamError('Security Command Center', name, details, err);
}

export class SccAdapter implements FindingsSource {
  private clientPromise: Promise<InstanceType<typeof v2.SecurityCenterClient>> | undefined;

  constructor(private readonly emulatorHost: string | undefined) {}

  /**
   * Loaded on first use: the client and its protos take ~0.6 s to load, which start-up need not wait for.
   * Only the v2 client is loaded: the package index also loads v1, v1beta1, v1p1beta1 and a 10 MB
   * static protos module, about 38 MB of resident memory we never use (`npm run bench -- rss`).
   */
  private client(): Promise<InstanceType<typeof v2.SecurityCenterClient>> {
    this.clientPromise ??= Promise.resolve().then(() => {
      const api = require(SCC_V2_CLIENT) as typeof v2;
      return new api.SecurityCenterClient(clientOptions('@google-cloud/security-center', this.emulatorHost));
    });
    // A failed load is retried on the next call rather than remembered for the life of the process.
    this.clientPromise.catch(() => {
      this.clientPromise = undefined;
    });
    return this.clientPromise;
  }

  async *list(parent: string, filter: string, orderBy?: string): AsyncGenerator<ListedFinding> {
    let pageToken: string | undefined;
    do {
      let response: { listFindingsResults?: unknown[] | null; nextPageToken?: string | null };
      try {
        // Manual paging so every page gets its own deadline and we can stream a storm.
        const [, , raw] = await (await this.client()).listFindings(
          {
            parent,
            filter,
            pageSize: SCC_PAGE_SIZE,
            ...(orderBy ? { orderBy } : {}),
            ...(pageToken ? { pageToken } : {}),
          },
          { autoPaginate: false, timeout: CALL_TIMEOUT_MS },
        );
        response = (raw ?? {}) as typeof response;
      } catch (err) {
        throw sccError(err, 'roles/securitycenter.findingsViewer', parent);
      }
      for (const r of response.listFindingsResults ?? []) yield toFinding(r);
      pageToken = response.nextPageToken || undefined;
    } while (pageToken);
  }

  async setMute(name: string, mute: 'MUTED' | 'UNMUTED'): Promise<Finding | undefined> {
    try {
      const [f] = await (await this.client()).setMute({ name, mute }, { timeout: CALL_TIMEOUT_MS });
      const r = toFinding({ finding: f });
      return r.ok ? r.finding : undefined;
    } catch (err) {
      throw sccError(err, 'roles/securitycenter.findingsMuteSetter', name);
    }
  }

  async setState(name: string, state: 'ACTIVE' | 'INACTIVE'): Promise<Finding | undefined> {
    try {
      const [f] = await (await this.client()).setFindingState({ name, state }, { timeout: CALL_TIMEOUT_MS });
      const r = toFinding({ finding: f });
      return r.ok ? r.finding : undefined;
    } catch (err) {
      throw sccError(err, 'roles/securitycenter.findingsStateSetter', name);
    }
  }

  async updateMarks(name: string, marks: Record<string, string>): Promise<void> {
    try {
      await (await this.client()).updateSecurityMarks(
        {
          securityMarks: { name: `${name}/securityMarks`, marks },
          updateMask: { paths: Object.keys(marks).map((k) => `marks.${k}`) },
        },
        { timeout: CALL_TIMEOUT_MS },
      );
    } catch (err) {
      throw sccError(err, 'roles/securitycenter.findingSecurityMarksWriter', name);
    }
  }

  close(): Promise<void> {
    return this.clientPromise ? this.clientPromise.then((c) => c.close()) : Promise.resolve();
  }
}
