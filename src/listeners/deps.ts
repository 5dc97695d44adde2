import type { Logger } from 'pino';
import type { SlackPort } from '../adapters/slack/slack-api.js';
import type { CardService } from '../services/cards.js';
import type { InvestigateService } from '../services/investigate.js';
import type { LookupService } from '../services/lookup.js';

/** An investigation button answered in a card's thread; the checklist marks steps 2–4 from this. */
export interface InvestigatedEvent {
  findingName: string;
  /** 2 related findings, 3 agent settings, 4 agent logs (Google's response guide numbering) */
  step: 2 | 3 | 4;
  userId: string;
  channel: string;
  threadTs: string;
}

/** What listeners may use: services and the Slack port, never SDK clients. */
export interface Deps {
  channel: string;
  cards: CardService;
  lookup: LookupService;
  investigate: InvestigateService;
  slack: SlackPort;
  log: Logger;
  /** Set by the checklist feature; investigation listeners call it after answering. */
  onInvestigated?: (e: InvestigatedEvent) => Promise<void>;
}
