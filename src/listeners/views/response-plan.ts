import type { App } from '@slack/bolt';
import { ViewId } from '../../blocks/action-ids.js';
import { Field, PLAN_MAX } from '../../blocks/modals.js';
import { ASSESSMENTS, type Assessment, CONTAINMENTS, type Containment } from '../../domain/checklist.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { replyPrivately } from '../reply.js';
import { inputValue, modalContextSchema, parseSubmission } from './modal-state.js';

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

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
    const { meta, values, userId } = s;
    const field = (block: string) => values[block]?.[Field.value] ?? {};
    const assessment = inputValue.option.safeParse(field(Field.assessment)).data;
    const containment = inputValue.option.safeParse(field(Field.containment)).data;
    const owner = inputValue.user.safeParse(field(Field.owner)).data;
    const plan = inputValue.text.safeParse(field(Field.plan)).data ?? '';
    const errors: Record<string, string> = {};
    if (!assessment || !(assessment in ASSESSMENTS)) errors[Field.assessment] = 'Choose an assessment.';
    if (!containment || !(containment in CONTAINMENTS)) errors[Field.containment] = 'Choose a containment action.';
    if (!owner || !USER_ID.test(owner)) errors[Field.owner] = 'Choose an owner.';
    if (!plan) errors[Field.plan] = 'Write the plan.';
    else if (plan.length > PLAN_MAX) errors[Field.plan] = `At most ${PLAN_MAX} characters.`;
    if (Object.keys(errors).length > 0 || !owner) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    try {
      await deps.checklist.savePlan({ channel: meta.channel, threadTs: meta.threadTs }, meta.findingName, userId, {
        assessment: assessment as Assessment,
        containment: containment as Containment,
        owner,
        plan,
      });
    } catch (err) {
      await replyPrivately(deps, meta.channel, userId, describeError(err, deps.log));
    }
  });
}
