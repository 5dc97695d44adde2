import { ASSESSMENTS, CONTAINMENTS, type ResponsePlan } from '../domain/checklist.js';
import { slackTime } from './dates.js';
import { clamp, codeBlock } from './text.js';
import { LIMITS, type Message, mrkdwn } from './types.js';

/** The plan as posted in the card's thread (each saved version is posted, so the thread keeps the history too). */
export function planMessage(p: ResponsePlan): Message {
  const head = `:memo: Response plan ${p.version > 1 ? `v${p.version} (edited) ` : ''}saved by <@${p.by}> at ${slackTime(p.at)}`;
  const fields = `*Assessment* ${ASSESSMENTS[p.assessment]} · *Containment* ${CONTAINMENTS[p.containment]} · *Owner* <@${p.owner}>`;
  const text = clamp(`${head}\n${fields}\n${codeBlock(p.plan, LIMITS.sectionText - 400)}`, LIMITS.sectionText);
  return { text: clamp(`${head}`, LIMITS.fallbackText), blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
