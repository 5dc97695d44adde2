import { describe, expect, it } from 'vitest';
import { findingCard } from '../../../src/blocks/card.js';
import { slackDate } from '../../../src/blocks/dates.js';
import { allFixtureNames, findingOf, fixture } from '../../helpers/fixtures.js';
import { allTexts, expectInert } from '../../helpers/inert.js';

const opts = { relatedWindowMinutes: 60 };
const render = (name: string) => findingCard(findingOf(fixture(name)), opts);
const textOf = (m: { blocks: unknown[] }) => allTexts(m.blocks).join('\n');

describe('findingCard', () => {
  it.each(allFixtureNames())('renders %s inert and within Slack limits', (name) => {
    const card = render(name);
    expect(card.blocks.length).toBeGreaterThan(3);
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    for (const b of card.blocks as Record<string, any>[]) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
      for (const e of b.elements ?? []) if (e.text) expect(e.text.length).toBeLessThanOrEqual(2000);
    }
    expectInert(card.blocks);
    expectInert(card.text);
  });

  it('shows what the response guide asks for first', () => {
    const card = render('escape-nsenter');
    const text = textOf(card);
    expect(text).toContain('Container escape on agent support-triage-agent');
    expect(text).toContain('HIGH');
    expect(text).toContain('Execution: Container Escape');
    expect(text).toContain('`/usr/bin/nsenter`');
    expect(text).toContain("nsenter --target 1 --mount --uts --ipc --net --pid -- /bin/bash -c 'cat /etc/shadow'");
    expect(text).toContain('`projects/acme-agents-prod/locations/us-central1/reasoningEngines/6203984713348243456`');
    expect(text).toContain('*Location* `us-central1`');
    expect(text).toContain('*Engine ID* `6203984713348243456`');
    expect(text).toContain('`Acme Agents (prod)`');
    expect(text).toContain('<https://attack.mitre.org/techniques/T1611/|MITRE ATT&amp;CK T1611 Escape to Host>');
    expect(text).toContain(
      '<https://console.cloud.google.com/security/command-center/findingsv2;name=organizations%2F123456789012%2Fsources%2F10567392851234509876%2Flocations%2Fglobal%2Ffindings%2F6f0a3c1e9b2d4f8a0c7e5b1d3a9f2c4e?organizationId=123456789012|Finding in SCC>',
    );
    expect(text).toContain(
      '<https://console.cloud.google.com/vertex-ai/agents/locations/us-central1/agent-engines/6203984713348243456?project=acme-agents-prod|Agent in Vertex AI>',
    );
    expect(text).toMatch(/<!date\^1796047331\^\{date_short_pretty\} \{time_secs\}\|2026-11-30 14:02:11 UTC>/);
  });

  it('renders hostile arguments as text: no mention, link, fence or formatting escapes its code span', () => {
    const text = textOf(render('hostile-args'));
    expect(text).toContain('&lt;!channel&gt; escape in progress');
    expect(text).toContain('&lt;https://evil.example/login|https://console.cloud.google.com/security&gt;');
    expect(text).toContain('&amp;lt;!here&amp;gt;');
    expect(text).toContain('ˋcodeˋ');
    expect(text).toContain('[U+202E]exe.llehs');
    expect(text).toContain('zero[U+200B]width[U+200D]join');
    expect(text).not.toContain('`code`');
    expect(text).toMatch(/…\(\d+ more chars\)```/);
    // The header is plain_text: the hostile display name stays literal text.
    expect(JSON.stringify(render('hostile-args').blocks[0])).toContain('&lt;https://evil.example|agent&gt;');
  });

  it('shows each process of a multi-process finding', () => {
    const text = textOf(render('multi-process'));
    expect(text).toContain('(process 1 of 3) `/usr/local/bin/cdk`');
    expect(text).toContain('(process 2 of 3) `/bin/mount`');
    expect(text).toContain('(process 3 of 3) `/usr/bin/unshare`');
  });

  it('bounds processes on the card', () => {
    const f = findingOf(fixture('multi-process'));
    const many = {
      ...f,
      processes: Array.from({ length: 40 }, (_, i) => ({ ...f.processes[0]!, pid: String(i) })),
    };
    const card = findingCard(many, opts);
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    expect(textOf(card)).toContain('+37 more processes');
  });

  it('still gives a useful card when optional fields are missing', () => {
    const text = textOf(render('minimal'));
    expect(text).toContain('Container escape on agent reasoningEngines/1000000000000000001');
    expect(text).toContain('_not reported in this finding_');
    expect(text).toContain('_display name not reported_');
    expect(text).toContain('`lean-proj-42`');
    expect(text).toContain('UNSPECIFIED');
  });

  it('labels a finding of another category', () => {
    const text = textOf(render('related-reverse-shell'));
    expect(text).toContain('Not an `Execution: Container Escape` finding');
  });

  it('is pure: same input, same output', () => {
    expect(render('escape-nsenter')).toEqual(render('escape-nsenter'));
  });
});

describe('slackDate', () => {
  it('falls back for a missing time', () => {
    expect(slackDate('')).toBe('_unknown_');
  });
});
