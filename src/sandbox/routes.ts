import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import { FAKE_BOT_ID, FAKE_TEAM, type FakeMessage, signSlackRequest } from '../fakes/slack-server.js';
import { COMMAND } from '../listeners/commands/escape-finding.js';
import { type ChannelSnapshot, type Notice, type OpenView, renderChannel, renderModals } from './channel-view.js';
import { PAGE_HEADERS, pageHtml } from './page.js';
import {
  type ActionContainer,
  type Actor,
  actionOf,
  actionTs,
  blockActionsPayload,
  elementAt,
  interactivityBody,
  slashCommandBody,
  viewClosedPayload,
  viewSubmissionPayload,
} from './slack-payloads.js';
import { SANDBOX_CHANNEL_NAME, SANDBOX_USER, type SandboxWorld } from './world.js';

/** The routes the sandbox adds to the bot's HTTP server (same PORT as /slack/events and /healthz). */
export const SANDBOX_PATH = '/sandbox';
const SLACK_EVENTS = '/slack/events';
const BODY_LIMIT = 64 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a response_url posted by the bot should land (Slack hosts these; in the sandbox we do). */
interface ResponseTarget {
  channel: string;
  /** the message the interaction came from, for replace_original / delete_original */
  messageTs?: string;
  ephemeralIndex?: number;
}

class BadRequest extends Error {}

/**
 * Serves the channel page and turns clicks in it into the requests Slack would send: each one
 * signed with the sandbox's signing secret and POSTed to the bot's own /slack/events.
 */
export class SandboxPage {
  private version = 0;
  private readonly streams = new Set<ServerResponse>();
  private readonly closedViews = new Set<string>();
  private readonly viewErrors = new Map<string, Record<string, string>>();
  private readonly notices: Notice[] = [];
  private readonly responseTargets = new Map<string, ResponseTarget>();
  private bump: NodeJS.Timeout | undefined;
  /** Set once the HTTP server listens (PORT may be 0). */
  appPort = 0;

  constructor(
    private readonly world: SandboxWorld,
    private readonly opts: { channel: string; signingSecret: string; log: Logger; now?: () => Date },
  ) {
    world.slack.onCall(() => this.changed());
  }

  private get who(): Actor {
    return {
      team: { id: FAKE_TEAM, domain: 'sandbox' },
      user: SANDBOX_USER,
      channel: { id: this.opts.channel, name: SANDBOX_CHANNEL_NAME },
      apiAppId: 'A0SANDBOX01',
      token: 'sandbox-verification-token',
    };
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  routes(): CustomRoute[] {
    const get = (path: string, fn: (req: IncomingMessage, res: ServerResponse) => void): CustomRoute => ({
      path,
      method: ['GET'],
      handler: (req, res) => this.guard(req, res, () => fn(req, res)),
    });
    const post = (path: string, fn: (body: Obj) => Promise<{ status?: number; message: string }>): CustomRoute => ({
      path,
      method: ['POST'],
      handler: (req, res) =>
        this.guard(req, res, async () => {
          if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
            throw new BadRequest('expected application/json');
          }
          const out = await fn(await readJson(req));
          json(res, out.status ?? 200, { message: out.message });
        }),
    });
    return [
      get(SANDBOX_PATH, (_req, res) => {
        const parts = this.fragments();
        res.writeHead(200, PAGE_HEADERS);
        res.end(
          pageHtml({
            channelName: SANDBOX_CHANNEL_NAME,
            channelHtml: parts.channel,
            modalsHtml: parts.modals,
            modalsKey: parts.modalsKey,
            version: parts.version,
            command: COMMAND,
          }),
        );
      }),
      get(`${SANDBOX_PATH}/channel`, (_req, res) => json(res, 200, this.fragments())),
      get(`${SANDBOX_PATH}/events`, (req, res) => this.stream(req, res)),
      post(`${SANDBOX_PATH}/action`, (b) => this.action(b)),
      post(`${SANDBOX_PATH}/view`, (b) => this.submitView(b)),
      post(`${SANDBOX_PATH}/view-close`, (b) => this.closeView(b)),
      post(`${SANDBOX_PATH}/command`, (b) => this.command(b)),
      post(`${SANDBOX_PATH}/inject`, async () => {
        const r = this.world.injectFinding(this.now());
        const id = r.finding.name.split('/').pop() ?? '';
        return { message: `Injected finding ${id} into the fake SCC; its card appears after the next poll.` };
      }),
      {
        path: `${SANDBOX_PATH}/response/:token`,
        method: ['POST'],
        handler: (req, res) =>
          this.guard(req, res, async () => {
            const token = (req as IncomingMessage & { params?: Record<string, string> }).params?.token ?? '';
            json(res, 200, this.respond(token, await readJson(req)));
          }),
      },
    ];
  }

