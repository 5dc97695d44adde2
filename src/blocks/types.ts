/** Minimal Block Kit types for what we emit (kept local so builders stay dependency-free). */
export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export type Block =
  | { type: 'header'; text: TextObject; block_id?: string }
  | { type: 'section'; text?: TextObject; fields?: TextObject[]; block_id?: string; accessory?: Element }
  | { type: 'context'; elements: TextObject[]; block_id?: string }
  | { type: 'divider' }
  | { type: 'actions'; elements: Element[]; block_id?: string }
  | {
      type: 'input';
      block_id: string;
      label: TextObject;
      element: Element;
      optional?: boolean;
      hint?: TextObject;
    };
export type Element = Record<string, unknown> & { type: string };

export interface Message {
  /** Notification/fallback text (already escaped). */
  text: string;
  blocks: Block[];
}

/** Slack limits we design within (https://api.slack.com/reference/block-kit/blocks). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  field: 2000,
  header: 150,
  contextElementText: 2000,
  buttonText: 75,
  fallbackText: 3000,
} as const;

export const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text });
export const plain = (text: string): TextObject => ({ type: 'plain_text', text, emoji: true });
