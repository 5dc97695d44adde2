import {
  ASSESSMENTS,
  type Assessment,
  CONTAINMENTS,
  type ResponsePlan,
  type StepNumber,
  type StepRecord,
  stepTitle,
} from '../domain/checklist.js';
import { ViewId } from './action-ids.js';
import { plainText } from './text.js';
import { type Block, mrkdwn, plain } from './types.js';

/** Where a modal's result goes; carried in private_metadata and validated on submit. */
export interface ModalContext {
  findingName: string;
  channel: string;
  threadTs: string;
}

export const NOTE_MAX = 1000;
export const PLAN_MAX = 2500;

/** Block and action ids inside our modals (view_submission state is keyed by them). */
export const Field = {
  note: 'note',
  step: 'step',
  assessment: 'assessment',
  containment: 'containment',
  owner: 'owner',
  plan: 'plan',
  value: 'value',
} as const;

type View = Record<string, unknown>;

const stepOption = (n: StepNumber) => ({ text: plain(`${n}. ${stepTitle(n)}`), value: String(n) });

/** Steps 2–4 marked by hand with a note, or any open step skipped with a reason. */
export function stepNoteModal(
  ctx: ModalContext,
  mode: 'done' | 'skip',
  step: StepNumber | undefined,
  openSteps: readonly StepRecord[],
): View {
  const blocks: Block[] = [];
  if (mode === 'skip') {
    blocks.push({
      type: 'input',
      block_id: Field.step,
      label: plain('Step to skip'),
      element: {
        type: 'static_select',
        action_id: Field.value,
        options: openSteps.map((s) => stepOption(s.step)),
        ...(step ? { initial_option: stepOption(step) } : {}),
      },
    });
  } else if (step) {
    blocks.push({ type: 'section', text: mrkdwn(`Mark *step ${step} — ${plainText(stepTitle(step), 80)}* done.`) });
  }
  blocks.push({
    type: 'input',
    block_id: Field.note,
    label: plain(mode === 'skip' ? 'Why is it skipped?' : 'Note (what you found)'),
    optional: mode !== 'skip',
    element: { type: 'plain_text_input', action_id: Field.value, multiline: true, max_length: NOTE_MAX },
  });
  return {
    type: 'modal',
    callback_id: ViewId.StepNote,
    private_metadata: JSON.stringify({ ...ctx, mode, step: step ?? 0 }),
    title: plain(mode === 'skip' ? 'Skip a step' : `Step ${step ?? ''} done`),
    submit: plain(mode === 'skip' ? 'Skip step' : 'Mark done'),
    close: plain('Cancel'),
    blocks,
  };
}

const choice = (label: string, value: string) => ({ text: plain(label), value });

/** Step 6: the structured response plan; pre-filled with the latest version when editing. */
export function responsePlanModal(ctx: ModalContext, current: ResponsePlan | undefined): View {
  const assessments = Object.entries(ASSESSMENTS).map(([v, l]) => choice(l, v));
  const containments = Object.entries(CONTAINMENTS).map(([v, l]) => choice(l, v));
  const initial = <T extends { value: string }>(opts: T[], v: string | undefined) => {
    const o = opts.find((x) => x.value === v);
    return o ? { initial_option: o } : {};
  };
  return {
    type: 'modal',
    callback_id: ViewId.ResponsePlan,
    private_metadata: JSON.stringify(ctx),
    title: plain(current ? `Response plan (v${current.version + 1})` : 'Response plan'),
    submit: plain('Save plan'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: Field.assessment,
        label: plain('Assessment'),
        element: {
          type: 'static_select',
          action_id: Field.value,
          options: assessments,
          ...initial(assessments, current?.assessment),
        },
      },
      {
        type: 'input',
        block_id: Field.containment,
        label: plain('Containment action'),
        element: {
          type: 'static_select',
          action_id: Field.value,
          options: containments,
          ...initial(containments, current?.containment),
        },
      },
      {
        type: 'input',
        block_id: Field.owner,
        label: plain('Owner'),
        element: {
          type: 'users_select',
          action_id: Field.value,
          ...(current?.owner ? { initial_user: current.owner } : {}),
        },
      },
      {
        type: 'input',
        block_id: Field.plan,
        label: plain('Plan'),
        hint: plain('Next steps, who does what, by when. Saved with history; re-submitting makes a new version.'),
        element: {
          type: 'plain_text_input',
          action_id: Field.value,
          multiline: true,
          max_length: PLAN_MAX,
          ...(current ? { initial_value: current.plan } : {}),
        },
      },
    ],
  };
}

export function assessmentLabel(a: Assessment): string {
  return ASSESSMENTS[a];
}
