// Subscripts: `xs[i]`, `s[1:3]`, `d[k]` with Python's rules (negative indices, slice clamping,
// IndexError / KeyError / "list indices must be integers"), and arrays through op.getitem /
// op.setitem, where basic indexing returns a view.

import { PyError, typeError } from '../builtins/errors';
import { scalarOf } from '../builtins/host';
import { pyRepr } from '../builtins/format';
import { pyTypeName } from '../builtins/pynum';
import { rangeLen } from '../builtins/pyops';
import { Value as V, type Value } from '../values';
import type { Interp } from './context';
import { callOp, NO_KWARGS, type CallSite } from './dispatch';
import { mergeValue } from './merge';
import { tsGetIndex, tsSetIndex } from './tsAccess';
import { noteView, setItem } from './views';

/** CPython's PySlice_AdjustIndices: the concrete indices a slice selects from a length. */
export function sliceIndices(len: number, s: Value & { kind: 'slice' }): number[] | undefined {
  const get = (v: Value): number | null | undefined => (v.kind === 'none' ? null : scalarOf(v));
  const step0 = get(s.step);
  const start0 = get(s.start);
  const stop0 = get(s.stop);
  if (step0 === undefined || start0 === undefined || stop0 === undefined) return undefined;
  const step = step0 ?? 1;
  if (step === 0) throw new PyError('ValueError', { en: 'slice step cannot be zero', fr: 'le pas de la tranche ne peut pas être nul' });
  const clamp = (x: number | null, dflt: number, lo: number, hi: number): number => {
    if (x === null) return dflt;
    if (x < 0) x += len;
    return Math.min(Math.max(x, lo), hi);
  };
  const start = step > 0 ? clamp(start0, 0, 0, len) : clamp(start0, len - 1, -1, len - 1);
  const stop = step > 0 ? clamp(stop0, len, 0, len) : clamp(stop0, -1, -1, len - 1);
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function seqIndex(kind: string, n: number, idx: Value): number | undefined {
  if (idx.kind === 'float' || idx.kind === 'str' || idx.kind === 'tuple' || idx.kind === 'list' || idx.kind === 'none') {
    throw typeError(`${kind} indices must be integers or slices, not ${pyTypeName(idx)}`, `les indices de ${kind} doivent être des entiers ou des tranches, pas ${pyTypeName(idx)}`);
  }
  if (idx.kind === 'array' && idx.dtype && idx.dtype.startsWith('float')) {
    throw typeError(`${kind} indices must be integers or slices, not numpy.float64`, `les indices de ${kind} doivent être des entiers ou des tranches, pas numpy.float64`);
  }
  const i = scalarOf(idx);
  if (i === undefined) return undefined;
  const j = i < 0 ? i + n : i;
  if (j < 0 || j >= n) throw new PyError('IndexError', { en: `${kind} index out of range`, fr: `indice de ${kind} hors limites` });
  return j;
}

function joinAll(it: Interp, items: Value[]): Value {
  if (items.length === 0) return { kind: 'unknown' };
  let acc = items[0];
  for (let i = 1; i < Math.min(items.length, 64); i++) acc = mergeValue(acc, items[i], it.freshSym);
  return acc;
}

export function getIndex(it: Interp, obj: Value, idx: Value, site: CallSite, callDunder: (o: Value, name: string, args: Value[]) => Value | undefined): Value {
  if (it.language === 'typescript') {
    const r = tsGetIndex(it, obj, idx);
    if (r) return r;
  }
  switch (obj.kind) {
    case 'array': {
      const r = callOp(it, 'op.getitem', [obj, idx], NO_KWARGS, undefined, site);
      noteView(obj, idx, r);
      return r;
    }
    case 'list':
    case 'tuple': {
      const label = obj.kind;
      if (idx.kind === 'slice') {
        if (!obj.items) return { kind: obj.kind, items: null, elem: obj.elem };
        const ix = sliceIndices(obj.items.length, idx);
        return ix ? { kind: obj.kind, items: ix.map((i) => obj.items![i]) } : { kind: obj.kind, items: null, elem: joinAll(it, obj.items) };
      }
      if (!obj.items) {
        seqIndex(label, Infinity, idx);
        return obj.elem ?? { kind: 'unknown' };
      }
      const i = seqIndex(label, obj.items.length, idx);
      return i === undefined ? joinAll(it, obj.items) : obj.items[i];
    }
    case 'str': {
      const s = obj.value;
      if (idx.kind === 'slice') {
        if (s === undefined) return { kind: 'str' };
        const chars = [...s];
        const ix = sliceIndices(chars.length, idx);
        return { kind: 'str', value: ix ? ix.map((i) => chars[i]).join('') : undefined };
      }
      if (s === undefined) return { kind: 'str' };
      const chars = [...s];
      const i = seqIndex('string', chars.length, idx);
      return { kind: 'str', value: i === undefined ? undefined : chars[i] };
    }
    case 'dict': {
      const k = V.key(idx);
      if (!obj.map || k === undefined) return obj.map && obj.map.size ? joinAll(it, [...obj.map.values()].map((e) => e.value)) : { kind: 'unknown' };
      const e = obj.map.get(k);
      if (!e) {
        if (idx.kind === 'unknown') return { kind: 'unknown' };
        throw new PyError('KeyError', { en: pyRepr(idx) ?? 'key', fr: pyRepr(idx) ?? 'clé' });
      }
      return e.value;
    }
    case 'range': {
      const n = rangeLen(obj);
      if (n === undefined) return { kind: 'int' };
      if (idx.kind === 'slice') return { kind: 'unknown' };
      const i = seqIndex('range object', n, idx);
      return { kind: 'int', value: i === undefined ? undefined : obj.start! + i * obj.step! };
    }
    case 'instance':
      return callDunder(obj, '__getitem__', [idx]) ?? { kind: 'unknown' };
    case 'unknown':
      return obj;
    case 'int':
    case 'float':
    case 'bool':
    case 'none':
    case 'function':
      throw typeError(`'${pyTypeName(obj)}' object is not subscriptable`, `l'objet '${pyTypeName(obj)}' n'est pas indiçable`);
    default:
      return { kind: 'unknown' };
  }
}

export function setIndex(it: Interp, obj: Value, idx: Value, v: Value, site: CallSite, callDunder: (o: Value, name: string, args: Value[]) => Value | undefined): void {
  if (it.language === 'typescript' && tsSetIndex(it, obj, idx, v)) return;
  switch (obj.kind) {
    case 'array':
      setItem(it, obj, idx, v, site);
      return;
    case 'list': {
      if (!obj.items) return;
      if (idx.kind === 'slice') {
        const ix = sliceIndices(obj.items.length, idx);
        const src = v.kind === 'list' || v.kind === 'tuple' ? v.items : null;
        it.heap.touch(obj);
        if (!ix || !src) {
          obj.elem = obj.items[0] ?? obj.elem;
          obj.items = null;
          return;
        }
        const st = idx.step.kind === 'none' ? 1 : scalarOf(idx.step);
        if (st === 1 || ix.length === 0) obj.items.splice(ix[0] ?? sliceIndices(obj.items.length, { ...idx, step: { kind: 'none' } })?.[0] ?? obj.items.length, ix.length, ...src);
        else src.forEach((x, k) => (obj.items![ix[k]] = x));
        return;
      }
      const i = seqIndex('list assignment', obj.items.length, idx);
      it.heap.touch(obj);
      if (i === undefined) {
        obj.elem = mergeValue(obj.items[0] ?? v, v, it.freshSym);
        obj.items = null;
      } else obj.items[i] = v;
      return;
    }
    case 'dict': {
      it.heap.touch(obj);
      if (!obj.map) return;
      const k = V.key(idx);
      if (k === undefined) obj.map = null;
      else obj.map.set(k, { key: idx, value: v });
      return;
    }
    case 'instance':
      callDunder(obj, '__setitem__', [idx, v]);
      return;
    case 'tuple':
    case 'str':
    case 'range':
      throw typeError(`'${pyTypeName(obj)}' object does not support item assignment`, `l'objet '${pyTypeName(obj)}' ne permet pas l'affectation d'éléments`);
    case 'int':
    case 'float':
    case 'none':
      throw typeError(`'${pyTypeName(obj)}' object does not support item assignment`, `l'objet '${pyTypeName(obj)}' ne permet pas l'affectation d'éléments`);
    default:
      return;
  }
}
