import { describe, expect, it } from 'vitest';
import { ActionId } from '../../../src/blocks/action-ids.js';
import { auditListMessage } from '../../../src/blocks/audit-list.js';
import { findingCard } from '../../../src/blocks/card.js';
import { cardActions, MENU_NAME_MAX } from '../../../src/blocks/card-actions.js';
import { alreadyText, checklistBlock, stepChangeMessage } from '../../../src/blocks/checklist.js';
import { lifecycleMessage } from '../../../src/blocks/lifecycle.js';
import { responsePlanModal, stepNoteModal } from '../../../src/blocks/modals.js';
import { planMessage } from '../../../src/blocks/plan.js';
import { t1611Brief } from '../../../src/blocks/t1611-brief.js';
import type { StepRecord } from '../../../src/domain/checklist.js';
import type { AuditEntry } from '../../../src/store/audit-store.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';
import { allTexts, expectInert } from '../../helpers/inert.js';

const NAME = fixture('escape-nsenter').finding.name;
const AT = '2026-12-04T14:02:31.000Z';
const HOSTILE = '<!channel> <https://evil.example|Open in SCC> <@U0MALLORY> `x` ```y``` \u202eevil';
const open = (step: 1 | 2 | 3 | 4 | 5 | 6): StepRecord => ({ step, state: 'open', by: '', at: '', note: '' });
const steps = (): StepRecord[] => [
  { step: 1, state: 'done', by: 'U0ALICE', at: AT, note: '' },
  { step: 2, state: 'skipped', by: 'U0BOB', at: AT, note: HOSTILE },
  open(3),
  open(4),
  open(5),
  { step: 6, state: 'done', by: 'U0BOB', at: AT, note: 'plan v1' },
];
const ctx = { findingName: NAME, channel: 'C0ESCAPE01', threadTs: '1796401463.153000' };

