import { z } from 'zod';
import { InvalidPayload } from '../../errors.js';

/** What every view_submission we handle must carry; private_metadata is ours but still checked. */
const submissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }),
  }),
});

export const modalContextSchema = z.object({
  findingName: z
    .string()
    .max(512)
    .regex(/^(organizations|folders|projects)\/[^/]+\/sources\/[^/]+\/locations\/[^/]+\/findings\/[A-Za-z0-9_-]+$/),
  channel: z.string().regex(/^[CGD][A-Z0-9]+$/),
  threadTs: z.string().regex(/^\d+\.\d+$/),
});

/** Envelope and private_metadata; a failure here is not the user's doing, so it throws InvalidPayload. */
export function parseSubmission<T extends z.ZodType>(body: unknown, metadata: T) {
  const b = submissionSchema.safeParse(body);
  if (!b.success) throw new InvalidPayload('view_submission', b.error.issues.map((i) => i.message).join('; '));
  let meta: unknown;
  try {
    meta = JSON.parse(b.data.view.private_metadata);
  } catch {
    throw new InvalidPayload('view_submission', 'private_metadata is not JSON');
  }
  const m = metadata.safeParse(meta);
  if (!m.success) throw new InvalidPayload('view_submission', 'unexpected private_metadata');
  return { userId: b.data.user.id, values: b.data.view.state.values, meta: m.data as z.infer<T> };
}

/** One input of ours as Slack reports it: block_id → { value: <element state> } (our action_id is `value`). */
export const field = {
  text: (schema: z.ZodType<string, string>) =>
    z.object({
      value: z.object({
        value: z
          .string()
          .nullish()
          .transform((v) => (v ?? '').trim())
          .pipe(schema),
      }),
    }),
  option: <T extends string>(values: readonly [T, ...T[]], message: string) =>
    z.object(
      {
        value: z.object(
          { selected_option: z.object({ value: z.enum(values) }, { error: message }) },
          { error: message },
        ),
      },
      { error: message },
    ),
  user: (message: string) =>
    z.object(
      { value: z.object({ selected_user: z.string().regex(/^[UW][A-Z0-9]{2,}$/, message) }, { error: message }) },
      { error: message },
    ),
};

/**
 * Validates the input state against `schema` (keyed by block id). On failure, returns Slack's
 * `response_action: errors` map: the message of the first issue per block, shown under that input.
 */
export function validateInputs<T extends z.ZodType>(
  values: unknown,
  schema: T,
): { ok: true; data: z.infer<T> } | { ok: false; errors: Record<string, string> } {
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, data: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const block = String(issue.path[0] ?? '');
    if (block && !errors[block]) errors[block] = issue.message;
  }
  return { ok: false, errors };
}
