// Assignment targets: names, tuple/list unpacking with a starred target, `self.W`, subscripts
// (in place, as numpy does); augmented assignment, which is in place for arrays and lists.
// Every name / attribute target is recorded as a binding of its line.

import { PyError, typeError } from '../builtins/errors';
import { pyTypeName } from '../builtins/pynum';
import type { BinOp, Expr, Stmt } from '../ir';
import type { L10nText, Value } from '../values';
import { getAttr, setAttr } from './attrs';
import { callValue } from './calls';
import type { Interp } from './context';
import type { CallSite } from './dispatch';
import { callDunder, evalExpr, lookupName } from './expr';
import { elemOf, iterate } from './iterate';
import { binary } from './operators';
import type { Scope } from './scope';
import { getIndex, setIndex } from './subscript';
import { inplaceResult } from './views';

/** The binding name of a target: `x`, `self.W`, `layer.W_q`. */
export function targetName(it: Interp, t: Expr): string | undefined {
  // TypeScript's `this` is lowered to `self`; its bindings keep the name the code uses
  if (t.k === 'name') return t.name === 'self' && it.language === 'typescript' ? 'this' : t.name;
  if (t.k === 'attr') {
    const base = targetName(it, t.obj);
    return base === undefined ? undefined : `${base}.${t.name}`;
  }
  return undefined;
}

function unpack(it: Interp, targets: readonly Expr[], v: Value, loc: Expr['loc']): Value[] {
  const star = targets.findIndex((t) => t.k === 'starred');
  const n = targets.length;
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool' || v.kind === 'none' || v.kind === 'function') {
    throw typeError(`cannot unpack non-iterable ${pyTypeName(v)} object`, `impossible de dépaqueter un objet ${pyTypeName(v)} non itérable`);
  }
  const items = v.kind === 'instance' ? null : iterate(it, v, { loc });
  if (!items) {
    const e = elemOf(it, v, { loc });
    return targets.map((t) => (t.k === 'starred' ? { kind: 'list', items: null, elem: e } : e));
  }
  if (star < 0) {
    if (items.length > n) throw new PyError('ValueError', { en: `too many values to unpack (expected ${n})`, fr: `trop de valeurs à dépaqueter (${n} attendues, ${items.length} reçues)` });
    if (items.length < n) throw new PyError('ValueError', { en: `not enough values to unpack (expected ${n}, got ${items.length})`, fr: `pas assez de valeurs à dépaqueter (${n} attendues, ${items.length} reçues)` });
    return items;
  }
  if (items.length < n - 1) throw new PyError('ValueError', { en: `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`, fr: `pas assez de valeurs à dépaqueter (au moins ${n - 1} attendues, ${items.length} reçues)` });
  const after = n - star - 1;
  return [...items.slice(0, star), { kind: 'list', items: items.slice(star, items.length - after) }, ...items.slice(items.length - after)];
}

export function assignTarget(it: Interp, t: Expr, v: Value, scope: Scope, record: boolean, why?: L10nText): void {
  switch (t.k) {
    case 'name':
      scope.set(t.name, v);
      if (record) it.recorder.record(t.loc, t.name, v, why);
      return;
    case 'tuple':
    case 'list': {
      const vals = unpack(it, t.items, v, t.loc);
      t.items.forEach((sub, i) => assignTarget(it, sub.k === 'starred' ? sub.value : sub, vals[i], scope, record, why));
      return;
    }
    case 'starred':
      assignTarget(it, t.value, v, scope, record, why);
      return;
    case 'attr': {
      const obj = evalExpr(it, t.obj, scope);
      setAttr(it, obj, t.name, v);
      const name = targetName(it, t);
      if (record && name) it.recorder.record(t.loc, name, v, why);
      return;
    }
    case 'index': {
      const obj = evalExpr(it, t.obj, scope);
      const idx = evalExpr(it, t.index, scope);
      setIndex(it, obj, idx, v, { loc: t.loc, argExprs: [t.obj, t.index] }, (o, n, a) => callDunder(it, o, n, a, t.loc));
      return;
    }
    default:
      // `f() = 1` and friends are syntax errors the front end reports
      return;
  }
}

