import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API over real HTTP. It records every call (method + decoded args), keeps
 * channel history with message metadata, checks Block Kit limits the way Slack does, and can be
 * told to rate-limit (429 + Retry-After) or fail a method. Used by tests and by sandbox mode.
 */

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  user: string;
  bot_id: string;
  edited?: { ts: string };
  files?: { id: string; name: string; title: string }[];
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: unknown[];
  /** the message_ts Slack returns; the sandbox page orders ephemerals among messages by it */
  ts?: string;
  thread_ts?: string;
}

export interface FakeFile {
  id: string;
  name: string;
  title: string;
  content: string;
  channel?: string;
  threadTs?: string;
}

type Fault =
  | { kind: 'ratelimit'; retryAfter: number; times: number }
  | { kind: 'error'; error: string; status: number; times: number };

const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);
export const FAKE_BOT_USER = 'U0FAKEBOT';
export const FAKE_BOT_ID = 'B0FAKEBOT';
export const FAKE_TEAM = 'T0FAKE';

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: FakeEphemeral[] = [];
  readonly files: FakeFile[] = [];
  readonly views: { id: string; view: Record<string, unknown>; trigger_id?: string }[] = [];
  /** user group id → member user ids */
  readonly usergroups = new Map<string, string[]>();
  private readonly faults = new Map<string, Fault>();
  private readonly listeners = new Set<(c: SlackCall) => void>();
  private server: Server | undefined;
  private lastTsMicros = 0;
  private seq = 0;
  port = 0;

  constructor(readonly opts: { token?: string; strictBlocks?: boolean } = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections?.();
      this.server?.close(() => resolve());
    });
  }

  rateLimit(method: string, retryAfterSeconds: number, times = 1): void {
    this.faults.set(method, { kind: 'ratelimit', retryAfter: retryAfterSeconds, times });
  }

  fail(method: string, error: string, times = 1, status = 200): void {
    this.faults.set(method, { kind: 'error', error, status, times });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  topLevel(channel?: string): FakeMessage[] {
    return this.messages.filter((m) => !m.thread_ts && (!channel || m.channel === channel));
  }

  replies(channel: string, threadTs: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.thread_ts === threadTs);
  }

  onCall(fn: (c: SlackCall) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves when `predicate` holds over the recorded calls (checked on every new call). */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const hit = predicate();
    if (hit) return Promise.resolve(hit);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          new Error(
            `FakeSlack.waitFor timed out after ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const off = this.onCall(() => {
        const v = predicate();
        if (v) {
          clearTimeout(timer);
          off();
          resolve(v);
        }
      });
    });
  }

  /** Real-time, strictly increasing ts values, as Slack's are (history `oldest` filters depend on it). */
  private nextTs(): string {
    this.lastTsMicros = Math.max(this.lastTsMicros + 1, Date.now() * 1000);
    const s = String(this.lastTsMicros);
    return `${s.slice(0, -6)}.${s.slice(-6)}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (url.pathname.startsWith('/upload/'))
      return this.receiveUpload(url.pathname.slice(8), raw, req.headers['content-type'] ?? '', res);
    const method = url.pathname.replace(/^\/api\//, '');
    const args = this.decode(req, raw, url);
    const call: SlackCall = { method, args, at: Date.now() };
    this.calls.push(call);
    const send = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
      for (const l of this.listeners) l(call);
    };
    const fault = this.faults.get(method);
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.delete(method);
      if (fault.kind === 'ratelimit') {
        return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      }
      return send(fault.status, { ok: false, error: fault.error });
    }
    const auth = req.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
    if (this.opts.token && auth !== this.opts.token) return send(200, { ok: false, error: 'invalid_auth' });
    try {
      send(200, { ok: true, ...this.dispatch(method, args, url) });
    } catch (e) {
      send(200, { ok: false, error: e instanceof SlackApiError ? e.code : 'internal_error' });
    }
  }

  private decode(req: IncomingMessage, raw: Buffer, url: URL): Record<string, unknown> {
    const type = req.headers['content-type'] ?? '';
    let args: Record<string, unknown> = Object.fromEntries(url.searchParams);
    if (type.includes('application/json')) args = { ...args, ...(JSON.parse(raw.toString() || '{}') as object) };
    else if (type.includes('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(raw.toString())) {
        args[k] = JSON_ARGS.has(k) ? safeJson(v) : v;
      }
    }
    return args;
  }

  private dispatch(method: string, a: Record<string, unknown>, url: URL): Record<string, unknown> {
    const channel = String(a.channel ?? '');
    switch (method) {
      case 'auth.test':
        return {
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'escape-desk',
          team_id: FAKE_TEAM,
          user_id: FAKE_BOT_USER,
          bot_id: FAKE_BOT_ID,
        };
      case 'chat.postMessage': {
        const blocks = this.checkBlocks(a.blocks);
        if (!channel) throw new SlackApiError('channel_not_found');
        if (!a.text && blocks.length === 0) throw new SlackApiError('no_text');
        const msg: FakeMessage = {
          channel,
          ts: this.nextTs(),
          text: String(a.text ?? ''),
          blocks,
          user: FAKE_BOT_USER,
          bot_id: FAKE_BOT_ID,
          ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
          ...(isMetadata(a.metadata) ? { metadata: a.metadata } : {}),
        };
        this.messages.push(msg);
        return { channel, ts: msg.ts, message: msg };
      }
      case 'chat.update': {
        const msg = this.messages.find((m) => m.channel === channel && m.ts === a.ts);
        if (!msg) throw new SlackApiError('message_not_found');
        msg.blocks = this.checkBlocks(a.blocks);
        msg.text = String(a.text ?? msg.text);
        msg.edited = { ts: this.nextTs() };
        return { channel, ts: msg.ts, text: msg.text };
      }
      case 'chat.postEphemeral': {
        const ts = this.nextTs();
        this.ephemerals.push({
          channel,
          user: String(a.user ?? ''),
          text: String(a.text ?? ''),
          blocks: this.checkBlocks(a.blocks),
          ts,
          ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
        });
        return { message_ts: ts };
      }
      case 'chat.getPermalink': {
        const msg = this.messages.find((m) => m.channel === channel && m.ts === a.message_ts);
        if (!msg) throw new SlackApiError('message_not_found');
        return {
          channel,
          permalink: `https://fake.slack.test/archives/${channel}/p${msg.ts.replace('.', '')}`,
        };
      }
      case 'conversations.info':
        return { channel: { id: channel, name: 'escape-desk-alerts', is_channel: true, is_member: true } };
      case 'conversations.history':
        return this.history(a, (m) => m.channel === channel && !m.thread_ts);
      case 'conversations.replies': {
        const ts = String(a.ts ?? '');
        return this.history(a, (m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts), true);
      }
      case 'usergroups.users.list': {
        const users = this.usergroups.get(String(a.usergroup ?? ''));
        if (!users) throw new SlackApiError('no_such_subteam');
        return { users };
      }
      case 'views.open':
      case 'views.push': {
        const id = `V${String(++this.seq).padStart(8, '0')}`;
        this.views.push({
          id,
          view: (a.view ?? {}) as Record<string, unknown>,
          trigger_id: String(a.trigger_id ?? ''),
        });
        return { view: { id, ...(a.view as object) } };
      }
      case 'views.update': {
        const v = this.views.find((x) => x.id === a.view_id);
        if (!v) throw new SlackApiError('not_found');
        v.view = (a.view ?? {}) as Record<string, unknown>;
        return { view: { id: v.id, ...v.view } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${String(++this.seq).padStart(8, '0')}`;
        this.files.push({
          id,
          name: String(a.filename ?? 'file'),
          title: String(a.filename ?? ''),
          content: '',
        });
        return { upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = (Array.isArray(a.files) ? a.files : []) as { id: string; title?: string }[];
        const done = list.map((f) => {
          const file = this.files.find((x) => x.id === f.id);
          if (!file) throw new SlackApiError('file_not_found');
          file.title = f.title ?? file.title;
          if (a.channel_id) file.channel = String(a.channel_id);
          if (a.thread_ts) file.threadTs = String(a.thread_ts);
          return file;
        });
        if (a.channel_id) {
          this.messages.push({
            channel: String(a.channel_id),
            ts: this.nextTs(),
            text: String(a.initial_comment ?? ''),
            blocks: [],
            user: FAKE_BOT_USER,
            bot_id: FAKE_BOT_ID,
            ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
            files: done.map(({ id, name, title }) => ({ id, name, title })),
          });
        }
        return { files: done.map(({ id, title }) => ({ id, title })) };
      }
      default:
        void url;
        throw new SlackApiError('unknown_method');
    }
  }

  /** Step 2 of files.uploadV2. Slack accepts the raw bytes or a multipart form (what @slack/web-api sends). */
  private async receiveUpload(id: string, raw: Buffer, contentType: string, res: ServerResponse): Promise<void> {
    const file = this.files.find((f) => f.id === id);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake.upload/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: raw,
      }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string');
      file.content = part && typeof part !== 'string' ? await part.text() : '';
    } else {
      file.content = raw.toString('utf8');
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
  }

  private history(a: Record<string, unknown>, match: (m: FakeMessage) => boolean, ascending = false) {
    const oldest = Number(a.oldest ?? 0);
    const latest = a.latest === undefined ? Number.POSITIVE_INFINITY : Number(a.latest);
    const limit = Math.min(Number(a.limit ?? 100) || 100, 1000);
    const withMeta = a.include_all_metadata === true || a.include_all_metadata === 'true';
    let list = this.messages.filter((m) => match(m) && Number(m.ts) >= oldest && Number(m.ts) <= latest);
    list = ascending ? list : [...list].reverse();
    const start = a.cursor ? Number(Buffer.from(String(a.cursor), 'base64url').toString()) : 0;
    const page = list.slice(start, start + limit).map((m) => {
      const { metadata, ...rest } = m;
      return withMeta && metadata ? { ...rest, metadata } : rest;
    });
    const next = start + limit < list.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
    return { messages: page, has_more: Boolean(next), response_metadata: { next_cursor: next } };
  }

  /** Slack's own limits: 50 blocks, 3000-char section text, 150-char header, 2000-char fields. */
  private checkBlocks(blocks: unknown): unknown[] {
    if (blocks === undefined || blocks === '') return [];
    if (!Array.isArray(blocks)) throw new SlackApiError('invalid_blocks_format');
    if (blocks.length > 50) throw new SlackApiError('invalid_blocks');
    for (const b of blocks as Record<string, unknown>[]) {
      const text = (b.text as { text?: string } | undefined)?.text ?? '';
      if (b.type === 'header' && text.length > 150) throw new SlackApiError('invalid_blocks');
      if (b.type === 'section' && text.length > 3000) throw new SlackApiError('invalid_blocks');
      for (const f of (b.fields as { text?: string }[] | undefined) ?? []) {
        if ((f.text ?? '').length > 2000) throw new SlackApiError('invalid_blocks');
      }
      if (b.type === 'section' && !b.text && !b.fields) throw new SlackApiError('invalid_blocks');
    }
    return blocks;
  }
}

export class SlackApiError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function isMetadata(v: unknown): v is FakeMessage['metadata'] & object {
  return typeof v === 'object' && v !== null && typeof (v as { event_type?: unknown }).event_type === 'string';
}

/** Signs a request body the way Slack does (v0 HMAC-SHA256 over `v0:ts:body`). */
export function signSlackRequest(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sig };
}
