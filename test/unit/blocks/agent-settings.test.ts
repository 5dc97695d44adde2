import { describe, expect, it } from 'vitest';
import { agentFlags, agentSettingsMessage } from '../../../src/blocks/agent-settings.js';
import type { AgentSettings } from '../../../src/domain/agent.js';
import { findingOf, fixture } from '../../helpers/fixtures.js';
import { allTexts, expectInert } from '../../helpers/inert.js';

const finding = findingOf(fixture('escape-nsenter')); // event 2026-11-30T14:02:11.482Z
const agent: AgentSettings = {
  name: 'projects/acme-agents-prod/locations/us-central1/reasoningEngines/6203984713348243456',
  displayName: 'support-triage-agent',
  description: 'Routes tickets.',
  createTime: '2026-10-02T09:12:44Z',
  updateTime: '2026-11-30T11:40:03Z',
  agentFramework: 'langchain',
  pythonVersion: '3.11',
  pickleObjectGcsUri: 'gs://b/agent.pkl',
  requirementsGcsUri: 'gs://b/requirements.txt',
  dependencyFilesGcsUri: '',
  serviceAccount: 'triage@acme-agents-prod.iam.gserviceaccount.com',
  classMethods: ['query', 'stream_query'],
  envNames: ['LOG_LEVEL', 'OPENAI_API_KEY'],
  secretEnv: [{ name: 'DB_PASSWORD', secret: 'triage-db-password' }],
  labels: {},
};
const text = (a: AgentSettings) => allTexts(agentSettingsMessage({ finding, agent: a }).blocks).join('\n');

describe('agentFlags', () => {
  it('flags a recent update, a custom service account, credential-like env names and secrets', () => {
    const flags = agentFlags(agent, finding.eventTime).join('\n');
    expect(flags).toContain('*Updated 2h22m before the finding*');
    expect(flags).toContain('*custom service account* `triage@acme-agents-prod.iam.gserviceaccount.com`');
    expect(flags).toContain('names suggest credentials: `OPENAI_API_KEY`');
    expect(flags).not.toContain('`LOG_LEVEL`');
    expect(flags).toContain('1 env var from Secret Manager');
  });

  it('says default service agent, and notes an update after the event', () => {
    const flags = agentFlags(
      { ...agent, serviceAccount: '', updateTime: '2026-11-30T15:00:00Z' },
      finding.eventTime,
    ).join('\n');
    expect(flags).toContain('*default Vertex AI Reasoning Engine Service Agent*');
    expect(flags).toContain('Updated *after* the finding');
    expect(flags).not.toContain('before the finding');
  });

  it('does not flag an update more than 24 h before the event', () => {
    expect(agentFlags({ ...agent, updateTime: '2026-11-28T14:00:00Z' }, finding.eventTime).join('\n')).not.toContain(
      'Updated',
    );
  });
});

describe('agentSettingsMessage', () => {
  it('shows names, URIs and methods, and links the agent in the console', () => {
    const t = text(agent);
    expect(t).toContain('`DB_PASSWORD` ← secret `triage-db-password`');
    expect(t).toContain('Requirements `gs://b/requirements.txt`');
    expect(t).toContain('*Class methods* `query` `stream_query`');
    expect(t).toContain(
      '<https://console.cloud.google.com/vertex-ai/agents/locations/us-central1/agent-engines/6203984713348243456?project=acme-agents-prod|Agent in Vertex AI>',
    );
  });

  it('caps long lists and renders hostile text inert', () => {
    const hostile: AgentSettings = {
      ...agent,
      displayName: '<!channel> *x*',
      description: '<https://evil.example|https://console.cloud.google.com>\n> quote',
      envNames: [...Array.from({ length: 60 }, (_, i) => `VAR_${i}`), '<@U0ADMIN01>', '```'],
      classMethods: ['‮nur'],
      secretEnv: [{ name: '<!here>', secret: '<https://evil.example|s>' }],
    };
    const msg = agentSettingsMessage({ finding, agent: hostile });
    expectInert(msg.blocks);
    expectInert(msg.text);
    expect(allTexts(msg.blocks).join('\n')).toContain('… and 37 more');
  });
});
