import type { App } from '@slack/bolt';
import { ActionId } from '../../blocks/action-ids.js';
import { auditListMessage } from '../../blocks/audit-list.js';
import { alreadyText } from '../../blocks/checklist.js';
import { responsePlanModal, stepNoteModal } from '../../blocks/modals.js';
import { isStep, type StepNumber } from '../../domain/checklist.js';
import { InvalidPayload } from '../../errors.js';
import { parseCardContext } from '../card-context.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';
import { parseChecklistOption } from '../menu-value.js';
import { replyPrivately } from '../reply.js';

/** Which steps each menu verb may name (a forged option cannot, say, mark the plan done without a plan). */
const ALLOWED: Record<string, readonly number[]> = {
  done: [1],
  note: [2, 3, 4],
  brief: [5],
  plan: [6],
  reopen: [1, 2, 3, 4, 5, 6],
  skip: [0, 1, 2, 3, 4, 5, 6],
  audit: [0],
};

/** The card's checklist menu: complete, note, skip, reopen, brief, plan, audit trail. */
export function registerChecklistMenu(app: App, deps: Deps): void {
  app.action(ActionId.Checklist, async ({ ack, body, action }) => {
    await ack();
    let reply: { channel: string; user: string } | undefined;
    try {
      const opt = parseChecklistOption(action);
      const card = parseCardContext(body, opt.findingName);
      reply = { channel: card.channel, user: card.userId };
      if (!ALLOWED[opt.verb]?.includes(opt.step)) throw new InvalidPayload('checklist menu option', 'step not allowed');
      const where = { channel: card.channel, threadTs: card.messageTs };
      const ctx = { findingName: card.findingName, ...where };
      const step = isStep(opt.step) ? (opt.step as StepNumber) : undefined;
      const openModal = async (what: string, view: Record<string, unknown>) => {
        await deps.checklist.mayChange(card.userId, what, card.findingName);
        if (!card.triggerId) throw new InvalidPayload('block_actions body', 'no trigger_id for a modal');
        await deps.slack.openView(card.triggerId, view);
      };
      switch (opt.verb) {
        case 'done':
        case 'reopen': {
          if (!step) break;
          const o =
            opt.verb === 'done'
              ? await deps.checklist.complete(where, card.findingName, step, card.userId)
              : await deps.checklist.reopen(where, card.findingName, step, card.userId);
          if (!o.changed) await replyPrivately(deps, card.channel, card.userId, alreadyText(o.step));
          break;
        }
        case 'note':
          await openModal(`step ${opt.step} note`, stepNoteModal(ctx, 'done', step, []));
          break;
        case 'skip': {
          const open = deps.checklist.steps(card.findingName).filter((s) => s.state === 'open');
          if (open.length === 0) {
            await replyPrivately(deps, card.channel, card.userId, ':information_source: No open step left to skip.');
            break;
          }
          await openModal('step skip', stepNoteModal(ctx, 'skip', step, open));
          break;
        }
        case 'plan':
          await openModal('plan edit', responsePlanModal(ctx, deps.checklist.latestPlan(card.findingName)));
          break;
        case 'brief':
          await deps.checklist.postBrief(where, card.findingName, card.userId);
          break;
        case 'audit': {
          const { entries, total } = deps.checklist.trail(card.findingName);
          await replyPrivately(deps, card.channel, card.userId, auditListMessage(card.findingName, entries, total));
          break;
        }
      }
    } catch (err) {
      // describeError logs; without a usable context there is no one to answer.
      const text = describeError(err, deps.log);
      if (reply) await replyPrivately(deps, reply.channel, reply.user, text);
    }
  });
}
