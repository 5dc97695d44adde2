import { status } from '@grpc/grpc-js';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeScc } from '../../src/fakes/scc-server.js';
import { type FakeMessage, FakeSlack } from '../../src/fakes/slack-server.js';
import { type BotProcess, freePort, startBot, TEST_SECRETS, tempDb } from '../helpers/bot-process.js';
import { botEnv, CHANNEL } from '../helpers/env.js';
import { freshFixture } from '../helpers/fixtures.js';
import { allTexts, expectInert } from '../helpers/inert.js';
import {
  blockActions,
  clickButton,
  lastView,
  optionOf,
  selectMenu,
  state,
  submitView,
} from '../helpers/interactivity.js';
import { sendInteraction, sendSlashCommand } from '../helpers/slack-requests.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const MALLORY = 'U0MALLORY';
const GROUP = 'S0RESPOND';
/** Longer than the card-refresh coalescing window (500 ms) plus a Slack round trip. */
const SETTLE_MS = 1200;
/** Each case drives many round trips (and the restart case a second start-up) on a shared two-core machine. */
const SLOW = { timeout: 60_000 };

let slack: FakeSlack;
let scc: FakeScc;
let bot: BotProcess | undefined;
let dbFile: string;
const allLogs: string[] = [];

async function start() {
  bot = await startBot(
    // Many cards on one agent here; keep storm grouping (tested in storm.test.ts) out of the way.
    botEnv(slack, scc, {
      PORT: String(await freePort()),
      STATE_DB: dbFile,
      RESPONDER_USERGROUP_ID: GROUP,
      STORM_THRESHOLD: '1000',
    }),
  );
}

async function stop() {
  if (!bot) return;
  await bot.stop('SIGTERM');
  allLogs.push(...bot.logs);
  bot = undefined;
}

const port = () => bot?.port ?? 0;
const cardOf = (name: string): FakeMessage | undefined =>
  slack.topLevel(CHANNEL).find((m) => m.metadata?.event_payload.finding_name === name);
const card = (name: string): FakeMessage => {
  const c = cardOf(name);
  if (!c) throw new Error(`no card for ${name}`);
  return c;
};
const cardText = (name: string) => allTexts(card(name).blocks).join('\n');
const thread = (name: string) => slack.replies(CHANNEL, card(name).ts);
/** What a reader sees of a message: its text objects, not the block types. */
const shown = (blocks: unknown[]) =>
  (blocks as { text?: { text?: string }; fields?: { text: string }[] }[])
    .flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)])
    .join('\n');
const threadText = (name: string) => thread(name).map((m) => shown(m.blocks));
const updatesOf = (name: string) => slack.callsOf('chat.update').filter((c) => c.args.ts === card(name).ts);
const ephemeralsFor = (user: string) => slack.ephemerals.filter((e) => e.user === user).map((e) => shown(e.blocks));

async function seed(id: string): Promise<string> {
  const f = freshFixture('escape-nsenter', { id });
  scc.upsert(f);
  await slack.waitFor(() => cardOf(f.finding.name));
  return f.finding.name;
}

const waitThread = (name: string, re: RegExp) => slack.waitFor(() => threadText(name).find((t) => re.test(t)), 10_000);
const waitCard = (name: string, re: RegExp) => slack.waitFor(() => re.test(cardText(name)) && cardText(name), 10_000);
const waitEphemeral = (user: string, re: RegExp) =>
  slack.waitFor(() => ephemeralsFor(user).find((t) => re.test(t)), 10_000);

async function openModal(userId: string, name: string, prefix: string) {
  const before = slack.views.length;
  await selectMenu(port(), userId, card(name), 'checklist_menu', prefix);
  await slack.waitFor(() => slack.views.length > before);
  return lastView(slack);
}

function auditRows(name: string): { action: string; result: string; user_id: string; detail: string }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare('SELECT action, result, user_id, detail FROM audit WHERE finding_name = ? ORDER BY id')
      .all(name) as {
      action: string;
      result: string;
      user_id: string;
      detail: string;
    }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  slack = new FakeSlack({ token: TEST_SECRETS.botToken });
  await slack.start();
  slack.usergroups.set(GROUP, [ALICE, BOB]);
  scc = new FakeScc();
  await scc.start();
  dbFile = tempDb();
  await start();
});

afterAll(async () => {
  await stop();
  await slack.stop();
  await scc.stop();
  const logs = allLogs.join('\n');
  expect(logs).not.toContain(TEST_SECRETS.botToken);
  expect(logs).not.toContain(TEST_SECRETS.signingSecret);
});

