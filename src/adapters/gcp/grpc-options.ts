import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

interface GrpcModule {
  credentials: { createInsecure(): unknown };
}

/**
 * Client options for a Google client. With an emulator host we talk plaintext gRPC with no
 * credentials. The insecure credentials must come from the grpc-js that the client's own
 * google-gax resolves (logging carries a nested copy), or the channel rejects them.
 */
// biome-ignore lint/suspicious/noExplicitAny: each client types its options with its own gax copy
export function clientOptions(clientPackage: string, emulatorHost: string | undefined, apiEndpoint?: string): any {
  if (!emulatorHost) return apiEndpoint ? { apiEndpoint } : {};
  const { host, port } = parseHostPort(emulatorHost);
  const grpc = require(grpcJsPathFor(clientPackage)) as GrpcModule;
  return { apiEndpoint: host, port, sslCreds: grpc.credentials.createInsecure() };
}

/** `host:port` or `[v6]:port` → parts. */
export function parseHostPort(hostPort: string): { host: string; port: number } {
  const idx = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, idx).replace(/^\[|\]$/g, ''), port: Number(hostPort.slice(idx + 1)) };
}

/** Path of the @grpc/grpc-js that `clientPackage`'s own google-gax loads. */
export function grpcJsPathFor(clientPackage: string): string {
  const pkgDir = dirname(require.resolve(`${clientPackage}/package.json`));
  const gaxDir = dirname(require.resolve('google-gax', { paths: [pkgDir] }));
  return require.resolve('@grpc/grpc-js', { paths: [gaxDir] });
}

/** gRPC status codes we treat specially (numeric so we need no grpc import here). */
export const GrpcCode = {
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNAUTHENTICATED: 16,
  UNAVAILABLE: 14,
  INVALID_ARGUMENT: 3,
} as const;

const CODE_NAMES: Record<number, string> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

export function grpcCodeOf(err: unknown): { code: number | undefined; name: string; details: string } {
  const e = err as { code?: unknown; details?: unknown; message?: unknown };
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const details = typeof e?.details === 'string' && e.details ? e.details : String(e?.message ?? err);
  return { code, name: code === undefined ? 'ERROR' : (CODE_NAMES[code] ?? `CODE_${code}`), details };
}
