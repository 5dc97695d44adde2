import type { FindingsSource } from '../adapters/gcp/scc.js';
import { CONTAINER_ESCAPE_CATEGORY, type Finding } from '../domain/finding.js';
import type { FindingQuery } from '../domain/finding-id.js';
import { FindingNotFound, InvalidPayload } from '../errors.js';
import type { FindingsStore } from '../store/findings-store.js';
import { listParent, namesFilter } from './ingest.js';

/** How far back a bare finding id is searched for among container-escape findings. */
export const BARE_ID_SEARCH_DAYS = 90;

export interface LookupResult {
  finding: Finding;
  /** true when the finding came from our store (it already has a card or is about to). */
  known: boolean;
}

/**
 * Resolves what `/escape-finding` was given. Our store first (cheap, and covers every card we posted),
 * then SCC: full names by exact `name=`; a bare id among recent container-escape findings, since SCC
 * filters support no suffix match on names.
 */
export class LookupService {
  constructor(
    private readonly store: FindingsStore,
    private readonly source: FindingsSource,
    private readonly sccParent: string,
    private readonly now: () => Date,
  ) {}

  async find(q: FindingQuery): Promise<LookupResult> {
    const local = this.fromStore(q);
    if (local) return { finding: local, known: true };
    const finding = await this.fromScc(q);
    if (!finding) throw new FindingNotFound(describeQuery(q));
    return { finding, known: false };
  }

  private fromStore(q: FindingQuery): Finding | undefined {
    if (q.kind === 'name') return this.store.get(q.name)?.finding;
    const candidates = this.store.findById(q.findingId);
    if (q.kind === 'v1') {
      return candidates.find((c) => c.name.startsWith(`${q.root}/sources/${q.source}/`))?.finding;
    }
    return candidates[0]?.finding;
  }

  private async fromScc(q: FindingQuery): Promise<Finding | undefined> {
    if (q.kind === 'id') {
      const since = new Date(this.now().getTime() - BARE_ID_SEARCH_DAYS * 86_400_000).toISOString();
      const filter = `category="${CONTAINER_ESCAPE_CATEGORY}" AND event_time >= "${since}"`;
      return this.first(listParent(this.sccParent), filter, (f) => f.name.endsWith(`/findings/${q.findingId}`));
    }
    // v1 names have no location; SCC keeps such findings in `global`.
    const name = q.kind === 'name' ? q.name : `${q.root}/sources/${q.source}/locations/global/findings/${q.findingId}`;
    const parent = name.slice(0, name.lastIndexOf('/findings/'));
    return this.first(parent, namesFilter([name]), (f) => f.name === name);
  }

  private async first(parent: string, filter: string, match: (f: Finding) => boolean) {
    for await (const item of this.source.list(parent, filter)) {
      if (!item.ok) {
        if (item.name !== '(unnamed)') throw new InvalidPayload(`finding ${item.name} from SCC`, item.reason);
        continue;
      }
      if (match(item.finding)) return item.finding;
    }
    return undefined;
  }
}

export function describeQuery(q: FindingQuery): string {
  return q.kind === 'name'
    ? q.name
    : q.kind === 'v1'
      ? `${q.root}/sources/${q.source}/findings/${q.findingId}`
      : q.findingId;
}
