import { describe, expect, it } from 'vitest';
import { findingCard } from '../../../src/blocks/card.js';
import { cardActions } from '../../../src/blocks/card-actions.js';
import { code, codeBlock, plainText } from '../../../src/blocks/text.js';
import { LINK_HOSTS, permalinkAnchor } from '../../../src/sandbox/channel-view.js';
import {
  escapeHtml,
  formatSlackDate,
  type RenderContext,
  renderBlocks,
  renderMrkdwn,
  renderPlain,
} from '../../../src/sandbox/render-html.js';
import { allFixtureNames, findingOf, fixture } from '../../helpers/fixtures.js';

const NOW = new Date('2026-12-04T16:00:00Z');
const ctx: RenderContext = { linkHosts: LINK_HOSTS, now: NOW, container: 'm:1.2', internalLink: permalinkAnchor };

/** Parses HTML the way a browser's tokenizer starts: every tag name and attribute that would exist. */
function tags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attrs: m[2] ?? '',
  }));
}

const ALLOWED_TAGS = new Set([
  'a',
  'b',
  'i',
  's',
  'br',
  'code',
  'pre',
  'span',
  'div',
  'time',
  'hr',
  'button',
  'select',
  'option',
  'label',
  'input',
  'textarea',
]);

/** Every tag is one the renderer writes, and every <a> points at an allowed host or an in-page anchor. */
function expectOnlyOurMarkup(html: string): void {
  for (const t of tags(html)) {
    expect(ALLOWED_TAGS.has(t.name), `unexpected <${t.name}>`).toBe(true);
    expect(t.attrs).not.toMatch(/\bon\w+\s*=/i);
    expect(t.attrs).not.toMatch(/style\s*=/i);
    if (t.name === 'a') {
      const href = /href="([^"]*)"/.exec(t.attrs)?.[1] ?? '';
      if (href.startsWith('#')) continue;
      const url = new URL(href.replace(/&amp;/g, '&'));
      expect(url.protocol).toBe('https:');
      expect(LINK_HOSTS as readonly string[]).toContain(url.hostname);
    }
  }
}