  /** Ends the live-update streams so the HTTP server can close. */
  closeStreams(): void {
    for (const s of this.streams) s.end();
    this.streams.clear();
  }

  /**
   * Only requests addressed to this machine (DNS-rebinding defence); the JSON-only POSTs above
   * cannot be sent cross-origin without a CORS preflight, which we never answer.
   */
  private async guard(req: IncomingMessage, res: ServerResponse, fn: () => unknown): Promise<void> {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) {
      json(res, 403, { message: 'the sandbox only answers on localhost' });
      return;
    }
    try {
      await fn();
    } catch (err) {
      const bad = err instanceof BadRequest;
      if (!bad) this.opts.log.error({ err }, 'sandbox request failed');
      if (!res.headersSent) json(res, bad ? 400 : 500, { message: bad ? err.message : 'sandbox error (see logs)' });
    }
  }

  private changed(): void {
    this.bump ??= setTimeout(() => {
      this.bump = undefined;
      this.version += 1;
      for (const s of this.streams) s.write(`data: ${this.version}\n\n`);
    }, 30);
  }

  private stream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 1000\ndata: ${this.version}\n\n`);
    this.streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      this.streams.delete(res);
    });
  }

  private openViews(): OpenView[] {
    return this.world.slack.views
      .filter((v) => !this.closedViews.has(v.id))
      .map((v) => {
        const errors = this.viewErrors.get(v.id);
        return { id: v.id, view: v.view, ...(errors ? { errors } : {}) };
      });
  }

  private fragments() {
    const slack = this.world.slack;
    const snapshot: ChannelSnapshot = {
      channel: { id: this.opts.channel, name: SANDBOX_CHANNEL_NAME },
      user: SANDBOX_USER,
      messages: slack.messages,
      ephemerals: slack.ephemerals
        .map((e, index) => ({ ...e, index }))
        .filter((e) => e.user === SANDBOX_USER.id && e.channel === this.opts.channel),
      files: slack.files,
      notices: this.notices,
    };
    const now = this.now();
    const views = this.openViews();
    return {
      version: this.version,
      channel: renderChannel(snapshot, now),
      modals: renderModals(views, now),
      modalsKey: JSON.stringify(views.map((v) => [v.id, JSON.stringify(v.view).length, v.errors ?? null])),
    };
  }

  private note(text: string, level: Notice['level'] = 'info'): void {
    this.notices.push({ ts: actionTs(), text, level });
    if (this.notices.length > 50) this.notices.shift();
    this.changed();
  }

  private responseUrl(target: ResponseTarget): string {
    const token = randomBytes(12).toString('hex');
    this.responseTargets.set(token, target);
    return `http://127.0.0.1:${this.appPort}${SANDBOX_PATH}/response/${token}`;
  }

  /** Signs and POSTs a body to the bot's /slack/events, as Slack does; returns what came back. */
  private async deliver(body: string, what: string): Promise<{ status: number; text: string; message: string }> {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${this.appPort}${SLACK_EVENTS}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...signSlackRequest(this.opts.signingSecret, body),
      },
      body,
    });
    const text = await res.text();
    const ms = Math.round(performance.now() - started);
    if (res.status === 404) {
      const message = `${what}: the bot did not acknowledge within 3 s (no listener handles it yet); Slack would show an error icon.`;
      this.note(message, 'error');
      return { status: res.status, text, message };
    }
    if (res.status !== 200) {
      const message = `${what}: the bot answered HTTP ${res.status}.`;
      this.note(message, 'error');
      return { status: res.status, text, message };
    }
    return { status: res.status, text, message: `${what}: signed request acknowledged in ${ms} ms.` };
  }

  private container(c: unknown): { container: ActionContainer; blocks: unknown; target: ResponseTarget } {
    const id = typeof c === 'string' ? c : '';
    const slack = this.world.slack;
    if (id.startsWith('m:')) {
      const m = slack.messages.find((x) => x.ts === id.slice(2) && x.channel === this.opts.channel);
      if (!m) throw new BadRequest('that message no longer exists');
      return {
        container: { kind: 'message', channel: m.channel, message: messageForPayload(m) },
        blocks: m.blocks,
        target: { channel: m.channel, messageTs: m.ts },
      };
    }
    if (id.startsWith('e:')) {
      const index = Number(id.slice(2));
      const e = slack.ephemerals[index];
      if (!e || e.user !== SANDBOX_USER.id) throw new BadRequest('that message no longer exists');
      return {
        container: { kind: 'ephemeral', channel: e.channel, ts: e.ts ?? actionTs() },
        blocks: e.blocks,
        target: { channel: e.channel, ephemeralIndex: index },
      };
    }
    if (id.startsWith('v:')) {
      const v = slack.views.find((x) => x.id === id.slice(2));
      if (!v || this.closedViews.has(v.id)) throw new BadRequest('that modal is closed');
      return {
        container: { kind: 'view', view: { ...v.view, id: v.id } },
        blocks: v.view.blocks,
        target: { channel: this.opts.channel },
      };
    }
    throw new BadRequest('unknown container');
  }

  private async action(b: Obj) {
    const { container, blocks, target } = this.container(b.c);
    const blockIndex = Number(b.b);
    const elementIndex = b.e === 'a' ? 'a' : Number(b.e);
    const found = elementAt(blocks, blockIndex, elementIndex);
    if (!found) throw new BadRequest('no such element');
    const option = typeof b.option === 'number' ? b.option : undefined;
    let action: Obj;
    try {
      action = actionOf(found.block, blockIndex, found.element, elementIndex, option, actionTs());
    } catch (err) {
      throw new BadRequest(err instanceof Error ? err.message : String(err));
    }
    const payload = blockActionsPayload(this.who, container, action, this.responseUrl(target));
    const r = await this.deliver(interactivityBody(payload), `block_actions ${String(action.action_id)}`);
    return { status: r.status === 200 ? 200 : 502, message: r.message };
  }

  private async submitView(b: Obj) {
    const id = typeof b.view === 'string' ? b.view : '';
    const v = this.world.slack.views.find((x) => x.id === id);
    if (!v || this.closedViews.has(id)) throw new BadRequest('that modal is closed');
    const form: Record<string, string[]> = {};
    if (isObj(b.values)) {
      for (const [k, vals] of Object.entries(b.values)) {
        if (Array.isArray(vals)) form[k] = vals.map(String);
      }
    }
    const payload = viewSubmissionPayload(this.who, { ...v.view, id }, form, FAKE_BOT_ID);
    const r = await this.deliver(interactivityBody(payload), 'view_submission');
    if (r.status !== 200) return { status: 502, message: r.message };
    // Slack reads the acknowledgement: errors keep the modal open, update/push/clear change the stack.
    const ack = parseJson(r.text);
    const responseAction = isObj(ack) ? ack.response_action : undefined;
    if (responseAction === 'errors' && isObj(ack) && isObj(ack.errors)) {
      this.viewErrors.set(id, Object.fromEntries(Object.entries(ack.errors).map(([k, m]) => [k, String(m)])));
      this.changed();
      return { message: 'The bot rejected the form; see the errors in the modal.' };
    }
    if ((responseAction === 'update' || responseAction === 'push') && isObj(ack) && isObj(ack.view)) {
      if (responseAction === 'update') v.view = ack.view;
      else this.world.slack.views.push({ id: `V${randomBytes(5).toString('hex').toUpperCase()}`, view: ack.view });
      this.viewErrors.delete(id);
      this.changed();
      return { message: r.message };
    }
    if (responseAction === 'clear') for (const x of this.world.slack.views) this.closedViews.add(x.id);
    this.closedViews.add(id);
    this.changed();
    return { message: r.message };
  }

  private async closeView(b: Obj) {
    const id = typeof b.view === 'string' ? b.view : '';
    const v = this.world.slack.views.find((x) => x.id === id);
    if (!v) throw new BadRequest('no such modal');
    this.closedViews.add(id);
    this.changed();
    if (v.view.notify_on_close === true) {
      const r = await this.deliver(interactivityBody(viewClosedPayload(this.who, { ...v.view, id })), 'view_closed');
      return { message: r.message };
    }
    return { message: 'Modal closed.' };
  }

  private async command(b: Obj) {
    const raw = typeof b.text === 'string' ? b.text.trim() : '';
    const m = /^(\/[\w-]+)\s*([\s\S]*)$/.exec(raw);
    const command = m?.[1] ?? COMMAND;
    const text = m ? (m[2] ?? '') : raw;
    if (command !== COMMAND) {
      this.note(`${command} is not a valid command (this app has ${COMMAND}).`, 'error');
      return { status: 400, message: `${command} is not a valid command.` };
    }
    const body = slashCommandBody(this.who, command, text, this.responseUrl({ channel: this.opts.channel }));
    const r = await this.deliver(body, command);
    // A non-empty acknowledgement is shown to the user privately, as Slack does.
    const ack = r.status === 200 ? parseJson(r.text) : undefined;
    if (r.status === 200 && r.text.trim() !== '') {
      this.addEphemeral(isObj(ack) ? ack : { text: r.text });
    }
    return { status: r.status === 200 ? 200 : 502, message: r.message };
  }

  private addEphemeral(msg: Obj, threadTs?: string): void {
    this.world.slack.ephemerals.push({
      channel: this.opts.channel,
      user: SANDBOX_USER.id,
      text: typeof msg.text === 'string' ? msg.text : '',
      blocks: Array.isArray(msg.blocks) ? msg.blocks : [],
      ts: actionTs(),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    this.changed();
  }

  /** What Slack does with a POST to a response_url: reply privately, in channel, replace or delete the original. */
  private respond(token: string, msg: Obj): { ok: boolean; error?: string } {
    const target = this.responseTargets.get(token);
    if (!target) return { ok: false, error: 'expired_url' };
    const slack = this.world.slack;
    const original = target.messageTs ? slack.messages.find((x) => x.ts === target.messageTs) : undefined;
    const originalEphemeral = target.ephemeralIndex === undefined ? undefined : slack.ephemerals[target.ephemeralIndex];
    if (msg.delete_original === true) {
      if (original) slack.messages.splice(slack.messages.indexOf(original), 1);
      if (originalEphemeral) originalEphemeral.blocks = [];
      if (originalEphemeral) originalEphemeral.text = '_(deleted)_';
    } else if (msg.replace_original === true && (original || originalEphemeral)) {
      const into = original ?? originalEphemeral;
      if (into) {
        into.text = typeof msg.text === 'string' ? msg.text : into.text;
        into.blocks = Array.isArray(msg.blocks) ? msg.blocks : [];
      }
    } else if (msg.response_type === 'in_channel') {
      slack.messages.push({
        channel: target.channel,
        ts: actionTs(),
        text: typeof msg.text === 'string' ? msg.text : '',
        blocks: Array.isArray(msg.blocks) ? msg.blocks : [],
        user: SANDBOX_USER.id,
        bot_id: FAKE_BOT_ID,
        ...(typeof msg.thread_ts === 'string' ? { thread_ts: msg.thread_ts } : {}),
      });
    } else {
      this.addEphemeral(msg, typeof msg.thread_ts === 'string' ? msg.thread_ts : original?.thread_ts);
    }
    this.changed();
    return { ok: true };
  }
}

/** The message as Slack includes it in a block_actions payload (no channel field, no metadata). */
function messageForPayload(m: FakeMessage): Obj & { ts: string; thread_ts?: string } {
  const { channel: _c, metadata: _m, ...rest } = m;
  return { ...rest };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

async function readJson(req: IncomingMessage): Promise<Obj> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > BODY_LIMIT) throw new BadRequest('request too large');
    chunks.push(c as Buffer);
  }
  const v = parseJson(Buffer.concat(chunks).toString('utf8') || '{}');
  if (!isObj(v)) throw new BadRequest('expected a JSON object');
  return v;
}
