// Python semantics on non-array values: truthiness, ==, ordering, `in`, and the sequence
// operators (str + str, list * int, tuple + tuple). Unknown operands give undefined/unknown.

import type { BinOp } from '../ir';
import { Value as V, type Value } from '../values';
import { typeError } from './errors';
import { numBinary, numOf, pyTypeName } from './pynum';

const isNum = (v: Value): boolean => v.kind === 'int' || v.kind === 'float' || v.kind === 'bool';

/** bool(v) for non-arrays; undefined when unknown. */
export function truthy(v: Value): boolean | undefined {
  switch (v.kind) {
    case 'bool':
      return v.value;
    case 'int':
    case 'float':
      return v.value === undefined ? undefined : v.value !== 0;
    case 'str':
      return v.value === undefined ? undefined : v.value.length > 0;
    case 'none':
      return false;
    case 'list':
    case 'tuple':
      return v.items ? v.items.length > 0 : undefined;
    case 'dict':
    case 'set':
      return v.map ? v.map.size > 0 : undefined;
    case 'range': {
      const n = rangeLen(v);
      return n === undefined ? undefined : n > 0;
    }
    case 'unknown':
    case 'array':
      return undefined;
    case 'instance':
      return undefined;
    default:
      return true;
  }
}

export function rangeLen(r: Value & { kind: 'range' }): number | undefined {
  if (r.start === undefined || r.stop === undefined || r.step === undefined) return undefined;
  const n = r.step > 0 ? Math.ceil((r.stop - r.start) / r.step) : Math.ceil((r.start - r.stop) / -r.step);
  return Math.max(0, n);
}

export function rangeItems(r: Value & { kind: 'range' }): number[] | undefined {
  const n = rangeLen(r);
  if (n === undefined) return undefined;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = r.start! + i * r.step!;
  return out;
}

/** Python `a == b` for non-arrays. */
export function pyEquals(a: Value, b: Value, depth = 0): boolean | undefined {
  if (depth > 30) return undefined;
  if (isNum(a) && isNum(b)) {
    const x = numOf(a);
    const y = numOf(b);
    return x === undefined || y === undefined ? undefined : x === y;
  }
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) {
    if ((a.kind === 'list' && b.kind === 'tuple') || (a.kind === 'tuple' && b.kind === 'list')) return false;
    if (a.kind === 'instance' || b.kind === 'instance') return a === b ? true : undefined;
    return false;
  }
  switch (a.kind) {
    case 'str':
      return a.value === undefined || (b as typeof a).value === undefined ? undefined : a.value === (b as typeof a).value;
    case 'none':
    case 'ellipsis':
      return true;
    case 'list':
    case 'tuple': {
      const y = b as typeof a;
      if (!a.items || !y.items) return undefined;
      if (a.items.length !== y.items.length) return false;
      let all: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const e = pyEquals(a.items[i], y.items[i], depth + 1);
        if (e === false) return false;
        if (e === undefined) all = undefined;
      }
      return all;
    }
    case 'dict': {
      const y = b as typeof a;
      if (!a.map || !y.map) return undefined;
      if (a.map.size !== y.map.size) return false;
      let all: boolean | undefined = true;
      for (const [k, e] of a.map) {
        const o = y.map.get(k);
        if (!o) return false;
        const r = pyEquals(e.value, o.value, depth + 1);
        if (r === false) return false;
        if (r === undefined) all = undefined;
      }
      return all;
    }
    case 'set': {
      const y = b as typeof a;
      if (!a.map || !y.map) return undefined;
      return a.map.size === y.map.size && [...a.map.keys()].every((k) => y.map!.has(k));
    }
    default:
      return a === b ? true : (a as { name?: string }).name !== undefined && (a as { name?: string }).name === (b as { name?: string }).name && a.kind === 'builtin' ? true : a === b;
  }
}

