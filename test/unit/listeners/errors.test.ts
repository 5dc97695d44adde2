import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MissingPermission, NotApplicable, UpstreamError, UpstreamNotFound } from '../../../src/errors.js';
import { describeError } from '../../../src/listeners/errors.js';
import { expectInert } from '../../helpers/inert.js';

const log = pino({ level: 'silent' });

describe('describeError for the investigation answers', () => {
  it.each([
    ['roles/logging.viewer', 'Cloud Logging refused'],
    ['roles/aiplatform.viewer', 'Vertex AI refused'],
    ['roles/securitycenter.findingsViewer', 'Security Command Center refused'],
  ])('names the service behind %s', (role, lead) => {
    const text = describeError(new MissingPermission(role, 'denied <!channel>'), log);
    expect(text).toContain(`:lock: ${lead}: escape-desk's service account needs the IAM role \`${role}\``);
    expectInert(text);
  });

  it('distinguishes rate limits, timeouts and our own bad requests', () => {
    expect(describeError(new UpstreamError('Cloud Logging', 'RESOURCE_EXHAUSTED', 'quota'), log)).toContain(
      'Cloud Logging is rate-limiting escape-desk',
    );
    expect(describeError(new UpstreamError('Vertex AI', 'DEADLINE_EXCEEDED', 'slow'), log)).toContain(
      'Vertex AI is not answering right now (`DEADLINE_EXCEEDED`)',
    );
    expect(describeError(new UpstreamError('Vertex AI', 'UNAVAILABLE', 'down'), log)).toContain('not answering');
    expect(describeError(new UpstreamError('Cloud Logging', 'INVALID_ARGUMENT', 'bad filter'), log)).toContain(
      'rejected escape-desk',
    );
  });

  it('explains a deleted agent and a finding that is not on an agent', () => {
    expect(describeError(new UpstreamNotFound('Vertex AI', 'projects/p/locations/l/reasoningEngines/1'), log)).toBe(
      ':mag: Vertex AI: `projects/p/locations/l/reasoningEngines/1` no longer exists (the agent may have been deleted).',
    );
    const na = describeError(new NotApplicable('the affected resource <x> is not a Vertex AI agent'), log);
    expect(na).toBe(
      ':information_source: Not available for this finding: the affected resource &lt;x&gt; is not a Vertex AI agent.',
    );
  });
});
