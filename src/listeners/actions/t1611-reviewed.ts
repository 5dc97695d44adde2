import type { App } from '@slack/bolt';
import { z } from 'zod';
import { ActionId } from '../../blocks/action-ids.js';
import { alreadyText } from '../../blocks/checklist.js';
import { InvalidPayload } from '../../errors.js';
import { parseCardContext } from '../card-context.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { replyPrivately } from '../reply.js';

const buttonValue = z.object({ value: z.string() });

/** "Mark step 5 reviewed" under the T1611 brief in the card's thread. */
export function registerT1611Reviewed(app: App, deps: Deps): void {
  app.action(ActionId.ReviewT1611, async ({ ack, body, action }) => {
    await ack();
    let reply: { channel: string; user: string } | undefined;
    try {
      const v = buttonValue.safeParse(action);
      if (!v.success) throw new InvalidPayload('T1611 button', 'no value');
      const card = parseCardContext(body, v.data.value);
      reply = { channel: card.channel, user: card.userId };
      const o = await deps.checklist.complete(
        { channel: card.channel, threadTs: card.messageTs },
        card.findingName,
        5,
        card.userId,
      );
      if (!o.changed) await replyPrivately(deps, card.channel, card.userId, alreadyText(o.step));
    } catch (err) {
      const text = describeError(err, deps.log);
      if (reply) await replyPrivately(deps, reply.channel, reply.user, text);
    }
  });
}
