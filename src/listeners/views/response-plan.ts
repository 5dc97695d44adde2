import type { App } from '@slack/bolt';
import { z } from 'zod';
import { ViewId } from '../../blocks/action-ids.js';
import { Field, PLAN_MAX } from '../../blocks/modals.js';
import { ASSESSMENTS, type Assessment, CONTAINMENTS, type Containment } from '../../domain/checklist.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { replyPrivately } from '../reply.js';
import { field, modalContextSchema, parseSubmission, validateInputs } from './modal-state.js';

const keys = <T extends string>(o: Record<T, unknown>) => Object.keys(o) as [T, ...T[]];

const planInputs = z.object({
  [Field.assessment]: field.option(keys<Assessment>(ASSESSMENTS), 'Choose an assessment.'),
  [Field.containment]: field.option(keys<Containment>(CONTAINMENTS), 'Choose a containment action.'),
  [Field.owner]: field.user('Choose an owner.'),
  [Field.plan]: field.text(z.string().min(1, 'Write the plan.').max(PLAN_MAX, `At most ${PLAN_MAX} characters.`)),
});

/** Submit of the response-plan modal (step 6): validated, stored as a new version, posted, step marked done. */
export function registerResponsePlan(app: App, deps: Deps): void {
  app.view(ViewId.ResponsePlan, async ({ ack, body }) => {
    let s: ReturnType<typeof parseSubmission<typeof modalContextSchema>>;
    try {
      s = parseSubmission(body, modalContextSchema);
    } catch (err) {
      await ack();
      describeError(err, deps.log);
      return;
    }
    const v = validateInputs(s.values, planInputs);
    if (!v.ok) {
      await ack({ response_action: 'errors', errors: v.errors });
      return;
    }
    await ack();
    const { meta, userId } = s;
    try {
      await deps.checklist.savePlan({ channel: meta.channel, threadTs: meta.threadTs }, meta.findingName, userId, {
        assessment: v.data.assessment.value.selected_option.value,
        containment: v.data.containment.value.selected_option.value,
        owner: v.data.owner.value.selected_user,
        plan: v.data.plan.value.value,
      });
    } catch (err) {
      await replyPrivately(deps, meta.channel, userId, describeError(err, deps.log));
    }
  });
}
