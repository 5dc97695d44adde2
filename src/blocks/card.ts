import type { StepRecord } from '../domain/checklist.js';
import { CONTAINER_ESCAPE_CATEGORY, type Finding, findingIdOf, parseAgent } from '../domain/finding.js';
import { techniqueOf } from '../domain/mitre.js';
import { checklistBlock } from './checklist.js';
import { slackDate, slackTime } from './dates.js';
import {
  agentConsoleUrl,
  agentLogQuery,
  findingConsoleUrl,
  link,
  logsExplorerUrl,
  logsWindow,
  MITRE_T1611_URL,
} from './links.js';
import { clamp, code, codeBlock, escapeAndTruncate, plainText, shellJoin } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn, plain } from './types.js';

/** Card state that lives in our store rather than in SCC (checklist, claim, who muted/resolved). */
export interface CardStatus {
  checklistDone?: number;
  checklistTotal?: number;
  claimedBy?: string;
  /** the six response steps; drawn as a checklist section when present */
  steps?: StepRecord[];
  /** shown only while SCC says the finding is muted / inactive: the card never claims what SCC does not */
  mutedBy?: { user: string; at: string };
  resolvedBy?: { user: string; at: string };
}

export const MAX_PROCESSES_ON_CARD = 3;
const ARGS_MAX = 1200;

const SEVERITY_EMOJI: Record<string, string> = {
  CRITICAL: ':red_circle:',
  HIGH: ':large_orange_circle:',
  MEDIUM: ':large_yellow_circle:',
  LOW: ':white_circle:',
};

function severityText(f: Finding): string {
  const sev = f.severity === 'SEVERITY_UNSPECIFIED' ? 'UNSPECIFIED' : f.severity;
  return `${SEVERITY_EMOJI[f.severity] ?? ':white_circle:'} ${sev}`;
}

function stateText(f: Finding): string {
  const state = f.state === 'ACTIVE' ? 'Active' : f.state === 'INACTIVE' ? 'Inactive (resolved)' : 'Unknown';
  return f.mute === 'MUTED' ? `${state} · :mute: muted` : state;
}

function agentTitle(f: Finding): string {
  const agent = parseAgent(f.resourceName);
  return f.resource.displayName || (agent ? `reasoningEngines/${agent.engineId}` : 'unknown resource');
}

function processBlocks(f: Finding): Block[] {
  if (f.processes.length === 0) {
    return [{ type: 'section', text: mrkdwn('*Program binary* _not reported in this finding_') }];
  }
  const shown = f.processes.slice(0, MAX_PROCESSES_ON_CARD);
  const blocks: Block[] = shown.map((p, i) => {
    const label = f.processes.length > 1 ? ` (process ${i + 1} of ${f.processes.length})` : '';
    const pid = p.pid ? ` · pid ${code(p.pid, 24)}${p.parentPid ? ` ← ${code(p.parentPid, 24)}` : ''}` : '';
    const truncatedBySCC = p.argumentsTruncated ? '\n_SCC truncated these arguments._' : '';
    const binary = p.binaryPath || p.name;
    return {
      type: 'section',
      text: mrkdwn(
        clamp(
          `*Program binary*${label} ${code(binary, 400)}${pid}\n*Arguments*\n${codeBlock(shellJoin(p.args), ARGS_MAX)}${truncatedBySCC}`,
          LIMITS.sectionText,
        ),
      ),
    };
  });
  if (f.processes.length > shown.length) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`+${f.processes.length - shown.length} more processes: see the finding in SCC`)],
    });
  }
  return blocks;
}

function agentBlock(f: Finding): Block {
  const agent = parseAgent(f.resourceName);
  if (!agent) {
    return { type: 'section', text: mrkdwn(`*Resource* ${code(f.resourceName || 'unknown', 600)}`) };
  }
  return {
    type: 'section',
    text: mrkdwn(
      `*Agent* ${code(agent.name, 600)}\n*Project* ${code(agent.project, 120)} · *Location* ${code(agent.location, 60)} · *Engine ID* ${code(agent.engineId, 60)}`,
    ),
  };
}

