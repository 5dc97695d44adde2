import type { StepRecord } from '../domain/checklist.js';
import { ActionId } from './action-ids.js';
import type { Block, Element } from './types.js';
import { mrkdwn, plain } from './types.js';

/** What the card's menus offer depends on where the finding stands. */
export interface MenuState {
  steps: readonly StepRecord[];
  claimedBy: string | undefined;
  muted: boolean;
  resolved: boolean;
}

export type ChecklistVerb = 'done' | 'note' | 'skip' | 'reopen' | 'brief' | 'plan' | 'audit';
export type LifecycleVerb = 'claim' | 'unclaim' | 'mute' | 'unmute' | 'resolve' | 'reactivate';

/** 150 (Slack's option value limit) minus the longest prefix, `reopen:6|`. */
export const MENU_NAME_MAX = 140;

const option = (text: string, value: string) => ({ text: plain(text), value });

/** Option values carry the finding name after `|`, so the listener needs nothing but the click. */
export const checklistValue = (verb: ChecklistVerb, step: number, findingName: string) =>
  `${verb}:${step}|${findingName}`;

const OPEN_LABEL: Record<number, [ChecklistVerb, string]> = {
  1: ['done', '1 · Mark finding details reviewed'],
  2: ['note', '2 · Mark related findings checked…'],
  3: ['note', '3 · Mark agent settings reviewed…'],
  4: ['note', '4 · Mark agent logs checked…'],
  5: ['brief', '5 · Post the MITRE T1611 brief'],
  6: ['plan', '6 · Write the response plan…'],
};

function checklistMenu(findingName: string, steps: readonly StepRecord[]): Element {
  const options = steps.flatMap((s) => {
    if (s.state === 'open') {
      const [verb, label] = OPEN_LABEL[s.step] ?? ['done', `${s.step} · Mark done`];
      return [option(label, checklistValue(verb, s.step, findingName))];
    }
    const reopen = option(`${s.step} · Reopen (marked by mistake)`, checklistValue('reopen', s.step, findingName));
    return s.step === 6 && s.state === 'done'
      ? [option('6 · Edit the response plan…', checklistValue('plan', 6, findingName)), reopen]
      : [reopen];
  });
  if (steps.some((s) => s.state === 'open'))
    options.push(option('Skip a step (with reason)…', checklistValue('skip', 0, findingName)));
  options.push(option('Show the audit trail', checklistValue('audit', 0, findingName)));
  return {
    type: 'static_select',
    action_id: ActionId.Checklist,
    placeholder: plain('Checklist'),
    options,
  };
}

function lifecycleMenu(findingName: string, m: MenuState): Element {
  return {
    type: 'overflow',
    action_id: ActionId.Lifecycle,
    options: [
      m.claimedBy
        ? option('Unclaim', `unclaim|${findingName}`)
        : option('Claim (assign to me)', `claim|${findingName}`),
      m.muted ? option('Unmute in SCC', `unmute|${findingName}`) : option('Mute in SCC', `mute|${findingName}`),
      m.resolved
        ? option('Reactivate in SCC', `reactivate|${findingName}`)
        : option('Resolve in SCC (set inactive)', `resolve|${findingName}`),
    ],
    confirm: {
      title: plain('Change this finding?'),
      text: mrkdwn(
        'Mute and resolve are written to Security Command Center; every change is posted in the thread, audited, and can be undone from this menu.',
      ),
      confirm: plain('Yes, do it'),
      deny: plain('Cancel'),
    },
  };
}

/**
 * The card's one actions row: three investigation buttons, the rest behind menus
 * (responders complain about walls of buttons). Each button's value is the finding name.
 */
export function cardActions(findingName: string, menus?: MenuState): Block {
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
      // Slack caps option values at 150 characters; a name too long for them gets no menus rather than a rejected card.
      ...(menus && findingName.length <= MENU_NAME_MAX
        ? [checklistMenu(findingName, menus.steps), lifecycleMenu(findingName, menus)]
        : []),
    ],
  };
}
