import type { Logger } from 'pino';
import { code, escapeAndTruncate } from '../blocks/text.js';
import {
  EscapeDeskError,
  FindingNotFound,
  InvalidFindingId,
  InvalidPayload,
  MissingPermission,
  NotApplicable,
  NotAuthorized,
  UpstreamError,
  UpstreamNotFound,
} from '../errors.js';

export const USAGE =
  'Usage: `/escape-finding &lt;finding&gt;` where &lt;finding&gt; is `organizations/O/sources/S/locations/L/findings/F`, `organizations/O/sources/S/findings/F` or a bare finding id.';

/** Which Google service a role belongs to, so a refusal names the right one. */
function serviceOfRole(role: string): string {
  if (role.startsWith('roles/logging.')) return 'Cloud Logging';
  if (role.startsWith('roles/aiplatform.')) return 'Vertex AI';
  return 'Security Command Center';
}

/** The one place a failure becomes words a responder reads (mrkdwn, untrusted parts escaped). */
export function describeError(err: unknown, log: Logger): string {
  if (err instanceof InvalidFindingId) {
    return `:warning: ${code(err.input, 200)} is not a finding id: ${err.reason}.\n${USAGE}`;
  }
  if (err instanceof FindingNotFound) {
    return `:mag: No finding ${code(err.query, 300)} was found in Security Command Center under this bot's scope. Check the id, or give the full finding name.`;
  }
  if (err instanceof MissingPermission) {
    return `:lock: ${serviceOfRole(err.role)} refused: escape-desk's service account needs the IAM role \`${err.role}\` (${code(err.detail, 300)}).`;
  }
  if (err instanceof UpstreamNotFound) {
    const hint = err.service === 'Vertex AI' ? ' (the agent may have been deleted)' : '';
    return `:mag: ${err.service}: ${code(err.what, 300)} no longer exists${hint}.`;
  }
  if (err instanceof UpstreamError) {
    if (err.code === 'RESOURCE_EXHAUSTED') {
      return `:hourglass: ${err.service} is rate-limiting escape-desk (${code(err.code, 60)}). Try again in a minute.`;
    }
    if (err.code === 'INVALID_ARGUMENT') {
      log.error({ err }, 'upstream rejected our request');
      return `:boom: ${err.service} rejected escape-desk's request (${code(err.code, 60)}); this is a bug, details are in the bot's logs.`;
    }
    return `:hourglass: ${err.service} is not answering right now (${code(err.code, 60)}). Try again in a minute.`;
  }
  if (err instanceof NotApplicable) {
    return `:information_source: Not available for this finding: ${escapeAndTruncate(err.why, 300)}.`;
  }
  if (err instanceof NotAuthorized) {
    return `:no_entry: You are not allowed to do that: ${err.why}.`;
  }
  if (err instanceof InvalidPayload) {
    log.warn({ err }, 'invalid payload');
    return ':warning: That request did not have the shape escape-desk expects; it was ignored and logged.';
  }
  const ref = Math.random().toString(36).slice(2, 8);
  log.error({ err, ref }, err instanceof EscapeDeskError ? 'handled error' : 'unexpected error');
  return `:boom: Something went wrong (reference \`${ref}\` in the bot's logs).`;
}
