import { describe, expect, it } from 'vitest';
import {
  agentLogsFile,
  agentLogsMessage,
  LOG_LINES_SHOWN,
  logsNeedFile,
  needlesOf,
} from '../../../src/blocks/agent-logs.js';
import type { AgentLogEntry } from '../../../src/domain/agent.js';
import { type AgentLogs, agentLogFilter } from '../../../src/services/investigate.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';
import { allTexts, expectInert } from '../../helpers/inert.js';

const finding = findingOf(fixture('escape-nsenter'));
const window = { start: '2026-11-30T13:02:11.482Z', end: '2026-11-30T15:02:11.482Z', minutes: 60 };
const entry = (sec: number, text: string, severity = 'INFO'): AgentLogEntry => ({
  timestamp: new Date(Date.parse('2026-11-30T14:02:11.482Z') + sec * 1000).toISOString(),
  severity,
  text,
  log: 'reasoning_engine_stdout',
  insertId: `i${sec}`,
});
const logs = (entries: AgentLogEntry[], more = false): AgentLogs => ({
  finding,
  project: 'acme-agents-prod',
  query: agentLogFilter('6203984713348243456', 'us-central1', window),
  window,
  entries,
  more,
  max: 1000,
});
const text = (l: AgentLogs, a?: 'none' | 'attached' | 'failed') => allTexts(agentLogsMessage(l, a).blocks).join('\n');

describe('needlesOf', () => {
  it('takes the binary, its name and the non-flag arguments', () => {
    expect(needlesOf(logs([]))).toEqual(['/usr/bin/nsenter', 'nsenter', '/bin/bash', 'cat /etc/shadow']);
  });
});

describe('agentLogsMessage', () => {
  it('puts lines mentioning the binary or its arguments first', () => {
    const l = logs([entry(30, 'GET /query 200'), entry(1, 'running cat /etc/shadow', 'ERROR'), entry(-5, 'started')]);
    const t = text(l);
    expect(t).toContain(
      '3 entries in ±60 min (times UTC, newest first); 1 mentions `/usr/bin/nsenter` or its arguments.',
    );
    expect(t.indexOf('running cat /etc/shadow')).toBeLessThan(t.indexOf('GET /query 200'));
    expect(t).toContain('14:02:12 ERROR   running cat /etc/shadow');
    expect(logsNeedFile(l)).toBe(false);
  });

  it('shows the exact query and a Logs Explorer link with the same query and window', () => {
    const t = text(logs([]));
    expect(t).toContain('no log entries for this agent in ±60 min');
    expect(t).toContain('resource.labels.location="us-central1"\nAND timestamp &gt;= "2026-11-30T13:02:11.482Z"');
    const q = encodeURIComponent(agentLogFilter('6203984713348243456', 'us-central1', window));
    expect(t).toContain(
      `<https://console.cloud.google.com/logs/query;query=${q};timeRange=2026-11-30T13%3A02%3A11.482Z%2F2026-11-30T15%3A02%3A11.482Z?project=acme-agents-prod|Open in Logs Explorer>`,
    );
  });

  it('caps what it shows, asks for a file, and says whether the file made it', () => {
    const many = Array.from({ length: 80 }, (_, i) => entry(-i, `line ${i} ${'x'.repeat(100)}`));
    const l = logs(many);
    expect(logsNeedFile(l)).toBe(true);
    const msg = agentLogsMessage(l, 'attached');
    for (const b of msg.blocks) if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    const t = allTexts(msg.blocks).join('\n');
    expect(t).toMatch(/Other lines\* \((\d+) of 80\)/);
    expect(Number(/\((\d+) of 80\)/.exec(t)?.[1])).toBeLessThanOrEqual(LOG_LINES_SHOWN);
    expect(t).toContain('Full text attached below');
    expect(text(l, 'failed')).toContain('could not be attached');
    expect(logsNeedFile(logs([entry(0, 'x')], true))).toBe(true);
  });

  it('renders hostile lines inert, long lines truncated with a marker', () => {
    const l = logs([
      entry(0, '<!channel> <https://evil.example|https://console.cloud.google.com> ```x``` *b* <@U0ADMIN01>'),
      entry(1, '‮exe.llehs zero​width'),
      entry(2, 'A'.repeat(5000)),
    ]);
    const msg = agentLogsMessage(l);
    expectInert(msg.blocks);
    expectInert(msg.text);
    expect(allTexts(msg.blocks).join('\n')).toContain('…(4760 more chars)');
    expect(logsNeedFile(l)).toBe(true);
  });
});

describe('agentLogsFile', () => {
  it('holds every entry oldest first, marks relevant lines and names the query', () => {
    const f = agentLogsFile(logs([entry(2, 'later /usr/bin/nsenter'), entry(-2, 'earlier\nsecond line')]));
    expect(f.filename).toBe('agent-logs-6203984713348243456-20261130T1302.txt');
    const body = f.content.split('\n');
    expect(body).toContain('#   resource.type="aiplatform.googleapis.com/ReasoningEngine"');
    const lines = body.filter((x) => /^(>>| {2}) 2026/.test(x));
    expect(lines[0]).toMatch(/^ {3}2026-11-30T14:02:09.482Z INFO +reasoning_engine_stdout +earlier$/);
    expect(lines[1]).toMatch(/^>> 2026-11-30T14:02:13.482Z .*later \/usr\/bin\/nsenter$/);
    expect(f.content).toContain('\n      second line');
  });
});
