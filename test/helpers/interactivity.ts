import type { FakeMessage, FakeSlack } from '../../src/fakes/slack-server.js';
import { FAKE_BOT_ID, FAKE_BOT_USER, FAKE_TEAM } from '../../src/fakes/slack-server.js';
import { sendInteraction } from './slack-requests.js';

/** Slack-shaped interactivity payloads (block_actions, view_submission), built from what the fake Slack holds. */

let seq = 0;
const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: FAKE_TEAM });

export interface Element {
  type: string;
  action_id: string;
  options?: { text: { type: string; text: string }; value: string }[];
  value?: string;
  [k: string]: unknown;
}

/** The interactive element with `actionId` in a message's blocks (throws if the message does not offer it). */
export function elementOf(msg: FakeMessage, actionId: string): { element: Element; blockId: string } {
  for (const b of msg.blocks as { type: string; block_id?: string; elements?: Element[] }[]) {
    const el = b.type === 'actions' ? b.elements?.find((e) => e.action_id === actionId) : undefined;
    if (el) return { element: el, blockId: b.block_id ?? '' };
  }
  throw new Error(`message ${msg.ts} offers no ${actionId}`);
}

/** The option of a menu on the message whose value starts with `prefix` (e.g. `done:1|`). */
export function optionOf(msg: FakeMessage, actionId: string, prefix: string) {
  const { element, blockId } = elementOf(msg, actionId);
  const opt = element.options?.find((o) => o.value.startsWith(prefix));
  if (!opt) throw new Error(`${actionId} on ${msg.ts} offers no ${prefix}: ${element.options?.map((o) => o.value)}`);
  return { element, blockId, option: opt };
}

export function blockActions(
  userId: string,
  msg: FakeMessage,
  action: { action_id: string; block_id: string; type: string; selected_option?: unknown; value?: string },
) {
  seq += 1;
  return {
    type: 'block_actions',
    user: user(userId),
    api_app_id: 'A0ESCAPE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: msg.ts, channel_id: msg.channel, is_ephemeral: false },
    trigger_id: `${seq}.1234567890.abcdef${seq}`,
    team: { id: FAKE_TEAM, domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: msg.channel, name: 'escape-desk-alerts' },
    message: {
      type: 'message',
      user: FAKE_BOT_USER,
      bot_id: FAKE_BOT_ID,
      ts: msg.ts,
      text: msg.text,
      blocks: msg.blocks,
      ...(msg.thread_ts ? { thread_ts: msg.thread_ts } : {}),
    },
    state: { values: {} },
    response_url: 'http://127.0.0.1:9/actions/response',
    actions: [{ ...action, action_ts: (Date.now() / 1000).toFixed(6) }],
  };
}

/** Picks a menu option on the message, as a user would, and sends the signed block_actions. */
export function selectMenu(port: number, userId: string, msg: FakeMessage, actionId: string, prefix: string) {
  const { element, blockId, option } = optionOf(msg, actionId, prefix);
  return sendInteraction(
    port,
    blockActions(userId, msg, { action_id: actionId, block_id: blockId, type: element.type, selected_option: option }),
  );
}

export function clickButton(port: number, userId: string, msg: FakeMessage, actionId: string) {
  const { element, blockId } = elementOf(msg, actionId);
  return sendInteraction(
    port,
    blockActions(userId, msg, { action_id: actionId, block_id: blockId, type: 'button', value: String(element.value) }),
  );
}

/** A view_submission of a modal the bot opened (as recorded by the fake), with the given input state. */
export function submitView(
  port: number,
  userId: string,
  view: { id: string; view: Record<string, unknown> },
  values: Record<string, Record<string, unknown>>,
) {
  const v = view.view;
  return sendInteraction(port, {
    type: 'view_submission',
    team: { id: FAKE_TEAM, domain: 'fake' },
    user: user(userId),
    api_app_id: 'A0ESCAPE',
    token: 'legacy-verification-token',
    trigger_id: `${++seq}.1234567890.view${seq}`,
    view: {
      id: view.id,
      team_id: FAKE_TEAM,
      type: 'modal',
      callback_id: v.callback_id,
      private_metadata: v.private_metadata,
      blocks: v.blocks,
      title: v.title,
      state: { values },
      hash: `h${seq}`,
      app_id: 'A0ESCAPE',
      bot_id: FAKE_BOT_ID,
      root_view_id: view.id,
      previous_view_id: null,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

/** Input state as Slack reports it for our modal fields (block_id → { value: … }). */
export const state = {
  text: (value: string) => ({ value: { type: 'plain_text_input', value } }),
  option: (value: string) => ({
    value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } },
  }),
  user: (id: string) => ({ value: { type: 'users_select', selected_user: id } }),
};

/** The newest modal the bot opened for a trigger id. */
export function lastView(slack: FakeSlack) {
  const v = slack.views.at(-1);
  if (!v) throw new Error('no modal opened');
  return v;
}
