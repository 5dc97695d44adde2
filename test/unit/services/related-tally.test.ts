import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/finding.js';
import { RelatedTally } from '../../../src/services/investigate.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';

const base = findingOf(fixture('related-added-binary'));

describe('RelatedTally', () => {
  it('counts every finding and keeps the oldest few, whatever order SCC returns them in', () => {
    const all: Finding[] = Array.from({ length: 1000 }, (_, i) => ({
      ...base,
      name: `${base.name}-${String(i).padStart(4, '0')}`,
      eventTime: new Date(Date.UTC(2026, 10, 30, 12) + i * 1000).toISOString(),
      severity: i % 10 === 0 ? 'CRITICAL' : i % 2 ? 'HIGH' : 'LOW',
      mute: i % 100 === 0 ? 'MUTED' : 'UNMUTED',
    }));
    // A fixed shuffle: reverse, then interleave halves.
    const rev = [...all].reverse();
    const shuffled = rev
      .flatMap((_, i) => (i % 2 ? [] : [rev[i >> 1], rev[500 + (i >> 1)]]))
      .filter(Boolean) as Finding[];
    expect(shuffled).toHaveLength(1000);
    const tally = new RelatedTally(20);
    for (const f of shuffled) tally.add(f);
    const r = tally.result();
    expect(r.total).toBe(1000);
    expect(r.critical).toBe(100);
    expect(r.high).toBe(500);
    expect(r.muted).toBe(10);
    expect(r.items.map((f) => f.name)).toEqual(all.slice(0, 20).map((f) => f.name));
  });
});
