// Array.prototype for TypeScript programs, as bound built-ins 'js.Array#<name>' over the
// interpreter's (mutable) lists: callbacks are interpreted with (element, index, array) like
// JavaScript calls them, mutators go through `touch` so forks can undo them, and an array of
// unknown length keeps the one element shape its callbacks give.

import type { ListValue, Value } from '../../values';
import { PyError } from '../errors';
import { defineBuiltin, type Host } from '../host';
import { mergeValue } from '../../interp/merge';
import { jsBool, jsStr, jsTruthy, num, toJsString, toNumber } from '../../interp/tsValues';
import { strictEquals } from './equality';

const UNDEFINED: Value = { kind: 'none' };
const list = (items: Value[] | null, elem?: Value): ListValue => (elem ? { kind: 'list', items, elem } : { kind: 'list', items });

type ArrayMethod = (h: Host, self: ListValue, args: Value[]) => Value;

function def(name: string, fn: ArrayMethod): void {
  defineBuiltin(`js.Array#${name}`, (h, self, args) => {
    if (self?.kind !== 'list' && self?.kind !== 'tuple') return { kind: 'unknown' };
    return fn(h, self as ListValue, args);
  });
}

/** One element of an array whose length is unknown. */
const elemOf = (h: Host, a: ListValue): Value => (a.items ? h.elemOf(a) : a.elem ?? { kind: 'unknown' });

/** JavaScript's relative index (slice, fill, at): negatives count from the end, clamped to [0, len]. */
function relIndex(v: Value | undefined, len: number, dflt: number): number | undefined {
  if (!v || v.kind === 'none') return dflt;
  const x = toNumber(v);
  if (x === undefined) return undefined;
  const n = Number.isNaN(x) ? 0 : Math.trunc(x);
  return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
}

/** Run the callback over every element: (x, i, array). */
function each(h: Host, self: ListValue, fn: Value, visit: (r: Value, x: Value, i: number) => boolean | void): boolean {
  if (!self.items) {
    visit(h.call(fn, [elemOf(h, self), num(), self]), elemOf(h, self), -1);
    return false;
  }
  const items = self.items.slice();
  for (let i = 0; i < items.length; i++) if (visit(h.call(fn, [items[i], num(i), self]), items[i], i) === true) break;
  return true;
}

