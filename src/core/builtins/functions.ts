// Python's global built-in functions (len, range, enumerate, zip, sorted, int, round, …) over
// abstract values: exact when the arguments are known, the right type with an unknown value
// when they are not, and Python's own TypeError / ValueError where CPython raises.

import { Dim } from '../shapes/dim';
import { Value as V, type Value } from '../values';
import { PyError, typeError } from './errors';
import { formatSpec, pyRepr, pyStr } from './format';
import { bool, defineBuiltin, float, int, list, NONE, scalarOf, str, tuple, type Host } from './host';
import { pyOrder } from './pyops';
import { numOf, pyRound, pyTypeName } from './pynum';

/** `len` of a list of unknown length gives the same symbol every time for the same list. */
const lenSyms = new WeakMap<object, string>();

export const GLOBAL_BUILTINS = new Set([
  'len', 'range', 'enumerate', 'zip', 'min', 'max', 'sum', 'abs', 'round', 'int', 'float', 'bool', 'str', 'list',
  'tuple', 'dict', 'set', 'sorted', 'reversed', 'isinstance', 'type', 'print', 'map', 'filter', 'any', 'all', 'divmod',
  'pow', 'repr', 'format', 'chr', 'ord', 'hasattr', 'getattr', 'setattr', 'callable', 'iter', 'next', 'id', 'hash',
  'input', 'open', 'super', 'object', 'frozenset', 'vars', 'globals', 'locals', 'issubclass', 'exit', 'quit',
]);

function intArg(v: Value, fn: string): number | undefined {
  if (v.kind === 'float') throw typeError("'float' object cannot be interpreted as an integer", "un objet 'float' ne peut pas être interprété comme un entier");
  if (v.kind === 'array' && v.dtype && v.dtype.startsWith('float')) throw typeError("'numpy.float64' object cannot be interpreted as an integer", "un objet 'numpy.float64' ne peut pas être interprété comme un entier");
  if (v.kind === 'str' || v.kind === 'list' || v.kind === 'none') throw typeError(`'${pyTypeName(v)}' object cannot be interpreted as an integer`, `un objet '${pyTypeName(v)}' ne peut pas être interprété comme un entier (${fn})`);
  return scalarOf(v);
}

defineBuiltin('len', (h, _s, [x]) => {
  switch (x?.kind) {
    case 'list':
    case 'tuple':
      if (x.items) return int(x.items.length);
      break;
    case 'str':
      return int(x.value === undefined ? undefined : [...x.value].length);
    case 'dict':
    case 'set':
      if (x.map) return int(x.map.size);
      break;
    case 'range': {
      const n = rangeLength(x);
      return int(n);
    }
    case 'array':
      if (!x.shape) return int();
      if (x.shape.length === 0) throw typeError('len() of unsized object', 'len() d’un objet sans taille (tableau 0-d)');
      return V.fromDim(x.shape[0]);
    case 'int':
    case 'float':
    case 'bool':
    case 'none':
      throw typeError(`object of type '${pyTypeName(x)}' has no len()`, `un objet de type '${pyTypeName(x)}' n'a pas de len()`);
    case undefined:
      throw typeError('len() takes exactly one argument (0 given)', 'len() prend exactement un argument (0 donné)');
  }
  if (x.kind === 'unknown' || x.kind === 'instance') return int();
  let s = lenSyms.get(x);
  if (!s) lenSyms.set(x, (s = h.fresh()));
  return { kind: 'int', sym: s };
});

function rangeLength(r: Value & { kind: 'range' }): number | undefined {
  if (r.start === undefined || r.stop === undefined || r.step === undefined) return undefined;
  return Math.max(0, r.step > 0 ? Math.ceil((r.stop - r.start) / r.step) : Math.ceil((r.start - r.stop) / -r.step));
}

defineBuiltin('range', (_h, _s, args) => {
  if (args.length === 0 || args.length > 3) throw typeError(`range expected at most 3 arguments, got ${args.length}`, `range attend au plus 3 arguments, ${args.length} reçus`);
  const n = args.map((a) => intArg(a, 'range'));
  const [start, stop, step] = args.length === 1 ? [0, n[0], 1] : [n[0], n[1], args.length === 3 ? n[2] : 1];
  if (step === 0) throw new PyError('ValueError', { en: 'range() arg 3 must not be zero', fr: 'le pas de range() ne doit pas être nul' });
  return { kind: 'range', start, stop, step };
});

defineBuiltin('enumerate', (h, _s, [it, start], kw) => {
  const s0 = numOf(kw.get('start') ?? start ?? int(0));
  const items = h.iterate(it);
  if (!items) return list(null, tuple([int(), h.elemOf(it)]));
  return list(items.map((x, i) => tuple([int(s0 === undefined ? undefined : s0 + i), x])));
});

