// JavaScript's global functions and constructors for TypeScript programs: Array (with
// `Array.from({length: n}, (_, i) => …)` and `new Array(n).fill(0)`), Object.keys/values/
// entries/assign, Number/String/Boolean, parseInt/parseFloat, JSON (no effect), typed arrays,
// and the Math functions JavaScript has beyond Python's (imul, fround, clz32) bit for bit.

import type { ListValue, Value } from '../../values';
import { PyError } from '../errors';
import { defineBuiltin } from '../host';
import { jsBool, jsStr, jsTruthy, num, toJsString, toNumber } from '../../interp/tsValues';

const UNDEFINED: Value = { kind: 'none' };
const list = (items: Value[] | null, elem?: Value): ListValue => (elem ? { kind: 'list', items, elem } : { kind: 'list', items });
/** Longest array the tracer builds element by element. */
const MAX_LENGTH = 1_000_000;

function rangeError(en: string, fr: string): PyError {
  // JavaScript's RangeError, matched by `catch` like any error
  return new PyError('ValueError', { en: `RangeError: ${en}`, fr: `RangeError : ${fr}` });
}

/** Array(n) / new Array(n): n empty slots; Array(a, b, …): those elements. */
defineBuiltin('js.Array', (_h, _s, args) => {
  if (args.length !== 1 || (args[0].kind !== 'float' && args[0].kind !== 'int')) return list(args.slice());
  const n = toNumber(args[0]);
  if (n === undefined) return list(null, UNDEFINED);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) throw rangeError('Invalid array length', 'longueur de tableau invalide');
  if (n > MAX_LENGTH) return list(null, UNDEFINED);
  return list(new Array<Value>(n).fill(UNDEFINED));
});
defineBuiltin('js.Array.of', (_h, _s, args) => list(args.slice()));
defineBuiltin('js.Array.isArray', (_h, _s, [x]) => (x?.kind === 'unknown' ? jsBool() : jsBool(x?.kind === 'list')));
defineBuiltin('js.Array.from', (h, _s, [src, mapFn]) => {
  let items: Value[] | null;
  let elem: Value = UNDEFINED;
  if (!src) items = [];
  else if (src.kind === 'list' || src.kind === 'tuple') {
    items = src.items ? src.items.slice() : null;
    elem = src.elem ?? { kind: 'unknown' };
  } else if (src.kind === 'str') items = src.value === undefined ? null : [...src.value].map((c) => jsStr(c));
  else if (src.kind === 'dict') {
    // an array-like: {length: n} gives n undefined elements
    const len = src.map?.get('s:length')?.value;
    const n = len ? toNumber(len) : src.map ? 0 : undefined;
    items = n === undefined || Number.isNaN(n) || n > MAX_LENGTH ? null : new Array<Value>(Math.max(0, Math.trunc(n))).fill(UNDEFINED);
    if (items && src.map) items = items.map((_, i) => src.map!.get(`s:${i}`)?.value ?? UNDEFINED);
  } else if (src.kind === 'array') {
    // a mathjs Matrix is iterable element by element (every entry, row-major)
    items = src.data ? Array.from(src.data, (x) => num(x)) : null;
    elem = num();
  } else items = src.kind === 'unknown' ? null : [];
  const f = mapFn && mapFn.kind !== 'none' ? mapFn : undefined;
  if (!items) return list(null, f ? h.call(f, [elem, num()]) : elem);
  return list(f ? items.map((x, i) => h.call(f, [x, num(i)])) : items);
});

// typed arrays: plain arrays of numbers here (Float32Array rounds each element to float32)
for (const [name, round] of [['Float64Array', (x: number) => x], ['Float32Array', Math.fround], ['Int32Array', (x: number) => x | 0], ['Uint32Array', (x: number) => x >>> 0]] as const) {
  const make = (src: Value | undefined): Value => {
    if (!src) return list([]);
    if (src.kind === 'float' || src.kind === 'int') {
      const n = toNumber(src);
      if (n === undefined || n > MAX_LENGTH) return list(null, num());
      return list(new Array<Value>(n).fill(num(0)));
    }
    if (src.kind === 'list') {
      if (!src.items) return list(null, num());
      return list(src.items.map((x) => {
        const v = toNumber(x);
        return num(v === undefined ? undefined : round(v));
      }));
    }
    return list(null, num());
  };
  defineBuiltin(`js.${name}`, (_h, _s, [src]) => make(src));
  defineBuiltin(`js.${name}.from`, (_h, _s, [src]) => make(src));
}

function ownKeys(o: Value): string[] | null {
  if (o.kind === 'dict') {
    if (!o.map) return null;
    const keys: string[] = [];
    for (const e of o.map.values()) {
      const k = toJsString(e.key);
      if (k === undefined) return null;
      keys.push(k);
    }
    return keys;
  }
  if (o.kind === 'list') return o.items ? o.items.map((_, i) => String(i)) : null;
  if (o.kind === 'instance') return [...o.attrs.keys()];
  if (o.kind === 'str') return o.value === undefined ? null : [...o.value].map((_, i) => String(i));
  return o.kind === 'unknown' ? null : [];
}

function ownValue(o: Value, k: string): Value {
  if (o.kind === 'dict') return o.map?.get(`s:${k}`)?.value ?? UNDEFINED;
  if (o.kind === 'list') return o.items?.[Number(k)] ?? UNDEFINED;
  if (o.kind === 'instance') return o.attrs.get(k) ?? UNDEFINED;
  if (o.kind === 'str') return jsStr(o.value?.[Number(k)]);
  return UNDEFINED;
}

