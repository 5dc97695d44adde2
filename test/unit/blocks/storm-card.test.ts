import { describe, expect, it } from 'vitest';
import { stormCard } from '../../../src/blocks/storm-card.js';
import type { Finding } from '../../../src/domain/finding.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';

const base = findingOf(fixture('escape-nsenter'));

function member(i: number, eventTime: string, binary: string): Finding {
  return {
    ...base,
    name: `${base.name}-${i}`,
    eventTime,
    severity: i % 3 ? 'HIGH' : 'CRITICAL',
    processes: [{ ...base.processes[0]!, binaryPath: binary }],
  };
}

const text = (m: ReturnType<typeof stormCard>) => JSON.stringify(m.blocks);

describe('storm card', () => {
  it('summarises in one pass over an iterator: count, severities, first and last time, binaries', () => {
    const times = ['2026-12-01T10:00:00.000Z', '2026-12-01T08:00:00.000Z', '2026-12-01T12:30:00.000Z'];
    const members = Array.from({ length: 12 }, (_, i) => member(i, times[i % 3]!, `/usr/bin/tool-${i}`));
    let reads = 0;
    function* once() {
      for (const m of members) {
        reads++;
        yield m;
      }
    }
    const card = stormCard(base.resourceName, once());
    expect(reads).toBe(12);
    expect(card.text).toContain('12 findings');
    const t = text(card);
    expect(t).toContain('4 CRITICAL');
    expect(t).toContain('8 HIGH');
    expect(t).toContain(String(Date.parse('2026-12-01T08:00:00.000Z') / 1000));
    expect(t).toContain(String(Date.parse('2026-12-01T12:30:00.000Z') / 1000));
    expect(t).toContain('/usr/bin/tool-9');
    expect(t).not.toContain('/usr/bin/tool-10');
    expect(t).toContain('+2 more');
  });

  it('remembers a bounded number of distinct binaries, and says when it stopped counting', () => {
    const members = Array.from({ length: 1500 }, (_, i) => member(i, '2026-12-01T10:00:00.000Z', `/tmp/x${i}`));
    expect(text(stormCard(base.resourceName, members))).toContain('+990+ more');
  });
});
