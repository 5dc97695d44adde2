import { findingIdOf } from '../domain/finding.js';
import type { AuditEntry } from '../store/audit-store.js';
import { utcStamp } from './dates.js';
import { clamp, code } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn } from './types.js';

const RESULT_EMOJI: Record<AuditEntry['result'], string> = {
  ok: ':white_check_mark:',
  noop: ':heavy_minus_sign:',
  refused: ':no_entry:',
  failed: ':x:',
};
const SECTIONS_MAX = 8;

/** The audit trail of one finding (ephemeral): one line an action, oldest first, chunked into sections. */
export function auditListMessage(findingName: string, entries: readonly AuditEntry[], total: number): Message {
  const head = `:scroll: Audit trail for finding ${code(findingIdOf(findingName), 140)} (${total} ${total === 1 ? 'entry' : 'entries'}${total > entries.length ? `, newest ${entries.length} shown` : ''})`;
  const lines = entries.map(
    (e) =>
      `${RESULT_EMOJI[e.result]} \`${utcStamp(e.at)}\` <@${e.userId}> ${code(e.action, 80)} → ${e.result}${e.detail ? ` ${code(e.detail, 300)}` : ''}`,
  );
  if (lines.length === 0) lines.push('_Nothing recorded yet._');
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(head) }];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > LIMITS.sectionText - 100) {
      blocks.push({ type: 'section', text: mrkdwn(chunk) });
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push({ type: 'section', text: mrkdwn(chunk) });
  return { text: clamp(head, LIMITS.fallbackText), blocks: blocks.slice(0, SECTIONS_MAX) };
}
