import { describe, expect, it } from 'vitest';
import { SAMPLE_FINDINGS } from '../../../src/sandbox/sample-findings.js';
import { fixture } from '../../helpers/fixtures.js';

describe('sandbox sample findings', () => {
  it('are the test fixtures, unchanged (the sandbox shows what the tests prove)', () => {
    const names = Object.keys(SAMPLE_FINDINGS);
    expect(names).toContain('hostile-args');
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(SAMPLE_FINDINGS[name], name).toEqual(fixture(name));
  });
});
