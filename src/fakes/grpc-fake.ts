import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fromProto3JSON } from 'proto3-json-serializer';
import protobuf from 'protobufjs';

/**
 * Shared machinery for the in-repo fake Google servers: services are built from the protos the
 * real npm packages ship, so the real clients speak real gRPC to them. Used by the tests and by
 * sandbox mode, which is why this lives under src/.
 */

const require = createRequire(import.meta.url);

export type ProtoJson = Record<string, unknown>;

export function loadProtoJson(modulePath: string): ProtoJson {
  return require(modulePath) as ProtoJson;
}

export interface Fault {
  code: grpc.status;
  message: string;
  /** how many calls it applies to; Infinity = until cleared */
  times: number;
}

export interface RecordedCall {
  method: string;
  request: Record<string, unknown>;
  at: number;
}

type Handler = (request: Record<string, unknown>) => unknown | Promise<unknown>;

/** A gRPC server with fault injection (fail / stall) and a log of every request. */
export class GrpcFake {
  readonly calls: RecordedCall[] = [];
  private readonly server = new grpc.Server();
  private readonly faults = new Map<string, Fault>();
  private readonly stalls = new Map<string, number>();
  private readonly root: protobuf.Root;
  private readonly pkg: grpc.GrpcObject;
  port = 0;

  constructor(readonly protoJson: ProtoJson) {
    this.root = protobuf.Root.fromJSON(protoJson as protobuf.INamespace);
    const def = protoLoader.fromJSON(protoJson as protobuf.INamespace, {
      keepCase: false,
      longs: String,
      enums: String,
      defaults: false,
      oneofs: true,
    });
    this.pkg = grpc.loadPackageDefinition(def);
  }

  /** Registers `service` (e.g. google.cloud.securitycenter.v2.SecurityCenter); unimplemented methods answer UNIMPLEMENTED. */
  addService(servicePath: string, handlers: Record<string, Handler>): void {
    const ctor = servicePath.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], this.pkg) as {
      service: grpc.ServiceDefinition;
    };
    const impl: grpc.UntypedServiceImplementation = {};
    for (const [rpcName, def] of Object.entries(ctor.service)) {
      const method = (def as { originalName?: string }).originalName ?? rpcName;
      const handler = handlers[rpcName] ?? handlers[method];
      impl[rpcName] = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const request = call.request as Record<string, unknown>;
        this.calls.push({ method: rpcName, request, at: Date.now() });
        void this.run(rpcName, handler, request).then(
          (res) => callback(null, res),
          (err: unknown) => callback(toServiceError(err)),
        );
      };
    }
    this.server.addService(ctor.service, impl);
  }

  private async run(method: string, handler: Handler | undefined, request: Record<string, unknown>) {
    const stall = this.stalls.get(method) ?? this.stalls.get('*');
    if (stall) await new Promise((r) => setTimeout(r, stall));
    const fault = this.faults.get(method) ?? this.faults.get('*');
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.delete(this.faults.has(method) ? method : '*');
      throw new FakeGrpcError(fault.code, fault.message);
    }
    if (!handler) throw new FakeGrpcError(grpc.status.UNIMPLEMENTED, `${method} is not implemented by this fake`);
    return handler(request);
  }

  /** Makes the next `times` calls of `method` ('*' = any) fail with `code`. */
  fail(method: string, code: grpc.status, message = 'injected by fake', times = 1): void {
    this.faults.set(method, { code, message, times });
  }

  /** Delays every call of `method` ('*' = any) by `ms` until cleared with `stall(method, 0)`. */
  stall(method: string, ms: number): void {
    if (ms > 0) this.stalls.set(method, ms);
    else this.stalls.delete(method);
  }

  clearFaults(): void {
    this.faults.clear();
    this.stalls.clear();
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** proto3 JSON (what the fixtures and the REST API use) → the plain object proto-loader serialises. */
  fromJson(typeName: string, json: unknown): Record<string, unknown> {
    const type = this.root.lookupType(typeName);
    const msg = fromProto3JSON(type, json as Parameters<typeof fromProto3JSON>[1]);
    if (!msg) throw new Error(`cannot convert JSON to ${typeName}`);
    return type.toObject(msg, { longs: String, enums: String, defaults: false, oneofs: true });
  }

  async start(port = 0, host = '127.0.0.1'): Promise<number> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    return this.port;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    this.server.forceShutdown();
  }
}

export class FakeGrpcError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
  }
}

function toServiceError(err: unknown): Partial<grpc.ServiceError> {
  if (err instanceof FakeGrpcError) return { code: err.code, details: err.message, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: grpc.status.INTERNAL, details: message, message };
}

/** What every fake Google server shares: one GrpcFake built from a package's protos, started on loopback. */
export abstract class FakeGoogleService {
  readonly grpc: GrpcFake;

  protected constructor(protosModule: string) {
    this.grpc = new GrpcFake(loadProtoJson(protosModule));
  }

  start(port = 0): Promise<number> {
    return this.grpc.start(port);
  }

  stop(): Promise<void> {
    return this.grpc.stop();
  }

  get address(): string {
    return this.grpc.address;
  }
}
