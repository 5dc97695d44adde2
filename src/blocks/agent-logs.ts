import type { AgentLogEntry } from '../domain/agent.js';
import { findingIdOf, parseAgent } from '../domain/finding.js';
import type { AgentLogs } from '../services/investigate.js';
import { slackDate } from './dates.js';
import { link, logsQueryUrl } from './links.js';
import { clamp, code, codeBlock, showInvisibles } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn } from './types.js';

/** Lines per group in the message; everything else goes to the attached file. */
export const LOG_LINES_SHOWN = 12;
const LINE_MAX = 240;
const BLOCK_BUDGET = 2700;

export interface LogFile {
  filename: string;
  title: string;
  content: string;
}

/** Strings from the finding worth finding in the logs: the binary, its name and its non-flag arguments. */
export function needlesOf(l: AgentLogs): string[] {
  const out = new Set<string>();
  for (const p of l.finding.processes) {
    if (p.binaryPath) out.add(p.binaryPath);
    const base = (p.binaryPath || p.name).split('/').pop() ?? '';
    if (base.length >= 4) out.add(base);
    for (const a of p.args) if (a.length >= 4 && !a.startsWith('-') && !/^\d+$/.test(a)) out.add(a);
  }
  return [...out];
}

export function mentions(e: AgentLogEntry, needles: readonly string[]): boolean {
  return needles.some((n) => e.text.includes(n));
}

function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max).join('')}…(${chars.length - max} more chars)`;
}

function lineOf(e: AgentLogEntry): string {
  const time = e.timestamp.slice(11, 19);
  return `${time} ${e.severity.padEnd(7)} ${cut(e.text.replace(/\r?\n/g, ' ⏎ '), LINE_MAX)}`;
}

/** As many whole lines as fit in one code block; returns the block and how many lines it holds. */
function packLines(entries: AgentLogEntry[]): { text: string; shown: number } {
  let text = '';
  let shown = 0;
  for (let k = 1; k <= Math.min(entries.length, LOG_LINES_SHOWN); k++) {
    const next = codeBlock(entries.slice(0, k).map(lineOf).join('\n'), BLOCK_BUDGET + 100);
    if (next.length > BLOCK_BUDGET) break;
    text = next;
    shown = k;
  }
  return { text, shown };
}

interface Layout {
  hits: AgentLogEntry[];
  rest: AgentLogEntry[];
  hitBlock: { text: string; shown: number };
  restBlock: { text: string; shown: number };
  complete: boolean;
}

function layout(l: AgentLogs): Layout {
  const needles = needlesOf(l);
  const hits = l.entries.filter((e) => mentions(e, needles));
  const rest = l.entries.filter((e) => !mentions(e, needles));
  const hitBlock = packLines(hits);
  const restBlock = packLines(rest);
  const truncated = l.entries.some((e) => [...e.text].length > LINE_MAX || /\r?\n/.test(e.text));
  const complete = !l.more && !truncated && hitBlock.shown === hits.length && restBlock.shown === rest.length;
  return { hits, rest, hitBlock, restBlock, complete };
}

/** True when the message cannot show every entry in full, so the full text goes up as a file. */
export function logsNeedFile(l: AgentLogs): boolean {
  return l.entries.length > 0 && !layout(l).complete;
}

/** The full text for the attached file: oldest first, `>>` on lines that mention the binary or its arguments. */
export function agentLogsFile(l: AgentLogs): LogFile {
  const needles = needlesOf(l);
  const agent = parseAgent(l.finding.resourceName);
  const header = [
    `# escape-desk: Cloud Logging entries of ${agent?.name ?? l.finding.resourceName}`,
    `# finding ${l.finding.name}`,
    `# window ${l.window.start} .. ${l.window.end} (±${l.window.minutes} min), ${l.entries.length} entries${l.more ? ` (first ${l.max}; more matched)` : ''}, oldest first`,
    '# lines marked >> mention the binary or its arguments',
    '# query:',
    ...l.query.split('\n').map((q) => `#   ${q}`),
    '',
  ];
  const lines = [...l.entries]
    .reverse()
    .map(
      (e) =>
        `${mentions(e, needles) ? '>>' : '  '} ${e.timestamp} ${e.severity.padEnd(9)} ${e.log.padEnd(24)} ${showInvisibles(e.text).replace(/\r?\n/g, '\n      ')}`,
    );
  const stamp = l.window.start.replace(/[^0-9T]/g, '').slice(0, 13);
  const id = (agent?.engineId ?? findingIdOf(l.finding.name)).replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return {
    filename: `agent-logs-${id}-${stamp}.txt`,
    title: `Agent logs ±${l.window.minutes} min around the finding`,
    content: `${header.join('\n')}${lines.join('\n')}\n`,
  };
}

/**
 * The thread answer of the "Pull logs" button: lines mentioning the binary or its arguments first,
 * then the others, newest first; the exact query and a Logs Explorer link. `attachment` says what
 * happened to the full-text file (see logsNeedFile). Pure.
 */
export function agentLogsMessage(l: AgentLogs, attachment: 'none' | 'attached' | 'failed' = 'none'): Message {
  const explorer = link(logsQueryUrl(l.project, l.query, l.window.start, l.window.end), 'Open in Logs Explorer');
  const queryBlock: Block = { type: 'section', text: mrkdwn(`*Query*\n${codeBlock(l.query, 2000)}`) };
  const binary = l.finding.processes[0]?.binaryPath;
  if (l.entries.length === 0) {
    const text = `:scroll: *Agent logs*: no log entries for this agent in ±${l.window.minutes} min of the finding.`;
    return {
      text: clamp(text, LIMITS.fallbackText),
      blocks: [
        { type: 'section', text: mrkdwn(text) },
        queryBlock,
        {
          type: 'context',
          elements: [mrkdwn(`${explorer} · Window ${slackDate(l.window.start)} – ${slackDate(l.window.end)}`)],
        },
      ],
    };
  }
  const { hits, rest, hitBlock, restBlock } = layout(l);
  const count = `${l.entries.length}${l.more ? '+' : ''}`;
  const about = binary ? ` ${code(binary, 200)} or its arguments` : ' the binary or its arguments';
  const lead = `:scroll: *Agent logs*: ${count} entries in ±${l.window.minutes} min (times UTC, newest first); ${hits.length} mention${hits.length === 1 ? 's' : ''}${about}.`;
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(clamp(lead, LIMITS.sectionText)) }];
  if (hits.length > 0) {
    const more = hits.length > hitBlock.shown ? ` (${hitBlock.shown} of ${hits.length})` : '';
    blocks.push({
      type: 'section',
      text: mrkdwn(`:rotating_light: *Mentioning the binary or its arguments*${more}\n${hitBlock.text}`),
    });
  }
  if (rest.length > 0) {
    const more = rest.length > restBlock.shown ? ` (${restBlock.shown} of ${rest.length})` : '';
    blocks.push({ type: 'section', text: mrkdwn(`*Other lines*${more}\n${restBlock.text}`) });
  }
  blocks.push(queryBlock);
  const fileNote =
    attachment === 'attached'
      ? ':paperclip: Full text attached below.'
      : attachment === 'failed'
        ? ':warning: The full text could not be attached; use Logs Explorer.'
        : '';
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        [explorer, `Window ${slackDate(l.window.start)} – ${slackDate(l.window.end)}`, fileNote]
          .filter(Boolean)
          .join(' · '),
      ),
    ],
  });
  return { text: clamp(lead.replace(/^:scroll: /, ''), LIMITS.fallbackText), blocks };
}
