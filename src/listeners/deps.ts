import type { Logger } from 'pino';
import type { SlackPort } from '../adapters/slack/slack-api.js';
import type { CardService } from '../services/cards.js';
import type { LookupService } from '../services/lookup.js';

/** What listeners may use: services and the Slack port, never SDK clients. */
export interface Deps {
  channel: string;
  cards: CardService;
  lookup: LookupService;
  slack: SlackPort;
  log: Logger;
}