describe('checklist on the card', () => {
  it('shows progress, each step, who and when, and skip reasons escaped', () => {
    const text = allTexts(checklistBlock(steps())).join('\n');
    expect(text).toContain('*Response checklist 3/6*');
    expect(text).toMatch(
      /:white_check_mark: 1\. Review finding details — <@U0ALICE> <!date\^\d+\^\{time\}\|14:02 UTC>/,
    );
    expect(text).toMatch(/:fast_forward: 2\. Identify related findings — skipped by <@U0BOB> .*: `&lt;!channel&gt;/);
    expect(text).toContain(':white_large_square: 3. Review the agent');
    expect(text).toContain('5. Research MITRE ATT&amp;CK T1611');
    expectInert(checklistBlock(steps()), { allowUserMentions: ['U0ALICE', 'U0BOB'] });
  });

  it('is part of the card, with who muted it only while SCC says it is muted', () => {
    const f = findingOf(fixture('escape-nsenter'));
    const status = { steps: steps(), checklistDone: 3, checklistTotal: 6, mutedBy: { user: 'U0BOB', at: AT } };
    const unmuted = allTexts(findingCard(f, { relatedWindowMinutes: 60, status }).blocks).join('\n');
    expect(unmuted).toContain('Response checklist 3/6');
    expect(unmuted).not.toContain('muted by');
    const muted = allTexts(findingCard({ ...f, mute: 'MUTED' }, { relatedWindowMinutes: 60, status }).blocks).join(
      '\n',
    );
    expect(muted).toMatch(/muted by <@U0BOB> <!date/);
  });
});

describe('thread lines', () => {
  it('reads like the issue asks and keeps user text inert', () => {
    const m = stepChangeMessage(4, 'done', {
      userId: 'U0ALICE',
      at: AT,
      note: HOSTILE,
      progress: { done: 3, total: 6 },
    });
    expect(m.text).toMatch(
      /^:white_check_mark: Step 4 — agent logs checked by <@U0ALICE> at <!date[^>]+>, note: `&lt;!channel&gt;/,
    );
    expect(m.text).toContain('checklist 3/6');
    expect(m.text).toContain('[U+202E]');
    expectInert(m.blocks, { allowUserMentions: ['U0ALICE'] });
    const skipped = stepChangeMessage(3, 'skipped', {
      userId: 'U0B',
      at: AT,
      note: 'n/a',
      progress: { done: 1, total: 6 },
    });
    expect(skipped.text).toMatch(
      /^:fast_forward: Step 3 — Review the agent's settings skipped by <@U0B> .*reason: `n\/a`/,
    );
    const reopened = stepChangeMessage(1, 'reopened', {
      userId: 'U0B',
      at: AT,
      note: '',
      progress: { done: 0, total: 6 },
    });
    expect(reopened.text).toMatch(/^:leftwards_arrow_with_hook: Step 1 — Review finding details reopened by <@U0B>/);
    expect(alreadyText({ step: 1, state: 'done', by: 'U0A', at: AT, note: '' })).toMatch(/already done by <@U0A>/);
  });

  it('posts plans with their fields, owner mention and plan text escaped', () => {
    const m = planMessage({
      version: 2,
      assessment: 'true_positive',
      containment: 'stop_agent',
      owner: 'U0BOB',
      plan: HOSTILE,
      by: 'U0ALICE',
      at: AT,
    });
    expect(m.text).toMatch(/^:memo: Response plan v2 \(edited\) saved by <@U0ALICE>/);
    expect(allTexts(m.blocks).join('\n')).toContain(
      '*Assessment* True positive · *Containment* Stop or delete the agent',
    );
    expectInert(m.blocks, { allowUserMentions: ['U0ALICE', 'U0BOB'] });
  });

  it('records lifecycle changes, naming the previous owner on a takeover', () => {
    expect(lifecycleMessage('claim', { userId: 'U0B', at: AT, previousOwner: 'U0A' }).text).toMatch(
      /^:raised_hand: Finding claimed by <@U0B> at .* \(was <@U0A>\) · undo from the card menu$/,
    );
    expect(lifecycleMessage('unmute', { userId: 'U0B', at: AT }).text).not.toContain('undo');
  });
});

describe('T1611 brief', () => {
  it('says what T1611 is, lists applicable mitigations and detections, links only to MITRE', () => {
    const m = t1611Brief(NAME);
    const text = allTexts(m.blocks).join('\n');
    expect(text).toMatch(/break out of a container/);
    for (const id of ['M1048', 'M1026', 'M1042', 'M1038', 'M1051']) expect(text).toContain(id);
    expect(text).toMatch(/Process creation/);
    const links = text.match(/<[^>]+>/g) ?? [];
    expect(links).toEqual(['<https://attack.mitre.org/techniques/T1611/|MITRE ATT&amp;CK T1611 on attack.mitre.org>']);
    const button = (m.blocks[1] as unknown as { elements: { action_id: string; value: string }[] }).elements[0];
    expect(button).toMatchObject({ action_id: ActionId.ReviewT1611, value: NAME });
  });
});

describe('modals', () => {
  it('plan modal carries its context and is pre-filled with the latest version', () => {
    const empty = responsePlanModal(ctx, undefined);
    expect(JSON.parse(String(empty.private_metadata))).toEqual(ctx);
    expect(JSON.stringify(empty.blocks)).not.toContain('initial_');
    const edit = responsePlanModal(ctx, {
      version: 1,
      assessment: 'benign',
      containment: 'other',
      owner: 'U0BOB',
      plan: 'keep watching',
      by: 'U0A',
      at: AT,
    });
    const json = JSON.stringify(edit.blocks);
    expect(json).toContain('"initial_user":"U0BOB"');
    expect(json).toContain('"initial_value":"keep watching"');
    expect(json).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Benign","emoji":true},"value":"benign"}',
    );
    expect(edit.title).toMatchObject({ text: 'Response plan (v2)' });
  });

  it('skip modal requires a reason and offers only open steps', () => {
    const v = stepNoteModal(ctx, 'skip', undefined, [open(3), open(5)]);
    const [select, note] = v.blocks as { element: { options?: { value: string }[] }; optional?: boolean }[];
    expect(select?.element.options?.map((o) => o.value)).toEqual(['3', '5']);
    expect(note?.optional).toBe(false);
    expect(JSON.parse(String(v.private_metadata))).toMatchObject({ ...ctx, mode: 'skip', step: 0 });
    const done = stepNoteModal(ctx, 'done', 2, []);
    expect((done.blocks as { optional?: boolean }[]).at(-1)?.optional).toBe(true);
  });
});

