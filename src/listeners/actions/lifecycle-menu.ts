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
      const changed = await deps.lifecycle.apply(
        { channel: card.channel, threadTs: card.messageTs },
        card.findingName,
        opt.change,
        card.userId,
      );
      if (!changed) {
        const why = opt.change === 'claim' ? 'you already hold this finding' : 'nobody holds this finding';
        await replyPrivately(deps, card.channel, card.userId, `:information_source: Nothing changed: ${why}.`);
      }
    } catch (err) {
      const text = describeError(err, deps.log);
      if (reply) await replyPrivately(deps, reply.channel, reply.user, text);
    }
  });
}
