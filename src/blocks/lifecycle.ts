import { slackTime } from './dates.js';
import type { Message } from './types.js';
import { mrkdwn } from './types.js';

export type LifecycleChange = 'claim' | 'unclaim' | 'mute' | 'unmute' | 'resolve' | 'reactivate';

const LINES: Record<LifecycleChange, [string, string]> = {
  claim: [':raised_hand:', 'claimed'],
  unclaim: [':wave:', 'unclaimed'],
  mute: [':mute:', 'muted in Security Command Center'],
  unmute: [':loud_sound:', 'unmuted in Security Command Center'],
  resolve: [':white_check_mark:', 'resolved (set inactive) in Security Command Center'],
  reactivate: [':arrows_counterclockwise:', 'reactivated (set active) in Security Command Center'],
};

/** The thread's record of a claim/mute/resolve (or its undo), e.g. `:mute: Finding muted in SCC by @bob at 14:07`. */
export function lifecycleMessage(
  change: LifecycleChange,
  e: { userId: string; at: string; previousOwner?: string | undefined },
): Message {
  const [emoji, verb] = LINES[change];
  const was = change === 'claim' && e.previousOwner ? ` (was <@${e.previousOwner}>)` : '';
  const undo = change === 'claim' || change === 'mute' || change === 'resolve' ? ' · undo from the card menu' : '';
  const text = `${emoji} Finding ${verb} by <@${e.userId}> at ${slackTime(e.at)}${was}${undo}`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
