import type { App } from '@slack/bolt';
import { auditListMessage } from '../../blocks/audit-list.js';
import { escapeAndTruncate } from '../../blocks/text.js';
import { mrkdwn } from '../../blocks/types.js';
import { CONTAINER_ESCAPE_CATEGORY } from '../../domain/finding.js';
import { parseFindingQuery } from '../../domain/finding-id.js';
import type { Deps } from '../deps.js';
import { describeError } from '../errors.js';

export const COMMAND = '/escape-finding';
const AUDIT_SUFFIX = /^(.*\S)\s+audit\s*$/is;

/** `/escape-finding <id>`: ack at once, then answer privately with a link to the (possibly new) card. */
export function registerEscapeFinding(app: App, deps: Deps): void {
  app.command(COMMAND, async ({ ack, command }) => {
    await ack();
    const reply = async (text: string) => {
      // Already safe mrkdwn; the same text doubles as the notification fallback.
      const message = { text, blocks: [{ type: 'section' as const, text: mrkdwn(text) }] };
      try {
        await deps.slack.postEphemeral(command.channel_id, command.user_id, message);
      } catch (err) {
        deps.log.warn({ err, channel: command.channel_id }, 'could not answer /escape-finding privately');
      }
    };
    try {
      // `/escape-finding <id> audit`: the finding's audit trail instead of the card link.
      const audit = AUDIT_SUFFIX.exec(command.text ?? '');
      const query = parseFindingQuery(audit ? (audit[1] ?? '') : (command.text ?? ''));
      const { finding } = await deps.lookup.find(query);
      if (audit) {
        const { entries, total } = deps.checklist.trail(finding.name);
        await deps.slack.postEphemeral(
          command.channel_id,
          command.user_id,
          auditListMessage(finding.name, entries, total),
        );
        return;
      }
      const before = deps.cards.get(finding.name);
      await deps.cards.upsert(finding);
      const rec = deps.cards.get(finding.name);
      const url = rec?.ts ? await deps.slack.permalink(rec.channel, rec.ts) : undefined;
      const where = url ? `<${url}|the card>` : `the card in <#${deps.channel}>`;
      const lead =
        before?.status === 'posted'
          ? `This finding already has a card: ${where}.`
          : `Posted ${where} for this finding.`;
      const note =
        finding.category === CONTAINER_ESCAPE_CATEGORY
          ? ''
          : `\n:information_source: Note: this is a \`${escapeAndTruncate(finding.category || 'uncategorised', 120)}\` finding, not \`${CONTAINER_ESCAPE_CATEGORY}\`; shown anyway.`;
      await reply(`${lead}${note}`);
    } catch (err) {
      await reply(describeError(err, deps.log));
    }
  });
}
