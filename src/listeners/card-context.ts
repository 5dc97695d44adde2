import { z } from 'zod';
import { InvalidPayload } from '../errors.js';

/** Where a click on a card came from: validated before any handler trusts it. */
export interface CardContext {
  findingName: string;
  channel: string;
  /** ts of the card message (the thread to answer in) */
  messageTs: string;
  userId: string;
  triggerId: string | undefined;
}

const FINDING_NAME = z
  .string()
  .max(512)
  .regex(/^(organizations|folders|projects)\/[^/]+\/sources\/[^/]+\/locations\/[^/]+\/findings\/[A-Za-z0-9_-]+$/);

const bodySchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().optional(),
  container: z
    .object({ channel_id: z.string().min(1), message_ts: z.string().min(1) })
    .partial()
    .optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  message: z.object({ ts: z.string().min(1), thread_ts: z.string().optional() }).optional(),
});

/** From a block_actions body and the clicked element (button value or selected option value `…|<finding>`). */
export function parseCardContext(body: unknown, findingName: unknown): CardContext {
  const b = bodySchema.safeParse(body);
  if (!b.success) throw new InvalidPayload('block_actions body', b.error.issues.map((i) => i.message).join('; '));
  const name = FINDING_NAME.safeParse(findingName);
  if (!name.success) throw new InvalidPayload('action value', 'not a finding name');
  const channel = b.data.container?.channel_id ?? b.data.channel?.id;
  const messageTs = b.data.container?.message_ts ?? b.data.message?.ts;
  if (!channel || !messageTs) throw new InvalidPayload('block_actions body', 'no channel or message');
  return {
    findingName: name.data,
    channel,
    messageTs: b.data.message?.thread_ts ?? messageTs,
    userId: b.data.user.id,
    triggerId: b.data.trigger_id,
  };
}
