// Methods of Python's str, list, dict, set and tuple, as bound built-ins ('str.split' with
// `self`). Lists, dicts and sets are mutated in place (after `touch`, so forks can undo it).

import { Value as V, type Value } from '../values';
import { PyError, typeError } from './errors';
import { formatSpec, pyRepr } from './format';
import { bool, defineBuiltin, int, list, NONE, str, tuple, type Host } from './host';
import { sortValues } from './functions';
import { pyEquals } from './pyops';
import { numOf } from './pynum';

type S = { kind: 'str'; value?: string };
const sv = (v: Value | undefined): string | undefined => (v?.kind === 'str' ? v.value : undefined);
const unknownStrList = (): Value => list(null, str());

function strMethod(name: string, fn: (s: string, args: Value[], kw: Map<string, Value>, h: Host) => Value, onUnknown: () => Value): void {
  defineBuiltin(`str.${name}`, (h, self, args, kw) => {
    const s = (self as S).value;
    return s === undefined ? onUnknown() : fn(s, args, kw, h);
  });
}

/** Python's str.split(sep=None, maxsplit=-1). */
function pySplit(s: string, sep: string | undefined, maxsplit: number): string[] {
  if (sep === undefined) {
    const out: string[] = [];
    let rest = s.replace(/^\s+/, '');
    while (rest.length) {
      if (maxsplit >= 0 && out.length === maxsplit) {
        out.push(rest.replace(/\s+$/, ''));
        return out;
      }
      const m = /\s+/.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  }
  if (sep === '') throw new PyError('ValueError', { en: 'empty separator', fr: 'séparateur vide' });
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

const strip = (s: string, chars: string | undefined, left: boolean, right: boolean): string => {
  const set = chars === undefined ? null : new Set(chars);
  const isStrip = (c: string): boolean => (set ? set.has(c) : /\s/.test(c));
  let a = 0;
  let b = s.length;
  if (left) while (a < b && isStrip(s[a])) a++;
  if (right) while (b > a && isStrip(s[b - 1])) b--;
  return s.slice(a, b);
};

strMethod('split', (s, [sep, max], kw) => {
  const sepV = kw.get('sep') ?? sep;
  const sepS = sepV && sepV.kind !== 'none' ? sv(sepV) : undefined;
  if (sepV && sepV.kind !== 'none' && sepS === undefined) return unknownStrList();
  return list(pySplit(s, sepS, numOf(kw.get('maxsplit') ?? max ?? int(-1)) ?? -1).map((x) => str(x)));
}, unknownStrList);
strMethod('splitlines', (s) => list(s.split(/\r\n|\r|\n/).filter((x, i, a) => i < a.length - 1 || x !== '').map((x) => str(x))), unknownStrList);
strMethod('replace', (s, [a, b, c]) => {
  const x = sv(a);
  const y = sv(b);
  if (x === undefined || y === undefined) return str();
  const n = c ? numOf(c) ?? -1 : -1;
  if (n < 0) return str(s.split(x).join(y));
  const parts = s.split(x);
  return str(parts.slice(0, n + 1).join(y) + (parts.length > n + 1 ? x + parts.slice(n + 1).join(x) : ''));
}, str);
strMethod('lower', (s) => str(s.toLowerCase()), str);
strMethod('upper', (s) => str(s.toUpperCase()), str);
strMethod('title', (s) => str(s.replace(/[A-Za-zÀ-ÿ]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase())), str);
strMethod('capitalize', (s) => str(s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s), str);
strMethod('strip', (s, [c]) => str(strip(s, c && c.kind !== 'none' ? sv(c) : undefined, true, true)), str);
strMethod('lstrip', (s, [c]) => str(strip(s, c && c.kind !== 'none' ? sv(c) : undefined, true, false)), str);
strMethod('rstrip', (s, [c]) => str(strip(s, c && c.kind !== 'none' ? sv(c) : undefined, false, true)), str);
strMethod('startswith', (s, [p]) => {
  const ps = p.kind === 'tuple' && p.items ? p.items.map(sv) : [sv(p)];
  return bool(ps.some((x) => x === undefined) ? undefined : ps.some((x) => s.startsWith(x!)));
}, bool);
strMethod('endswith', (s, [p]) => {
  const ps = p.kind === 'tuple' && p.items ? p.items.map(sv) : [sv(p)];
  return bool(ps.some((x) => x === undefined) ? undefined : ps.some((x) => s.endsWith(x!)));
}, bool);
strMethod('find', (s, [p]) => int(sv(p) === undefined ? undefined : s.indexOf(sv(p)!)), int);
strMethod('rfind', (s, [p]) => int(sv(p) === undefined ? undefined : s.lastIndexOf(sv(p)!)), int);
strMethod('index', (s, [p]) => {
  const x = sv(p);
  if (x === undefined) return int();
  const i = s.indexOf(x);
  if (i < 0) throw new PyError('ValueError', { en: 'substring not found', fr: 'sous-chaîne introuvable' });
  return int(i);
}, int);
strMethod('count', (s, [p]) => {
  const x = sv(p);
  if (x === undefined) return int();
  return int(x === '' ? s.length + 1 : s.split(x).length - 1);
}, int);
for (const [name, re] of [['isdigit', /^\d+$/], ['isalpha', /^\p{L}+$/u], ['isspace', /^\s+$/], ['isalnum', /^[\p{L}\d]+$/u], ['isnumeric', /^\d+$/]] as const) {
  strMethod(name, (s) => bool(re.test(s)), bool);
}
strMethod('isupper', (s) => bool(/\p{L}/u.test(s) && s === s.toUpperCase()), bool);
strMethod('islower', (s) => bool(/\p{L}/u.test(s) && s === s.toLowerCase()), bool);
strMethod('zfill', (s, [w]) => {
  const n = numOf(w) ?? 0;
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  return str(sign + s.slice(sign.length).padStart(n - sign.length, '0'));
}, str);
strMethod('center', (s, [w, f]) => str(formatSpec(str(s), `${sv(f) ?? ' '}^${numOf(w) ?? 0}`)), str);
strMethod('ljust', (s, [w, f]) => str(s.padEnd(numOf(w) ?? 0, sv(f) ?? ' ')), str);
strMethod('rjust', (s, [w, f]) => str(s.padStart(numOf(w) ?? 0, sv(f) ?? ' ')), str);
strMethod('join', (s, [it], _kw, h) => {
  const items = h.iterate(it);
  if (!items) return str();
  const parts: string[] = [];
  for (const x of items) {
    if (x.kind !== 'str') {
      if (x.kind === 'unknown') return str();
      throw typeError(`sequence item ${parts.length}: expected str instance, ${x.kind} found`, `élément ${parts.length} : str attendu, ${x.kind} trouvé`);
    }
    if (x.value === undefined) return str();
    parts.push(x.value);
  }
  return str(parts.join(s));
}, str);
strMethod('format', (s, args, kw) => str(pyFormat(s, args, kw)), str);
strMethod('encode', () => ({ kind: 'unknown' }), () => ({ kind: 'unknown' }));

/** str.format with positional / keyword fields, `{}` auto-numbering, !r/!s and format specs. */
function pyFormat(s: string, args: Value[], kw: Map<string, Value>): string | undefined {
  let auto = 0;
  let unknown = false;
  const out = s.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const f = field ?? '';
    const [head, ...attrs] = f.split(/(?=[.[])/);
    let v: Value | undefined = head === '' ? args[auto++] : /^\d+$/.test(head) ? args[Number(head)] : kw.get(head);
    if (!v) throw new PyError(head === '' || /^\d+$/.test(head) ? 'IndexError' : 'KeyError', { en: `Replacement index ${head || auto - 1} out of range for positional args tuple`, fr: `champ de remplacement ${head} absent` });
    if (attrs.length) v = { kind: 'unknown' };
    const text = conv === 'r' ? pyRepr(v) : formatSpec(v, spec ?? '');
    if (text === undefined) unknown = true;
    return text ?? '';
  });
  return unknown ? undefined : out;
}

// ---- list ----
type L = { kind: 'list'; items: Value[] | null; elem?: Value };
function listMethod(name: string, fn: (self: L, args: Value[], kw: Map<string, Value>, h: Host) => Value): void {
  defineBuiltin(`list.${name}`, (h, self, args, kw) => fn(self as L, args, kw, h));
}
function widenList(h: Host, l: L, extra?: Value): void {
  h.touch(l);
  const e = l.items && l.items.length ? l.items[0] : l.elem;
  l.items = null;
  l.elem = e ?? extra;
}
listMethod('append', (l, [x], _k, h) => {
  h.touch(l);
  if (l.items) l.items.push(x);
  else l.elem ??= x;
  return NONE;
});
listMethod('extend', (l, [x], _k, h) => {
  const items = h.iterate(x);
  if (!items) widenList(h, l, h.elemOf(x));
  else if (l.items) {
    h.touch(l);
    l.items.push(...items);
  }
  return NONE;
});
listMethod('insert', (l, [i, x], _k, h) => {
  const n = numOf(i);
  if (!l.items || n === undefined) {
    widenList(h, l, x);
    return NONE;
  }
  h.touch(l);
  const len = l.items.length;
  const at = n < 0 ? Math.max(0, len + n) : Math.min(n, len);
  l.items.splice(at, 0, x);
  return NONE;
});
listMethod('pop', (l, [i], _k, h) => {
  if (!l.items) return l.elem ?? { kind: 'unknown' };
  const n = i ? numOf(i) : -1;
  if (l.items.length === 0) throw new PyError('IndexError', { en: 'pop from empty list', fr: 'pop sur une liste vide' });
  if (n === undefined) {
    const e = l.items[0];
    widenList(h, l);
    return e;
  }
  const at = n < 0 ? l.items.length + n : n;
  if (at < 0 || at >= l.items.length) throw new PyError('IndexError', { en: 'pop index out of range', fr: 'indice de pop hors limites' });
  h.touch(l);
  return l.items.splice(at, 1)[0];
});
listMethod('index', (l, [x]) => {
  if (!l.items) return int();
  for (let i = 0; i < l.items.length; i++) {
    const e = pyEquals(l.items[i], x);
    if (e) return int(i);
    if (e === undefined) return int();
  }
  throw new PyError('ValueError', { en: `${pyRepr(x) ?? 'value'} is not in list`, fr: `${pyRepr(x) ?? 'valeur'} n'est pas dans la liste` });
});
listMethod('count', (l, [x]) => {
  if (!l.items) return int();
  let n = 0;
  for (const it of l.items) {
    const e = pyEquals(it, x);
    if (e === undefined) return int();
    if (e) n++;
  }
  return int(n);
});
listMethod('remove', (l, [x], _k, h) => {
  if (!l.items) return NONE;
  for (let i = 0; i < l.items.length; i++) {
    const e = pyEquals(l.items[i], x);
    if (e === undefined) {
      widenList(h, l);
      return NONE;
    }
    if (e) {
      h.touch(l);
      l.items.splice(i, 1);
      return NONE;
    }
  }
  throw new PyError('ValueError', { en: 'list.remove(x): x not in list', fr: "list.remove(x) : x n'est pas dans la liste" });
});
listMethod('reverse', (l, _a, _k, h) => {
  h.touch(l);
  l.items?.reverse();
  return NONE;
});
listMethod('sort', (l, _a, kw, h) => {
  if (!l.items) return NONE;
  const sorted = sortValues(h, l.items.slice(), kw.get('key'), h.truth(kw.get('reverse') ?? bool(false)) ?? false);
  if (sorted) {
    h.touch(l);
    l.items = sorted;
  } else widenList(h, l);
  return NONE;
});
listMethod('clear', (l, _a, _k, h) => {
  h.touch(l);
  l.items = [];
  return NONE;
});
listMethod('copy', (l) => (l.items ? list(l.items.slice()) : list(null, l.elem)));

defineBuiltin('tuple.index', (h, self, args, kw) => findIndex(h, self!, args, kw));
defineBuiltin('tuple.count', (_h, self, [x]) => {
  const items = (self as { items: Value[] | null }).items;
  if (!items) return int();
  const eq = items.map((it) => pyEquals(it, x));
  return int(eq.some((e) => e === undefined) ? undefined : eq.filter(Boolean).length);
});
function findIndex(_h: Host, self: Value, [x]: Value[], _kw: Map<string, Value>): Value {
  const items = (self as { items: Value[] | null }).items;
  if (!items) return int();
  for (let i = 0; i < items.length; i++) {
    const e = pyEquals(items[i], x);
    if (e) return int(i);
    if (e === undefined) return int();
  }
  throw new PyError('ValueError', { en: 'tuple.index(x): x not in tuple', fr: "tuple.index(x) : x n'est pas dans le tuple" });
}

// ---- dict ----
type D = { kind: 'dict'; map: Map<string, { key: Value; value: Value }> | null };
function dictMethod(name: string, fn: (self: D, args: Value[], kw: Map<string, Value>, h: Host) => Value): void {
  defineBuiltin(`dict.${name}`, (h, self, args, kw) => fn(self as D, args, kw, h));
}
dictMethod('get', (d, [k, dflt]) => {
  const key = V.key(k);
  if (!d.map || key === undefined) return { kind: 'unknown' };
  return d.map.get(key)?.value ?? dflt ?? NONE;
});
dictMethod('keys', (d) => (d.map ? list([...d.map.values()].map((e) => e.key)) : list(null)));
dictMethod('values', (d) => (d.map ? list([...d.map.values()].map((e) => e.value)) : list(null)));
dictMethod('items', (d) => (d.map ? list([...d.map.values()].map((e) => tuple([e.key, e.value]))) : list(null, tuple([{ kind: 'unknown' }, { kind: 'unknown' }]))));
dictMethod('pop', (d, [k, dflt], _kw, h) => {
  const key = V.key(k);
  if (!d.map || key === undefined) return dflt ?? { kind: 'unknown' };
  const e = d.map.get(key);
  if (!e) {
    if (dflt) return dflt;
    throw new PyError('KeyError', { en: pyRepr(k) ?? 'key', fr: pyRepr(k) ?? 'clé' });
  }
  h.touch(d);
  d.map.delete(key);
  return e.value;
});
dictMethod('setdefault', (d, [k, dflt], _kw, h) => {
  const key = V.key(k);
  if (!d.map || key === undefined) return dflt ?? NONE;
  const e = d.map.get(key);
  if (e) return e.value;
  h.touch(d);
  d.map.set(key, { key: k, value: dflt ?? NONE });
  return dflt ?? NONE;
});
dictMethod('update', (d, [o], kw, h) => {
  h.touch(d);
  if (!d.map) return NONE;
  if (o?.kind === 'dict') {
    if (!o.map) d.map = null;
    else for (const [k, e] of o.map) d.map.set(k, e);
  } else if (o) d.map = null;
  for (const [name, v] of kw) d.map?.set(`s:${name}`, { key: str(name), value: v });
  return NONE;
});
dictMethod('copy', (d) => ({ kind: 'dict', map: d.map ? new Map(d.map) : null }));
dictMethod('clear', (d, _a, _k, h) => {
  h.touch(d);
  d.map = new Map();
  return NONE;
});

// ---- set ----
type St = { kind: 'set'; map: Map<string, Value> | null };
defineBuiltin('set.add', (h, self, [x]) => {
  const s = self as St;
  const k = V.key(x);
  h.touch(s);
  if (!s.map) return NONE;
  if (k === undefined) s.map = null;
  else s.map.set(k, x);
  return NONE;
});
for (const name of ['discard', 'remove']) {
  defineBuiltin(`set.${name}`, (h, self, [x]) => {
    const s = self as St;
    const k = V.key(x);
    if (!s.map || k === undefined) return NONE;
    if (!s.map.has(k) && name === 'remove') throw new PyError('KeyError', { en: pyRepr(x) ?? 'key', fr: pyRepr(x) ?? 'clé' });
    h.touch(s);
    s.map.delete(k);
    return NONE;
  });
}
for (const [name, op] of [['union', '|'], ['intersection', '&'], ['difference', '-']] as const) {
  defineBuiltin(`set.${name}`, (h, self, [x]) => h.binary(op, self!, x.kind === 'set' ? x : h.call({ kind: 'builtin', name: 'set' }, [x])));
}
defineBuiltin('set.copy', (_h, self) => ({ kind: 'set', map: (self as St).map ? new Map((self as St).map!) : null }));

// ---- numbers ----
defineBuiltin('float.is_integer', (_h, self) => bool((self as { value?: number }).value === undefined ? undefined : Number.isInteger((self as { value: number }).value)));
defineBuiltin('int.bit_length', (_h, self) => {
  const v = (self as { value?: number }).value;
  return int(v === undefined ? undefined : v === 0 ? 0 : Math.floor(Math.log2(Math.abs(v))) + 1);
});
