import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadSandboxConfig } from '../../src/config.js';
import { Health } from '../../src/health.js';
import { createLogger } from '../../src/logger.js';
import { SandboxPage } from '../../src/sandbox/routes.js';
import { SANDBOX_USER, SandboxWorld } from '../../src/sandbox/world.js';

/**
 * The page's controls against a real Bolt app (signature verification, payload parsing, routing by
 * action_id / callback_id) with listeners that use the features the bot's later listeners will:
 * a button that opens a modal, an overflow menu answered through response_url, a modal that
 * rejects its first submission. What the listeners receive is what Slack would have sent.
 */

let world: SandboxWorld;
let app: App;
let base: string;
let channel: string;
const seen: { actions: any[]; submissions: any[] } = { actions: [], submissions: [] };

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, message: ((await res.json()) as { message: string }).message };
};
const fragments = async () =>
  (await (await fetch(`${base}/sandbox/channel`)).json()) as { channel: string; modals: string; version: number };

const PLAN_MODAL = {
  type: 'modal',
  callback_id: 'plan',
  private_metadata: 'finding-x',
  title: { type: 'plain_text', text: 'Response plan' },
  submit: { type: 'plain_text', text: 'Save' },
  close: { type: 'plain_text', text: 'Cancel' },
  blocks: [
    {
      type: 'input',
      block_id: 'plan',
      label: { type: 'plain_text', text: 'Plan' },
      element: { type: 'plain_text_input', action_id: 'text', multiline: true },
    },
    {
      type: 'input',
      block_id: 'sev',
      label: { type: 'plain_text', text: 'Severity' },
      element: {
        type: 'static_select',
        action_id: 'pick',
        options: [
          { text: { type: 'plain_text', text: 'Low' }, value: 'low' },
          { text: { type: 'plain_text', text: 'High' }, value: 'high' },
        ],
      },
    },
    {
      type: 'input',
      block_id: 'done',
      optional: true,
      label: { type: 'plain_text', text: 'Done' },
      element: {
        type: 'checkboxes',
        action_id: 'steps',
        options: [
          { text: { type: 'plain_text', text: 'Contained' }, value: 'contained' },
          { text: { type: 'plain_text', text: 'Rotated keys' }, value: 'rotated' },
        ],
      },
    },
  ],
};

beforeAll(async () => {
  world = await SandboxWorld.start();
  const config = loadSandboxConfig({ PORT: '0', LOG_LEVEL: 'silent' }, world.endpoints);
  channel = config.slack.channelId;
  const log = createLogger('silent', []);
  const page = new SandboxPage(world, { channel, signingSecret: world.signingSecret, log });
  ({ app } = buildApp(config, log, new Health(), page.routes()));
  app.action('open_plan', async ({ ack, body, client }) => {
    await ack();
    seen.actions.push(body);
    await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: PLAN_MODAL as never });
  });
  app.action('card_menu', async ({ ack, body, action, respond }) => {
    await ack();
    seen.actions.push(body);
    await respond({ response_type: 'ephemeral', text: `You chose *${(action as any).selected_option.value}*` });
  });
  app.action('answer_in_thread', async ({ ack, body, client }) => {
    await ack();
    const b = body as any;
    await client.chat.postMessage({ channel: b.channel.id, thread_ts: b.message.ts, text: '*Related:* `3 findings`' });
    await client.files.uploadV2({
      channel_id: b.channel.id,
      thread_ts: b.message.ts,
      filename: 'logs.txt',
      title: 'Agent logs',
      content: 'line 1 <script>alert(1)</script>\nline 2',
    });
  });
  app.view('plan', async ({ ack, view }) => {
    seen.submissions.push(view);
    const text = view.state.values.plan?.text?.value ?? '';
    if (text.length < 10) {
      await ack({ response_action: 'errors', errors: { plan: 'Write at least 10 characters' } });
      return;
    }
    await ack();
  });
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  page.appPort = server.address().port;
  base = `http://127.0.0.1:${page.appPort}`;
});

afterAll(async () => {
  await app?.stop();
  await world?.stop();
});

