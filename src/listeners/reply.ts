import type { Message } from '../blocks/types.js';
import { mrkdwn } from '../blocks/types.js';
import type { Deps } from './deps.js';

/** Answers one user privately; `text` is already-safe mrkdwn (or a built message). A failure is logged, not thrown. */
export async function replyPrivately(
  deps: Deps,
  channel: string,
  user: string,
  reply: string | Message,
): Promise<void> {
  const message =
    typeof reply === 'string' ? { text: reply, blocks: [{ type: 'section' as const, text: mrkdwn(reply) }] } : reply;
  try {
    await deps.slack.postEphemeral(channel, user, message);
  } catch (err) {
    deps.log.warn({ err, channel }, 'could not answer privately');
  }
}
