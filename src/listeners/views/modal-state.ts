import { z } from 'zod';
import { InvalidPayload } from '../../errors.js';

/** What every view_submission we handle must carry; private_metadata is ours but still checked. */
export const submissionSchema = z.object({
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

/** The value of one input (block_id → action_id `value`), in whichever shape its element reports. */
export const inputValue = {
  text: z.object({ value: z.string().nullish() }).transform((v) => (v.value ?? '').trim()),
  option: z
    .object({ selected_option: z.object({ value: z.string() }).nullish() })
    .transform((v) => v.selected_option?.value),
  user: z.object({ selected_user: z.string().nullish() }).transform((v) => v.selected_user ?? undefined),
};