/** Python ordering `<, <=, >, >=` for non-arrays (TypeError between unorderable types). */
export function pyOrder(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean | undefined {
  const c = cmp3(a, b);
  if (c === undefined) return undefined;
  if (Number.isNaN(c)) return false;
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** -1/0/1 (NaN for float NaN), undefined when unknown; throws TypeError when Python would. */
function cmp3(a: Value, b: Value): number | undefined {
  if (isNum(a) && isNum(b)) {
    const x = numOf(a);
    const y = numOf(b);
    if (x === undefined || y === undefined) return undefined;
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind === 'str' && b.kind === 'str') {
    if (a.value === undefined || b.value === undefined) return undefined;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if ((a.kind === 'list' && b.kind === 'list') || (a.kind === 'tuple' && b.kind === 'tuple')) {
    const x = a.items;
    const y = (b as typeof a).items;
    if (!x || !y) return undefined;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const e = pyEquals(x[i], y[i]);
      if (e === undefined) return undefined;
      if (!e) return cmp3(x[i], y[i]);
    }
    return x.length - y.length < 0 ? -1 : x.length > y.length ? 1 : 0;
  }
  if (a.kind === 'instance' || b.kind === 'instance') return undefined;
  throw typeError(
    `'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
    `'<' n'est pas pris en charge entre des instances de '${pyTypeName(a)}' et '${pyTypeName(b)}'`,
  );
}

/** `item in container` for non-array containers. */
export function pyContains(container: Value, item: Value): boolean | undefined {
  switch (container.kind) {
    case 'str':
      if (item.kind !== 'str') {
        if (item.kind === 'unknown') return undefined;
        throw typeError(`'in <string>' requires string as left operand, not ${pyTypeName(item)}`, `'in <chaîne>' exige une chaîne à gauche, pas ${pyTypeName(item)}`);
      }
      return container.value === undefined || item.value === undefined ? undefined : container.value.includes(item.value);
    case 'list':
    case 'tuple': {
      if (!container.items) return undefined;
      let unknown = false;
      for (const x of container.items) {
        const e = pyEquals(x, item);
        if (e) return true;
        if (e === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'dict':
    case 'set': {
      if (!container.map) return undefined;
      const k = V.key(item);
      return k === undefined ? undefined : container.map.has(k);
    }
    case 'range': {
      const x = numOf(item);
      const n = rangeLen(container);
      if (x === undefined || n === undefined) return undefined;
      if (!Number.isInteger(x)) return false;
      const i = (x - container.start!) / container.step!;
      return Number.isInteger(i) && i >= 0 && i < n;
    }
    case 'unknown':
      return undefined;
    default:
      throw typeError(`argument of type '${pyTypeName(container)}' is not iterable`, `un argument de type '${pyTypeName(container)}' n'est pas itérable`);
  }
}

/** Binary operators on Python (non-array) values; throws TypeError where Python would. */
export function pyBinary(op: BinOp, a: Value, b: Value, language: 'python' | 'typescript'): Value {
  if (isNum(a) && isNum(b)) return numBinary(op, a, b, language);
  if (a.kind === 'unknown' || b.kind === 'unknown') return { kind: 'unknown', why: a.kind === 'unknown' ? a.why : (b as { why?: never }).why };
  if (op === '+') {
    if (a.kind === 'str' && b.kind === 'str') return { kind: 'str', value: a.value === undefined || b.value === undefined ? undefined : a.value + b.value };
    if (language === 'typescript' && (a.kind === 'str' || b.kind === 'str')) {
      return { kind: 'str' };
    }
    if ((a.kind === 'list' && b.kind === 'list') || (a.kind === 'tuple' && b.kind === 'tuple')) {
      const y = b as typeof a;
      return a.items && y.items ? { kind: a.kind, items: [...a.items, ...y.items] } : { kind: a.kind, items: null };
    }
  }
  if (op === '*') {
    const [seq, n] = isNum(a) ? [b, a] : [a, b];
    if (isNum(n) && n.kind !== 'float' && (seq.kind === 'str' || seq.kind === 'list' || seq.kind === 'tuple')) {
      const k = numOf(n);
      if (seq.kind === 'str') return { kind: 'str', value: seq.value === undefined || k === undefined ? undefined : seq.value.repeat(Math.max(0, k)) };
      if (!seq.items || k === undefined) return { kind: seq.kind, items: null };
      const items: Value[] = [];
      for (let i = 0; i < k; i++) items.push(...seq.items);
      return { kind: seq.kind, items };
    }
  }
  if (op === '%' && a.kind === 'str') return { kind: 'str' };
  if (op === '+' && a.kind === 'str') {
    throw typeError(`can only concatenate str (not "${pyTypeName(b)}") to str`, `on ne peut concaténer une str qu'avec une str (pas "${pyTypeName(b)}")`);
  }
  if (op === '+' && (a.kind === 'list' || a.kind === 'tuple')) {
    throw typeError(`can only concatenate ${a.kind} (not "${pyTypeName(b)}") to ${a.kind}`, `on ne peut concaténer une ${a.kind} qu'avec une ${a.kind} (pas "${pyTypeName(b)}")`);
  }
  if ((op === '|' || op === '&' || op === '-' || op === '^') && a.kind === 'set' && b.kind === 'set') {
    if (!a.map || !b.map) return { kind: 'set', map: null };
    const map = new Map<string, Value>();
    if (op === '|') for (const m of [a.map, b.map]) for (const [k, x] of m) map.set(k, x);
    if (op === '&') for (const [k, x] of a.map) if (b.map.has(k)) map.set(k, x);
    if (op === '-') for (const [k, x] of a.map) if (!b.map.has(k)) map.set(k, x);
    if (op === '^') {
      for (const [k, x] of a.map) if (!b.map.has(k)) map.set(k, x);
      for (const [k, x] of b.map) if (!a.map.has(k)) map.set(k, x);
    }
    return { kind: 'set', map };
  }
  if (op === '|' && a.kind === 'dict' && b.kind === 'dict') {
    return a.map && b.map ? { kind: 'dict', map: new Map([...a.map, ...b.map]) } : { kind: 'dict', map: null };
  }
  throw typeError(
    `unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
    `types d'opérandes non pris en charge pour ${op} : '${pyTypeName(a)}' et '${pyTypeName(b)}'`,
  );
}
