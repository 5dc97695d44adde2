import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from './fixtures.js';

/** The injection corpus (test/fixtures/hostile/strings.json): at least 50 attacker-controlled strings. */
export const HOSTILE: readonly string[] = (
  JSON.parse(readFileSync(join(FIXTURE_DIR, '..', 'hostile', 'strings.json'), 'utf8')) as { strings: string[] }
).strings;
