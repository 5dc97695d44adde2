import type { App } from '@slack/bolt';
import { ActionId } from '../../blocks/action-ids.js';
import { parseCardContext } from '../card-context.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { parseLifecycleOption } from '../menu-value.js';
import { replyPrivately } from '../reply.js';

/** The card's overflow menu (behind Slack's confirm dialog): claim, mute, resolve and their undos. */
export function registerLifecycleMenu(app: App, deps: Deps): void {
  app.action(ActionId.Lifecycle, async ({ ack, body, action }) => {
    await ack();
    let reply: { channel: string; user: string } | undefined;
    try {
      const opt = parseLifecycleOption(action);
      const card = parseCardContext(body, opt.findingName);
      reply = { channel: card.channel, user: card.userId };
      await deps.lifecycle.apply(
        { channel: card.channel, threadTs: card.messageTs },
        card.findingName,
        opt.change,
        card.userId,
      );
    } catch (err) {
      const text = describeError(err, deps.log);
      if (reply) await replyPrivately(deps, reply.channel, reply.user, text);
    }
  });
}