describe('sandbox page → signed Slack requests → a real Bolt app', () => {
  let ts: string;

  it('shows a message the app posted, with its controls addressed by position', async () => {
    const res = await app.client.chat.postMessage({
      channel,
      text: 'card',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Card* for `finding-x`' },
          accessory: {
            type: 'overflow',
            action_id: 'card_menu',
            options: [
              { text: { type: 'plain_text', text: 'Claim' }, value: 'claim' },
              { text: { type: 'plain_text', text: 'Mute' }, value: 'mute' },
            ],
          },
        },
        {
          type: 'actions',
          block_id: 'card_actions',
          elements: [
            { type: 'button', action_id: 'open_plan', value: 'finding-x', text: { type: 'plain_text', text: 'Plan' } },
            { type: 'button', action_id: 'answer_in_thread', text: { type: 'plain_text', text: 'Answer' } },
          ],
        },
      ],
    });
    ts = res.ts ?? '';
    const { channel: html } = await fragments();
    expect(html).toContain('<b>Card</b> for <code>finding-x</code>');
    expect(html).toContain(`<button type="button" class="btn" data-c="m:${ts}" data-b="1" data-e="0">Plan</button>`);
  });

  it('a button click arrives as Slack block_actions and the modal the app opens shows as a form', async () => {
    const r = await post('/sandbox/action', { c: `m:${ts}`, b: 1, e: 0 });
    expect(r).toMatchObject({ status: 200, message: expect.stringMatching(/block_actions open_plan: signed request/) });
    const body = seen.actions.at(-1);
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: SANDBOX_USER.id },
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
      channel: { id: channel },
      message: { ts, text: 'card' },
      actions: [{ type: 'button', action_id: 'open_plan', block_id: 'card_actions', value: 'finding-x' }],
    });
    expect(body.trigger_id).toMatch(/\S+/);
    expect(body.response_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/response\//);
    const { modals } = await fragments();
    expect(modals).toMatch(/<form class="modal" data-view="V\d+">/);
    expect(modals).toContain('<textarea name="0" rows="4" required></textarea>');
    expect(modals).toContain('<button type="submit" class="btn primary">Save</button>');
  });

  it('a modal submit arrives as view_submission; the app’s errors keep it open, a plain ack closes it', async () => {
    const view = world.slack.views.at(-1)?.id;
    const first = await post('/sandbox/view', { view, values: { '0': ['short'], '1': ['1'] } });
    expect(first.message).toMatch(/rejected the form/);
    expect((await fragments()).modals).toContain('plan: Write at least 10 characters');
    const second = await post('/sandbox/view', {
      view,
      values: { '0': ['Rotate the agent service account'], '1': ['1'], '2': ['0', '1'] },
    });
    expect(second.status).toBe(200);
    const submitted = seen.submissions.at(-1);
    expect(submitted).toMatchObject({ id: view, callback_id: 'plan', private_metadata: 'finding-x' });
    expect(submitted.state.values).toEqual({
      plan: { text: { type: 'plain_text_input', value: 'Rotate the agent service account' } },
      sev: {
        pick: {
          type: 'static_select',
          selected_option: { text: PLAN_MODAL.blocks[1]?.element.options?.[1]?.text, value: 'high' },
        },
      },
      done: {
        steps: {
          type: 'checkboxes',
          selected_options: PLAN_MODAL.blocks[2]?.element.options?.map((o) => ({ text: o.text, value: o.value })),
        },
      },
    });
    expect((await fragments()).modals).toBe('');
  });

  it('an overflow choice arrives with its selected_option, and a response_url reply shows privately', async () => {
    const r = await post('/sandbox/action', { c: `m:${ts}`, b: 0, e: 'a', option: 1 });
    expect(r.status).toBe(200);
    expect(seen.actions.at(-1).actions[0]).toMatchObject({
      type: 'overflow',
      action_id: 'card_menu',
      selected_option: { value: 'mute' },
    });
    // respond() runs after the ack, so the reply lands a moment later.
    await expect
      .poll(() => world.slack.ephemerals.find((e) => e.text === 'You chose *mute*')?.user)
      .toBe(SANDBOX_USER.id);
    expect((await fragments()).channel).toContain('You chose <b>mute</b>');
  });

  it('shows thread replies and uploaded files under the card, escaped', async () => {
    expect((await post('/sandbox/action', { c: `m:${ts}`, b: 1, e: 1 })).status).toBe(200);
    await expect.poll(async () => (await fragments()).channel, { timeout: 10_000 }).toContain('Agent logs');
    const { channel: html } = await fragments();
    expect(html).toContain(`<details class="thread" id="t-${ts.replace('.', '-')}"><summary>2 replies</summary>`);
    expect(html).toContain('<b>Related:</b> <code>3 findings</code>');
    expect(html).toContain('<pre>line 1 &lt;script&gt;alert(1)&lt;/script&gt;\nline 2</pre>');
  });

  it('refuses what the message does not offer, and reports an unhandled action like Slack would', async () => {
    expect((await post('/sandbox/action', { c: `m:${ts}`, b: 1, e: 7 })).status).toBe(400);
    expect((await post('/sandbox/action', { c: `m:${ts}`, b: 0, e: 'a', option: 9 })).status).toBe(400);
    expect((await post('/sandbox/action', { c: 'm:1.000001', b: 0, e: 0 })).status).toBe(400);
    const posted = await app.client.chat.postMessage({
      channel,
      text: 'x',
      blocks: [
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'nobody_listens', text: { type: 'plain_text', text: 'X' } }],
        },
      ],
    });
    const r = await post('/sandbox/action', { c: `m:${posted.ts}`, b: 0, e: 0 });
    expect(r.status).toBe(502);
    expect(r.message).toMatch(/did not acknowledge within 3 s/);
    expect((await fragments()).channel).toContain('nobody_listens: the bot did not acknowledge');
  }, 15_000);
});