function linksLine(f: Finding, windowMinutes: number): string {
  const techniques = f.mitreTechniques.map(techniqueOf).filter((t) => t !== undefined);
  const mitre =
    techniques.length > 0
      ? techniques.map((t) => link(t.url, `MITRE ATT&amp;CK ${t.id} ${t.name}`)).join(' · ')
      : f.category === CONTAINER_ESCAPE_CATEGORY
        ? link(MITRE_T1611_URL, 'MITRE ATT&amp;CK T1611 Escape to Host')
        : '';
  const agentUrl = agentConsoleUrl(f.resourceName);
  const window = logsWindow(f.eventTime, windowMinutes);
  const logsUrl =
    window && agentLogQuery(f.resourceName) ? logsExplorerUrl(f.resourceName, window.start, window.end) : undefined;
  return [
    mitre,
    link(findingConsoleUrl(f), 'Finding in SCC'),
    agentUrl ? link(agentUrl, 'Agent in Vertex AI') : '',
    logsUrl ? link(logsUrl, 'Logs Explorer') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function statusLine(f: Finding, status: CardStatus): string {
  const parts = [`Finding ${code(findingIdOf(f.name), 140)}`];
  if (status.checklistTotal) parts.push(`Checklist ${status.checklistDone ?? 0}/${status.checklistTotal}`);
  if (status.claimedBy) parts.push(`claimed by <@${status.claimedBy}>`);
  if (status.mutedBy && f.mute === 'MUTED')
    parts.push(`muted by <@${status.mutedBy.user}> ${slackTime(status.mutedBy.at)}`);
  if (status.resolvedBy && f.state === 'INACTIVE')
    parts.push(`resolved by <@${status.resolvedBy.user}> ${slackTime(status.resolvedBy.at)}`);
  return parts.join(' · ');
}

export interface CardOptions {
  relatedWindowMinutes: number;
  status?: CardStatus;
  /** Action rows supplied by features that handle them (kept out of the pure card so it never shows dead buttons). */
  actions?: Block[];
}

/** The one card per finding. Pure: same finding and options, same blocks. */
export function findingCard(f: Finding, opts: CardOptions): Message {
  const isEscape = f.category === CONTAINER_ESCAPE_CATEGORY;
  const title = isEscape
    ? `Container escape on agent ${agentTitle(f)}`
    : `${f.category || 'Finding'} on ${agentTitle(f)}`;
  const projectName = f.resource.projectDisplayName;
  const agent = parseAgent(f.resourceName);
  const blocks: Block[] = [
    {
      type: 'header',
      text: plain(`${isEscape ? ':rotating_light:' : ':warning:'} ${plainText(title, LIMITS.header - 20)}`),
    },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Severity*\n${severityText(f)}`),
        mrkdwn(`*Detected*\n${slackDate(f.eventTime)}`),
        mrkdwn(`*Category*\n${escapeAndTruncate(f.category || 'unknown', 200)}`),
        mrkdwn(`*State*\n${stateText(f)}`),
        mrkdwn(
          `*Project*\n${projectName ? code(projectName, 300) : '_display name not reported_'}${agent ? ` (${code(agent.project, 120)})` : ''}`,
        ),
      ],
    },
  ];
  if (!isEscape) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(':information_source: Not an `Execution: Container Escape` finding; shown on request.')],
    });
  }
  blocks.push(...processBlocks(f), agentBlock(f));
  blocks.push({
    type: 'context',
    elements: [mrkdwn(clamp(linksLine(f, opts.relatedWindowMinutes), LIMITS.contextElementText))],
  });
  if (opts.status?.steps) blocks.push(checklistBlock(opts.status.steps));
  blocks.push({
    type: 'context',
    elements: [mrkdwn(clamp(statusLine(f, opts.status ?? {}), LIMITS.contextElementText))],
  });
  blocks.push(...(opts.actions ?? []));
  const severity = f.severity === 'SEVERITY_UNSPECIFIED' ? '' : ` (${f.severity})`;
  return {
    text: clamp(`${plainText(title, 400)}${severity}`, LIMITS.fallbackText),
    blocks: blocks.slice(0, LIMITS.blocks),
  };
}
