import type { AgentSettings } from '../domain/agent.js';
import type { AgentSettingsAnswer } from '../services/investigate.js';
import { slackDate } from './dates.js';
import { agentConsoleUrl, link } from './links.js';
import { relativeTime } from './related-findings.js';
import { clamp, code, plainText } from './text.js';
import { type Block, LIMITS, type Message, mrkdwn } from './types.js';

const LIST_SHOWN = 25;
const DAY_MS = 86_400_000;
/** Env var names that usually hold a credential; their values sit in the agent spec in clear. */
const CREDENTIAL_NAME = /KEY|TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|AUTH/i;

function list(items: string[], max = LIST_SHOWN): string {
  if (items.length === 0) return '_none_';
  const shown = items.slice(0, max).map((i) => code(i, 120));
  return items.length > max ? `${shown.join(' ')} … and ${items.length - max} more` : shown.join(' ');
}

/** What matters for an escape, most important first. */
export function agentFlags(a: AgentSettings, eventTime: string): string[] {
  const flags: string[] = [];
  const event = Date.parse(eventTime);
  const updated = Date.parse(a.updateTime);
  const created = Date.parse(a.createTime);
  if (!Number.isNaN(event) && !Number.isNaN(updated)) {
    if (updated <= event && event - updated <= DAY_MS) {
      flags.push(
        `:warning: *Updated ${relativeTime(a.updateTime, eventTime).slice(1)} before the finding*: check what that deployment changed (package, requirements, env).`,
      );
    } else if (updated > event) {
      flags.push(
        ':information_source: Updated *after* the finding: these are the current settings, not those at the time of the event.',
      );
    }
  }
  if (!Number.isNaN(event) && !Number.isNaN(created) && created <= event && event - created <= DAY_MS) {
    flags.push(`:warning: *Created ${relativeTime(a.createTime, eventTime).slice(1)} before the finding.*`);
  }
  flags.push(
    a.serviceAccount
      ? `:bust_in_silhouette: Runs as *custom service account* ${code(a.serviceAccount, 200)}: after an escape its token is within reach; review its roles.`
      : ':bust_in_silhouette: Runs as the *default Vertex AI Reasoning Engine Service Agent* (no custom service account).',
  );
  const credentialLike = a.envNames.filter((n) => CREDENTIAL_NAME.test(n));
  if (credentialLike.length > 0) {
    flags.push(
      `:warning: Plain env vars whose names suggest credentials: ${list(credentialLike, 10)}; their values are stored in the agent spec in clear. Rotate them if the escape is confirmed.`,
    );
  }
  if (a.secretEnv.length > 0) {
    flags.push(
      `:key: ${a.secretEnv.length} env var${a.secretEnv.length === 1 ? '' : 's'} from Secret Manager: readable inside the container; rotate if the escape is confirmed.`,
    );
  }
  return flags;
}

/** The thread answer of the "Agent settings" button. Names only: values never reach this builder. Pure. */
export function agentSettingsMessage({ finding, agent: a }: AgentSettingsAnswer): Message {
  const consoleUrl = agentConsoleUrl(finding.resourceName);
  const title = `:robot_face: *Agent settings* for ${code(a.displayName || a.name, 200)}`;
  const packageLines = [
    ['Pickle', a.pickleObjectGcsUri],
    ['Requirements', a.requirementsGcsUri],
    ['Dependencies', a.dependencyFilesGcsUri],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${code(v ?? '', 400)}`);
  // Names only: which Secret Manager secret backs a variable stays out of Slack (DESIGN: no secret refs).
  const secrets = a.secretEnv.map((s) => code(s.name, 120));
  const blocks: Block[] = [
    {
      type: 'section',
      text: mrkdwn(clamp(`${title}\n${agentFlags(a, finding.eventTime).join('\n')}`, LIMITS.sectionText)),
    },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Description*\n${a.description ? code(a.description, 600) : '_none_'}`),
        mrkdwn(`*Framework* · *Python*\n${code(a.agentFramework, 100)} · ${code(a.pythonVersion, 40)}`),
        mrkdwn(`*Created*\n${slackDate(a.createTime)}`),
        mrkdwn(`*Updated*\n${slackDate(a.updateTime)}`),
        mrkdwn(
          `*Service account*\n${a.serviceAccount ? code(a.serviceAccount, 300) : 'default Vertex AI service agent'}`,
        ),
        mrkdwn(`*Agent*\n${code(a.name, 300)}`),
      ],
    },
    {
      type: 'section',
      text: mrkdwn(
        clamp(
          [
            `*Package* ${packageLines.length ? `\n${packageLines.join('\n')}` : '_not a package deployment_'}`,
            `*Class methods* ${list(a.classMethods)}`,
            `*Env var names* (values not shown) ${list(a.envNames)}`,
            `*Secret env var names* (from Secret Manager; values and secret names not shown) ${secrets.length ? secrets.slice(0, LIST_SHOWN).join(', ') : '_none_'}${secrets.length > LIST_SHOWN ? ` … and ${secrets.length - LIST_SHOWN} more` : ''}`,
          ].join('\n'),
          LIMITS.sectionText,
        ),
      ),
    },
  ];
  if (consoleUrl) blocks.push({ type: 'context', elements: [mrkdwn(link(consoleUrl, 'Agent in Vertex AI'))] });
  return {
    text: clamp(`Agent settings for ${plainText(a.displayName || a.name, 200)}`, LIMITS.fallbackText),
    blocks,
  };
}
