import type { Finding } from '../domain/finding.js';
import { RELATED_KEPT, type RelatedFindings } from '../services/investigate.js';
import { slackDate } from './dates.js';
import { findingConsoleUrl, findingsQueryUrl, link } from './links.js';
import { clamp, code, escapeAndTruncate } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn } from './types.js';

/** Rows shown in the thread (the service keeps this many); the rest are counted and linked. */
export const RELATED_SHOWN = RELATED_KEPT;

const SEVERITY_EMOJI: Record<string, string> = {
  CRITICAL: ':red_circle:',
  HIGH: ':large_orange_circle:',
  MEDIUM: ':large_yellow_circle:',
  LOW: ':white_circle:',
};

/** `−4m`, `+12m`, `+1h05m` relative to the finding's event. */
export function relativeTime(iso: string, toIso: string): string {
  const ms = Date.parse(iso) - Date.parse(toIso);
  if (Number.isNaN(ms)) return '?';
  const total = Math.round(Math.abs(ms) / 60_000);
  const sign = ms < 0 ? '−' : '+';
  if (total < 60) return `${sign}${total}m`;
  return `${sign}${Math.floor(total / 60)}h${String(total % 60).padStart(2, '0')}m`;
}

function row(item: Finding, anchor: Finding): string {
  const sev = item.severity === 'SEVERITY_UNSPECIFIED' ? 'UNSPECIFIED' : item.severity;
  const state = item.state === 'ACTIVE' ? 'active' : item.state === 'INACTIVE' ? 'inactive' : 'state unknown';
  const mute = item.mute === 'MUTED' ? ' · :mute: *muted*' : '';
  const binary = item.processes[0]?.binaryPath || item.processes[0]?.name;
  return [
    `\`${relativeTime(item.eventTime, anchor.eventTime)}\` ${SEVERITY_EMOJI[item.severity] ?? ':white_circle:'} ${sev}`,
    escapeAndTruncate(item.category || 'uncategorised', 120),
    `${state}${mute}`,
    ...(binary ? [code(binary, 160)] : []),
    link(findingConsoleUrl(item), 'open'),
  ].join(' · ');
}

function verdict(r: RelatedFindings): string {
  const n = r.total;
  const where = r.scope === 'agent' ? 'on this agent' : `in project ${code(r.project ?? '', 120)}`;
  const within = `in ±${r.window.minutes} min`;
  if (n === 0) {
    return r.scope === 'project'
      ? `No other findings on this agent or ${where} ${within}.`
      : `No other findings on this agent ${within}.`;
  }
  const counts = (
    [
      ['CRITICAL', r.critical],
      ['HIGH', r.high],
    ] as const
  )
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`);
  const extra = [...counts, ...(r.muted ? [`${r.muted} muted`] : [])];
  const lead = r.scope === 'project' ? 'No other findings on this agent. *Project-level:* ' : '';
  return `${lead}${n} other finding${n === 1 ? '' : 's'} ${where} ${within}${extra.length ? `, ${extra.join(', ')}` : ''}.`;
}

/** Packs rows into as few sections as Slack's 3,000-character limit allows. */
function rowSections(rows: string[]): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const r of rows) {
    if (current && current.length + 1 + r.length > LIMITS.sectionText) {
      blocks.push({ type: 'section', text: mrkdwn(current) });
      current = '';
    }
    current = current ? `${current}\n${r}` : clamp(r, LIMITS.sectionText);
  }
  if (current) blocks.push({ type: 'section', text: mrkdwn(current) });
  return blocks;
}

/** The thread answer of the "Related findings" button. Pure. */
export function relatedFindingsMessage(r: RelatedFindings): Message {
  const head = verdict(r);
  const title = r.scope === 'project' ? ':link: *Related findings (project-level)*' : ':link: *Related findings*';
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(`${title}\n${head}`) }];
  const shown = r.items.slice(0, RELATED_SHOWN);
  blocks.push(...rowSections(shown.map((i) => row(i, r.finding))));
  const notes: string[] = [];
  if (r.total > shown.length) {
    notes.push(
      `… and ${r.total - shown.length} more: ${link(findingsQueryUrl(r.finding, r.filter), `see all ${r.total} in SCC`)}`,
    );
  } else if (r.total > 0) {
    notes.push(link(findingsQueryUrl(r.finding, r.filter), 'Open this list in SCC'));
  }
  notes.push(`Window ${slackDate(r.window.start)} – ${slackDate(r.window.end)}, times relative to this finding`);
  if (r.malformed > 0) notes.push(`${r.malformed} malformed result${r.malformed === 1 ? '' : 's'} skipped`);
  blocks.push({ type: 'context', elements: [mrkdwn(clamp(notes.join(' · '), LIMITS.contextElementText))] });
  return { text: clamp(`Related findings: ${head}`, LIMITS.fallbackText), blocks };
}
