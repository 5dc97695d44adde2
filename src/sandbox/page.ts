import { createHash } from 'node:crypto';
import { escapeHtml } from './render-html.js';

/**
 * The sandbox page shell: one inline stylesheet and one small inline script, both allowed by hash
 * in a strict Content-Security-Policy (no other script, style, frame, form target or connection).
 */

const STYLE = `
:root{--fg:#1d1c1d;--muted:#616061;--line:#e2e2e2;--bg:#fff;--side:#3f0e40;--accent:#1264a3;--ok:#007a5a;--err:#e01e5a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.46 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";color:var(--fg);background:#f4f4f4}
header.top{position:sticky;top:0;z-index:5;background:var(--side);color:#fff;padding:10px 20px}
header.top h1{font-size:18px;margin:0}
header.top .explain{margin:2px 0 8px;color:#e8d8e8;font-size:13px}
.controls{display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.controls form{display:flex;gap:6px;align-items:center}
.controls input{width:420px;max-width:60vw;padding:5px 8px;border-radius:4px;border:1px solid #ccc;font:14px ui-monospace,Menlo,Consolas,monospace}
#status{font-size:13px;color:#fff;background:rgba(255,255,255,.12);padding:3px 8px;border-radius:4px;min-height:1.4em}
#status.err{background:var(--err)}
main{max-width:980px;margin:0 auto;padding:12px 20px 80px;background:var(--bg);min-height:calc(100vh - 110px)}
.chan{font-weight:700;margin:6px 0 10px;color:var(--muted)}
ol.channel,ol.replies{list-style:none;margin:0;padding:0}
li.msg{padding:10px 8px;border-bottom:1px solid var(--line)}
li.msg:target{background:#fff8d6}
li.ephemeral{background:#f8f8ff;border-left:3px solid var(--accent)}
li.notice{padding:6px 8px;font-size:13px;color:var(--muted);border-bottom:1px dashed var(--line)}
li.notice.error{color:var(--err)}
li.empty{padding:20px;color:var(--muted)}
.meta{font-size:13px;color:var(--muted);margin-bottom:4px}
.who{font-weight:700;color:var(--fg)}
.badge{font-size:10px;background:#ddd;border-radius:3px;padding:0 3px;color:var(--muted)}
.only-you{font-size:12px;color:var(--accent)}
.edited{font-size:12px}
.b-header{font-size:18px;font-weight:800;margin:4px 0 6px}
.b-section{display:flex;gap:12px;margin:6px 0}
.b-main{flex:1;min-width:0}
.b-fields{display:grid;grid-template-columns:1fr 1fr;gap:6px 16px;margin-top:4px}
.b-context{font-size:13px;color:var(--muted);margin:6px 0}
.b-context span+span::before{content:""}
.b-actions{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}
.b-divider{border:0;border-top:1px solid var(--line);margin:10px 0}
.b-input{display:block;margin:10px 0}
.b-input .label{display:block;font-weight:700;margin-bottom:4px}
.b-input input[type=text],.b-input textarea,.b-input select,.b-input input[type=date],.b-input input[type=number]{width:100%;padding:6px 8px;border:1px solid #bbb;border-radius:4px;font:inherit}
.hint{font-size:12px;color:var(--muted)}
.opt{font-weight:400;color:var(--muted)}
code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f6f6f6;border:1px solid #e0e0e0;border-radius:3px;padding:1px 3px;color:#c01343;overflow-wrap:anywhere}
pre{font:12px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#f6f6f6;border:1px solid #e0e0e0;border-radius:4px;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.link-off{color:var(--muted);text-decoration:underline dotted}
.mention{background:#e8f5fa;color:var(--accent);border-radius:3px;padding:0 2px}
.quote{display:block;border-left:4px solid #ddd;padding-left:8px}
.unsupported{color:var(--err);font-size:12px}
.btn{font-family:inherit;font-size:14px;font-weight:600;padding:4px 12px;border:1px solid #bbb;border-radius:4px;background:#fff;cursor:pointer}
.btn:hover{background:#f2f2f2}
.btn.primary{background:var(--ok);border-color:var(--ok);color:#fff}
.btn.danger{background:var(--err);border-color:var(--err);color:#fff}
select.overflow,select.menu{font:inherit;padding:3px 6px;border:1px solid #bbb;border-radius:4px;background:#fff}
details.thread{margin-top:6px}
details.thread>summary{color:var(--accent);font-weight:700;font-size:13px;cursor:pointer}
details.thread ol{margin:6px 0 0 16px;border-left:2px solid var(--line);padding-left:10px}
details.file summary{cursor:pointer;font-size:13px}
.fname{color:var(--muted)}
.overlay{position:fixed;inset:0;background:rgba(0,0,0,.45);display:none;align-items:flex-start;justify-content:center;z-index:10;overflow:auto}
.overlay.top{display:flex}
form.modal{background:#fff;border-radius:8px;width:560px;max-width:94vw;margin:60px 0;padding:16px 20px;box-shadow:0 10px 40px rgba(0,0,0,.3)}
form.modal h2{margin:0 0 8px;font-size:20px}
.modal-actions{display:flex;justify-content:flex-end;gap:8px;margin-top:12px}
ul.errors{color:var(--err);font-size:13px}
.choice{display:block;font-weight:400}
`;

