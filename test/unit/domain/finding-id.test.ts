import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/domain/finding.js';
import { parseFindingQuery } from '../../../src/domain/finding-id.js';
import { InvalidFindingId } from '../../../src/errors.js';

const V2 = 'organizations/123/sources/456/locations/global/findings/abc123';

describe('parseFindingQuery', () => {
  it('accepts a full v2 name', () => {
    expect(parseFindingQuery(V2)).toEqual({ kind: 'name', name: V2 });
    expect(parseFindingQuery(`  ${V2}\n`)).toEqual({ kind: 'name', name: V2 });
  });

  it('accepts project- and folder-scoped v2 names and a regional location', () => {
    const p = 'projects/acme-prod/sources/9/locations/europe-west1/findings/f1';
    expect(parseFindingQuery(p)).toEqual({ kind: 'name', name: p });
    expect(parseFindingQuery('folders/77/sources/9/locations/global/findings/f1').kind).toBe('name');
  });

  it('accepts a v1 name', () => {
    expect(parseFindingQuery('organizations/123/sources/456/findings/abc123')).toEqual({
      kind: 'v1',
      root: 'organizations/123',
      source: '456',
      findingId: 'abc123',
    });
  });

  it('accepts a bare id', () => {
    expect(parseFindingQuery('6f0a3c1e9b2d4f8a0c7e5b1d3a9f2c4e')).toEqual({
      kind: 'id',
      findingId: '6f0a3c1e9b2d4f8a0c7e5b1d3a9f2c4e',
    });
  });

  it('strips what Slack and the console add around a pasted name', () => {
    expect(parseFindingQuery(`\`${V2}\``)).toEqual({ kind: 'name', name: V2 });
    expect(parseFindingQuery(`//securitycenter.googleapis.com/${V2}`)).toEqual({ kind: 'name', name: V2 });
  });

  it.each([
    ['', /no finding id/],
    ['   ', /no finding id/],
    ['organizations/123/findings/abc', /expected organizations/],
    ['organizations/123/sources/456/locations/global/findings/', /expected/],
    ['../../etc/passwd', /expected/],
    ['abc def', /letters, digits/],
    ['<!channel>', /letters, digits/],
    ['x'.repeat(600), /too long/],
  ])('rejects %j', (input, reason) => {
    expect(() => parseFindingQuery(input)).toThrow(InvalidFindingId);
    expect(() => parseFindingQuery(input)).toThrow(reason);
  });
});

describe('parseAgent', () => {
  it('parses a ReasoningEngine full resource name', () => {
    expect(parseAgent('//aiplatform.googleapis.com/projects/acme/locations/us-central1/reasoningEngines/620')).toEqual({
      name: 'projects/acme/locations/us-central1/reasoningEngines/620',
      project: 'acme',
      location: 'us-central1',
      engineId: '620',
    });
  });

  it('returns undefined for other resources', () => {
    expect(parseAgent('//container.googleapis.com/projects/p/locations/l/clusters/c')).toBeUndefined();
    expect(parseAgent('')).toBeUndefined();
  });
});