defineBuiltin('zip', (h, _s, args) => {
  const all = args.map((a) => h.iterate(a));
  if (all.some((x) => x === null)) return list(null, tuple(args.map((a) => h.elemOf(a))));
  const n = Math.min(...all.map((x) => x!.length));
  const out: Value[] = [];
  for (let i = 0; i < (args.length ? n : 0); i++) out.push(tuple(all.map((x) => x![i])));
  return list(out);
});

function minmax(which: 'min' | 'max'): (h: Host, s: Value | undefined, args: Value[], kw: Map<string, Value>) => Value {
  return (h, _s, args, kw) => {
    const items = args.length === 1 ? h.iterate(args[0]) : args;
    if (!items) return h.elemOf(args[0]);
    if (items.length === 0) {
      const d = kw.get('default');
      if (d) return d;
      throw new PyError('ValueError', { en: `${which}() arg is an empty sequence`, fr: `${which}() : séquence vide` });
    }
    const key = kw.get('key');
    const keys = key && key.kind !== 'none' ? items.map((x) => h.call(key, [x])) : items;
    let best = 0;
    for (let i = 1; i < items.length; i++) {
      const r = pyOrder(which === 'min' ? '<' : '>', keys[i], keys[best]);
      if (r === undefined) return items.some((x) => x.kind === 'float') ? float() : items[0].kind === 'int' ? int() : { kind: 'unknown' };
      if (r) best = i;
    }
    return items[best];
  };
}
defineBuiltin('min', minmax('min'));
defineBuiltin('max', minmax('max'));

defineBuiltin('sum', (h, _s, [it, start], kw) => {
  let acc = kw.get('start') ?? start ?? int(0);
  const items = h.iterate(it);
  if (!items) return h.binary('+', acc, h.elemOf(it)).kind === 'int' ? int() : float();
  for (const x of items) acc = h.binary('+', acc, x);
  return acc;
});

defineBuiltin('abs', (h, _s, [x]) => {
  if (x.kind === 'array') return h.op('np.absolute', [x]);
  if (x.kind === 'bool') return int(x.value === undefined ? undefined : Number(x.value));
  if (x.kind === 'int' || x.kind === 'float') return { kind: x.kind, value: x.value === undefined ? undefined : Math.abs(x.value) };
  if (x.kind === 'unknown') return x;
  throw typeError(`bad operand type for abs(): '${pyTypeName(x)}'`, `type d'opérande invalide pour abs() : '${pyTypeName(x)}'`);
});

defineBuiltin('round', (h, _s, [x, nd], kw) => {
  const ndv = kw.get('ndigits') ?? nd;
  if (x.kind === 'array' && !x.scalar) return h.op('np.round', ndv && ndv.kind !== 'none' ? [x, ndv] : [x]);
  const v = scalarOf(x);
  if (!ndv || ndv.kind === 'none') {
    if (v !== undefined && !Number.isFinite(v)) {
      throw new PyError(Number.isNaN(v) ? 'ValueError' : 'OverflowError', { en: `cannot convert float ${Number.isNaN(v) ? 'NaN' : 'infinity'} to integer`, fr: 'impossible de convertir en entier' });
    }
    return int(v === undefined ? undefined : x.kind === 'int' ? v : pyRound(v));
  }
  const n = numOf(ndv);
  if (x.kind === 'int' || x.kind === 'bool') return int(v === undefined || n === undefined ? undefined : n >= 0 ? v : pyRound(v / 10 ** -n) * 10 ** -n);
  return float(v === undefined || n === undefined ? undefined : pyRound(v, n));
});

function parseIntLiteral(s: string, base: number): number | undefined {
  const t = s.trim().replace(/_/g, '');
  const re = base === 10 ? /^[+-]?\d+$/ : base === 16 ? /^[+-]?(0x)?[0-9a-f]+$/i : base === 2 ? /^[+-]?(0b)?[01]+$/i : /^[+-]?[0-9a-z]+$/i;
  if (!re.test(t)) return undefined;
  return parseInt(t.replace(/^([+-]?)0[xbo]/i, '$1'), base);
}

defineBuiltin('int', (_h, _s, [x, base]) => {
  if (!x) return int(0);
  if (x.kind === 'str') {
    if (x.value === undefined) return int();
    const b = base ? numOf(base) ?? 10 : 10;
    const n = parseIntLiteral(x.value, b);
    if (n === undefined) throw new PyError('ValueError', { en: `invalid literal for int() with base ${b}: ${pyRepr(x)}`, fr: `littéral invalide pour int() en base ${b} : ${pyRepr(x)}` });
    return int(n);
  }
  if (x.kind === 'array' && x.shape && Dim.isKnown(x.shape[0] ?? 1) && x.data && x.data.length !== 1) {
    throw typeError('only length-1 arrays can be converted to Python scalars', 'seuls les tableaux de taille 1 peuvent être convertis en scalaires Python');
  }
  const v = scalarOf(x);
  if (v !== undefined && !Number.isFinite(v)) {
    throw new PyError(Number.isNaN(v) ? 'ValueError' : 'OverflowError', { en: `cannot convert float ${Number.isNaN(v) ? 'NaN' : 'infinity'} to integer`, fr: 'impossible de convertir en entier' });
  }
  if (x.kind === 'int') return x;
  return int(v === undefined ? undefined : Math.trunc(v) || 0);
});

