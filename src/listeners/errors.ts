import type { Logger } from 'pino';
import { code } from '../blocks/text.js';
import {
  EscapeDeskError,
  FindingNotFound,
  InvalidFindingId,
  InvalidPayload,
  MissingPermission,
  NotAuthorized,
  UpstreamError,
  UpstreamNotFound,
} from '../errors.js';

export const USAGE =
  'Usage: `/escape-finding &lt;finding&gt;` where &lt;finding&gt; is `organizations/O/sources/S/locations/L/findings/F`, `organizations/O/sources/S/findings/F` or a bare finding id.';

/** The one place a failure becomes words a responder reads (mrkdwn, untrusted parts escaped). */
export function describeError(err: unknown, log: Logger): string {
  if (err instanceof InvalidFindingId) {
    return `:warning: ${code(err.input, 200)} is not a finding id: ${err.reason}.\n${USAGE}`;
  }
  if (err instanceof FindingNotFound) {
    return `:mag: No finding ${code(err.query, 300)} was found in Security Command Center under this bot's scope. Check the id, or give the full finding name.`;
  }
  if (err instanceof MissingPermission) {
    return `:lock: Security Command Center refused: escape-desk's service account needs the IAM role \`${err.role}\` (${code(err.detail, 300)}).`;
  }
  if (err instanceof UpstreamNotFound) {
    return `:mag: ${err.service}: ${code(err.what, 300)} no longer exists.`;
  }
  if (err instanceof UpstreamError) {
    return `:hourglass: ${err.service} is not answering right now (${code(err.code, 60)}). Try again in a minute.`;
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
