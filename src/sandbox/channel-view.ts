import type { FakeEphemeral, FakeFile, FakeMessage } from '../fakes/slack-server.js';
import { escapeHtml, type RenderContext, renderBlocks, renderMrkdwn, renderPlain, renderText } from './render-html.js';

/**
 * What the channel looks like to the sandbox user, from the fake Slack's records. Pure: the
 * records and the clock come in, HTML fragments go out (every string through render-html.ts).
 */

export interface OpenView {
  id: string;
  view: Record<string, unknown>;
  /** errors from a `response_action: errors` answer, by block_id */
  errors?: Record<string, string>;
}

export interface Notice {
  ts: string;
  text: string;
  level: 'info' | 'error';
}

export interface ChannelSnapshot {
  channel: { id: string; name: string };
  user: { id: string; name: string };
  messages: readonly FakeMessage[];
  /** only those shown to the sandbox user */
  ephemerals: readonly (FakeEphemeral & { index: number })[];
  files: readonly FakeFile[];
  notices: readonly Notice[];
}

/** Hosts the bot links to (see src/blocks/links.ts); links anywhere else render as text. */
export const LINK_HOSTS = ['console.cloud.google.com', 'attack.mitre.org'] as const;

/** A fake Slack permalink (`…/archives/C…/p1733325337123456`) points at that message in the page. */
export function permalinkAnchor(url: URL): string | undefined {
  if (url.hostname !== 'fake.slack.test') return undefined;
  const m = /^\/archives\/[A-Z0-9]+\/p(\d+)(\d{6})$/.exec(url.pathname);
  return m ? `#m-${m[1]}-${m[2]}` : undefined;
}

/** Element id of a message (ts dots are not valid in a CSS selector without escaping). */
export const messageAnchor = (ts: string) => `m-${ts.replace('.', '-')}`;

function timeOf(ts: string): string {
  const d = new Date(Number(ts) * 1000);
  return Number.isNaN(d.getTime()) ? '' : `${d.toISOString().slice(11, 19)} UTC`;
}

type Item =
  | { kind: 'message'; ts: string; m: FakeMessage }
  | { kind: 'ephemeral'; ts: string; e: FakeEphemeral & { index: number } }
  | { kind: 'notice'; ts: string; n: Notice };

const byTs = (a: { ts: string }, b: { ts: string }) => Number(a.ts) - Number(b.ts);

export function renderChannel(s: ChannelSnapshot, now: Date): string {
  const base: RenderContext = {
    linkHosts: LINK_HOSTS,
    now,
    internalLink: permalinkAnchor,
    userName: (id) => (id === s.user.id ? s.user.name : undefined),
    channelName: (id) => (id === s.channel.id ? s.channel.name : undefined),
  };
  const inChannel = s.messages.filter((m) => m.channel === s.channel.id);
  const top = inChannel.filter((m) => !m.thread_ts || m.thread_ts === m.ts);
  const items: Item[] = [
    ...top.map((m) => ({ kind: 'message' as const, ts: m.ts, m })),
    ...s.ephemerals.filter((e) => !e.thread_ts).map((e) => ({ kind: 'ephemeral' as const, ts: e.ts ?? '0', e })),
    ...s.notices.map((n) => ({ kind: 'notice' as const, ts: n.ts, n })),
  ].sort(byTs);
  if (items.length === 0) {
    return '<li class="empty">No messages yet. The bot polls the fake SCC every few seconds; cards appear here.</li>';
  }
  const item = (it: Item): string => {
    if (it.kind === 'notice') return noticeHtml(it.n);
    if (it.kind === 'ephemeral') return ephemeralHtml(it.e, base);
    const replies: Item[] = [
      ...inChannel
        .filter((r) => r.thread_ts === it.m.ts && r.ts !== it.m.ts)
        .map((m) => ({ kind: 'message' as const, ts: m.ts, m })),
      ...s.ephemerals
        .filter((e) => e.thread_ts === it.m.ts)
        .map((e) => ({ kind: 'ephemeral' as const, ts: e.ts ?? '0', e })),
    ].sort(byTs);
    return messageHtml(it.m, base, s.files, replies.map(item));
  };
  return items.map(item).join('');
}