defineBuiltin('float', (_h, _s, [x]) => {
  if (!x) return float(0);
  if (x.kind === 'str') {
    if (x.value === undefined) return float();
    const t = x.value.trim().toLowerCase().replace(/_/g, '');
    const special: Record<string, number> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN };
    if (t in special) return float(special[t]);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) throw new PyError('ValueError', { en: `could not convert string to float: ${pyRepr(x)}`, fr: `impossible de convertir la chaîne en float : ${pyRepr(x)}` });
    return float(Number(t));
  }
  if (x.kind === 'array' && x.data && x.data.length !== 1) throw typeError('only length-1 arrays can be converted to Python scalars', 'seuls les tableaux de taille 1 peuvent être convertis en scalaires Python');
  return float(scalarOf(x));
});

defineBuiltin('bool', (h, _s, [x]) => (x ? bool(h.truth(x)) : bool(false)));
defineBuiltin('str', (_h, _s, [x]) => (x ? str(pyStr(x)) : str('')));
defineBuiltin('repr', (_h, _s, [x]) => str(pyRepr(x)));
defineBuiltin('format', (_h, _s, [x, spec]) => str(spec?.kind === 'str' && spec.value !== undefined ? formatSpec(x, spec.value) : pyStr(x)));
defineBuiltin('print', () => NONE);
defineBuiltin('input', () => str());
defineBuiltin('open', () => ({ kind: 'unknown', why: { en: 'files are not read by the tracer', fr: 'le traceur ne lit pas les fichiers' } }));
defineBuiltin('id', () => int());
defineBuiltin('hash', () => int());
defineBuiltin('exit', () => NONE);
defineBuiltin('quit', () => NONE);
defineBuiltin('vars', () => ({ kind: 'dict', map: null }));
defineBuiltin('globals', () => ({ kind: 'dict', map: null }));
defineBuiltin('locals', () => ({ kind: 'dict', map: null }));

defineBuiltin('list', (h, _s, [x]) => {
  if (!x) return list([]);
  const items = h.iterate(x);
  return items ? list(items.slice()) : list(null, h.elemOf(x));
});
defineBuiltin('tuple', (h, _s, [x]) => {
  if (!x) return tuple([]);
  const items = h.iterate(x);
  return items ? tuple(items.slice()) : tuple(null, h.elemOf(x));
});
defineBuiltin('set', (h, _s, [x]) => makeSet(h, x));
defineBuiltin('frozenset', (h, _s, [x]) => makeSet(h, x));

function makeSet(h: Host, x: Value | undefined): Value {
  if (!x) return { kind: 'set', map: new Map() };
  const items = h.iterate(x);
  if (!items) return { kind: 'set', map: null };
  const map = new Map<string, Value>();
  for (const it of items) {
    const k = V.key(it);
    if (k === undefined) return { kind: 'set', map: null };
    if (!map.has(k)) map.set(k, it);
  }
  return { kind: 'set', map };
}

defineBuiltin('dict', (h, _s, [x], kw) => {
  const map = new Map<string, { key: Value; value: Value }>();
  if (x) {
    if (x.kind === 'dict') {
      if (!x.map) return { kind: 'dict', map: null };
      for (const [k, e] of x.map) map.set(k, e);
    } else {
      const items = h.iterate(x);
      if (!items) return { kind: 'dict', map: null };
      for (const p of items) {
        const kv = h.iterate(p);
        if (!kv) return { kind: 'dict', map: null };
        if (kv.length !== 2) throw new PyError('ValueError', { en: `dictionary update sequence element has length ${kv.length}; 2 is required`, fr: `un élément a une longueur ${kv.length} ; 2 est requis` });
        const k = V.key(kv[0]);
        if (k === undefined) return { kind: 'dict', map: null };
        map.set(k, { key: kv[0], value: kv[1] });
      }
    }
  }
  for (const [name, v] of kw) map.set(`s:${name}`, { key: str(name), value: v });
  return { kind: 'dict', map };
});

defineBuiltin('sorted', (h, _s, [x], kw) => {
  const items = h.iterate(x);
  if (!items) return list(null, h.elemOf(x));
  return list(sortValues(h, items.slice(), kw.get('key'), h.truth(kw.get('reverse') ?? bool(false)) ?? false));
});

