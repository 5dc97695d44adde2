import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { AgentSettings } from '../../domain/agent.js';
import { InvalidPayload, MissingPermission, UpstreamError, UpstreamNotFound } from '../../errors.js';
import { GrpcCode, grpcCodeOf, grpcJsPathFor, parseHostPort } from './grpc-options.js';
import { protoText, protoTimestamp, structToJson } from './proto-values.js';

/** What the services need from Vertex AI. */
export interface AgentsSource {
  /** `name` is projects/P/locations/L/reasoningEngines/ID */
  get(name: string): Promise<AgentSettings>;
}

const require = createRequire(import.meta.url);

export const AIPLATFORM_ROLE = 'roles/aiplatform.viewer';
const CALL_TIMEOUT_MS = 15_000;
const NAME_RE = /^projects\/[^/]+\/locations\/([a-z][a-z0-9-]{1,40})\/reasoningEngines\/[^/]+$/;

const engineSchema = z.object({
  name: z.string().regex(NAME_RE, 'not a ReasoningEngine name'),
  displayName: protoText,
  description: protoText,
  createTime: protoTimestamp,
  updateTime: protoTimestamp,
  labels: z.record(z.string(), z.string()).nullish(),
  spec: z
    .object({
      agentFramework: protoText,
      serviceAccount: protoText,
      classMethods: z.array(z.unknown()).nullish(),
      packageSpec: z
        .object({
          pickleObjectGcsUri: protoText,
          dependencyFilesGcsUri: protoText,
          requirementsGcsUri: protoText,
          pythonVersion: protoText,
        })
        .nullish(),
      sourceCodeSpec: z.object({ pythonSpec: z.object({ version: protoText }).nullish() }).nullish(),
      // Only names survive: zod drops `value` (and everything else) from each entry.
      deploymentSpec: z
        .object({
          env: z.array(z.object({ name: z.string() })).nullish(),
          secretEnv: z
            .array(z.object({ name: z.string(), secretRef: z.object({ secret: protoText }).nullish() }))
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

/** Validates a ReasoningEngine from the client into our AgentSettings (names only, never values). */
export function toAgentSettings(raw: unknown): AgentSettings {
  const p = engineSchema.safeParse(raw);
  if (!p.success) {
    throw new InvalidPayload(
      'ReasoningEngine from Vertex AI',
      p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const e = p.data;
  const spec = e.spec;
  return {
    name: e.name,
    displayName: e.displayName,
    description: e.description,
    createTime: e.createTime,
    updateTime: e.updateTime,
    agentFramework: spec?.agentFramework ?? '',
    pythonVersion: spec?.packageSpec?.pythonVersion || spec?.sourceCodeSpec?.pythonSpec?.version || '',
    pickleObjectGcsUri: spec?.packageSpec?.pickleObjectGcsUri ?? '',
    requirementsGcsUri: spec?.packageSpec?.requirementsGcsUri ?? '',
    dependencyFilesGcsUri: spec?.packageSpec?.dependencyFilesGcsUri ?? '',
    serviceAccount: spec?.serviceAccount ?? '',
    classMethods: (spec?.classMethods ?? []).map((m) => {
      const name = structToJson(m).name;
      return typeof name === 'string' ? name : '(unnamed)';
    }),
    envNames: (spec?.deploymentSpec?.env ?? []).map((v) => v.name),
    secretEnv: (spec?.deploymentSpec?.secretEnv ?? []).map((v) => ({
      name: v.name,
      secret: v.secretRef?.secret ?? '',
    })),
    labels: e.labels ?? {},
  };
}

export function aiplatformError(err: unknown, what: string): Error {
  const { code, name, details } = grpcCodeOf(err);
  if (code === GrpcCode.PERMISSION_DENIED || code === GrpcCode.UNAUTHENTICATED)
    return new MissingPermission(AIPLATFORM_ROLE, details, err);
  if (code === GrpcCode.NOT_FOUND) return new UpstreamNotFound('Vertex AI', what, err);
  return new UpstreamError('Vertex AI', name, details, err);
}

/**
 * Runs in a worker thread: constructing the aiplatform client parses ~4 MB of protos and blocks
 * its thread for seconds, which on the main thread would stall every Slack ack meanwhile.
 * CommonJS source (worker `eval`), so it runs the same from `src/` under vitest and from `dist/`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { v1 } = require(workerData.aiplatformPath);
const emulator = workerData.emulator;
const grpc = emulator ? require(workerData.grpcPath) : undefined;
const clients = new Map();
function client(location) {
  let c = clients.get(location);
  if (!c) {
    c = new v1.ReasoningEngineServiceClient(
      emulator
        ? { apiEndpoint: emulator.host, port: emulator.port, sslCreds: grpc.credentials.createInsecure() }
        : { apiEndpoint: location + '-aiplatform.googleapis.com' },
    );
    clients.set(location, c);
  }
  return c;
}
parentPort.on('message', (m) => {
  if (m.type === 'close') {
    Promise.allSettled([...clients.values()].map((c) => c.close())).then(() => process.exit(0));
    return;
  }
  let call;
  try {
    call = client(m.location).getReasoningEngine({ name: m.name }, { timeout: m.timeout });
  } catch (err) {
    call = Promise.reject(err);
  }
  call.then(
    ([engine]) => {
      try {
        parentPort.postMessage({ id: m.id, engine });
      } catch (err) {
        parentPort.postMessage({ id: m.id, error: { message: 'cannot pass the ReasoningEngine back: ' + err.message } });
      }
    },
    (err) => parentPort.postMessage({ id: m.id, error: { code: err && err.code, details: err && err.details, message: String(err && err.message) } }),
  );
});
`;

interface Pending {
  resolve: (engine: unknown) => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout;
}

/** Room for the worker's first, cold client construction on top of the call deadline. */
const COLD_START_MS = 20_000;

/**
 * Vertex AI Agent Engine through the real @google-cloud/aiplatform v1 ReasoningEngineServiceClient,
 * loaded lazily (on the first agent lookup) in a worker thread so neither start-up nor Slack acks
 * wait for it. One client per region: agents are only served from `{location}-aiplatform.googleapis.com`.
 */
export class AiplatformAdapter implements AgentsSource {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(private readonly emulatorHost: string | undefined) {}

  async get(name: string): Promise<AgentSettings> {
    // The location picks the endpoint host, so it must be a plain region name, never arbitrary text from a finding.
    const location = NAME_RE.exec(name)?.[1];
    if (!location) throw new InvalidPayload('agent name', `not projects/P/locations/L/reasoningEngines/ID: ${name}`);
    let raw: unknown;
    try {
      raw = await this.call(name, location);
    } catch (err) {
      throw aiplatformError(err, name);
    }
    return toAgentSettings(raw);
  }

  private call(name: string, location: string): Promise<unknown> {
    const worker = this.start();
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject({ code: GrpcCode.DEADLINE_EXCEEDED, details: 'no answer from the Vertex AI client in time' });
      }, CALL_TIMEOUT_MS + COLD_START_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, name, location, timeout: CALL_TIMEOUT_MS });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const emulator = this.emulatorHost ? parseHostPort(this.emulatorHost) : undefined;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        aiplatformPath: require.resolve('@google-cloud/aiplatform'),
        grpcPath: emulator ? grpcJsPathFor('@google-cloud/aiplatform') : undefined,
        emulator,
      },
    });
    worker.unref();
    worker.on('message', (m: { id: number; engine?: unknown; error?: unknown }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error) p.reject(m.error);
      else p.resolve(m.engine);
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject({ code: undefined, details: why });
        this.pending.delete(id);
      }
    };
    worker.on('error', (err) => fail(`Vertex AI client failed: ${err.message}`));
    worker.on('exit', (code) => fail(`Vertex AI client exited (${code})`));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    this.worker = undefined;
    const exited = new Promise((r) => w.once('exit', r));
    w.postMessage({ type: 'close' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
    await w.terminate();
  }
}
