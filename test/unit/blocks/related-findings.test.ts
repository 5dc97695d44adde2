import { describe, expect, it } from 'vitest';
import { RELATED_SHOWN, relatedFindingsMessage, relativeTime } from '../../../src/blocks/related-findings.js';
import type { RelatedFindings } from '../../../src/services/investigate.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';
import { allTexts, expectInert } from '../../helpers/inert.js';

const anchor = findingOf(fixture('escape-nsenter'));
const window = { start: '2026-11-30T13:02:11.482Z', end: '2026-11-30T15:02:11.482Z', minutes: 60 };
const related = (items: RelatedFindings['items'], extra: Partial<RelatedFindings> = {}): RelatedFindings => ({
  finding: anchor,
  scope: 'agent',
  items,
  total: items.length,
  critical: items.filter((i) => i.severity === 'CRITICAL').length,
  high: items.filter((i) => i.severity === 'HIGH').length,
  muted: items.filter((i) => i.mute === 'MUTED').length,
  window,
  filter: 'resource_name="x" AND event_time >= "a"',
  project: undefined,
  malformed: 0,
  ...extra,
});
const text = (r: RelatedFindings) => allTexts(relatedFindingsMessage(r).blocks).join('\n');

describe('relativeTime', () => {
  it.each([
    ['2026-11-30T13:58:11.482Z', '−4m'],
    ['2026-11-30T14:14:11Z', '+12m'],
    ['2026-11-30T15:07:11.482Z', '+1h05m'],
    ['2026-11-30T14:02:11.482Z', '+0m'],
  ])('%s → %s', (iso, want) => {
    expect(relativeTime(iso, anchor.eventTime)).toBe(want);
  });
});

describe('relatedFindingsMessage', () => {
  it('gives a one-line verdict counting severe and muted findings', () => {
    const muted = { ...findingOf(fixture('related-reverse-shell')), mute: 'MUTED' as const };
    const t = text(related([muted, findingOf(fixture('related-added-binary'))]));
    expect(t).toContain('2 other findings on this agent in ±60 min, 1 CRITICAL, 1 HIGH, 1 muted.');
    expect(t).toContain('`−4m` :large_orange_circle: HIGH · Reverse Shell · active · :mute: *muted* · `/bin/bash`');
  });

  it('says plainly when there is nothing, at agent and at project level', () => {
    expect(text(related([]))).toContain('No other findings on this agent in ±60 min.');
    const p = text(related([], { scope: 'project', project: 'acme-agents-prod' }));
    expect(p).toContain('No other findings on this agent or in project `acme-agents-prod` in ±60 min.');
    expect(p).toContain('Related findings (project-level)');
  });

  it(`caps the list at ${RELATED_SHOWN} with "and N more" and a console link, within Slack limits`, () => {
    const base = findingOf(fixture('related-added-binary'));
    const many = Array.from({ length: 450 }, (_, i) => ({ ...base, name: `${base.name}${i}` }));
    const msg = relatedFindingsMessage(related(many));
    const t = allTexts(msg.blocks).join('\n');
    expect(t.match(/\|open>/g)).toHaveLength(RELATED_SHOWN);
    expect(t).toContain('… and 430 more: <https://console.cloud.google.com/security/command-center/findingsv2;query=');
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    for (const b of msg.blocks) if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  });

  it('renders hostile categories and binary paths inert', () => {
    const hostile = findingOf(fixture('hostile-args'));
    const msg = relatedFindingsMessage(related([{ ...hostile, category: '<!channel> `x` <https://evil.example|y>' }]));
    expectInert(msg.blocks);
    expectInert(msg.text);
  });
});
