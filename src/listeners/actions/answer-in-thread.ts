import { type Message, mrkdwn } from '../../blocks/types.js';
import { type CardContext, parseCardContext } from '../card-context.js';
import type { Deps, InvestigatedEvent } from '../deps.js';
import { describeError } from '../errors.js';

/**
 * The shared tail of the three investigation buttons (after the ack): validate where the click
 * came from, let `answer` fetch and post (it returns false for a coalesced duplicate click), turn
 * any failure into a thread message, then tell the checklist which step was answered.
 */
export async function answerInThread(
  deps: Deps,
  body: unknown,
  action: unknown,
  step: InvestigatedEvent['step'],
  answer: (card: CardContext) => Promise<boolean>,
): Promise<void> {
  let card: CardContext;
  try {
    card = parseCardContext(body, (action as { value?: unknown } | undefined)?.value);
  } catch (err) {
    describeError(err, deps.log); // logs it; without a valid card there is no thread to answer in
    return;
  }
  // Built only when something is logged: a burst of clicks should not pay for a child logger each.
  const log = () => deps.log.child({ finding: card.findingName, step, user: card.userId });
  try {
    if (!(await answer(card))) {
      log().debug('investigation click coalesced with one being answered; no second answer');
      return;
    }
  } catch (err) {
    const text = describeError(err, log());
    const message: Message = { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
    await deps.slack.post(card.channel, message, { threadTs: card.messageTs }).catch((e: unknown) => {
      log().error({ err: e }, 'could not post the error answer in the thread');
    });
    return;
  }
  try {
    await deps.onInvestigated?.({
      findingName: card.findingName,
      step,
      userId: card.userId,
      channel: card.channel,
      threadTs: card.messageTs,
    });
  } catch (err) {
    log().warn({ err }, 'checklist hook failed after an investigation answer');
  }
}