defineBuiltin('js.Object', (_h, _s, [x]) => x ?? { kind: 'dict', map: new Map() });
defineBuiltin('js.Object.keys', (_h, _s, [o]) => {
  const ks = o ? ownKeys(o) : [];
  return ks ? list(ks.map((k) => jsStr(k))) : list(null, jsStr());
});
defineBuiltin('js.Object.values', (_h, _s, [o]) => {
  const ks = o ? ownKeys(o) : [];
  return ks ? list(ks.map((k) => ownValue(o, k))) : list(null, { kind: 'unknown' });
});
defineBuiltin('js.Object.entries', (_h, _s, [o]) => {
  const ks = o ? ownKeys(o) : [];
  return ks ? list(ks.map((k) => list([jsStr(k), ownValue(o, k)]))) : list(null, list([jsStr(), { kind: 'unknown' }]));
});
defineBuiltin('js.Object.assign', (h, _s, [target, ...sources]) => {
  if (target?.kind !== 'dict') return target ?? UNDEFINED;
  h.touch(target);
  for (const src of sources) {
    const ks = ownKeys(src);
    if (!ks || !target.map) {
      target.map = null;
      break;
    }
    for (const k of ks) target.map.set(`s:${k}`, { key: jsStr(k), value: ownValue(src, k) });
  }
  return target;
});
defineBuiltin('js.Object.freeze', (_h, _s, [o]) => o ?? UNDEFINED);
defineBuiltin('js.Object.fromEntries', (_h, _s, [pairs]) => {
  if (pairs?.kind !== 'list' || !pairs.items) return { kind: 'dict', map: null };
  const map = new Map<string, { key: Value; value: Value }>();
  for (const p of pairs.items) {
    const k = p.kind === 'list' && p.items ? toJsString(p.items[0] ?? UNDEFINED) : undefined;
    if (k === undefined || p.kind !== 'list' || !p.items) return { kind: 'dict', map: null };
    map.set(`s:${k}`, { key: jsStr(k), value: p.items[1] ?? UNDEFINED });
  }
  return { kind: 'dict', map };
});

const numberOf = (x: Value | undefined): number | undefined => (x === undefined ? 0 : toNumber(x));
defineBuiltin('js.Number', (_h, _s, [x]) => num(numberOf(x)));
defineBuiltin('js.String', (_h, _s, [x]) => jsStr(x === undefined ? '' : toJsString(x)));
defineBuiltin('js.Boolean', (_h, _s, [x]) => jsBool(x === undefined ? false : jsTruthy(x)));
for (const [name, f] of [['isInteger', Number.isInteger], ['isFinite', Number.isFinite], ['isNaN', Number.isNaN], ['isSafeInteger', Number.isSafeInteger]] as const) {
  // Number.isX never coerces: a string is not a number
  defineBuiltin(`js.Number.${name}`, (_h, _s, [x]) => {
    if (!x || (x.kind !== 'float' && x.kind !== 'int')) return jsBool(x?.kind === 'unknown' ? undefined : false);
    return jsBool(x.value === undefined ? undefined : f(x.value));
  });
}
const parseFloatJs = (_h: unknown, _s: unknown, [x]: Value[]): Value => {
  const s = x ? toJsString(x) : 'undefined';
  return num(s === undefined ? undefined : parseFloat(s));
};
const parseIntJs = (_h: unknown, _s: unknown, [x, radix]: Value[]): Value => {
  const s = x ? toJsString(x) : 'undefined';
  const r = radix ? toNumber(radix) : undefined;
  return num(s === undefined || (radix && r === undefined) ? undefined : parseInt(s, r));
};
defineBuiltin('js.parseFloat', parseFloatJs);
defineBuiltin('js.Number.parseFloat', parseFloatJs);
defineBuiltin('js.parseInt', parseIntJs);
defineBuiltin('js.Number.parseInt', parseIntJs);
defineBuiltin('js.isNaN', (_h, _s, [x]) => {
  const n = x ? toNumber(x) : NaN;
  return jsBool(n === undefined ? undefined : Number.isNaN(n));
});
defineBuiltin('js.isFinite', (_h, _s, [x]) => {
  const n = x ? toNumber(x) : NaN;
  return jsBool(n === undefined ? undefined : Number.isFinite(n));
});
// printing and serialising change nothing the tracer follows
defineBuiltin('js.JSON.stringify', () => jsStr());
defineBuiltin('js.JSON.parse', () => ({ kind: 'unknown', why: { en: 'JSON.parse reads data at run time', fr: 'JSON.parse lit des données à l’exécution' } }));

// Math beyond Python's math: 32-bit integer multiply, float32 rounding, leading zeros
defineBuiltin('Math.imul', (_h, _s, [a, b]) => {
  const x = a ? toNumber(a) : 0;
  const y = b ? toNumber(b) : 0;
  return num(x === undefined || y === undefined ? undefined : Math.imul(x, y));
});
for (const [name, f] of [['fround', Math.fround], ['clz32', Math.clz32]] as const) {
  defineBuiltin(`Math.${name}`, (_h, _s, [a]) => {
    const x = a ? toNumber(a) : NaN;
    return num(x === undefined ? undefined : f(x));
  });
}