describe('response checklist from the card', SLOW, () => {
  it('walks all six steps: menu, note modals, T1611 brief, plan modal (with history), reopen, audit', async () => {
    const name = await seed('walk0001');
    expect(cardText(name)).toContain('Response checklist 0/6');

    await selectMenu(port(), ALICE, card(name), 'checklist_menu', 'done:1|');
    await waitThread(
      name,
      /^:white_check_mark: Step 1 — finding details reviewed by <@U0ALICE> at <!date\^\d+\^\{time\}\|/,
    );
    await waitCard(name, /Response checklist 1\/6/);
    expect(cardText(name)).toMatch(/:white_check_mark: 1\. Review finding details — <@U0ALICE> <!date/);

    for (const step of [2, 3, 4]) {
      const view = await openModal(BOB, name, `note:${step}|`);
      expect(view.view.callback_id).toBe('step_note');
      expect(view.trigger_id).toMatch(/^\d+\.1234567890\.abcdef\d+$/);
      const res = await submitView(port(), BOB, view, { note: state.text(`looked at ${step}`) });
      expect(res.status).toBe(200);
      await waitThread(
        name,
        new RegExp(`^:white_check_mark: Step ${step} — .* by <@U0BOB> .*note: \`looked at ${step}\``),
      );
    }

    // Step 5: the brief is posted in the thread, with MITRE's link, and marked reviewed from there.
    await selectMenu(port(), MALLORY, card(name), 'checklist_menu', 'brief:5|'); // reading matter: open to all
    const brief = await slack.waitFor(() => thread(name).find((m) => m.text.includes('T1611')));
    const briefText = allTexts(brief.blocks).join('\n');
    expect(briefText).toContain('<https://attack.mitre.org/techniques/T1611/|');
    expect(briefText).toMatch(/M1048 Application Isolation and Sandboxing/);
    expect(briefText).toMatch(/M1026 Privileged Account Management/);
    expect(briefText).toMatch(/Process creation/);
    await clickButton(port(), ALICE, brief, 't1611_reviewed');
    await waitThread(name, /^:white_check_mark: Step 5 — T1611 research reviewed by <@U0ALICE>/);

    // Step 6: an incomplete plan is refused inside the modal; a full one is stored, posted, and closes the step.
    const planView = await openModal(ALICE, name, 'plan:6|');
    expect(planView.view.callback_id).toBe('response_plan');
    const bad = await submitView(port(), ALICE, planView, { assessment: state.option('true_positive') });
    expect(JSON.parse(bad.text)).toMatchObject({
      response_action: 'errors',
      errors: { containment: expect.any(String), owner: expect.any(String), plan: expect.any(String) },
    });
    const full = {
      assessment: state.option('true_positive'),
      containment: state.option('stop_agent'),
      owner: state.user(BOB),
      plan: state.text('Stop the agent, rotate its service account, redeploy from a clean package.'),
    };
    expect((await submitView(port(), ALICE, planView, full)).status).toBe(200);
    await waitThread(
      name,
      /^:memo: Response plan saved by <@U0ALICE>.*\*Assessment\* True positive · \*Containment\* Stop or delete the agent · \*Owner\* <@U0BOB>/s,
    );
    await waitThread(name, /^:white_check_mark: Step 6 — response plan written by <@U0ALICE>/);
    await waitCard(name, /Response checklist 6\/6/);

    // Re-submitting edits the plan and keeps the earlier version.
    const edit = await openModal(BOB, name, 'plan:6|');
    expect(JSON.stringify(edit.view.blocks)).toContain('Stop the agent, rotate its service account');
    await submitView(port(), BOB, edit, { ...full, assessment: state.option('undetermined'), plan: state.text('v2') });
    await waitThread(name, /^:memo: Response plan v2 \(edited\) saved by <@U0BOB>.*Undetermined/s);

    // Undo: step 1 reopened, recorded, and the card goes back to 5/6.
    await selectMenu(port(), BOB, card(name), 'checklist_menu', 'reopen:1|');
    await waitThread(name, /^:leftwards_arrow_with_hook: Step 1 — Review finding details reopened by <@U0BOB>/);
    await waitCard(name, /Response checklist 5\/6/);
    expect(cardText(name)).toMatch(/:white_large_square: 1\. Review finding details\n/);

    const db = new Database(dbFile, { readonly: true });
    const plans = db
      .prepare('SELECT version, assessment, by_user FROM plans WHERE finding_name = ? ORDER BY version')
      .all(name);
    db.close();
    expect(plans).toEqual([
      { version: 1, assessment: 'true_positive', by_user: ALICE },
      { version: 2, assessment: 'undetermined', by_user: BOB },
    ]);

    // The trail, privately, through the slash command.
    await sendSlashCommand(port(), `${name.split('/').pop()} audit`, 'U0READER');
    const trail = await waitEphemeral('U0READER', /Audit trail/);
    for (const action of ['step 1 done', 'step 2 done', 'plan v1 saved', 'plan v2 saved', 'step 1 reopened'])
      expect(trail).toContain(`\`${action}\``);
    expectInert(
      slack.ephemerals.filter((e) => e.user === 'U0READER').map((e) => e.blocks),
      {
        allowUserMentions: [ALICE, BOB, MALLORY],
      },
    );
  });

  it('two responders clicking the same step at once make one record and one consistent card', async () => {
    const name = await seed('conc0001');
    const c = card(name);
    await Promise.all([
      selectMenu(port(), ALICE, c, 'checklist_menu', 'done:1|'),
      selectMenu(port(), BOB, c, 'checklist_menu', 'done:1|'),
    ]);
    const line = await waitThread(name, /Step 1 — finding details reviewed/);
    const winner = /by <@(U0ALICE|U0BOB)>/.exec(line)?.[1] as string;
    const loser = winner === ALICE ? BOB : ALICE;
    await waitEphemeral(loser, new RegExp(`Step 1 is already done by <@${winner}>`));
    await sleep(SETTLE_MS);
    expect(threadText(name).filter((t) => t.includes('Step 1 —'))).toHaveLength(1);
    expect(
      auditRows(name)
        .map((r) => `${r.user_id} ${r.result}`)
        .sort(),
    ).toEqual([`${winner} ok`, `${loser} noop`].sort());
    // Every edit of the card agrees on who did it.
    for (const u of updatesOf(name)) {
      expect(allTexts(u.args.blocks).join('\n')).toContain(`1. Review finding details — <@${winner}>`);
    }
    expect(cardText(name)).toContain('Response checklist 1/6');
  });

  it('refuses a non-responder privately, changes nothing, and audits the attempt', async () => {
    const name = await seed('deny0001');
    await sleep(SETTLE_MS);
    const before = updatesOf(name).length;
    await selectMenu(port(), MALLORY, card(name), 'checklist_menu', 'done:1|');
    await waitEphemeral(MALLORY, /not allowed.*responder user group/);
    await selectMenu(port(), MALLORY, card(name), 'lifecycle_menu', 'mute|');
    await slack.waitFor(() => ephemeralsFor(MALLORY).length >= 2);
    await sleep(SETTLE_MS);
    expect(thread(name)).toHaveLength(0);
    expect(updatesOf(name)).toHaveLength(before);
    expect(scc.grpc.callsOf('SetMute').filter((c) => c.request.name === name)).toHaveLength(0);
    expect(auditRows(name)).toEqual([
      { action: 'step 1 done', result: 'refused', user_id: MALLORY, detail: 'not in the responder user group' },
      { action: 'mute', result: 'refused', user_id: MALLORY, detail: 'not in the responder user group' },
    ]);
    // Read-only: anyone may read the trail.
    await selectMenu(port(), MALLORY, card(name), 'checklist_menu', 'audit:0|');
    const trail = await waitEphemeral(MALLORY, /Audit trail/);
    expect(trail).toMatch(/<@U0MALLORY> `step 1 done` → refused/);
  });
});

