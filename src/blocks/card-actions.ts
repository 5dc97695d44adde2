import { ActionId } from './action-ids.js';
import type { Block } from './types.js';
import { plain } from './types.js';

/**
 * The card's one actions row: three investigation buttons, the rest behind menus
 * (responders complain about walls of buttons). Each button's value is the finding name.
 */
export function cardActions(findingName: string): Block {
  const button = (actionId: ActionId, text: string) => ({
    type: 'button',
    action_id: actionId,
    text: plain(text),
    value: findingName,
  });
  return {
    type: 'actions',
    block_id: 'card_actions',
    elements: [
      button(ActionId.RelatedFindings, 'Related findings'),
      button(ActionId.AgentSettings, 'Agent settings'),
      button(ActionId.PullLogs, 'Pull logs'),
    ],
  };
}