/** Python's stable sort; undefined when an order is unknown (the result is then unknown order). */
export function sortValues(h: Host, items: Value[], key: Value | undefined, reverse: boolean): Value[] | null {
  const keys = key && key.kind !== 'none' ? items.map((x) => h.call(key, [x])) : items;
  const idx = items.map((_, i) => i);
  let unknown = false;
  idx.sort((a, b) => {
    const lt = pyOrder('<', keys[a], keys[b]);
    const gt = pyOrder('<', keys[b], keys[a]);
    if (lt === undefined || gt === undefined) unknown = true;
    const c = lt ? -1 : gt ? 1 : 0;
    return reverse ? -c : c;
  });
  if (unknown) return null;
  return idx.map((i) => items[i]);
}

defineBuiltin('reversed', (h, _s, [x]) => {
  const items = h.iterate(x);
  return items ? list(items.slice().reverse()) : list(null, h.elemOf(x));
});

defineBuiltin('map', (h, _s, [f, ...its]) => {
  const all = its.map((a) => h.iterate(a));
  if (all.some((x) => x === null)) return list(null, h.call(f, its.map((a) => h.elemOf(a))));
  const n = Math.min(...all.map((x) => x!.length));
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(h.call(f, all.map((x) => x![i])));
  return list(out);
});

defineBuiltin('filter', (h, _s, [f, it]) => {
  const items = h.iterate(it);
  if (!items) return list(null, h.elemOf(it));
  const out: Value[] = [];
  for (const x of items) {
    const t = h.truth(f.kind === 'none' ? x : h.call(f, [x]));
    if (t === undefined) return list(null, h.elemOf(it));
    if (t) out.push(x);
  }
  return list(out);
});

function anyAll(which: 'any' | 'all'): (h: Host, s: Value | undefined, args: Value[]) => Value {
  return (h, _s, [x]) => {
    if (x.kind === 'array') return h.op(which === 'any' ? 'np.any' : 'np.all', [x]);
    const items = h.iterate(x);
    if (!items) return bool();
    let unknown = false;
    for (const it of items) {
      const t = h.truth(it);
      if (t === undefined) unknown = true;
      else if (t === (which === 'any')) return bool(t);
    }
    return bool(unknown ? undefined : which === 'all');
  };
}
defineBuiltin('any', anyAll('any'));
defineBuiltin('all', anyAll('all'));

defineBuiltin('divmod', (h, _s, [a, b]) => tuple([h.binary('//', a, b), h.binary('%', a, b)]));
defineBuiltin('pow', (h, _s, [a, b, m]) => {
  if (m && m.kind !== 'none') {
    const [x, y, z] = [numOf(a), numOf(b), numOf(m)];
    if (x === undefined || y === undefined || z === undefined) return int();
    return int(Number((BigInt(x) ** BigInt(y)) % BigInt(z)));
  }
  return h.binary('**', a, b);
});
defineBuiltin('chr', (_h, _s, [x]) => str(numOf(x) === undefined ? undefined : String.fromCodePoint(numOf(x)!)));
defineBuiltin('ord', (_h, _s, [x]) => int(x.kind === 'str' && x.value !== undefined ? x.value.codePointAt(0) : undefined));
defineBuiltin('callable', (_h, _s, [x]) => bool(x.kind === 'unknown' ? undefined : ['function', 'builtin', 'class'].includes(x.kind)));
defineBuiltin('hasattr', (h, _s, [o, n]) => {
  if (n.kind !== 'str' || n.value === undefined || o.kind === 'unknown') return bool();
  if (o.kind === 'instance') return bool(h.getAttr(o, n.value).kind !== 'unknown' ? true : undefined);
  return bool();
});
defineBuiltin('getattr', (h, _s, [o, n, d]) => {
  if (n.kind !== 'str' || n.value === undefined) return d ?? { kind: 'unknown' };
  const v = h.getAttr(o, n.value);
  return v.kind === 'unknown' && d ? d : v;
});
defineBuiltin('setattr', (h, _s, [o, n, v]) => {
  if (n.kind === 'str' && n.value !== undefined) h.setAttr(o, n.value, v);
  return NONE;
});
defineBuiltin('iter', (h, _s, [x]) => {
  const items = h.iterate(x);
  return items ? list(items.slice()) : list(null, h.elemOf(x));
});
defineBuiltin('next', (h, _s, [x, d]) => {
  const items = x.kind === 'list' ? x.items : null;
  if (items && items.length) {
    h.touch(x);
    return items.shift()!;
  }
  if (items && d) return d;
  if (items) throw new PyError('StopIteration', { en: '', fr: '' });
  return d ? { kind: 'unknown' } : h.elemOf(x);
});
