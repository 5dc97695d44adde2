import type { App } from '@slack/bolt';
import { ActionId } from '../../blocks/action-ids.js';
import { agentSettingsMessage } from '../../blocks/agent-settings.js';
import type { Deps } from '../deps.js';
import { answerInThread } from './answer-in-thread.js';

/** "Agent settings": the ReasoningEngine from Vertex AI (names only, never values), in the card's thread. */
export function registerAgentSettings(app: App, deps: Deps): void {
  app.action(ActionId.AgentSettings, async ({ ack, body, action }) => {
    await ack();
    await answerInThread(deps, body, action, 3, async (card) => {
      const r = await deps.investigate.agentSettings(card.findingName);
      if (r.duplicate) return false;
      await deps.slack.post(card.channel, agentSettingsMessage(r.value), { threadTs: card.messageTs });
      return true;
    });
  });
}
