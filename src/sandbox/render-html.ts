/**
 * Block Kit (as the bot sent it to Slack) → HTML, for the sandbox page. Pure: no I/O, no clock.
 *
 * The input is whatever reached the fake Slack, so it is treated as untrusted JSON: every string
 * is HTML-escaped on the way out, unknown shapes render as a visible "unsupported" note, and only
 * http(s) links to hosts in `linkHosts` become `<a>` (everything else stays text).
 *
 * Interactive elements carry `data-c` (container id), `data-b` (block index) and `data-e`
 * (element index, or `a` for a section accessory); the page's script sends these back and the
 * server looks the element up in its own records, so the browser never supplies a payload.
 */

export interface RenderContext {
  /** Hosts whose http(s) links become `<a>`; any other link shows its label as text. */
  linkHosts: readonly string[];
  /** For `<!date^…>` tokens such as `{ago}` and `{date_pretty}`. */
  now: Date;
  /** Opaque id of the message/ephemeral/view these blocks belong to (echoed in data attributes). */
  container?: string;
  /** Maps a Slack permalink to an in-page anchor (`#m-…`), so links to cards stay in the page. */
  internalLink?: (url: URL) => string | undefined;
  userName?: (id: string) => string | undefined;
  channelName?: (id: string) => string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Slack text arrives with `&amp;` `&lt;` `&gt;` escaped; those three (only) display as characters. */
function slackDecode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A few common shortcodes; any other `:name:` stays as typed, which is still readable. */
const EMOJI: Record<string, string> = {
  rotating_light: '🚨',
  white_large_square: '⬜',
  arrows_counterclockwise: '🔄',
  books: '📚',
  fast_forward: '⏩',
  heavy_minus_sign: '➖',
  leftwards_arrow_with_hook: '↩️',
  loud_sound: '🔊',
  paperclip: '📎',
  raised_hand: '✋',
  wave: '👋',
  warning: '⚠️',
  information_source: 'ℹ️',
  red_circle: '🔴',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  large_green_circle: '🟢',
  large_blue_circle: '🔵',
  white_circle: '⚪',
  black_circle: '⚫',
  mute: '🔇',
  sound: '🔉',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  no_entry: '⛔',
  lock: '🔒',
  unlock: '🔓',
  mag: '🔍',
  mag_right: '🔎',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  boom: '💥',
  page_facing_up: '📄',
  clipboard: '📋',
  memo: '📝',
  scroll: '📜',
  gear: '⚙️',
  link: '🔗',
  bust_in_silhouette: '👤',
  robot_face: '🤖',
  eyes: '👀',
  shield: '🛡️',
  fire: '🔥',
  bell: '🔔',
  no_bell: '🔕',
  pushpin: '📌',
  calendar: '📅',
  spiral_calendar_pad: '🗓️',
  card_index_dividers: '🗂️',
  label: '🏷️',
  hammer_and_wrench: '🛠️',
  wrench: '🔧',
  arrow_right: '➡️',
  arrow_forward: '▶️',
  exclamation: '❗',
  question: '❓',
  heavy_plus_sign: '➕',
  '+1': '👍',
  thumbsup: '👍',
  tada: '🎉',
  zzz: '💤',
  package: '📦',
  key: '🔑',
  whale: '🐳',
  test_tube: '🧪',
  checkered_flag: '🏁',
  construction: '🚧',
  speech_balloon: '💬',
  dart: '🎯',
};

export function emojiOf(name: string): string | undefined {
  return Object.hasOwn(EMOJI, name) ? EMOJI[name] : undefined;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** Slack's `<!date^…>` tokens, rendered in UTC (Slack uses the reader's zone; we say which zone we used). */
export function formatSlackDate(seconds: number, format: string, now: Date): string {
  const d = new Date(seconds * 1000);
  const y = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()] ?? '';
  const day = d.getUTCDate();
  const dayDiff = Math.round(
    (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.UTC(y, d.getUTCMonth(), day)) / DAY_MS,
  );
  const pretty = (fallback: string) =>
    dayDiff === 0 ? 'Today' : dayDiff === 1 ? 'Yesterday' : dayDiff === -1 ? 'Tomorrow' : fallback;
  const tokens: Record<string, string> = {
    date_num: `${y}-${pad(d.getUTCMonth() + 1)}-${pad(day)}`,
    date: `${month} ${day}, ${y}`,
    date_short: `${month.slice(0, 3)} ${day}, ${y}`,
    date_long: `${d.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })}, ${month} ${day}, ${y}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`,
    time_secs: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`,
    ago: agoText(now.getTime() - d.getTime()),
  };
  tokens.date_pretty = pretty(tokens.date ?? '');
  tokens.date_short_pretty = pretty(tokens.date_short ?? '');
  tokens.date_long_pretty = pretty(tokens.date_long ?? '');
  return format.replace(/\{(\w+)\}/g, (m, t: string) => tokens[t] ?? m);
}

function agoText(ms: number): string {
  const future = ms < 0;
  const s = Math.abs(ms) / 1000;
  const [n, unit] =
    s < 60
      ? [Math.floor(s), 'second']
      : s < 3600
        ? [Math.floor(s / 60), 'minute']
        : s < 86_400
          ? [Math.floor(s / 3600), 'hour']
          : [Math.floor(s / 86_400), 'day'];
  const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return future ? `in ${phrase}` : `${phrase} ago`;
}

/** `<…>` control sequences: links, mentions, dates. Anything else stays text. */
function controlSequence(inner: string, ctx: RenderContext): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(label ?? ctx.userName?.(id) ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="mention">#${escapeHtml(label ?? ctx.channelName?.(id) ?? id)}</span>`;
  }
  if (target.startsWith('!date^')) {
    const [, secs, format] = target.split('^');
    const seconds = Number(secs);
    if (!Number.isFinite(seconds) || format === undefined) return escapeHtml(slackDecode(label ?? inner));
    const iso = new Date(seconds * 1000).toISOString();
    return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatSlackDate(seconds, slackDecode(format), ctx.now))}</time>`;
  }
  if (target.startsWith('!subteam^')) {
    return `<span class="mention">@${escapeHtml(label ?? target.slice(9))}</span>`;
  }
  if (target.startsWith('!')) {
    return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
  }
  return linkHtml(slackDecode(target), label === undefined ? undefined : slackDecode(label), ctx);
}

function linkHtml(rawUrl: string, label: string | undefined, ctx: RenderContext): string {
  const text = escapeHtml(label ?? rawUrl);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return `<span class="link-off">${text}</span>`;
  }
  const internal = ctx.internalLink?.(url);
  if (internal?.startsWith('#')) return `<a href="${escapeHtml(internal)}">${text}</a>`;
  const allowed = (url.protocol === 'https:' || url.protocol === 'http:') && ctx.linkHosts.includes(url.hostname);
  if (!allowed) return `<span class="link-off" title="link not followed in the sandbox">${text}</span>`;
  return `<a href="${escapeHtml(url.href)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

