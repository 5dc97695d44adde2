import { ActionId } from './action-ids.js';
import { MITRE_T1611_URL } from './links.js';
import type { Message } from './types.js';
import { mrkdwn, plain } from './types.js';

/**
 * Step 5: what T1611 is and which of MITRE's mitigations and detections a responder can act on for a
 * managed Agent Engine container (Google runs the host; we control the package, the service account and
 * what runs inside). Our own text, so no escaping beyond `&`.
 */
export function t1611Brief(findingName: string): Message {
  const text = [
    '*:books: Step 5 — MITRE ATT&amp;CK T1611 Escape to Host* (tactic: Privilege Escalation)',
    '_What it is:_ adversaries break out of a container to reach the underlying host, and from there other containers or the host itself. Tools like `nsenter`, `unshare`, `deepce` or a mounted runtime socket are typical.',
    '*Mitigations that apply to a managed agent container*',
    "• *M1048 Application Isolation and Sandboxing* — MITRE: restrict system calls such as `mount` and keep containers out of host namespaces. Google runs the agent's sandbox; on our side, treat tool/code execution inside the agent as untrusted.",
    "• *M1026 Privileged Account Management* — MITRE: no root, no needless privileges or mounts. An escape is worth what the agent's service account can do: give it least privilege, never owner/editor.",
    "• *M1042 Disable or Remove Feature or Program* / *M1038 Execution Prevention* — keep escape-capable tools (`nsenter`, shells, debuggers) out of the agent's package and requirements; a minimal image runs less.",
    '• *M1051 Update Software* — redeploy from current, patched dependencies.',
    '*Detections to check*',
    "• Process creation — this finding is one; pull the agent's logs for the same binary and arguments.",
    '• Container creation and volume modification — unexpected redeploys or updates of the agent (Cloud Audit Logs for the ReasoningEngine).',
    '• OS API execution and kernel module load — namespace or mount calls around the event time in related findings.',
    `<${MITRE_T1611_URL}|MITRE ATT&amp;CK T1611 on attack.mitre.org> (check it for the current list)`,
  ].join('\n');
  return {
    text: 'Step 5: MITRE ATT&amp;CK T1611 Escape to Host brief',
    blocks: [
      { type: 'section', text: mrkdwn(text) },
      {
        type: 'actions',
        block_id: 't1611_brief',
        elements: [
          {
            type: 'button',
            action_id: ActionId.ReviewT1611,
            text: plain('Mark step 5 reviewed'),
            style: 'primary',
            value: findingName,
          },
        ],
      },
    ],
  };
}