describe('lifecycle written back to SCC', SLOW, () => {
  it('claim, mute, resolve and their undos reach SCC, the card and the thread', async () => {
    const name = await seed('life0001');
    await selectMenu(port(), ALICE, card(name), 'lifecycle_menu', 'claim|');
    await waitThread(name, /^:raised_hand: Finding claimed by <@U0ALICE>/);
    await waitCard(name, /claimed by <@U0ALICE>/);
    // A stale menu offering "Claim" again: nothing to do, said privately.
    const stale = { text: { type: 'plain_text', text: 'Claim' }, value: `claim|${name}` };
    await sendInteraction(
      port(),
      blockActions(ALICE, card(name), {
        action_id: 'lifecycle_menu',
        block_id: 'card_actions',
        type: 'overflow',
        selected_option: stale,
      }),
    );
    await waitEphemeral(ALICE, /Nothing changed: you already hold this finding/);
    await slack.waitFor(() => scc.get(name)?.finding.securityMarks !== undefined);
    expect(scc.get(name)?.finding.securityMarks).toMatchObject({
      marks: { escape_desk_owner: ALICE, escape_desk_progress: '0of6' },
    });

    await selectMenu(port(), BOB, card(name), 'lifecycle_menu', 'mute|');
    await waitThread(name, /^:mute: Finding muted in Security Command Center by <@U0BOB>/);
    expect(scc.grpc.callsOf('SetMute').map((c) => c.request)).toEqual([{ name, mute: 'MUTED' }]);
    expect(scc.get(name)?.finding.mute).toBe('MUTED');
    await waitCard(name, /:mute: muted[\s\S]*muted by <@U0BOB>/);
    optionOf(card(name), 'lifecycle_menu', 'unmute|'); // the card offers the undo

    await selectMenu(port(), BOB, card(name), 'lifecycle_menu', 'unmute|');
    await waitThread(name, /^:loud_sound: Finding unmuted/);
    expect(scc.grpc.callsOf('SetMute').at(-1)?.request).toEqual({ name, mute: 'UNMUTED' });
    await slack.waitFor(() => !cardText(name).includes('muted by') && cardText(name));

    await selectMenu(port(), ALICE, card(name), 'lifecycle_menu', 'resolve|');
    await waitThread(
      name,
      /^:white_check_mark: Finding resolved \(set inactive\) in Security Command Center by <@U0ALICE>/,
    );
    expect(scc.grpc.callsOf('SetFindingState').map((c) => c.request)).toEqual([{ name, state: 'INACTIVE' }]);
    await waitCard(name, /Inactive \(resolved\)[\s\S]*resolved by <@U0ALICE>/);

    await selectMenu(port(), ALICE, card(name), 'lifecycle_menu', 'reactivate|');
    await waitThread(name, /^:arrows_counterclockwise: Finding reactivated/);
    expect(scc.grpc.callsOf('SetFindingState').at(-1)?.request).toEqual({ name, state: 'ACTIVE' });
    await waitCard(name, /\*State\*\nActive/);

    await selectMenu(port(), ALICE, card(name), 'lifecycle_menu', 'unclaim|');
    await waitThread(name, /^:wave: Finding unclaimed by <@U0ALICE>/);
    await slack.waitFor(() => !cardText(name).includes('claimed by') && cardText(name));
    expect(auditRows(name).map((r) => `${r.action} ${r.result}`)).toEqual([
      'claim ok',
      'claim noop',
      'mute ok',
      'unmute ok',
      'resolve ok',
      'reactivate ok',
      'unclaim ok',
    ]);
  });

  it('when SCC refuses, the card stays as it was and the responder learns the missing role', async () => {
    const name = await seed('perm0001');
    await sleep(SETTLE_MS);
    const before = { updates: updatesOf(name).length, text: cardText(name) };
    scc.grpc.fail('SetMute', status.PERMISSION_DENIED, 'caller lacks securitycenter.findings.setMute');
    await selectMenu(port(), ALICE, card(name), 'lifecycle_menu', 'mute|');
    await waitEphemeral(ALICE, /`roles\/securitycenter\.findingsMuteSetter`/);
    scc.grpc.fail('SetFindingState', status.PERMISSION_DENIED, 'caller lacks securitycenter.findings.setState');
    await selectMenu(port(), ALICE, card(name), 'lifecycle_menu', 'resolve|');
    await waitEphemeral(ALICE, /`roles\/securitycenter\.findingsStateSetter`/);
    await sleep(SETTLE_MS);
    expect(updatesOf(name)).toHaveLength(before.updates);
    expect(cardText(name)).toBe(before.text);
    expect(thread(name)).toHaveLength(0);
    expect(scc.get(name)?.finding).toMatchObject({ mute: 'UNDEFINED', state: 'ACTIVE' });
    expect(auditRows(name).map((r) => `${r.action} ${r.result}`)).toEqual(['mute failed', 'resolve failed']);
    expect(auditRows(name)[0]?.detail).toContain('roles/securitycenter.findingsMuteSetter');
  });
});

