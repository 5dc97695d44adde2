import { signSlackRequest } from '../../src/fakes/slack-server.js';
import { postSigned, TEST_SECRETS } from './bot-process.js';
import { CHANNEL } from './env.js';

export function slashCommandBody(text: string, user = 'U0RESPONDER', channel = CHANNEL): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: channel,
    channel_name: 'escape-desk-alerts',
    user_id: user,
    user_name: 'responder',
    command: '/escape-finding',
    text,
    api_app_id: 'A0ESCAPE',
    response_url: 'http://127.0.0.1:9/commands/response',
    trigger_id: '1.2.3',
  }).toString();
}

export function sendSlashCommand(port: number, text: string, user?: string) {
  const body = slashCommandBody(text, user);
  return postSigned(port, '/slack/events', body, signSlackRequest(TEST_SECRETS.signingSecret, body));
}

export function sendInteraction(port: number, payload: unknown) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(port, '/slack/events', body, signSlackRequest(TEST_SECRETS.signingSecret, body));
}

interface CardMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  user: string;
  bot_id: string;
}

/** A block_actions payload for a click on `actionId` in `card`, shaped like the one Slack sends. */
export function blockActionsPayload(card: CardMessage, actionId: string, user = 'U0RESPONDER') {
  const row = (card.blocks as { type: string; block_id?: string; elements?: Record<string, unknown>[] }[]).find(
    (b) => b.type === 'actions' && b.elements?.some((e) => e.action_id === actionId),
  );
  const el = row?.elements?.find((e) => e.action_id === actionId);
  if (!row || !el) throw new Error(`card ${card.ts} has no ${actionId} button`);
  return {
    type: 'block_actions',
    user: { id: user, username: 'responder', name: 'responder', team_id: 'T0FAKE' },
    api_app_id: 'A0ESCAPE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.1.abc`,
    team: { id: 'T0FAKE', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: card.channel, name: 'escape-desk-alerts' },
    message: {
      type: 'message',
      ts: card.ts,
      text: card.text,
      blocks: card.blocks,
      user: card.user,
      bot_id: card.bot_id,
    },
    state: { values: {} },
    response_url: 'http://127.0.0.1:9/actions/response',
    actions: [
      {
        action_id: actionId,
        block_id: row.block_id,
        text: el.text,
        value: el.value,
        type: 'button',
        action_ts: (Date.now() / 1000).toFixed(6),
      },
    ],
  };
}
