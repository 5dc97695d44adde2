import { describe, expect, it } from 'vitest';
import { code, codeBlock, escapeAndTruncate, plainText, shellJoin, showInvisibles } from '../../../src/blocks/text.js';

describe('escapeAndTruncate', () => {
  it('escapes the three control characters', () => {
    expect(escapeAndTruncate('<!channel> & <@U1>', 100)).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('keeps the result, marker included, within the limit and says how much was cut', () => {
    const s = 'A'.repeat(20_000);
    const out = escapeAndTruncate(s, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    const kept = out.indexOf('…');
    expect(out.slice(kept)).toBe(`…(${20_000 - kept} more chars)`);
  });

  it('never cuts inside an entity or a surrogate pair', () => {
    const out = escapeAndTruncate('<'.repeat(50) + '😀'.repeat(50), 60);
    expect(out).toMatch(/^(&lt;)*…/);
    expect(escapeAndTruncate('😀'.repeat(100), 40)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('code and codeBlock', () => {
  it('cannot be closed by the value', () => {
    expect(code('a`b')).toBe('`aˋb`');
    expect(codeBlock('```\n*x*')).toBe('```ˋˋˋ\n*x*```');
  });

  it('keeps a code span on one line', () => {
    expect(code('a\nb')).toBe('`a⏎b`');
  });

  it('marks empty values', () => {
    expect(code('')).toBe('_none_');
  });
});

describe('showInvisibles', () => {
  it('makes direction overrides and zero-width characters visible', () => {
    expect(showInvisibles('\u202Eexe\u200B')).toBe('[U+202E]exe[U+200B]');
  });
});

describe('plainText', () => {
  it('collapses whitespace and escapes', () => {
    expect(plainText('a\n\n<b>', 50)).toBe('a &lt;b&gt;');
  });
});

describe('shellJoin', () => {
  it('quotes only where a shell would need it', () => {
    expect(shellJoin(['bash', '-c', "echo 'hi'", ''])).toBe(`bash -c 'echo '\\''hi'\\''' ''`);
  });
});
