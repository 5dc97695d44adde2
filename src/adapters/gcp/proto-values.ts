import { z } from 'zod';

/** google.protobuf.Timestamp as the gRPC clients decode it → RFC3339 ('' when absent). */
export const protoTimestamp = z
  .object({ seconds: z.union([z.string(), z.number()]).nullish(), nanos: z.number().nullish() })
  .nullish()
  .transform((t) => {
    if (!t || t.seconds == null) return '';
    const ms = Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
    return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '';
  });

export const protoText = z
  .string()
  .nullish()
  .transform((s) => s ?? '');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface StructValue {
  nullValue?: unknown;
  numberValue?: number | null;
  stringValue?: string | null;
  boolValue?: boolean | null;
  structValue?: { fields?: Record<string, StructValue> | null } | null;
  listValue?: { values?: StructValue[] | null } | null;
  kind?: string;
}

/** google.protobuf.Struct as decoded by the raw clients (`{fields: {k: {stringValue}}}`) → plain JSON. */
export function structToJson(s: unknown): Record<string, Json> {
  const fields = (s as { fields?: Record<string, StructValue> | null } | null)?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, valueToJson(v)]));
}

function valueToJson(v: StructValue | undefined): Json {
  if (!v) return null;
  if (v.stringValue != null) return v.stringValue;
  if (v.numberValue != null) return v.numberValue;
  if (v.boolValue != null) return v.boolValue;
  if (v.structValue != null) return structToJson(v.structValue);
  if (v.listValue != null) return (v.listValue.values ?? []).map(valueToJson);
  return null;
}
