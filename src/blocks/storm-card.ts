import { type Finding, findingIdOf, parseAgent } from '../domain/finding.js';
import { slackDate } from './dates.js';
import { agentConsoleUrl, findingConsoleUrl, link, MITRE_T1611_URL } from './links.js';
import { clamp, code, plainText } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn, plain } from './types.js';

const MAX_BINARIES = 10;
/** Findings listed in one thread reply (one section each, far below the 50-block limit). */
export const ENTRIES_PER_REPLY = 20;

/** The one card for an agent under a storm of findings: counts, time span, distinct binaries. */
export function stormCard(agentResource: string, members: readonly Finding[]): Message {
  const agent = parseAgent(agentResource);
  const name = members.find((m) => m.resource.displayName)?.resource.displayName ?? agent?.engineId ?? 'unknown agent';
  const times = members
    .map((m) => m.eventTime)
    .filter(Boolean)
    .sort();
  const severities = new Map<string, number>();
  for (const m of members) severities.set(m.severity, (severities.get(m.severity) ?? 0) + 1);
  const binaries = [...new Set(members.flatMap((m) => m.processes.map((p) => p.binaryPath || p.name)).filter(Boolean))];
  const shownBinaries = binaries.slice(0, MAX_BINARIES).map((b) => code(b, 150));
  const more = binaries.length > MAX_BINARIES ? ` +${binaries.length - MAX_BINARIES} more` : '';
  const agentUrl = agentConsoleUrl(agentResource);
  const title = `Container-escape storm on agent ${name}: ${members.length} findings`;
  const blocks: Block[] = [
    { type: 'header', text: plain(`:rotating_light: ${plainText(title, LIMITS.header - 20)}`) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Findings*\n${members.length}`),
        mrkdwn(
          `*Severity*\n${
            [...severities].map(([s, n]) => `${n} ${s === 'SEVERITY_UNSPECIFIED' ? 'unspecified' : s}`).join(', ') ||
            '_unknown_'
          }`,
        ),
        mrkdwn(`*First*\n${slackDate(times[0] ?? '')}`),
        mrkdwn(`*Last*\n${slackDate(times.at(-1) ?? '')}`),
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
