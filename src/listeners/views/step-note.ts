import type { App } from '@slack/bolt';
import { z } from 'zod';
import { ViewId } from '../../blocks/action-ids.js';
import { alreadyText } from '../../blocks/checklist.js';
import { Field, NOTE_MAX } from '../../blocks/modals.js';
import type { StepNumber } from '../../domain/checklist.js';
import { InvalidPayload } from '../../errors.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { replyPrivately } from '../reply.js';
import { field, modalContextSchema, parseSubmission, validateInputs } from './modal-state.js';

const metadata = modalContextSchema.extend({
  mode: z.enum(['done', 'skip']),
  step: z.number().int().min(0).max(6),
});

const tooLong = `At most ${NOTE_MAX} characters.`;
/** Steps 2–4 by hand: the note is optional. */
const doneInputs = z.object({ [Field.note]: field.text(z.string().max(NOTE_MAX, tooLong)).optional() });
/** Skipping: which open step, and why (required). */
const skipInputs = z.object({
  [Field.step]: field.option(['1', '2', '3', '4', '5', '6'], 'Choose a step.'),
  [Field.note]: field.text(z.string().min(1, 'Say why this step is skipped.').max(NOTE_MAX, tooLong)),
});

/** Submit of the step modal: steps 2–4 done with a note, or any open step skipped with a reason. */
export function registerStepNote(app: App, deps: Deps): void {
  app.view(ViewId.StepNote, async ({ ack, body }) => {
    let s: ReturnType<typeof parseSubmission<typeof metadata>>;
    try {
      s = parseSubmission(body, metadata);
      if (s.meta.mode === 'done' && ![2, 3, 4].includes(s.meta.step)) {
        throw new InvalidPayload('view_submission', `step ${s.meta.step} cannot be marked from a note`);
      }
    } catch (err) {
      await ack();
      describeError(err, deps.log);
      return;
    }
    const { meta, userId } = s;
    let step: StepNumber;
    let note: string;
    if (meta.mode === 'skip') {
      const v = validateInputs(s.values, skipInputs);
      if (!v.ok) return void (await ack({ response_action: 'errors', errors: v.errors }));
      step = Number(v.data.step.value.selected_option.value) as StepNumber;
      note = v.data.note.value.value;
    } else {
      const v = validateInputs(s.values, doneInputs);
      if (!v.ok) return void (await ack({ response_action: 'errors', errors: v.errors }));
      step = meta.step as StepNumber;
      note = v.data.note?.value.value ?? '';
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
