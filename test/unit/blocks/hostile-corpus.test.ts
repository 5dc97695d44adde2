import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { findingCard } from '../../../src/blocks/card.js';
import { stormCard, stormEntries } from '../../../src/blocks/storm-card.js';
import type { Finding } from '../../../src/domain/finding.js';
import { InvalidFindingId } from '../../../src/errors.js';
import { describeError } from '../../../src/listeners/errors.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';
import { HOSTILE } from '../../helpers/hostile.js';
import { allTexts, expectInert } from '../../helpers/inert.js';

const base = findingOf(fixture('escape-nsenter'));

/** Puts one hostile string into every untrusted field a finding carries. */
function poisoned(s: string): Finding {
  return {
    ...base,
    category: `Execution: Container Escape`,
    description: s,
    processes: [{ ...base.processes[0]!, name: s, binaryPath: s, args: [s, `--x=${s}`] }],
    resource: { ...base.resource, displayName: s, projectDisplayName: s },
  };
}

function expectWithinLimits(blocks: unknown[]) {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks as Record<string, any>[]) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
  }
}

describe('hostile corpus', () => {
  it('has at least 50 strings', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE.map((s, i) => [i, s]))('#%i stays inert on the card', (_i, s) => {
    const card = findingCard(poisoned(s), { relatedWindowMinutes: 60 });
    expectInert(card.blocks);
    expectInert(card.text);
    expectWithinLimits(card.blocks);
    // Formatting characters from the finding only ever appear inside code spans.
    const section = allTexts(card.blocks[2]).join('');
    expect(section).not.toMatch(/(^|[^`ˋ])`code`/);
  });

  it('stays inert on storm cards and storm entries', () => {
    const members = HOSTILE.map(poisoned);
    for (const m of [stormCard(members[0]!.resourceName, members), stormEntries(members.slice(0, 20))]) {
      expectInert(m.blocks);
      expectWithinLimits(m.blocks);
    }
  });

  it('stays inert in error replies that echo user input', () => {
    const log = pino({ level: 'silent' });
    for (const s of HOSTILE) expectInert(describeError(new InvalidFindingId(s, 'test'), log));
  });
});
