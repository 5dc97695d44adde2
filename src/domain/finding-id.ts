import { InvalidFindingId } from '../errors.js';

/** What `/escape-finding <id>` was given, normalised. */
export type FindingQuery =
  | { kind: 'name'; name: string }
  /** v1 names have no location; SCC's default location is `global` but we search by id to be safe. */
  | { kind: 'v1'; root: string; source: string; findingId: string }
  | { kind: 'id'; findingId: string };

const SEG = '[A-Za-z0-9._-]+';
const ID = '[A-Za-z0-9_-]{1,128}';
const V2 = new RegExp(
  `^((?:organizations|folders|projects)/${SEG})/sources/(${SEG})/locations/(${SEG})/findings/(${ID})$`,
);
const V1 = new RegExp(`^((?:organizations|folders|projects)/${SEG})/sources/(${SEG})/findings/(${ID})$`);
const BARE = new RegExp(`^${ID}$`);

export function parseFindingQuery(raw: string): FindingQuery {
  // Slack wraps pasted URLs/paths in <>; people paste with quotes or backticks, and SCC's console prefixes `//securitycenter.googleapis.com/`.
  const input = raw
    .trim()
    .replace(/^[<`'"]+|[>`'"]+$/g, '')
    .replace(/^\/\/securitycenter\.googleapis\.com\//, '')
    .trim();
  if (input === '') throw new InvalidFindingId(raw, 'no finding id given');
  if (input.length > 512) throw new InvalidFindingId(raw, 'too long to be a finding id');
  const v2 = V2.exec(input);
  if (v2) return { kind: 'name', name: input };
  const v1 = V1.exec(input);
  if (v1) {
    const [, root, source, findingId] = v1 as unknown as [string, string, string, string];
    return { kind: 'v1', root, source, findingId };
  }
  if (input.includes('/')) {
    throw new InvalidFindingId(
      raw,
      'expected organizations/O/sources/S/locations/L/findings/F, organizations/O/sources/S/findings/F or a bare finding id',
    );
  }
  if (!BARE.test(input)) {
    throw new InvalidFindingId(raw, 'a finding id has only letters, digits, "-" and "_" (at most 128)');
  }
  return { kind: 'id', findingId: input };
}
