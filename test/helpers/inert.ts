import { expect } from 'vitest';

/** Hosts the bot itself links to; anything else in a `<…>` token is an injection. */
const OUR_LINK = /<https:\/\/(?:console\.cloud\.google\.com|attack\.mitre\.org|fake\.slack\.test)\/[^\s<>|]*\|[^<>]*>/g;
const OUR_DATE = /<!date\^\d+\^[^|<>]+\|[^<>]+>/g;
const OUR_USER = /<@U[A-Z0-9]+>/g;
const OUR_CHANNEL = /<#C[A-Z0-9]+>/g;

export function allTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allTexts(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allTexts(v, out);
  return out;
}

/**
 * Asserts no Slack control sequence survives in `blocks` other than the ones we build
 * (links to our hosts, dates, and, where allowed, the user/channel ids we insert ourselves).
 */
export function expectInert(blocks: unknown, opts: { allowUserMentions?: string[] } = {}): void {
  for (const text of allTexts(blocks)) {
    let rest = text.replace(OUR_LINK, '').replace(OUR_DATE, '').replace(OUR_CHANNEL, '');
    rest = rest.replace(OUR_USER, (m) => (opts.allowUserMentions?.includes(m.slice(2, -1)) ? '' : m));
    expect(rest, `raw < or > left in: ${text.slice(0, 200)}`).not.toMatch(/[<>]/);
    expect(rest).not.toMatch(/\u202e|\u200b|\u200d/);
  }
}
