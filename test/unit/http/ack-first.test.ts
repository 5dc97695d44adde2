import { describe, expect, it } from 'vitest';
import { blockActionsOf } from '../../../src/http/ack-first.js';

const FORM = 'application/x-www-form-urlencoded';
const OURS = new Set(['related_findings', 'checklist_menu']);
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

const click = (...ids: string[]) => ({ type: 'block_actions', actions: ids.map((action_id) => ({ action_id })) });

describe('which requests are acknowledged before Bolt routes them', () => {
  it('takes button clicks (block_actions) and hands Bolt the parsed payload', () => {
    const payload = { type: 'block_actions', actions: [{ action_id: 'related_findings' }] };
    expect(blockActionsOf(FORM, form(payload), OURS)).toEqual(payload);
  });

  it.each([
    ['a view submission (its ack can carry errors)', FORM, form({ type: 'view_submission' })],
    ['an options request (its ack carries the options)', FORM, form({ type: 'block_suggestion' })],
    ['a slash command (its ack can carry a reply)', FORM, 'command=%2Fescape-finding&text=x'],
    ['an Events API body', 'application/json', JSON.stringify({ type: 'event_callback' })],
    ['a payload that is not JSON', FORM, 'payload=%7Bnot-json'],
    ['a payload that is JSON but not an object', FORM, form(['block_actions'])],
    ['a payload with extra form fields', FORM, `${form(click('related_findings'))}&x=1`],
    ['a click on an action nobody handles (Slack must show it failed)', FORM, form(click('nobody_listens'))],
    ['a payload mixing ours and another action', FORM, form(click('related_findings', 'nobody_listens'))],
    ['block_actions without actions', FORM, form({ type: 'block_actions', actions: [] })],
  ])('leaves %s to Bolt', (_what, type, body) => {
    expect(blockActionsOf(type, body, OURS)).toBeUndefined();
  });
});
