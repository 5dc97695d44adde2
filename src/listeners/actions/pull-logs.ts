import type { App } from '@slack/bolt';
import { ActionId } from '../../blocks/action-ids.js';
import { agentLogsFile, agentLogsMessage, logsNeedFile } from '../../blocks/agent-logs.js';
import type { Deps } from '../deps.js';
import { answerInThread } from './answer-in-thread.js';

/** "Pull logs": the agent's Cloud Logging entries around the event, in the card's thread (full text as a file when long). */
export function registerPullLogs(app: App, deps: Deps): void {
  app.action(ActionId.PullLogs, async ({ ack, body, action }) => {
    await ack();
    await answerInThread(deps, body, action, 4, async (card) => {
      const r = await deps.investigate.logs(card.findingName);
      if (r.duplicate) return false;
      let attachment: 'none' | 'attached' | 'failed' = 'none';
      if (logsNeedFile(r.value)) {
        try {
          await deps.slack.uploadFile(card.channel, card.messageTs, agentLogsFile(r.value));
          attachment = 'attached';
        } catch (err) {
          deps.log.warn({ err, finding: card.findingName }, 'could not attach the full agent logs');
          attachment = 'failed';
        }
      }
      await deps.slack.post(card.channel, agentLogsMessage(r.value, attachment), { threadTs: card.messageTs });
      return true;
    });
  });
}
