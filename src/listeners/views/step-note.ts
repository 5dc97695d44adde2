import type { App } from '@slack/bolt';
import { z } from 'zod';
import { ViewId } from '../../blocks/action-ids.js';
import { alreadyText } from '../../blocks/checklist.js';
import { Field, NOTE_MAX } from '../../blocks/modals.js';
import { isStep } from '../../domain/checklist.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { replyPrivately } from '../reply.js';
import { inputValue, modalContextSchema, parseSubmission } from './modal-state.js';

const metadata = modalContextSchema.extend({
  mode: z.enum(['done', 'skip']),
  step: z.number().int().min(0).max(6),
});

/** Submit of the step modal: steps 2–4 done with a note, or any open step skipped with a reason. */
export function registerStepNote(app: App, deps: Deps): void {
  app.view(ViewId.StepNote, async ({ ack, body }) => {
    let s: ReturnType<typeof parseSubmission<typeof metadata>>;
    try {
      s = parseSubmission(body, metadata);
    } catch (err) {
      await ack();
      describeError(err, deps.log);
      return;
    }
    const { meta, values, userId } = s;
    const note = inputValue.text.safeParse(values[Field.note]?.[Field.value] ?? {}).data ?? '';
    const step =
      meta.mode === 'skip'
        ? Number(inputValue.option.safeParse(values[Field.step]?.[Field.value] ?? {}).data ?? 0)
        : meta.step;
    const errors: Record<string, string> = {};
    if (note.length > NOTE_MAX) errors[Field.note] = `At most ${NOTE_MAX} characters.`;
    if (meta.mode === 'skip' && !note) errors[Field.note] = 'Say why this step is skipped.';
    if (!isStep(step) || (meta.mode === 'done' && ![2, 3, 4].includes(step))) {
      errors[meta.mode === 'skip' ? Field.step : Field.note] = 'Choose a step.';
    }
    if (Object.keys(errors).length > 0 || !isStep(step)) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const where = { channel: meta.channel, threadTs: meta.threadTs };
    try {
      const o =
        meta.mode === 'skip'
          ? await deps.checklist.skip(where, meta.findingName, step, userId, note)
          : await deps.checklist.complete(where, meta.findingName, step, userId, note);
      if (!o.changed) await replyPrivately(deps, meta.channel, userId, alreadyText(o.step));
    } catch (err) {
      await replyPrivately(deps, meta.channel, userId, describeError(err, deps.log));
    }
  });
}
