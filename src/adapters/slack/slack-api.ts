import type { webApi } from '@slack/bolt';
import type { Message } from '../../blocks/types.js';
import { UpstreamError } from '../../errors.js';

type WebClient = webApi.WebClient;

/** Slack message metadata that ties a card to its finding, so a crash after posting can be reconciled. */
export const CARD_EVENT_TYPE = 'scc_finding';
/** Metadata on every other message we post, keyed by its outbox row, for the same crash reconciliation. */
export const REPLY_EVENT_TYPE = 'escape_desk_message';

export interface PostOptions {
  threadTs?: string;
  /** a card: carries the finding name in metadata */
  findingName?: string;
  /** any other message: a unique key carried in metadata (set by the outbox) */
  key?: string;
}

/** What the services need from Slack beyond Bolt's listener plumbing. */
export interface SlackPort {
  post(channel: string, message: Message, opts?: PostOptions): Promise<string>;
  update(channel: string, ts: string, message: Message): Promise<void>;
  postEphemeral(channel: string, user: string, message: Message): Promise<void>;
  permalink(channel: string, ts: string): Promise<string | undefined>;
  /** Finds cards already in the channel (by metadata) for the given findings, newer than `oldest` (unix seconds). */
  findCards(channel: string, findingNames: ReadonlySet<string>, oldest: number): Promise<Map<string, string>>;
  /** Finds messages we posted with `key` metadata, top-level (no threadTs) or in a thread. */
  findKeyed(
    channel: string,
    threadTs: string | undefined,
    keys: ReadonlySet<string>,
    oldest: number,
  ): Promise<Map<string, string>>;
  /** Uploads a text file into a thread (files.uploadV2: get URL, upload, complete). */
  uploadFile(channel: string, threadTs: string, file: UploadFile): Promise<void>;
  /** Members of a user group (usergroups.users.list, Tier 2: callers cache). */
  usergroupMembers(usergroupId: string): Promise<string[]>;
  /** Opens a modal for the click that produced `triggerId` (valid for 3 s). */
  openView(triggerId: string, view: Record<string, unknown>): Promise<void>;
}

export interface UploadFile {
  filename: string;
  title: string;
  content: string;
  initialComment?: string;
}

const HISTORY_PAGES_MAX = 20;

function slackError(method: string, err: unknown): UpstreamError {
  const data = (err as { data?: { error?: string } })?.data;
  const code = data?.error ?? (err as { code?: string })?.code ?? 'error';
  return new UpstreamError('Slack', code, `${method} failed`, err);
}

export class SlackApi implements SlackPort {
  constructor(private readonly client: WebClient) {}

  async post(channel: string, message: Message, opts: PostOptions = {}): Promise<string> {
    try {
      const res = await this.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks as never,
        unfurl_links: false,
        unfurl_media: false,
        ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
        ...(opts.findingName
          ? { metadata: { event_type: CARD_EVENT_TYPE, event_payload: { finding_name: opts.findingName } } }
          : opts.key
            ? { metadata: { event_type: REPLY_EVENT_TYPE, event_payload: { key: opts.key } } }
            : {}),
      });
      if (!res.ts) throw new Error('chat.postMessage returned no ts');
      return res.ts;
    } catch (err) {
      throw slackError('chat.postMessage', err);
    }
  }

  async update(channel: string, ts: string, message: Message): Promise<void> {
    try {
      await this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
    } catch (err) {
      throw slackError('chat.update', err);
    }
  }

  async postEphemeral(channel: string, user: string, message: Message): Promise<void> {
    try {
      await this.client.chat.postEphemeral({
        channel,
        user,
        text: message.text,
        blocks: message.blocks as never,
      });
    } catch (err) {
      throw slackError('chat.postEphemeral', err);
    }
  }

  async permalink(channel: string, ts: string): Promise<string | undefined> {
    try {
      const res = await this.client.chat.getPermalink({ channel, message_ts: ts });
      return res.permalink;
    } catch {
      return undefined;
    }
  }

  async usergroupMembers(usergroupId: string): Promise<string[]> {
    try {
      const res = await this.client.usergroups.users.list({ usergroup: usergroupId });
      return res.users ?? [];
    } catch (err) {
      throw slackError('usergroups.users.list', err);
    }
  }

  async openView(triggerId: string, view: Record<string, unknown>): Promise<void> {
    try {
      await this.client.views.open({ trigger_id: triggerId, view: view as never });
    } catch (err) {
      throw slackError('views.open', err);
    }
  }

  async uploadFile(channel: string, threadTs: string, file: UploadFile): Promise<void> {
    try {
      await this.client.filesUploadV2({
        channel_id: channel,
        thread_ts: threadTs,
        filename: file.filename,
        title: file.title,
        content: file.content,
        ...(file.initialComment ? { initial_comment: file.initialComment } : {}),
      });
    } catch (err) {
      throw slackError('files.uploadV2', err);
    }
  }

  findCards(channel: string, findingNames: ReadonlySet<string>, oldest: number): Promise<Map<string, string>> {
    return this.scan(channel, undefined, oldest, findingNames, (meta) =>
      meta.event_type === CARD_EVENT_TYPE ? meta.event_payload?.finding_name : undefined,
    );
  }

  findKeyed(
    channel: string,
    threadTs: string | undefined,
    keys: ReadonlySet<string>,
    oldest: number,
  ): Promise<Map<string, string>> {
    return this.scan(channel, threadTs, oldest, keys, (meta) =>
      meta.event_type === REPLY_EVENT_TYPE ? meta.event_payload?.key : undefined,
    );
  }

  /** Pages through history (or a thread) with metadata, collecting ts by the key `keyOf` extracts. */
  private async scan(
    channel: string,
    threadTs: string | undefined,
    oldest: number,
    wanted: ReadonlySet<string>,
    keyOf: (meta: { event_type?: string; event_payload?: Record<string, unknown> }) => unknown,
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES_MAX && found.size < wanted.size; page++) {
      const args = {
        channel,
        oldest: String(oldest),
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      };
      let res: webApi.ConversationsHistoryResponse;
      try {
        res = threadTs
          ? await this.client.conversations.replies({ ...args, ts: threadTs })
          : await this.client.conversations.history(args);
      } catch (err) {
        throw slackError(threadTs ? 'conversations.replies' : 'conversations.history', err);
      }
      for (const m of res.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
        const key = meta ? keyOf(meta) : undefined;
        if (typeof key === 'string' && wanted.has(key) && m.ts && !found.has(key)) found.set(key, m.ts);
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return found;
  }
}