describe('hostile text and bursts', SLOW, () => {
  const HOSTILE =
    '<!channel> <https://evil.example/steal|Open in SCC> <@U0MALLORY> *bold* `tick` ```fence``` \u202eevil\u200b &amp; done';

  it('renders hostile notes, skip reasons and plans inert, on the card and in the thread', async () => {
    const name = await seed('host0001');
    const note = await openModal(ALICE, name, 'note:2|');
    await submitView(port(), ALICE, note, { note: state.text(HOSTILE) });
    const skip = await openModal(ALICE, name, 'skip:0|');
    await submitView(port(), ALICE, skip, { step: state.option('3'), note: state.text(HOSTILE) });
    const plan = await openModal(BOB, name, 'plan:6|');
    await submitView(port(), BOB, plan, {
      assessment: state.option('benign'),
      containment: state.option('other'),
      owner: state.user(ALICE),
      plan: state.text(HOSTILE),
    });
    await waitThread(name, /^:fast_forward: Step 3 — .* skipped by <@U0ALICE>/);
    await waitThread(name, /^:memo: Response plan/);
    await waitCard(name, /Response checklist 3\/6/);
    expect(cardText(name)).toMatch(/skipped by <@U0ALICE> <!date[^>]*>: `&lt;!channel&gt;/);
    const texts = thread(name).map((m) => m.blocks);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    expectInert(texts, { allowUserMentions: [ALICE, BOB] });
    expectInert(card(name).blocks, { allowUserMentions: [ALICE, BOB] });
    expect(JSON.stringify(texts)).toContain('[U+202E]');
    // A skip without a reason is refused in the modal.
    const again = await openModal(ALICE, name, 'skip:0|');
    const res = await submitView(port(), ALICE, again, { step: state.option('4'), note: state.text('  ') });
    expect(JSON.parse(res.text)).toMatchObject({ response_action: 'errors', errors: { note: expect.any(String) } });
  });

  it('coalesces a burst of 20 step clicks into few chat.update calls', async () => {
    const name = await seed('burst001');
    await sleep(SETTLE_MS);
    const before = updatesOf(name).length;
    const c = card(name);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      const verb = i % 2 === 0 ? 'done' : 'reopen';
      const option = { text: { type: 'plain_text', text: verb }, value: `${verb}:1|${name}` };
      const res = await sendInteraction(
        port(),
        blockActions(i % 4 < 2 ? ALICE : BOB, c, {
          action_id: 'checklist_menu',
          block_id: 'card_actions',
          type: 'static_select',
          selected_option: option,
        }),
      );
      expect(res.status).toBe(200);
    }
    const clicksMs = performance.now() - t0;
    await sleep(SETTLE_MS * 2);
    const lines = threadText(name).filter((t) => t.includes('Step 1 —'));
    const updates = updatesOf(name).length - before;
    console.log(
      `burst of 20 step clicks (${clicksMs.toFixed(0)} ms): ${lines.length} thread lines, ${updates} chat.update calls`,
    );
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(updates).toBeGreaterThanOrEqual(1);
    expect(updates).toBeLessThanOrEqual(5);
    // The last edit shows the final stored state.
    const finalDone =
      auditRows(name)
        .filter((r) => r.result === 'ok')
        .at(-1)?.action === 'step 1 done';
    expect(cardText(name)).toContain(`Response checklist ${finalDone ? 1 : 0}/6`);
  });
});

describe('restart', SLOW, () => {
  it('keeps the checklist, claim and audit across a restart', async () => {
    const name = await seed('rest0001');
    await selectMenu(port(), ALICE, card(name), 'checklist_menu', 'done:1|');
    const note = await openModal(BOB, name, 'note:2|');
    await submitView(port(), BOB, note, { note: state.text('before restart') });
    await selectMenu(port(), BOB, card(name), 'lifecycle_menu', 'claim|');
    await waitCard(name, /Response checklist 2\/6[\s\S]*claimed by <@U0BOB>/);
    const auditBefore = auditRows(name).length;

    await stop();
    await start();
    await sleep(SETTLE_MS);
    expect(slack.topLevel(CHANNEL).filter((m) => m.metadata?.event_payload.finding_name === name)).toHaveLength(1);

    // A click on a card as it looked before the restart (step 1 still open there).
    const stale = { text: { type: 'plain_text', text: 'done' }, value: `done:1|${name}` };
    await sendInteraction(
      port(),
      blockActions(BOB, card(name), {
        action_id: 'checklist_menu',
        block_id: 'card_actions',
        type: 'static_select',
        selected_option: stale,
      }),
    );
    await waitEphemeral(BOB, /Step 1 is already done by <@U0ALICE>/);
    await selectMenu(port(), ALICE, card(name), 'checklist_menu', 'reopen:2|');
    await waitThread(name, /Step 2 — .* reopened by <@U0ALICE>/);
    await waitCard(name, /Response checklist 1\/6/);
    expect(cardText(name)).toMatch(/1\. Review finding details — <@U0ALICE>/);
    expect(cardText(name)).toContain('claimed by <@U0BOB>');
    expect(auditRows(name).length).toBe(auditBefore + 2);
  });
});
