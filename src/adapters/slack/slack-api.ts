import type { webApi } from '@slack/bolt';
import type { Message } from '../../blocks/types.js';
import { UpstreamError } from '../../errors.js';

type WebClient = webApi.WebClient;

/** Slack message metadata that ties a card to its finding, so a crash after posting can be reconciled. */
export const CARD_EVENT_TYPE = 'scc_finding';

export interface PostOptions {
  threadTs?: string;
  findingName?: string;
}

/** What the services need from Slack beyond Bolt's listener plumbing. */
export interface SlackPort {
  post(channel: string, message: Message, opts?: PostOptions): Promise<string>;
  update(channel: string, ts: string, message: Message): Promise<void>;
  postEphemeral(channel: string, user: string, message: Message): Promise<void>;
  permalink(channel: string, ts: string): Promise<string | undefined>;
  /** Finds cards already in the channel (by metadata) for the given findings, newer than `oldest` (unix seconds). */
  findCards(channel: string, findingNames: ReadonlySet<string>, oldest: number): Promise<Map<string, string>>;
  /** Uploads a text file into a thread (files.uploadV2: get URL, upload, complete). */
  uploadFile(channel: string, threadTs: string, file: UploadFile): Promise<void>;
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

  async findCards(channel: string, findingNames: ReadonlySet<string>, oldest: number): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES_MAX && found.size < findingNames.size; page++) {
      let res: webApi.ConversationsHistoryResponse;
      try {
        res = await this.client.conversations.history({
          channel,
          oldest: String(oldest),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
      } catch (err) {
        throw slackError('conversations.history', err);
      }
      for (const m of res.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: { finding_name?: unknown } } | undefined;
        const name = meta?.event_type === CARD_EVENT_TYPE ? meta.event_payload?.finding_name : undefined;
        if (typeof name === 'string' && findingNames.has(name) && m.ts && !found.has(name)) found.set(name, m.ts);
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return found;
  }
}