const SCRIPT = `
(() => {
  const $ = (s) => document.querySelector(s);
  const status = $('#status');
  let busy = false, again = false;
  async function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const res = await fetch('/sandbox/channel', { cache: 'no-store' });
      const data = await res.json();
      const open = [...document.querySelectorAll('details[open][id]')].map((d) => d.id);
      $('#channel').innerHTML = data.channel;
      for (const id of open) { const d = document.getElementById(id); if (d) d.open = true; }
      const modals = $('#modals');
      if (modals.dataset.key !== data.modalsKey) { modals.innerHTML = data.modals; modals.dataset.key = data.modalsKey; }
      document.body.dataset.version = String(data.version);
    } catch (e) {
      say('lost contact with the bot: ' + e.message, false);
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }
  function say(text, ok) { status.textContent = text; status.className = ok ? 'ok' : 'err'; }
  async function send(path, body) {
    say('sending…', true);
    try {
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const out = await res.json().catch(() => ({ message: res.status + ' ' + res.statusText }));
      say(out.message, res.ok);
    } catch (e) { say(e.message, false); }
    refresh();
  }
  const where = (el) => ({ c: el.dataset.c, b: Number(el.dataset.b), e: el.dataset.e === 'a' ? 'a' : Number(el.dataset.e) });
  document.addEventListener('click', (ev) => {
    const t = ev.target instanceof Element ? ev.target : null;
    const b = t && t.closest('button[data-c]');
    if (b) {
      if (b.dataset.confirm && !window.confirm(b.dataset.confirm)) return;
      send('/sandbox/action', where(b));
      return;
    }
    const close = t && t.closest('button[data-close-view]');
    if (close) send('/sandbox/view-close', { view: close.dataset.closeView });
    if (t && t.id === 'inject') send('/sandbox/inject', {});
  });
  document.addEventListener('change', (ev) => {
    const s = ev.target instanceof Element ? ev.target.closest('select[data-c]') : null;
    if (!s || s.value === '') return;
    const option = Number(s.value);
    if (s.classList.contains('overflow')) s.value = '';
    if (s.dataset.confirm && !window.confirm(s.dataset.confirm)) return;
    send('/sandbox/action', { ...where(s), option });
  });
  document.addEventListener('submit', (ev) => {
    const f = ev.target;
    ev.preventDefault();
    if (f.id === 'cmd') { send('/sandbox/command', { text: f.elements.text.value }); return; }
    if (!f.dataset.view) return;
    const values = {};
    for (const [k, v] of new FormData(f)) (values[k] ||= []).push(String(v));
    send('/sandbox/view', { view: f.dataset.view, values });
  });
  const events = new EventSource('/sandbox/events');
  events.onmessage = () => refresh();
  events.onerror = () => say('reconnecting to the bot…', false);
  events.onopen = () => refresh();
})();
`;

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** Everything the page may load or do; nothing from other origins, no inline code but the two hashed blocks. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

export interface PageParts {
  channelName: string;
  channelHtml: string;
  modalsHtml: string;
  modalsKey: string;
  version: number;
  command: string;
}

export function pageHtml(p: PageParts): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>escape-desk sandbox</title><style>${STYLE}</style></head>
<body data-version="${p.version}">
<header class="top"><h1>escape-desk · sandbox</h1>
<p class="explain">The real bot (Bolt app, Google clients, ingest) running against built-in fakes of Slack, Security Command Center, Cloud Logging and Vertex AI. Buttons and commands here are sent to the bot as signed Slack requests. Nothing reaches Slack or Google.</p>
<div class="controls"><form id="cmd" autocomplete="off"><label for="cmd-text">Command</label><input id="cmd-text" name="text" value="${escapeHtml(p.command)} " spellcheck="false"><button type="submit" class="btn">Send</button></form>
<button type="button" class="btn" id="inject">New finding</button><output id="status" role="status"></output></div></header>
<main><div class="chan"># ${escapeHtml(p.channelName)}</div><ol id="channel" class="channel">${p.channelHtml}</ol></main>
<div id="modals" data-key="${escapeHtml(p.modalsKey)}">${p.modalsHtml}</div>
<script>${SCRIPT}</script>
</body></html>`;
}