describe('card menus', () => {
  const menu = (state: Parameters<typeof cardActions>[1]) =>
    (cardActions(NAME, state) as unknown as { elements: { action_id: string; options?: { value: string }[] }[] })
      .elements;

  it('keeps the three investigation buttons and offers what fits the finding’s state', () => {
    const els = menu({ steps: steps(), claimedBy: undefined, muted: false, resolved: false });
    expect(els.map((e) => e.action_id)).toEqual([
      ActionId.RelatedFindings,
      ActionId.AgentSettings,
      ActionId.PullLogs,
      ActionId.Checklist,
      ActionId.Lifecycle,
    ]);
    const checklist = els[3]?.options?.map((o) => o.value.split('|')[0]);
    expect(checklist).toEqual([
      'reopen:1',
      'reopen:2',
      'note:3',
      'note:4',
      'brief:5',
      'plan:6',
      'reopen:6',
      'skip:0',
      'audit:0',
    ]);
    expect(els[4]?.options?.map((o) => o.value.split('|')[0])).toEqual(['claim', 'mute', 'resolve']);
    const undo = menu({ steps: steps(), claimedBy: 'U0A', muted: true, resolved: true })[4];
    expect(undo?.options?.map((o) => o.value.split('|')[0])).toEqual(['unclaim', 'unmute', 'reactivate']);
    expect(JSON.stringify(els[4])).toContain('"confirm"');
    for (const e of els) for (const o of e.options ?? []) expect(o.value.length).toBeLessThanOrEqual(150);
  });

  it('leaves the menus off rather than exceed Slack’s option value limit', () => {
    const long = `organizations/1/sources/2/locations/global/findings/${'a'.repeat(MENU_NAME_MAX)}`;
    const els = (
      cardActions(long, { steps: steps(), claimedBy: undefined, muted: false, resolved: false }) as {
        elements: unknown[];
      }
    ).elements;
    expect(els).toHaveLength(3);
  });
});

describe('audit trail', () => {
  const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
    id: i,
    at: AT,
    userId: 'U0ALICE',
    action: `step ${(i % 6) + 1} done`,
    findingName: NAME,
    result: 'ok',
    detail: HOSTILE,
    ...over,
  });

  it('lists who did what and how it went, escaped, within Slack limits', () => {
    const m = auditListMessage(NAME, [entry(1), entry(2, { result: 'refused', userId: 'U0MALLORY' })], 2);
    const text = allTexts(m.blocks).join('\n');
    expect(text).toContain('Audit trail for finding `6f0a3c1e9b2d4f8a0c7e5b1d3a9f2c4e` (2 entries)');
    expect(text).toMatch(/:no_entry: `2026-12-04 14:02:31 UTC` <@U0MALLORY> `step 3 done` → refused/);
    expectInert(m.blocks, { allowUserMentions: ['U0ALICE', 'U0MALLORY'] });

    const many = auditListMessage(
      NAME,
      Array.from({ length: 50 }, (_, i) => entry(i)),
      120,
    );
    expect(allTexts(many.blocks).join('\n')).toContain('120 entries, newest 50 shown');
    for (const b of many.blocks) expect(allTexts(b).join('').length).toBeLessThanOrEqual(3000 + 20);
    expect(auditListMessage(NAME, [], 0).blocks.length).toBe(2);
  });
});
