import type { App } from '@slack/bolt';
import { ActionId } from '../../blocks/action-ids.js';
import { relatedFindingsMessage } from '../../blocks/related-findings.js';
import type { Deps } from '../deps.js';
import { answerInThread } from './answer-in-thread.js';

/** "Related findings": other SCC findings on the agent (or project) around the event, in the card's thread. */
export function registerRelatedFindings(app: App, deps: Deps): void {
  app.action(ActionId.RelatedFindings, async ({ ack, body, action }) => {
    await ack();
    await answerInThread(deps, body, action, 2, async (card) => {
      const r = await deps.investigate.related(card.findingName);
      if (r.duplicate) return false;
      await deps.slack.post(card.channel, relatedFindingsMessage(r.value), { threadTs: card.messageTs });
      return true;
    });
  });
}
