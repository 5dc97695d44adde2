import type { CardStatus } from '../blocks/card.js';
import type { MenuState } from '../blocks/card-actions.js';
import { progressOf } from '../domain/checklist.js';
import type { Finding } from '../domain/finding.js';
import type { ChecklistStore } from '../store/checklist-store.js';
import type { LifecycleStore } from '../store/lifecycle-store.js';

/** What the card shows from our store beside what SCC says: steps, claim, who muted/resolved, and the menus' state. */
export function cardStatusOf(
  f: Finding,
  checklist: ChecklistStore,
  lifecycle: LifecycleStore,
): { status: CardStatus; menus: MenuState } {
  const steps = checklist.steps(f.name);
  const { done, total } = progressOf(steps);
  const life = lifecycle.get(f.name);
  return {
    status: {
      checklistDone: done,
      checklistTotal: total,
      steps,
      ...(life.claimedBy ? { claimedBy: life.claimedBy } : {}),
      ...(life.mutedBy ? { mutedBy: { user: life.mutedBy, at: life.mutedAt ?? '' } } : {}),
      ...(life.resolvedBy ? { resolvedBy: { user: life.resolvedBy, at: life.resolvedAt ?? '' } } : {}),
    },
    menus: { steps, claimedBy: life.claimedBy, muted: f.mute === 'MUTED', resolved: f.state === 'INACTIVE' },
  };
}