// Private-use characters mark where already-rendered pieces go back in; input ones are shown, not trusted.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** Slack mrkdwn → HTML: code blocks, code spans, links/mentions/dates, emoji, *bold* _italic_ ~strike~, > quotes. */
export function renderMrkdwn(text: string, ctx: RenderContext): string {
  const pieces: string[] = [];
  const hold = (html: string) => `${MARK_OPEN}${pieces.push(html) - 1}${MARK_CLOSE}`;
  let s = text.replace(PRIVATE_USE, (c) => `[U+${c.codePointAt(0)?.toString(16).toUpperCase()}]`);
  // Code first: nothing inside a code block or span is formatted or linked.
  s = s.replace(/```([\s\S]*?)```/g, (_m, body: string) => hold(`<pre>${escapeHtml(slackDecode(body))}</pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_m, body: string) => hold(`<code>${escapeHtml(slackDecode(body))}</code>`));
  s = s.replace(/<([^<>\n]*)>/g, (_m, inner: string) => hold(controlSequence(inner, ctx)));
  s = s.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => {
    const e = emojiOf(name);
    return e ? hold(`<span class="emoji" title=":${escapeHtml(name)}:">${e}</span>`) : m;
  });
  let html = escapeHtml(slackDecode(s));
  const around = (mark: string, tag: string) => {
    const m = escapeRe(mark);
    // Bodies never contain `<` (text is escaped), so tags we insert cannot interleave.
    const re = new RegExp(
      `(^|[\\s(\\[{>${MARK_CLOSE}])${m}(?=\\S)([^\\n<]*?\\S)${m}(?=$|[\\s).,!?:;\\]}<${MARK_OPEN}])`,
      'g',
    );
    html = html.replace(re, (_x, pre: string, body: string) => `${pre}<${tag}>${body}</${tag}>`);
  };
  around('*', 'b');
  around('_', 'i');
  around('~', 's');
  html = html
    .split('\n')
    .map((line) => (line.startsWith('&gt;') ? `<span class="quote">${line.slice(4).trimStart()}</span>` : line))
    .join('\n');
  html = html.replace(/\n/g, '<br>');
  return html.replace(new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g'), (_m, i: string) => pieces[Number(i)] ?? '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** plain_text: shown literally (after Slack's three entities), with emoji shortcodes when `emoji` is on. */
export function renderPlain(text: string, emoji = true): string {
  const html = escapeHtml(slackDecode(text));
  if (!emoji) return html;
  return html.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => {
    const e = emojiOf(name);
    return e ? `<span class="emoji" title=":${name}:">${e}</span>` : m;
  });
}

/** A text object (`plain_text` or `mrkdwn`). */
export function renderText(obj: unknown, ctx: RenderContext): string {
  if (!isObj(obj)) return '';
  if (obj.type === 'mrkdwn') return renderMrkdwn(str(obj.text), ctx);
  return renderPlain(str(obj.text), obj.emoji !== false);
}

function textOf(obj: unknown): string {
  return isObj(obj) ? slackDecode(str(obj.text)) : '';
}

function unsupported(what: string): string {
  return `<span class="unsupported">[${escapeHtml(what)} is not shown in the sandbox]</span>`;
}

/** Options of a select/overflow/radio/checkbox element, flattened across option groups. */
export function optionsOf(el: Obj): Obj[] {
  const direct = Array.isArray(el.options) ? el.options.filter(isObj) : [];
  const grouped = Array.isArray(el.option_groups)
    ? el.option_groups.filter(isObj).flatMap((g) => (Array.isArray(g.options) ? g.options.filter(isObj) : []))
    : [];
  return [...direct, ...grouped];
}

function dataAttrs(ctx: RenderContext, block: number, element: number | 'a'): string {
  return `data-c="${escapeHtml(ctx.container ?? '')}" data-b="${block}" data-e="${element}"`;
}

function confirmAttr(el: Obj): string {
  if (!isObj(el.confirm)) return '';
  const c = el.confirm;
  const words = [textOf(c.title), textOf(c.text)].filter(Boolean).join('\n\n');
  return ` data-confirm="${escapeHtml(words || 'Are you sure?')}"`;
}

/** An interactive element inside a message or a modal's non-input block. */
function renderElement(el: unknown, ctx: RenderContext, block: number, index: number | 'a'): string {
  if (!isObj(el)) return unsupported('an element');
  const data = dataAttrs(ctx, block, index);
  switch (el.type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ` ${el.style}` : '';
      return `<button type="button" class="btn${style}" ${data}${confirmAttr(el)}>${renderText(el.text, ctx)}</button>`;
    }
    case 'overflow': {
      const options = optionsOf(el)
        .map((o, i) => `<option value="${i}">${escapeHtml(textOf(o.text))}</option>`)
        .join('');
      return `<select class="overflow" title="More actions" ${data}${confirmAttr(el)}><option value="" selected>⋯</option>${options}</select>`;
    }
    case 'static_select': {
      const initial = isObj(el.initial_option) ? str(el.initial_option.value) : undefined;
      const options = optionsOf(el)
        .map(
          (o, i) =>
            `<option value="${i}"${str(o.value) === initial ? ' selected' : ''}>${escapeHtml(textOf(o.text))}</option>`,
        )
        .join('');
      const placeholder = escapeHtml(textOf(el.placeholder) || 'Select an item');
      return `<select class="menu" ${data}${confirmAttr(el)}><option value=""${initial === undefined ? ' selected' : ''} disabled>${placeholder}</option>${options}</select>`;
    }
    case 'image':
      return `<span class="image">[image: ${escapeHtml(str(el.alt_text))}]</span>`;
    default:
      return unsupported(`element ${str(el.type) || '?'}`);
  }
}

/** A form field for an input block's element (modals). The field's name is the block index. */
function renderInputElement(el: unknown, name: number, required: boolean): string {
  if (!isObj(el)) return unsupported('an input');
  const n = `name="${name}"`;
  const req = required ? ' required' : '';
  const placeholder = textOf(el.placeholder) ? ` placeholder="${escapeHtml(textOf(el.placeholder))}"` : '';
  const max = typeof el.max_length === 'number' ? ` maxlength="${el.max_length}"` : '';
  const initial = str(el.initial_value);
  const choice = (type: 'radio' | 'checkbox', selected: (o: Obj) => boolean) =>
    optionsOf(el)
      .map(
        (o, i) =>
          `<label class="choice"><input type="${type}" ${n} value="${i}"${selected(o) ? ' checked' : ''}> ${escapeHtml(textOf(o.text))}</label>`,
      )
      .join('');
  const selectedValues = new Set(
    [
      ...(isObj(el.initial_option) ? [el.initial_option] : []),
      ...(Array.isArray(el.initial_options) ? el.initial_options.filter(isObj) : []),
    ].map((o) => str(o.value)),
  );
  switch (el.type) {
    case 'plain_text_input':
      return el.multiline === true
        ? `<textarea ${n} rows="4"${req}${placeholder}${max}>${escapeHtml(initial)}</textarea>`
        : `<input type="text" ${n} value="${escapeHtml(initial)}"${req}${placeholder}${max}>`;
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const type = el.type === 'email_text_input' ? 'email' : el.type === 'url_text_input' ? 'url' : 'number';
      return `<input type="${type}" ${n} value="${escapeHtml(initial)}"${req}${placeholder}>`;
    }
    case 'datepicker':
      return `<input type="date" ${n} value="${escapeHtml(str(el.initial_date))}"${req}>`;
    case 'timepicker':
      return `<input type="time" ${n} value="${escapeHtml(str(el.initial_time))}"${req}>`;
    case 'static_select':
    case 'multi_static_select': {
      const multi = el.type === 'multi_static_select' ? ' multiple' : '';
      const options = optionsOf(el)
        .map(
          (o, i) =>
            `<option value="${i}"${selectedValues.has(str(o.value)) ? ' selected' : ''}>${escapeHtml(textOf(o.text))}</option>`,
        )
        .join('');
      const none = multi ? '' : `<option value=""${selectedValues.size ? '' : ' selected'}>—</option>`;
      return `<select ${n}${multi}${req}>${none}${options}</select>`;
    }
    case 'radio_buttons':
      return `<div class="choices">${choice('radio', (o) => selectedValues.has(str(o.value)))}</div>`;
    case 'checkboxes':
      return `<div class="choices">${choice('checkbox', (o) => selectedValues.has(str(o.value)))}</div>`;
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const init = str(el.initial_user ?? el.initial_conversation ?? el.initial_channel);
      return `<input type="text" ${n} value="${escapeHtml(init)}" placeholder="id (U…/C…)"${req}>`;
    }
    default:
      return unsupported(`input ${str(el.type) || '?'}`);
  }
}

function renderBlock(block: unknown, i: number, ctx: RenderContext): string {
  if (!isObj(block)) return unsupported('a block');
  switch (block.type) {
    case 'header':
      return `<div class="b-header">${renderText(block.text, ctx)}</div>`;
    case 'section': {
      const text = block.text ? `<div class="b-text">${renderText(block.text, ctx)}</div>` : '';
      const fields = Array.isArray(block.fields)
        ? `<div class="b-fields">${block.fields.map((f) => `<div class="b-field">${renderText(f, ctx)}</div>`).join('')}</div>`
        : '';
      const accessory = block.accessory
        ? `<div class="b-accessory">${renderElement(block.accessory, ctx, i, 'a')}</div>`
        : '';
      return `<div class="b-section"><div class="b-main">${text}${fields}</div>${accessory}</div>`;
    }
    case 'context': {
      const els = Array.isArray(block.elements) ? block.elements : [];
      const parts = els.map((e) =>
        isObj(e) && e.type === 'image'
          ? `<span class="image">[image: ${escapeHtml(str(e.alt_text))}]</span>`
          : `<span>${renderText(e, ctx)}</span>`,
      );
      return `<div class="b-context">${parts.join(' ')}</div>`;
    }
    case 'divider':
      return '<hr class="b-divider">';
    case 'actions': {
      const els = Array.isArray(block.elements) ? block.elements : [];
      return `<div class="b-actions">${els.map((e, j) => renderElement(e, ctx, i, j)).join('')}</div>`;
    }
    case 'image':
      return `<div class="b-image">[image: ${escapeHtml(str(block.alt_text))}]</div>`;
    case 'input': {
      const required = block.optional !== true;
      const hint = block.hint ? `<div class="hint">${renderText(block.hint, ctx)}</div>` : '';
      return `<label class="b-input"><span class="label">${renderText(block.label, ctx)}${required ? '' : ' <span class="opt">(optional)</span>'}</span>${renderInputElement(block.element, i, required)}${hint}</label>`;
    }
    case 'rich_text':
      return `<div class="b-text">${escapeHtml(richTextOf(block))}</div>`;
    default:
      return `<div>${unsupported(`block ${str(block.type) || '?'}`)}</div>`;
  }
}

/** Text of a rich_text block (the bot does not emit these; shown plainly if one arrives). */
function richTextOf(v: unknown): string {
  if (Array.isArray(v)) return v.map(richTextOf).join('');
  if (!isObj(v)) return '';
  if (typeof v.text === 'string') return v.text;
  return richTextOf(v.elements);
}

/** Renders a blocks array. Anything that is not an array renders as nothing. */
export function renderBlocks(blocks: unknown, ctx: RenderContext): string {
  if (!Array.isArray(blocks)) return '';
  return blocks.map((b, i) => renderBlock(b, i, ctx)).join('');
}