/** `target op= value`: in place for arrays (numpy's rules) and lists, rebinding otherwise. */
export function augAssign(it: Interp, s: Stmt & { k: 'augassign' }, scope: Scope): void {
  const t = s.target;
  const site: CallSite = { loc: s.loc, argExprs: [t, s.value] };
  const apply = (cur: Value, val: Value): Value => inplace(it, s.op, cur, val, site);
  if (t.k === 'name') {
    const cur = lookupName(it, t.name, scope);
    const r = apply(cur, evalExpr(it, s.value, scope));
    scope.set(t.name, r);
    it.recorder.record(t.loc, t.name, r);
    return;
  }
  if (t.k === 'attr') {
    const obj = evalExpr(it, t.obj, scope);
    const cur = getAttr(it, obj, t.name, site, (f, a) => callValue(it, f, a, new Map(), site));
    const r = apply(cur, evalExpr(it, s.value, scope));
    setAttr(it, obj, t.name, r);
    const name = targetName(it, t);
    if (name) it.recorder.record(t.loc, name, r);
    return;
  }
  if (t.k === 'index') {
    const obj = evalExpr(it, t.obj, scope);
    const idx = evalExpr(it, t.index, scope);
    const dunder = (o: Value, n: string, a: Value[]): Value | undefined => callDunder(it, o, n, a, t.loc);
    const cur = getIndex(it, obj, idx, site, dunder);
    const val = evalExpr(it, s.value, scope);
    // a[i] += v on an array: numpy computes a[i] + v and stores it back through a[i] = …
    const r = cur.kind === 'array' ? binary(it, s.op, cur, val, site) : apply(cur, val);
    setIndex(it, obj, idx, r, site, dunder);
  }
}

const isIntDtype = (d: string | null): boolean => d !== null && /^u?int/.test(d);

/** The number a Python or numpy scalar (or 0-d array) holds, when determined. */
function scalarNumber(v: Value): number | undefined {
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'array' && v.shape?.length === 0 && v.data && v.dtype !== 'bool') return v.data[0];
  return undefined;
}

function inplace(it: Interp, op: BinOp, cur: Value, val: Value, site: CallSite): Value {
  if (cur.kind === 'array' && !cur.scalar) {
    // numpy's fast scalar power: x **= 2 (or 2.0) squares in place, so an integer array stays integer
    const square = op === '**' && isIntDtype(cur.dtype) && scalarNumber(val) === 2;
    const r = square ? binary(it, '*', cur, cur, site) : binary(it, op, cur, val, site);
    inplaceResult(it, op, cur, r, site);
    return cur;
  }
  if (cur.kind === 'list' && op === '+') {
    const items = iterate(it, val, site);
    it.heap.touch(cur);
    if (items && cur.items) cur.items.push(...items);
    else {
      cur.elem = cur.items?.[0] ?? cur.elem;
      cur.items = null;
    }
    return cur;
  }
  return binary(it, op, cur, val, site);
}

/** After a line failed, its targets hold unknown values (with why) so later lines go on. */
export function bindUnknownTargets(it: Interp, s: Stmt, scope: Scope, why: L10nText): void {
  const unknown: Value = { kind: 'unknown', why };
  const bindNames = (t: Expr): void => {
    if (t.k === 'name') {
      scope.set(t.name, unknown);
      it.recorder.recordFailure(t.loc, t.name, why);
    } else if (t.k === 'tuple' || t.k === 'list') t.items.forEach(bindNames);
    else if (t.k === 'starred') bindNames(t.value);
    else if (t.k === 'attr') {
      const name = targetName(it, t);
      if (name) it.recorder.recordFailure(t.loc, name, why);
    }
  };
  if (s.k === 'assign') s.targets.forEach(bindNames);
  else if (s.k === 'augassign') bindNames(s.target);
  else if (s.k === 'for') bindNames(s.target);
  else if (s.k === 'with') for (const item of s.items) if (item.target) bindNames(item.target);
}