def('push', (h, self, args) => {
  h.touch(self);
  if (!self.items) {
    for (const a of args) self.elem = self.elem ? mergeValue(self.elem, a, h.fresh) : a;
    return num();
  }
  self.items.push(...args);
  return num(self.items.length);
});
def('unshift', (h, self, args) => {
  h.touch(self);
  if (!self.items) return num();
  self.items.unshift(...args);
  return num(self.items.length);
});
def('pop', (h, self) => {
  if (!self.items) return elemOf(h, self);
  h.touch(self);
  return self.items.pop() ?? UNDEFINED;
});
def('shift', (h, self) => {
  if (!self.items) return elemOf(h, self);
  h.touch(self);
  return self.items.shift() ?? UNDEFINED;
});
def('map', (h, self, [fn]) => {
  const out: Value[] = [];
  let elem: Value | undefined;
  const known = each(h, self, fn, (r) => {
    out.push(r);
    elem = r;
  });
  return known ? list(out) : list(null, elem);
});
def('forEach', (h, self, [fn]) => {
  each(h, self, fn, () => undefined);
  return UNDEFINED;
});
def('filter', (h, self, [fn]) => {
  const out: Value[] = [];
  let sure = true;
  const known = each(h, self, fn, (r, x) => {
    const t = jsTruthy(r);
    if (t === undefined) sure = false;
    if (t !== false) out.push(x);
  });
  return known && sure ? list(out) : list(null, elemOf(h, self));
});
for (const [name, want, result] of [['some', true, 'bool'], ['every', false, 'bool'], ['find', true, 'elem'], ['findIndex', true, 'index']] as const) {
  def(name, (h, self, [fn]) => {
    let found: { x: Value; i: number } | undefined;
    let sure = true;
    const known = each(h, self, fn, (r, x, i) => {
      const t = jsTruthy(r);
      if (t === undefined) sure = false;
      else if (t === want && sure) {
        found = { x, i };
        return true;
      }
      return !sure;
    });
    if (!known || !sure) return result === 'bool' ? jsBool() : result === 'index' ? num() : elemOf(h, self);
    if (result === 'bool') return jsBool(name === 'some' ? !!found : !found);
    if (result === 'index') return num(found ? found.i : -1);
    return found ? found.x : UNDEFINED;
  });
}
function reduce(h: Host, self: ListValue, args: Value[], fromRight: boolean): Value {
  const [fn] = args;
  const hasInit = args.length > 1;
  if (!self.items) {
    const e = elemOf(h, self);
    const first = hasInit ? args[1] : e;
    return mergeValue(first, h.call(fn, [first, e, num(), self]), h.fresh);
  }
  const idx = self.items.map((_, i) => i);
  if (fromRight) idx.reverse();
  if (!hasInit && idx.length === 0) {
    throw new PyError('TypeError', { en: 'Reduce of empty array with no initial value', fr: 'reduce sur un tableau vide sans valeur initiale' });
  }
  let acc = hasInit ? args[1] : self.items[idx[0]];
  for (const i of hasInit ? idx : idx.slice(1)) acc = h.call(fn, [acc, self.items[i], num(i), self]);
  return acc;
}
def('reduce', (h, self, args) => reduce(h, self, args, false));
def('reduceRight', (h, self, args) => reduce(h, self, args, true));
def('slice', (_h, self, [a, b]) => {
  if (!self.items) return list(null, self.elem);
  const len = self.items.length;
  const s = relIndex(a, len, 0);
  const e = relIndex(b, len, len);
  return s === undefined || e === undefined ? list(null, self.items[0] ?? self.elem) : list(self.items.slice(s, Math.max(s, e)));
});
def('concat', (_h, self, args) => {
  let items: Value[] | null = self.items ? self.items.slice() : null;
  let elem = self.elem;
  for (const a of args) {
    if (a.kind === 'list') {
      if (items && a.items) items.push(...a.items);
      else {
        elem = elem ?? a.elem ?? a.items?.[0] ?? items?.[0];
        items = null;
      }
    } else items?.push(a);
  }
  return list(items, items ? undefined : elem);
});
def('fill', (h, self, [v, a, b]) => {
  h.touch(self);
  if (!self.items) {
    self.elem = v ?? UNDEFINED;
    return self;
  }
  const len = self.items.length;
  const s = relIndex(a, len, 0);
  const e = relIndex(b, len, len);
  if (s === undefined || e === undefined) {
    self.elem = mergeValue(self.items[0] ?? v, v, h.fresh);
    self.items = null;
    return self;
  }
  for (let i = s; i < e; i++) self.items[i] = v ?? UNDEFINED;
  return self;
});
def('join', (_h, self, [sep]) => {
  const s = sep === undefined || sep.kind === 'none' ? ',' : toJsString(sep);
  if (!self.items || s === undefined) return jsStr();
  const parts = self.items.map((x) => (x.kind === 'none' ? '' : toJsString(x)));
  return jsStr(parts.some((p) => p === undefined) ? undefined : parts.join(s));
});
def('toString', (_h, self) => jsStr(toJsString(self)));
for (const name of ['indexOf', 'lastIndexOf', 'includes'] as const) {
  def(name, (_h, self, [x]) => {
    if (!self.items) return name === 'includes' ? jsBool() : num();
    const order = self.items.map((_, i) => i);
    if (name === 'lastIndexOf') order.reverse();
    for (const i of order) {
      // includes uses SameValueZero (NaN finds NaN), indexOf strict equality
      const e = strictEquals(self.items[i], x ?? UNDEFINED, name === 'includes');
      if (e === undefined) return name === 'includes' ? jsBool() : num();
      if (e) return name === 'includes' ? jsBool(true) : num(i);
    }
    return name === 'includes' ? jsBool(false) : num(-1);
  });
}
def('at', (_h, self, [a]) => {
  if (!self.items) return self.elem ?? { kind: 'unknown' };
  const x = a ? toNumber(a) : 0;
  if (x === undefined) return { kind: 'unknown' };
  const i = Math.trunc(x) < 0 ? self.items.length + Math.trunc(x) : Math.trunc(x);
  return self.items[i] ?? UNDEFINED;
});
def('reverse', (h, self) => {
  h.touch(self);
  self.items?.reverse();
  return self;
});
def('sort', (h, self, [cmp]) => {
  if (!self.items) return self;
  h.touch(self);
  const sorted = jsSort(h, self.items, cmp);
  if (sorted) self.items.splice(0, self.items.length, ...sorted);
  else {
    self.elem = self.items.length ? self.items.reduce((a, b) => mergeValue(a, b, h.fresh)) : undefined;
    self.items = null;
  }
  return self;
});
def('flat', (h, self, [d]) => {
  const depth = d ? toNumber(d) ?? 1 : 1;
  const flatten = (items: Value[] | null, k: number): Value[] | null => {
    if (!items) return null;
    const out: Value[] = [];
    for (const x of items) {
      if (x.kind === 'list' && k > 0) {
        const inner = flatten(x.items, k - 1);
        if (!inner) return null;
        out.push(...inner);
      } else out.push(x);
    }
    return out;
  };
  const items = flatten(self.items, depth);
  return items ? list(items) : list(null, { kind: 'unknown' });
});
def('keys', (_h, self) => (self.items ? list(self.items.map((_, i) => num(i))) : list(null, num())));
def('entries', (_h, self) => (self.items ? list(self.items.map((x, i) => list([num(i), x]))) : list(null, list([num(), self.elem ?? { kind: 'unknown' }]))));
def('values', (_h, self) => list(self.items ? self.items.slice() : null, self.elem));

/**
 * Array.prototype.sort: a stable merge sort (V8's TimSort is stable too, so any consistent
 * comparator gives node's order); without a comparator elements compare as strings.
 */
function jsSort(h: Host, items: Value[], cmp: Value | undefined): Value[] | null {
  let unknown = false;
  const compare = (a: Value, b: Value): number => {
    if (a.kind === 'none' || b.kind === 'none') return a.kind === 'none' ? (b.kind === 'none' ? 0 : 1) : -1;
    if (cmp && cmp.kind !== 'none') {
      const r = toNumber(h.call(cmp, [a, b]));
      if (r === undefined) unknown = true;
      return r === undefined || Number.isNaN(r) ? 0 : r;
    }
    const x = toJsString(a);
    const y = toJsString(b);
    if (x === undefined || y === undefined) unknown = true;
    return x === undefined || y === undefined ? 0 : x < y ? -1 : x > y ? 1 : 0;
  };
  const sort = (xs: Value[]): Value[] => {
    if (xs.length < 2) return xs;
    const mid = xs.length >> 1;
    const l = sort(xs.slice(0, mid));
    const r = sort(xs.slice(mid));
    const out: Value[] = [];
    let i = 0;
    let j = 0;
    while (i < l.length && j < r.length) out.push(compare(r[j], l[i]) < 0 ? r[j++] : l[i++]);
    return out.concat(l.slice(i), r.slice(j));
  };
  const out = sort(items.slice());
  return unknown ? null : out;
}
