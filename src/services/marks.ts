import type { Logger } from 'pino';
import type { FindingsSource } from '../adapters/gcp/scc.js';
import { progressOf } from '../domain/checklist.js';
import type { ChecklistStore } from '../store/checklist-store.js';
import type { LifecycleStore } from '../store/lifecycle-store.js';

/**
 * Mirrors checklist progress and owner onto the finding as SCC security marks, so the console shows
 * them too (`escape_desk_progress=3of6`, `escape_desk_owner=U…`). Best effort: a failure (say, a missing
 * findingSecurityMarksWriter role) is logged and never blocks the Slack flow.
 */
export function marksWriter(
  scc: Pick<FindingsSource, 'updateMarks'>,
  checklist: ChecklistStore,
  lifecycle: LifecycleStore,
  log: Logger,
): (findingName: string) => Promise<void> {
  return async (findingName) => {
    const { done, total } = progressOf(checklist.steps(findingName));
    const owner = lifecycle.get(findingName).claimedBy ?? 'unclaimed';
    try {
      await scc.updateMarks(findingName, { escape_desk_progress: `${done}of${total}`, escape_desk_owner: owner });
    } catch (err) {
      log.warn(
        { err, finding: findingName },
        'could not write escape-desk security marks to SCC; Slack flow unaffected',
      );
    }
  };
}