function messageHtml(m: FakeMessage, base: RenderContext, files: readonly FakeFile[], replies: string[]): string {
  const ctx = { ...base, container: `m:${m.ts}` };
  const body =
    m.blocks.length > 0 ? renderBlocks(m.blocks, ctx) : `<div class="b-text">${renderMrkdwn(m.text, ctx)}</div>`;
  const edited = m.edited ? ' <span class="edited">(edited)</span>' : '';
  const thread =
    replies.length > 0
      ? `<details class="thread" id="t-${escapeHtml(m.ts.replace('.', '-'))}"><summary>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</summary><ol class="replies">${replies.join('')}</ol></details>`
      : '';
  return `<li class="msg" id="${escapeHtml(messageAnchor(m.ts))}" data-ts="${escapeHtml(m.ts)}">${meta('escape-desk', m.ts, edited)}<div class="body">${body}</div>${filesHtml(m, files)}${thread}</li>`;
}

function meta(who: string, ts: string, extra = ''): string {
  return `<div class="meta"><span class="who">${escapeHtml(who)}</span> <span class="badge">APP</span> <time>${escapeHtml(timeOf(ts))}</time>${extra}</div>`;
}

function filesHtml(m: FakeMessage, files: readonly FakeFile[]): string {
  if (!m.files?.length) return '';
  return m.files
    .map((f) => {
      const content = files.find((x) => x.id === f.id)?.content ?? '';
      const title = f.title || f.name;
      // An id, so the page keeps it open across live updates.
      return `<details class="file" id="f-${escapeHtml(f.id)}"><summary>📄 ${escapeHtml(title)} <span class="fname">${escapeHtml(f.name)}</span> (${content.length} chars)</summary><pre>${escapeHtml(content)}</pre></details>`;
    })
    .join('');
}

function ephemeralHtml(e: FakeEphemeral & { index: number }, base: RenderContext): string {
  const ctx = { ...base, container: `e:${e.index}` };
  const body =
    e.blocks.length > 0 ? renderBlocks(e.blocks, ctx) : `<div class="b-text">${renderMrkdwn(e.text, ctx)}</div>`;
  return `<li class="msg ephemeral">${meta('escape-desk', e.ts ?? '0', ' <span class="only-you">Only visible to you</span>')}<div class="body">${body}</div></li>`;
}

function noticeHtml(n: Notice): string {
  return `<li class="notice ${n.level}"><span class="who">sandbox</span> <time>${escapeHtml(timeOf(n.ts))}</time> ${escapeHtml(n.text)}</li>`;
}

/** Open modals (the last one on top), each a form whose submit becomes a signed view_submission. */
export function renderModals(views: readonly OpenView[], now: Date): string {
  return views
    .map((v, i) => {
      const ctx: RenderContext = { linkHosts: LINK_HOSTS, now, container: `v:${v.id}` };
      const title = renderText(v.view.title, ctx) || renderPlain('Modal');
      const submit = v.view.submit ? renderText(v.view.submit, ctx) : '';
      const close = v.view.close ? renderText(v.view.close, ctx) : 'Cancel';
      const errors = Object.entries(v.errors ?? {})
        .map(([block, msg]) => `<li>${escapeHtml(block)}: ${escapeHtml(msg)}</li>`)
        .join('');
      return `<div class="overlay${i === views.length - 1 ? ' top' : ''}"><form class="modal" data-view="${escapeHtml(v.id)}"><h2>${title}</h2><div class="modal-body">${renderBlocks(v.view.blocks, ctx)}</div>${errors ? `<ul class="errors">${errors}</ul>` : ''}<div class="modal-actions"><button type="button" class="btn" data-close-view="${escapeHtml(v.id)}">${close}</button>${submit ? `<button type="submit" class="btn primary">${submit}</button>` : ''}</div></form></div>`;
    })
    .join('');
}