/** What a reader sees: tags dropped, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderMrkdwn', () => {
  it('renders bold, italic, strike, code, code blocks and line breaks', () => {
    const html = renderMrkdwn('*Severity* is _high_ and ~gone~\n`x < y` then ```a\n*b*```', ctx);
    expect(html).toBe('<b>Severity</b> is <i>high</i> and <s>gone</s><br><code>x &lt; y</code> then <pre>a\n*b*</pre>');
  });

  it('does not format inside code and does not format across words that only touch markers', () => {
    expect(renderMrkdwn('`*not bold*` a*b*c snake_case_name', ctx)).toBe(
      '<code>*not bold*</code> a*b*c snake_case_name',
    );
  });

  it('makes links only to our hosts, and shows any other link as its label text', () => {
    const ours = renderMrkdwn('<https://attack.mitre.org/techniques/T1611/|MITRE ATT&amp;CK T1611>', ctx);
    expect(ours).toBe(
      '<a href="https://attack.mitre.org/techniques/T1611/" target="_blank" rel="noopener noreferrer">MITRE ATT&amp;CK T1611</a>',
    );
    for (const foreign of [
      '<https://evil.example/login|Finding in SCC>',
      '<javascript:alert(1)|click>',
      '<http://console.cloud.google.com.evil.example/|console>',
      '<https://console.cloud.google.com@evil.example/|console>',
      '<data:text/html,hi|x>',
    ]) {
      const html = renderMrkdwn(foreign, ctx);
      expect(html).not.toContain('<a ');
      expectOnlyOurMarkup(html);
    }
  });

  it('points fake Slack permalinks at the message in the page', () => {
    const html = renderMrkdwn('See <https://fake.slack.test/archives/C0SANDBOX01/p1796401495103000|the card>.', ctx);
    expect(html).toBe('See <a href="#m-1796401495-103000">the card</a>.');
  });

  it('renders mentions as text and Slack date tokens in UTC', () => {
    const html = renderMrkdwn(
      '<@U0ALICE> <#C0ESCAPE01> <!here> <!date^1796397000^{date_short_pretty} {time_secs}|2026-12-04 15:10:00 UTC>',
      { ...ctx, userName: (id) => (id === 'U0ALICE' ? 'alice' : undefined) },
    );
    expect(visible(html)).toBe('@alice #C0ESCAPE01 @here Today 15:10:00 UTC');
    expect(html).toContain('<time datetime="2026-12-04T15:10:00.000Z">');
  });

  it('turns known emoji shortcodes into emoji and leaves others as typed', () => {
    expect(renderMrkdwn(':rotating_light: :large_orange_circle: HIGH :not_an_emoji: 14:02:11', ctx)).toBe(
      '<span class="emoji" title=":rotating_light:">🚨</span> <span class="emoji" title=":large_orange_circle:">🟠</span> HIGH :not_an_emoji: 14:02:11',
    );
  });

  it('keeps hostile text as text: escaped Slack sequences, HTML, and private-use placeholders', () => {
    const hostile = [
      '&lt;!channel&gt; &lt;https://evil.example|https://console.cloud.google.com&gt;',
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; " \' &amp;lt;',
      '\uE0000\uE001 \uE000 1 \uE001',
    ].join('\n');
    const html = renderMrkdwn(hostile, ctx);
    expectOnlyOurMarkup(html);
    expect(visible(html)).toBe(
      [
        '<!channel> <https://evil.example|https://console.cloud.google.com>',
        '<script>alert(1)</script> <img src=x onerror=alert(1)> " \' &lt;',
        '[U+E000]0[U+E001] [U+E000] 1 [U+E001]',
      ].join('\n'),
    );
  });

  it('treats raw <…> as a Slack control sequence (as Slack does), never as HTML', () => {
    const html = renderMrkdwn('<script>alert(1)</script> <img src=x onerror=alert(1)> <b onclick="x">', ctx);
    expectOnlyOurMarkup(html);
    expect(html).not.toMatch(/<(script|img)|<b /);
    expect(visible(html)).toBe('scriptalert(1)/script img src=x onerror=alert(1) b onclick="x"');
  });

  it('renders quotes', () => {
    expect(renderMrkdwn('&gt; quoted\nnot', ctx)).toBe('<span class="quote">quoted</span><br>not');
  });
});

describe('renderPlain and escapeHtml', () => {
  it('shows plain_text literally (with emoji) and escapes quotes for attributes', () => {
    expect(renderPlain(':warning: *not bold* &lt;b&gt;')).toBe(
      '<span class="emoji" title=":warning:">⚠️</span> *not bold* &lt;b&gt;',
    );
    expect(renderPlain(':warning:', false)).toBe(':warning:');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('formatSlackDate', () => {
  it('knows the tokens the bot uses and Slack documents', () => {
    const t = Date.parse('2026-12-03T09:05:07Z') / 1000;
    expect(formatSlackDate(t, '{date_short_pretty} {time_secs}', NOW)).toBe('Yesterday 09:05:07 UTC');
    expect(formatSlackDate(t, '{date_num} {date} {date_short} {time}', NOW)).toBe(
      '2026-12-03 December 3, 2026 Dec 3, 2026 09:05 UTC',
    );
    expect(formatSlackDate(t, '{date_long} ({ago}) {unknown}', NOW)).toBe(
      'Thursday, December 3, 2026 (1 day ago) {unknown}',
    );
  });
});

describe('renderBlocks', () => {
  it('renders every block type the bot emits: header, section text, fields, accessory, context, divider, actions', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: ':rotating_light: Title', emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Agent* `a`' },
        accessory: {
          type: 'overflow',
          action_id: 'lifecycle_menu',
          options: [
            { text: { type: 'plain_text', text: 'Claim' }, value: 'claim' },
            { text: { type: 'plain_text', text: 'Mute' }, value: 'mute' },
          ],
        },
      },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Severity*\nHIGH' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Checklist 2/6' }] },
      { type: 'divider' },
      {
        type: 'actions',
        block_id: 'card_actions',
        elements: [
          { type: 'button', action_id: 'related_findings', text: { type: 'plain_text', text: 'Related findings' } },
          {
            type: 'button',
            action_id: 'resolve',
            style: 'danger',
            text: { type: 'plain_text', text: 'Resolve' },
            confirm: { title: { type: 'plain_text', text: 'Sure?' }, text: { type: 'mrkdwn', text: 'Really "x"' } },
          },
          {
            type: 'static_select',
            action_id: 'checklist_menu',
            placeholder: { type: 'plain_text', text: 'Checklist' },
            option_groups: [
              {
                label: { type: 'plain_text', text: 'Steps' },
                options: [{ text: { type: 'plain_text', text: '1. Review' }, value: 'step:1' }],
              },
            ],
          },
        ],
      },
    ];
    const html = renderBlocks(blocks, ctx);
    expectOnlyOurMarkup(html);
    expect(html).toContain('<div class="b-header"><span class="emoji" title=":rotating_light:">🚨</span> Title</div>');
    expect(html).toContain('<div class="b-text"><b>Agent</b> <code>a</code></div>');
    expect(html).toContain(
      '<select class="overflow" title="More actions" data-c="m:1.2" data-b="1" data-e="a"><option value="" selected>⋯</option><option value="0">Claim</option><option value="1">Mute</option></select>',
    );
    expect(html).toContain('<div class="b-field"><b>Severity</b><br>HIGH</div>');
    expect(html).toContain('<div class="b-context"><span>Checklist 2/6</span></div>');
    expect(html).toContain('<hr class="b-divider">');
    expect(html).toContain(
      '<button type="button" class="btn" data-c="m:1.2" data-b="5" data-e="0">Related findings</button>',
    );
    expect(html).toContain(
      'class="btn danger" data-c="m:1.2" data-b="5" data-e="1" data-confirm="Sure?\n\nReally &quot;x&quot;"',
    );
    expect(html).toContain('<option value="0">1. Review</option>');
    expect(html).toContain('<option value="" selected disabled>Checklist</option>');
  });

  it('renders input blocks (modals) as named form fields', () => {
    const html = renderBlocks(
      [
        {
          type: 'input',
          block_id: 'plan',
          label: { type: 'plain_text', text: 'Response plan' },
          element: { type: 'plain_text_input', action_id: 'text', multiline: true, initial_value: '</textarea><b>x' },
          hint: { type: 'plain_text', text: 'What happens next' },
        },
        {
          type: 'input',
          optional: true,
          label: { type: 'plain_text', text: 'Owner' },
          element: { type: 'plain_text_input', action_id: 'o', max_length: 40 },
        },
        {
          type: 'input',
          label: { type: 'plain_text', text: 'Severity' },
          element: {
            type: 'static_select',
            action_id: 's',
            initial_option: { text: { type: 'plain_text', text: 'High' }, value: 'high' },
            options: [
              { text: { type: 'plain_text', text: 'Low' }, value: 'low' },
              { text: { type: 'plain_text', text: 'High' }, value: 'high' },
            ],
          },
        },
        {
          type: 'input',
          label: { type: 'plain_text', text: 'Done' },
          element: {
            type: 'checkboxes',
            action_id: 'c',
            options: [{ text: { type: 'plain_text', text: 'Contained' }, value: 'contained' }],
          },
        },
        { type: 'input', label: { type: 'plain_text', text: 'When' }, element: { type: 'datepicker', action_id: 'd' } },
      ],
      ctx,
    );
    expectOnlyOurMarkup(html);
    expect(html).toContain('<textarea name="0" rows="4" required>&lt;/textarea&gt;&lt;b&gt;x</textarea>');
    expect(html).toContain('<div class="hint">What happens next</div>');
    expect(html).toContain(
      'Owner <span class="opt">(optional)</span></span><input type="text" name="1" value="" maxlength="40">',
    );
    expect(html).toContain('<option value="1" selected>High</option>');
    expect(html).toContain('<input type="checkbox" name="3" value="0"> Contained');
    expect(html).toContain('<input type="date" name="4" value="" required>');
  });

  it('shows unknown blocks and elements as a visible note, and ignores non-arrays', () => {
    const html = renderBlocks(
      [{ type: 'video', title: '<b>' }, 'junk', { type: 'actions', elements: [{ type: 'datepicker' }] }],
      ctx,
    );
    expect(html).toContain('[block video is not shown in the sandbox]');
    expect(html).toContain('[a block is not shown in the sandbox]');
    expect(html).toContain('[element datepicker is not shown in the sandbox]');
    expect(renderBlocks({ not: 'an array' }, ctx)).toBe('');
  });

  it('renders every fixture card with only our markup, and the hostile one as literal text', () => {
    for (const name of allFixtureNames()) {
      const f = findingOf(fixture(name));
      const html = renderBlocks(
        findingCard(f, { relatedWindowMinutes: 60, actions: [cardActions(f.name)] }).blocks,
        ctx,
      );
      expectOnlyOurMarkup(html);
    }
    const hostile = findingOf(fixture('hostile-args'));
    const html = renderBlocks(findingCard(hostile, { relatedWindowMinutes: 60 }).blocks, ctx);
    const text = visible(html);
    expect(text).toContain('/tmp/<@U0ADMIN01> *runc*');
    expect(text).toContain("'<!channel> escape in progress'");
    expect(text).toContain("'<https://evil.example/login|https://console.cloud.google.com/security>'");
    expect(text).toContain('[U+202E]exe.llehs');
    expect(html).not.toContain('evil.example"');
  });

  it('agrees with the Slack escaping path: what text.ts makes safe reads back as the original', () => {
    const raw = '<!here> *x* `y` & </pre><script>';
    expect(visible(renderMrkdwn(code(raw), ctx))).toBe('<!here> *x* ˋyˋ & </pre><script>');
    expect(visible(renderMrkdwn(codeBlock(raw), ctx))).toBe('<!here> *x* ˋyˋ & </pre><script>');
    expect(visible(renderPlain(plainText(raw, 100)))).toBe('<!here> *x* `y` & </pre><script>');
  });
});

describe('emoji the bot emits', () => {
  it('all render as emoji in the sandbox', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { emojiOf: lookup } = await import('../../../src/sandbox/render-html.js');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
      );
    const used = new Set<string>();
    for (const f of [...files('src/blocks'), ...files('src/listeners')]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/:([a-z_]+):/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => lookup(name) === undefined)).toEqual([]);
  });
});
