import type { Logger } from 'pino';
import type { PostOptions, SlackPort, UploadFile } from '../adapters/slack/slack-api.js';
import type { Message } from '../blocks/types.js';
import { UpstreamError } from '../errors.js';
import type { OutboxEntry, OutboxStore } from '../store/outbox-store.js';
import { Pacer } from './pacer.js';

/** Slack's answers that mean "this message can never be sent as is". */
const POISON = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'invalid_arguments']);
const RECONCILE_MARGIN_S = 300;

export interface OutboxOptions {
  /** top-level posts and thread replies per channel per second */
  postsPerSecond: number;
  now: () => Date;
  log: Logger;
}

/**
 * A SlackPort that journals every write before sending it and closes the entry after, pacing posts
 * per channel. A message Slack refuses as malformed falls back to its plain text instead of blocking.
 * `resume()` (at start-up) finishes what a crash left open without posting anything twice.
 */
export class Outbox implements SlackPort {
  private readonly pacer: Pacer;
  /** ids being sent by this process right now; `resume` must not touch them */
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly inner: SlackPort,
    private readonly store: OutboxStore,
    private readonly opts: OutboxOptions,
  ) {
    // 10 % margin so network jitter never makes two posts arrive closer than Slack's rate.
    this.pacer = new Pacer(Math.ceil(1100 / opts.postsPerSecond));
  }

  async post(channel: string, message: Message, opts: PostOptions = {}): Promise<string> {
    const id = this.store.add(
      { kind: 'post', channel, ts: undefined, threadTs: opts.threadTs, findingName: opts.findingName, message },
      this.opts.now(),
    );
    return this.sendPost(id, channel, message, opts);
  }

  /**
   * Sends a post that the caller journalled itself (with `OutboxStore.add`, in the same transaction
   * as its own rows), so that its own records and the journal can never disagree.
   */
  sendJournalled(id: number): Promise<string> {
    const e = this.store.get(id);
    if (e?.kind !== 'post') throw new Error(`no journalled post ${id}`);
    return this.sendPost(id, e.channel, e.message, e.threadTs ? { threadTs: e.threadTs } : {});
  }

  async update(channel: string, ts: string, message: Message): Promise<void> {
    const id = this.store.add(
      { kind: 'update', channel, ts, threadTs: undefined, findingName: undefined, message },
      this.opts.now(),
    );
    await this.sendUpdate(id, channel, ts, message);
  }

  postEphemeral(channel: string, user: string, message: Message): Promise<void> {
    // Ephemerals are answers to a person now; replaying them after a restart would only confuse.
    return this.inner.postEphemeral(channel, user, message);
  }

  /** A file share is a message in the channel too, so it is paced; it answers a click, so it is not replayed. */
  async uploadFile(channel: string, threadTs: string, file: UploadFile): Promise<void> {
    await this.pacer.wait(channel);
    await this.inner.uploadFile(channel, threadTs, file);
  }

  usergroupMembers(usergroupId: string): Promise<string[]> {
    return this.inner.usergroupMembers(usergroupId);
  }

  /** Modals answer a click within 3 s; nothing to journal. */
  openView(triggerId: string, view: Record<string, unknown>): Promise<void> {
    return this.inner.openView(triggerId, view);
  }

  permalink(channel: string, ts: string): Promise<string | undefined> {
    return this.inner.permalink(channel, ts);
  }

  findCards(channel: string, names: ReadonlySet<string>, oldest: number): Promise<Map<string, string>> {
    return this.inner.findCards(channel, names, oldest);
  }

  findKeyed(channel: string, threadTs: string | undefined, keys: ReadonlySet<string>, oldest: number) {
    return this.inner.findKeyed(channel, threadTs, keys, oldest);
  }

  private async sendPost(id: number, channel: string, message: Message, opts: PostOptions): Promise<string> {
    // Cards carry their finding name; every other message carries its journal key.
    const send = (m: Message) => this.inner.post(channel, m, opts.findingName ? opts : { ...opts, key: keyOf(id) });
    return this.tracked(id, async () => {
      await this.pacer.wait(channel);
      return this.withPoisonFallback(id, message, send, opts.findingName);
    });
  }

  private sendUpdate(id: number, channel: string, ts: string, message: Message): Promise<string> {
    return this.tracked(id, async () => {
      await this.withPoisonFallback(id, message, (m) => this.inner.update(channel, ts, m), undefined);
      return ts;
    });
  }

  /** Runs one journalled send: closes the entry as done or failed, and hides it from `resume` meanwhile. */
  private async tracked(id: number, send: () => Promise<string>): Promise<string> {
    this.inFlight.add(id);
    try {
      const ts = await send();
      this.store.done(id, ts, this.opts.now());
      return ts;
    } catch (err) {
      this.store.failed(id, errorCode(err), this.opts.now());
      throw err;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async withPoisonFallback<T>(
    id: number,
    message: Message,
    send: (m: Message) => Promise<T>,
    findingName: string | undefined,
  ): Promise<T> {
    try {
      return await send(message);
    } catch (err) {
      const code = errorCode(err);
      if (!POISON.has(code) || message.blocks.length === 0) throw err;
      this.store.attempt(id, code);
      this.opts.log.error({ finding: findingName, code, outboxId: id }, 'Slack refused the blocks; sending plain text');
      return send(plainFallback(message));
    }
  }

  /**
   * Start-up (and before each poll cycle, where it is one cheap query): close or finish every entry a
   * crash left pending, without duplicating a message.
   */
  async resume(): Promise<{ adopted: number; resent: number; superseded: number }> {
    const pending = this.store.pending().filter((e) => !this.inFlight.has(e.id));
    const result = { adopted: 0, resent: 0, superseded: 0 };
    const now = this.opts.now;
    // Card posts are reconciled by the card service from the findings table; only close them here.
    for (const e of pending.filter((p) => p.kind === 'post' && p.findingName)) {
      this.store.done(e.id, undefined, now());
      result.superseded++;
    }
    const posts = pending.filter((p) => p.kind === 'post' && !p.findingName);
    const byPlace = new Map<string, OutboxEntry[]>();
    for (const p of posts) {
      const place = `${p.channel}|${p.threadTs ?? ''}`;
      byPlace.set(place, [...(byPlace.get(place) ?? []), p]);
    }
    for (const entries of byPlace.values()) {
      const first = entries[0] as OutboxEntry;
      const oldest = Math.floor(Date.parse(first.createdAt) / 1000) - RECONCILE_MARGIN_S;
      const found = await this.inner.findKeyed(
        first.channel,
        first.threadTs,
        new Set(entries.map((e) => keyOf(e.id))),
        oldest,
      );
      for (const e of entries) {
        const ts = found.get(keyOf(e.id));
        if (ts) {
          this.store.done(e.id, ts, now());
          result.adopted++;
        } else {
          await this.sendPost(e.id, e.channel, e.message, e.threadTs ? { threadTs: e.threadTs } : {});
          result.resent++;
        }
      }
    }
    // Edits are idempotent: replay only the newest one per message.
    const updates = pending.filter((p) => p.kind === 'update');
    const newest = new Map<string, OutboxEntry>();
    for (const u of updates) newest.set(`${u.channel}|${u.ts}`, u);
    for (const u of updates) {
      if (newest.get(`${u.channel}|${u.ts}`) !== u) {
        this.store.done(u.id, u.ts, now());
        result.superseded++;
      }
    }
    for (const u of newest.values()) {
      await this.sendUpdate(u.id, u.channel, u.ts ?? '', u.message).catch((err: unknown) =>
        this.opts.log.warn({ err, outboxId: u.id }, 'could not replay a card edit after restart'),
      );
      result.resent++;
    }
    return result;
  }
}

export const keyOf = (id: number) => `outbox:${id}`;

function errorCode(err: unknown): string {
  return err instanceof UpstreamError ? err.code : err instanceof Error ? err.message.slice(0, 200) : 'error';
}

/** What a responder still gets when Slack will not take our blocks: the escaped summary text. */
function plainFallback(message: Message): Message {
  return { text: `${message.text}\n_(This card could not be rendered in full; the bot logged why.)_`, blocks: [] };
}
