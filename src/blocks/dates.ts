/** Date and time in the reader's zone, UTC as fallback: for card fields and time windows. */
export function slackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return '_unknown_';
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time_secs}|${utcStamp(iso)}>`;
}

/** Time of day in the reader's zone (`14:02`), UTC as fallback: thread lines say when, the thread says which day. */
export function slackTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return '_unknown time_';
  return `<!date^${Math.floor(ms / 1000)}^{time}|${new Date(ms).toISOString().slice(11, 16)} UTC>`;
}

/** Date and time (`2026-12-04 14:02:11 UTC`) as plain text, for lists that span days (the audit trail). */
export function utcStamp(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 'unknown time' : `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}
