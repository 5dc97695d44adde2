import * as grpc from '@grpc/grpc-js';
import { FakeGoogleService, FakeGrpcError } from './grpc-fake.js';

/** proto3 JSON of a google.cloud.aiplatform.v1.ReasoningEngine, as in test/fixtures/agents. */
export type ReasoningEngineJson = Record<string, unknown> & { name: string };

const PKG = 'google.cloud.aiplatform.v1';
const NAME_RE = /^projects\/[^/]+\/locations\/[^/]+\/reasoningEngines\/[^/]+$/;

/** Fake Vertex AI (ReasoningEngineService.GetReasoningEngine), built from the protos @google-cloud/aiplatform ships. */
export class FakeAiplatform extends FakeGoogleService {
  private readonly engines = new Map<string, ReasoningEngineJson>();

  constructor() {
    super('@google-cloud/aiplatform/build/protos/protos.json');
    this.grpc.addService(`${PKG}.ReasoningEngineService`, {
      GetReasoningEngine: (req) => this.get(req),
    });
  }

  /** Adds or replaces an agent (deep-copied). */
  upsertEngine(json: ReasoningEngineJson): void {
    this.engines.set(json.name, structuredClone(json));
  }

  clear(): void {
    this.engines.clear();
  }

  private get(req: Record<string, unknown>) {
    const name = String(req.name ?? '');
    if (!NAME_RE.test(name)) throw new FakeGrpcError(grpc.status.INVALID_ARGUMENT, `malformed name ${name}`);
    const e = this.engines.get(name);
    if (!e) throw new FakeGrpcError(grpc.status.NOT_FOUND, `ReasoningEngine ${name} not found`);
    return this.grpc.fromJson(`${PKG}.ReasoningEngine`, e);
  }
}
