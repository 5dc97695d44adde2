import { describe, expect, it } from 'vitest';
import { SAMPLE_AGENTS } from '../../../src/sandbox/sample-agents.js';
import { SAMPLE_FINDINGS } from '../../../src/sandbox/sample-findings.js';
import { SAMPLE_LOGS } from '../../../src/sandbox/sample-logs.js';
import { agentFixture, fixture, logFixture } from '../../helpers/fixtures.js';

describe('sandbox sample data', () => {
  it('findings are the test fixtures, unchanged (the sandbox shows what the tests prove)', () => {
    const names = Object.keys(SAMPLE_FINDINGS);
    expect(names).toContain('hostile-args');
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(SAMPLE_FINDINGS[name], name).toEqual(fixture(name));
  });

  it('agents and log lines are the test fixtures, unchanged', () => {
    expect(Object.keys(SAMPLE_AGENTS)).toEqual(['support-triage-agent', 'deepce-dev-agent']);
    for (const [name, agent] of Object.entries(SAMPLE_AGENTS)) expect(agent, name).toEqual(agentFixture(name));
    expect(Object.keys(SAMPLE_LOGS)).toEqual(['support-triage-agent', 'deepce-dev-agent']);
    for (const [name, logs] of Object.entries(SAMPLE_LOGS)) expect(logs, name).toEqual(logFixture(name));
  });
});
