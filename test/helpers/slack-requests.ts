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
