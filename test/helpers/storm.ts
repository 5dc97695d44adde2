import type { FindingResultJson } from '../../src/fakes/scc-server.js';
import type { FakeSlack } from '../../src/fakes/slack-server.js';
import { freshFixture } from './fixtures.js';
import { allTexts } from './inert.js';

/** `count` container-escape findings spread over `agents` agents, with distinct ids and recent times. */
export function stormFindings(count: number, agents: number, prefix = 'storm'): FindingResultJson[] {
  return Array.from({ length: count }, (_, i) => {
    const r = freshFixture('escape-nsenter', {
      id: `${prefix}${String(i).padStart(5, '0')}`,
      minutesAgo: 10 - (i % 10),
    });
    const agent = `88000000000000${String(i % agents).padStart(5, '0')}`;
    const res = `//aiplatform.googleapis.com/projects/acme-agents-prod/locations/us-central1/reasoningEngines/${agent}`;
    r.finding.resourceName = res;
    if (r.resource) {
      r.resource.name = res;
      r.resource.displayName = `agent-${i % agents}`;
    }
    return r;
  });
}

/** How many messages in the fake channel mention each finding id (a card or a storm entry). */
export function mentionsPerFinding(slack: FakeSlack, ids: readonly string[]): Map<string, number> {
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const m of slack.messages) {
    const text = allTexts(m.blocks).join('\n');
    for (const match of text.matchAll(/[Ff]inding `([A-Za-z0-9_-]+)`/g)) {
      const id = match[1] as string;
      if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
