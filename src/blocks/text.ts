/**
 * The one place untrusted text is made safe for Slack. Everything that came from a finding,
 * a log line, an agent's settings or a user goes through these before it reaches a block.
 *
 * - `&`, `<`, `>` are escaped, so `<!channel>`, `<@U…>` and `<https://evil|trusted>` stay text;
 * - values sit in code spans, where Slack applies no bold/italic/strike and makes no links,
 *   and backticks are swapped for a look-alike so a value cannot close its span;
 * - invisible and direction-changing characters are shown as `[U+202E]` so a responder sees them;
 * - lengths are bounded, with a visible `…(N more chars)` marker.
 */

// Bidi overrides/isolates, zero-width characters, BOM, and C0/C1 controls other than tab/newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

export function showInvisibles(s: string): string {
  return s.replace(INVISIBLE, (c) => `[U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}]`);
}

export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes `s` and cuts it so the escaped result, marker included, fits in `max` characters.
 * Cuts on code points and never inside an entity.
 */
export function escapeAndTruncate(s: string, max: number): string {
  const full = escapeMrkdwn(s);
  if (full.length <= max) return full;
  // The marker's digits can only shrink as we keep more, so size it for the worst case.
  const budget = Math.max(0, max - `…(${s.length} more chars)`.length);
  let out = '';
  let consumed = 0;
  for (const ch of s) {
    const piece = escapeMrkdwn(ch);
    if (out.length + piece.length > budget) break;
    out += piece;
    consumed += ch.length;
  }
  return `${out}…(${s.length - consumed} more chars)`;
}

/** Untrusted text for a `plain_text` object (headers, button labels, options). */
export function plainText(s: string, max: number): string {
  return escapeAndTruncate(showInvisibles(s).replace(/\s+/g, ' ').trim(), max);
}

/** Untrusted text as mrkdwn prose: formatting characters neutralised by wrapping in a code span. */
export function code(s: string, max = 500): string {
  if (s === '') return '_none_';
  const safe = showInvisibles(s).replace(/`/g, 'ˋ').replace(/\r?\n/g, '⏎');
  return `\`${escapeAndTruncate(safe, Math.max(8, max - 2))}\``;
}

/** Untrusted multi-line text in a code block (arguments, log lines). Newlines kept, fences impossible. */
export function codeBlock(s: string, max = 2000): string {
  if (s === '') return '_none_';
  const safe = showInvisibles(s).replace(/`/g, 'ˋ');
  return `\`\`\`${escapeAndTruncate(safe, Math.max(8, max - 6))}\`\`\``;
}

/** Our own text with untrusted pieces already made safe; only bounds the length. */
export function clamp(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Joins process arguments as a responder would type them: quoted where a shell would need it. */
export function shellJoin(args: readonly string[]): string {
  return args.map((a) => (a === '' ? "''" : /[^\w@%+=:,./-]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}
