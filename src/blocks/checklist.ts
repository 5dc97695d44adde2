import { progressOf, STEPS, type StepNumber, type StepRecord, stepTitle } from '../domain/checklist.js';
import { slackTime } from './dates.js';
import { clamp, code, escapeMrkdwn } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn } from './types.js';

const STATE_EMOJI = { open: ':white_large_square:', done: ':white_check_mark:', skipped: ':fast_forward:' } as const;
const NOTE_ON_CARD_MAX = 120;
const NOTE_IN_THREAD_MAX = 1500;

/** The card's checklist: one line per step with its state, who and when (skip reasons shown). */
export function checklistBlock(steps: readonly StepRecord[]): Block {
  const { done, total } = progressOf(steps);
  const lines = steps.map((s) => {
    const head = `${STATE_EMOJI[s.state]} ${s.step}. ${escapeMrkdwn(stepTitle(s.step))}`;
    if (s.state === 'done') return `${head} — <@${s.by}> ${slackTime(s.at)}`;
    if (s.state === 'skipped')
      return `${head} — skipped by <@${s.by}> ${slackTime(s.at)}: ${code(s.note, NOTE_ON_CARD_MAX)}`;
    return head;
  });
  return {
    type: 'section',
    block_id: 'checklist',
    text: mrkdwn(clamp(`*Response checklist ${done}/${total}*\n${lines.join('\n')}`, LIMITS.sectionText)),
  };
}

export type StepChange = 'done' | 'skipped' | 'reopened';

/** The thread's record of one step change, e.g. `:white_check_mark: Step 4 — agent logs checked by @alice at 14:02, note: …`. */
export function stepChangeMessage(
  step: StepNumber,
  change: StepChange,
  e: { userId: string; at: string; note: string; auto?: boolean; progress: { done: number; total: number } },
): Message {
  const def = STEPS[step - 1];
  const what = escapeMrkdwn(def?.doneText ?? stepTitle(step));
  const who = `<@${e.userId}> at ${slackTime(e.at)}`;
  const note = e.note ? `, ${change === 'skipped' ? 'reason' : 'note'}: ${code(e.note, NOTE_IN_THREAD_MAX)}` : '';
  const auto = e.auto ? ' (from the investigation answer)' : '';
  const progress = ` · checklist ${e.progress.done}/${e.progress.total}`;
  const text =
    change === 'done'
      ? `:white_check_mark: Step ${step} — ${what} by ${who}${auto}${note}${progress}`
      : change === 'skipped'
        ? `:fast_forward: Step ${step} — ${escapeMrkdwn(stepTitle(step))} skipped by ${who}${note}${progress}`
        : `:leftwards_arrow_with_hook: Step ${step} — ${escapeMrkdwn(stepTitle(step))} reopened by ${who}${note}${progress}`;
  const safe = clamp(text, LIMITS.sectionText);
  return { text: clamp(safe, LIMITS.fallbackText), blocks: [{ type: 'section', text: mrkdwn(safe) }] };
}

/** Private answer to a click that changed nothing (someone else got there first). */
export function alreadyText(s: StepRecord): string {
  const who = s.by ? ` by <@${s.by}> at ${slackTime(s.at)}` : '';
  return `:information_source: Step ${s.step} is already ${s.state}${who}; nothing changed.`;
}
