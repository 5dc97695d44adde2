/**
 * A small AIP-160 filter parser for the fakes: the subset escape-desk sends, and nothing more.
 * Anything else is rejected loudly (INVALID_ARGUMENT) so a query the real API might read
 * differently never passes silently. As in AIP-160, OR binds tighter than AND.
 */

export class FilterError extends Error {}

export type FieldValue =
  | { kind: 'string'; value: string }
  | { kind: 'time'; ms: number }
  /** an enum whose values are ordered, e.g. Cloud Logging's severity (DEFAULT < DEBUG < … < EMERGENCY) */
  | { kind: 'ordered'; value: string; order: readonly string[] }
  | undefined;
export type Resolver = (field: string) => FieldValue;

type Op = '=' | '!=' | ':' | '>' | '<' | '>=' | '<=';
type Node =
  | { t: 'and' | 'or'; items: Node[] }
  | { t: 'not'; item: Node }
  | { t: 'cmp'; field: string; op: Op; value: string };

const TOKEN_RE = /\s*(?:(\()|(\))|("(?:[^"\\]|\\.)*")|(>=|<=|!=|=|:|>|<)|([^\s()"=:<>!]+))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(src);
    if (!m) throw new FilterError(`cannot parse filter near: ${src.slice(pos, pos + 30)}`);
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) as string);
    pos = TOKEN_RE.lastIndex;
  }
  return out;
}

export function parseFilter(src: string): Node | undefined {
  const toks = tokenize(src);
  if (toks.length === 0) return undefined;
  let i = 0;
  const peek = () => toks[i];
  const next = () => {
    const t = toks[i++];
    if (t === undefined) throw new FilterError('unexpected end of filter');
    return t;
  };
  const parseAnd = (): Node => {
    const items = [parseOr()];
    while (peek() === 'AND') {
      i++;
      items.push(parseOr());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'and', items };
  };
  const parseOr = (): Node => {
    const items = [parseUnary()];
    while (peek() === 'OR') {
      i++;
      items.push(parseUnary());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'or', items };
  };
  const parseUnary = (): Node => {
    const t = peek();
    if (t === 'NOT') {
      i++;
      return { t: 'not', item: parseUnary() };
    }
    if (t?.startsWith('-') && t.length > 1) {
      toks[i] = t.slice(1);
      return { t: 'not', item: parseUnary() };
    }
    if (t === '(') {
      i++;
      const inner = parseAnd();
      if (next() !== ')') throw new FilterError('missing )');
      return inner;
    }
    const field = next();
    if (!/^[a-z_][a-z0-9_.]*$/i.test(field)) throw new FilterError(`expected a field name, got ${field}`);
    const op = next();
    if (!['=', '!=', ':', '>', '<', '>=', '<='].includes(op)) throw new FilterError(`unsupported operator ${op}`);
    const raw = next();
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    return { t: 'cmp', field, op: op as Op, value };
  };
  const node = parseAnd();
  if (i !== toks.length) throw new FilterError(`unexpected ${toks[i]} in filter`);
  return node;
}

function compareTime(actual: number, op: Op, raw: string): boolean {
  const v = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (Number.isNaN(v)) throw new FilterError(`not a time: ${raw}`);
  switch (op) {
    case '=':
      return actual === v;
    case '!=':
      return actual !== v;
    case '>':
      return actual > v;
    case '<':
      return actual < v;
    case '>=':
      return actual >= v;
    case '<=':
      return actual <= v;
    default:
      throw new FilterError(`operator ${op} is not valid on a time`);
  }
}

function compareOrdered(actual: string, order: readonly string[], op: Op, raw: string): boolean {
  const a = order.indexOf(actual);
  const v = order.indexOf(raw);
  if (v < 0) throw new FilterError(`not one of ${order.join(', ')}: ${raw}`);
  switch (op) {
    case '=':
      return a === v;
    case '!=':
      return a !== v;
    case '>':
      return a > v;
    case '<':
      return a < v;
    case '>=':
      return a >= v;
    case '<=':
      return a <= v;
    default:
      throw new FilterError(`operator ${op} is not valid on an ordered value`);
  }
}

export function evaluate(node: Node | undefined, resolve: Resolver): boolean {
  if (!node) return true;
  switch (node.t) {
    case 'and':
      return node.items.every((n) => evaluate(n, resolve));
    case 'or':
      return node.items.some((n) => evaluate(n, resolve));
    case 'not':
      return !evaluate(node.item, resolve);
    case 'cmp': {
      const actual = resolve(node.field);
      if (actual === undefined) return false;
      if (actual.kind === 'time') return compareTime(actual.ms, node.op, node.value);
      if (actual.kind === 'ordered') return compareOrdered(actual.value, actual.order, node.op, node.value);
      switch (node.op) {
        case '=':
          return actual.value === node.value;
        case '!=':
          return actual.value !== node.value;
        case ':':
          return actual.value.includes(node.value);
        default:
          throw new FilterError(`operator ${node.op} is only valid on times (field ${node.field})`);
      }
    }
  }
}

/** Parses once, then returns a predicate; throws FilterError for anything outside the subset. */
export function compileFilter(
  src: string,
  knownFields: ReadonlySet<string> | ((field: string) => boolean),
): (r: Resolver) => boolean {
  const node = parseFilter(src);
  const known = typeof knownFields === 'function' ? knownFields : (f: string) => knownFields.has(f);
  const check = (n: Node | undefined): void => {
    if (!n) return;
    if (n.t === 'cmp') {
      if (!known(n.field)) throw new FilterError(`unsupported filter field ${n.field}`);
    } else if (n.t === 'not') check(n.item);
    else for (const x of n.items) check(x);
  };
  check(node);
  return (resolve) => evaluate(node, resolve);
}
