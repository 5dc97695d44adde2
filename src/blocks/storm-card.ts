import { type Finding, findingIdOf, parseAgent } from '../domain/finding.js';
import { slackDate } from './dates.js';
import { agentConsoleUrl, findingConsoleUrl, link, MITRE_T1611_URL } from './links.js';
import { clamp, code, plainText } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn, plain } from './types.js';

const MAX_BINARIES = 10;
/** Findings listed in one thread reply (one section each, far below the 50-block limit). */
export const ENTRIES_PER_REPLY = 20;

/** Distinct binaries remembered per storm: plenty to show ten and count the rest, bounded against a flood. */
const MAX_DISTINCT_BINARIES = 1000;

/**
 * The one card for an agent under a storm of findings: counts, time span, distinct binaries.
 * One pass over `members` (an iterator straight from the store), so a storm of any size costs
 * the memory of one finding, not of all of them.
 */
export function stormCard(agentResource: string, members: Iterable<Finding>): Message {
  const agent = parseAgent(agentResource);
  let count = 0;
  let displayName = '';
  let first = '';
  let last = '';
  const severities = new Map<string, number>();
  const binarySet = new Set<string>();
  let binariesCapped = false;
  for (const m of members) {
    count++;
    displayName ||= m.resource.displayName;
    if (m.eventTime && (!first || m.eventTime < first)) first = m.eventTime;
    if (m.eventTime > last) last = m.eventTime;
    severities.set(m.severity, (severities.get(m.severity) ?? 0) + 1);
    for (const p of m.processes) {
      const b = p.binaryPath || p.name;
      if (!b || binarySet.has(b)) continue;
      if (binarySet.size < MAX_DISTINCT_BINARIES) binarySet.add(b);
      else binariesCapped = true;
    }
  }
  const name = displayName || agent?.engineId || 'unknown agent';
  const binaries = [...binarySet];
  const shownBinaries = binaries.slice(0, MAX_BINARIES).map((b) => code(b, 150));
  const hidden = binaries.length - MAX_BINARIES;
  const more = hidden > 0 ? ` +${hidden}${binariesCapped ? '+' : ''} more` : '';
  const agentUrl = agentConsoleUrl(agentResource);
  const title = `Container-escape storm on agent ${name}: ${count} findings`;
  const blocks: Block[] = [
    { type: 'header', text: plain(`:rotating_light: ${plainText(title, LIMITS.header - 20)}`) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Findings*\n${count}`),
        mrkdwn(
          `*Severity*\n${
            [...severities].map(([s, n]) => `${n} ${s === 'SEVERITY_UNSPECIFIED' ? 'unspecified' : s}`).join(', ') ||
            '_unknown_'
          }`,
        ),
        mrkdwn(`*First*\n${slackDate(first)}`),
        mrkdwn(`*Last*\n${slackDate(last)}`),
      ],
    },
    {
      type: 'section',
      text: mrkdwn(
        clamp(`*Program binaries*\n${shownBinaries.join(' ') || '_not reported_'}${more}`, LIMITS.sectionText),
      ),
    },
    {
      type: 'section',
      text: mrkdwn(`*Agent* ${code(agent?.name ?? agentResource, 600)}`),
    },
    {
      type: 'context',
      elements: [
        mrkdwn(
          clamp(
            [
              'Each finding is listed in this thread; `/escape-finding &lt;id&gt;` shows any one of them.',
              link(MITRE_T1611_URL, 'MITRE ATT&amp;CK T1611 Escape to Host'),
              agentUrl ? link(agentUrl, 'Agent in Vertex AI') : '',
            ]
              .filter(Boolean)
              .join(' · '),
            LIMITS.contextElementText,
          ),
        ),
      ],
    },
  ];
  return { text: plainText(title, 400), blocks };
}

/** A thread reply listing up to ENTRIES_PER_REPLY findings of a storm, one line each. */
export function stormEntries(findings: readonly Finding[]): Message {
  const blocks: Block[] = findings.slice(0, ENTRIES_PER_REPLY).map((f) => {
    const binary = f.processes[0]?.binaryPath || f.processes[0]?.name || '';
    return {
      type: 'section',
      text: mrkdwn(
        clamp(
          `${slackDate(f.eventTime)} · *${f.severity === 'SEVERITY_UNSPECIFIED' ? 'UNSPECIFIED' : f.severity}* · ${binary ? code(binary, 200) : '_no binary_'} · finding ${code(findingIdOf(f.name), 140)} · ${link(findingConsoleUrl(f), 'SCC')}`,
          LIMITS.sectionText,
        ),
      ),
    };
  });
  return { text: `${findings.length} more container-escape findings on this agent`, blocks };
}
