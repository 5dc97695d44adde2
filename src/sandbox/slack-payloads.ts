import { optionsOf } from './render-html.js';

/**
 * Request bodies exactly as Slack sends them to an app (block_actions, view_submission, slash
 * commands), built from the fake Slack's records of what the bot posted. Pure.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Actor {
  team: { id: string; domain: string };
  user: { id: string; name: string };
  channel: { id: string; name: string };
  apiAppId: string;
  /** legacy verification token; Bolt ignores it but Slack always sends one */
  token: string;
}

/** Slack assigns ids to blocks and elements that were sent without one; ours are stable per position. */
export const blockIdOf = (block: Obj, index: number) =>
  typeof block.block_id === 'string' ? block.block_id : `b${index}`;
const actionIdOf = (el: Obj, fallback: string) => (typeof el.action_id === 'string' ? el.action_id : fallback);

export function triggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e12)}.sandbox`;
}

export function actionTs(now = Date.now()): string {
  return (now / 1000).toFixed(6);
}

export type ActionContainer =
  | { kind: 'message'; channel: string; message: Obj & { ts: string; thread_ts?: string } }
  | { kind: 'ephemeral'; channel: string; ts: string }
  | { kind: 'view'; view: Obj & { id: string } };

/** The element at (block, element) of a blocks array; `a` is a section's accessory. */
export function elementAt(blocks: unknown, b: number, e: number | 'a'): { block: Obj; element: Obj } | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const block = blocks[b];
  if (!isObj(block)) return undefined;
  const element = e === 'a' ? block.accessory : Array.isArray(block.elements) ? block.elements[e] : undefined;
  return isObj(element) ? { block, element } : undefined;
}

/** The `actions[0]` Slack reports for a click on a button, or a choice in an overflow / static_select. */
export function actionOf(
  block: Obj,
  blockIndex: number,
  element: Obj,
  elementIndex: number | 'a',
  option: number | undefined,
  ts: string,
): Obj {
  const base = {
    type: element.type,
    action_id: actionIdOf(element, `a${blockIndex}_${elementIndex}`),
    block_id: blockIdOf(block, blockIndex),
    action_ts: ts,
  };
  if (element.type === 'button') {
    return {
      ...base,
      text: element.text,
      ...(element.value !== undefined ? { value: element.value } : {}),
      ...(element.style ? { style: element.style } : {}),
    };
  }
  if (element.type === 'overflow' || element.type === 'static_select') {
    const chosen = option === undefined ? undefined : optionsOf(element)[option];
    if (!chosen) throw new Error('no such option');
    const selected = { text: chosen.text, value: chosen.value };
    return element.type === 'static_select'
      ? { ...base, selected_option: selected, ...(element.placeholder ? { placeholder: element.placeholder } : {}) }
      : { ...base, selected_option: selected };
  }
  throw new Error(`the sandbox cannot act on a ${String(element.type)} element`);
}

export function blockActionsPayload(who: Actor, container: ActionContainer, action: Obj, responseUrl: string): Obj {
  const common = {
    type: 'block_actions',
    user: { id: who.user.id, username: who.user.name, name: who.user.name, team_id: who.team.id },
    api_app_id: who.apiAppId,
    token: who.token,
    trigger_id: triggerId(),
    team: who.team,
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
  };
  if (container.kind === 'view') {
    return {
      ...common,
      container: { type: 'view', view_id: container.view.id },
      view: container.view,
      state: { values: {} },
    };
  }
  const channel = { id: container.channel, name: who.channel.id === container.channel ? who.channel.name : '' };
  if (container.kind === 'ephemeral') {
    return {
      ...common,
      container: { type: 'message', message_ts: container.ts, channel_id: container.channel, is_ephemeral: true },
      channel,
      state: { values: {} },
      response_url: responseUrl,
    };
  }
  const m = container.message;
  return {
    ...common,
    container: {
      type: 'message',
      message_ts: m.ts,
      channel_id: container.channel,
      is_ephemeral: false,
      ...(m.thread_ts && m.thread_ts !== m.ts ? { thread_ts: m.thread_ts } : {}),
    },
    channel,
    message: { type: 'message', ...m },
    state: { values: {} },
    response_url: responseUrl,
  };
}

/**
 * `view.state.values` from the page's form: for each input block (by index) the strings the
 * browser sent (text, or indexes of chosen options), in the shape Slack reports for that element.
 */
export function stateValues(view: Obj, form: Record<string, string[]>): Record<string, Record<string, Obj>> {
  const values: Record<string, Record<string, Obj>> = {};
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  blocks.forEach((block, i) => {
    if (!isObj(block) || block.type !== 'input' || !isObj(block.element)) return;
    const el = block.element;
    const got = form[String(i)] ?? [];
    const first = got[0] !== undefined && got[0] !== '' ? got[0] : undefined;
    const option = (s: string | undefined) => {
      const o = s === undefined ? undefined : optionsOf(el)[Number(s)];
      return o ? { text: o.text, value: o.value } : null;
    };
    const type = el.type;
    let state: Obj;
    switch (type) {
      case 'static_select':
      case 'radio_buttons':
        state = { type, selected_option: option(first) };
        break;
      case 'multi_static_select':
      case 'checkboxes':
        state = { type, selected_options: got.map(option).filter((o) => o !== null) };
        break;
      case 'datepicker':
        state = { type, selected_date: first ?? null };
        break;
      case 'timepicker':
        state = { type, selected_time: first ?? null };
        break;
      case 'users_select':
        state = { type, selected_user: first ?? null };
        break;
      case 'conversations_select':
        state = { type, selected_conversation: first ?? null };
        break;
      case 'channels_select':
        state = { type, selected_channel: first ?? null };
        break;
      default:
        state = { type, value: first ?? null };
    }
    const blockId = blockIdOf(block, i);
    values[blockId] = { ...values[blockId], [actionIdOf(el, `a${i}`)]: state };
  });
  return values;
}

export function viewSubmissionPayload(
  who: Actor,
  view: Obj & { id: string },
  form: Record<string, string[]>,
  botId: string,
): Obj {
  return {
    type: 'view_submission',
    team: who.team,
    user: { id: who.user.id, username: who.user.name, name: who.user.name, team_id: who.team.id },
    api_app_id: who.apiAppId,
    token: who.token,
    trigger_id: triggerId(),
    view: {
      type: 'modal',
      private_metadata: '',
      callback_id: '',
      ...view,
      team_id: who.team.id,
      state: { values: stateValues(view, form) },
      hash: `${Date.now()}.sandbox`,
      previous_view_id: null,
      root_view_id: view.id,
      app_id: who.apiAppId,
      bot_id: botId,
    },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function viewClosedPayload(who: Actor, view: Obj & { id: string }): Obj {
  return {
    type: 'view_closed',
    team: who.team,
    user: { id: who.user.id, username: who.user.name, name: who.user.name, team_id: who.team.id },
    api_app_id: who.apiAppId,
    token: who.token,
    view: { ...view, team_id: who.team.id, state: { values: {} } },
    is_cleared: false,
    is_enterprise_install: false,
  };
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(who: Actor, command: string, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: who.token,
    team_id: who.team.id,
    team_domain: who.team.domain,
    channel_id: who.channel.id,
    channel_name: who.channel.name,
    user_id: who.user.id,
    user_name: who.user.name,
    command,
    text,
    api_app_id: who.apiAppId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId(),
  }).toString();
}

/** Interactivity requests are form-encoded with the JSON in `payload`. */
export function interactivityBody(payload: Obj): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
