// Expression helpers of the TypeScript view (tsDesugar.ts): literal numbers, whole-list detection,
// structural matching (`mentions`, `same`), substitution of names and a generic child mapper.

import type { Expr } from '../ir';
import type { Value } from '../values';

export function numberLiteral(e: Expr): number | undefined {
  if (e.k === 'num') return e.value;
  return e.k === 'unary' && e.op === '-' && e.operand.k === 'num' ? -e.operand.value : undefined;
}

/** xs[0], xs[1], …, xs[n-1] of one name whose traced list has exactly n items: that name's node. */
export function wholeList(items: Expr[], values: readonly (Value | undefined)[]): Expr | undefined {
  const first = items[0];
  if (first?.k !== 'index' || first.obj.k !== 'name') return undefined;
  const name = first.obj.name;
  const ok = items.every((x, k) => x.k === 'index' && x.obj.k === 'name' && x.obj.name === name && x.index.k === 'num' && x.index.value === k);
  const v = values[first.obj.id];
  return ok && v?.kind === 'list' && v.items?.length === items.length ? first.obj : undefined;
}

export function isNp(e: Extract<Expr, { k: 'call' }>, ...names: string[]): boolean {
  if (e.fn.k !== 'attr' || !names.includes(e.fn.name)) return false;
  return e.fn.obj.k === 'name' && e.fn.obj.name === 'np' && e.fn.obj.id < 0;
}

/** Does `e` contain the very node `target` (the receiver substituted for the callback's parameter)? */
export function mentions(e: Expr, target: Expr): boolean {
  if (e === target) return true;
  let found = false;
  mapChildren(e, (x) => {
    if (!found && mentions(x, target)) found = true;
    return x;
  });
  return found;
}

/** `(s, x) => s + f(x)` → the function `(x) => f(x)`; undefined for other reducers. */
export function accumulated(f: Expr | undefined): Expr | undefined {
  if (!f || f.k !== 'func' || Array.isArray(f.body) || f.params.length !== 2) return undefined;
  const b = f.body;
  const [acc, x] = f.params;
  if (b.k !== 'bin' || b.op !== '+' || b.left.k !== 'name' || b.left.name !== acc.name) return undefined;
  return { ...f, params: [x], body: b.right };
}

/** Structural version of `mentions` (the `.length` receiver is another node than the summed one). */
export function mentionsLike(e: Expr, target: Expr): boolean {
  if (same(e, target)) return true;
  let found = false;
  mapChildren(e, (x) => {
    if (!found && mentionsLike(x, target)) found = true;
    return x;
  });
  return found;
}

export function isAddition(f: Expr | undefined): boolean {
  if (!f || f.k !== 'func' || Array.isArray(f.body) || f.params.length !== 2) return false;
  const b = f.body;
  if (b.k !== 'bin' || b.op !== '+' || b.left.k !== 'name' || b.right.k !== 'name') return false;
  const names = new Set([b.left.name, b.right.name]);
  return names.has(f.params[0].name) && names.has(f.params[1].name) && names.size === 2;
}

export function same(a: Expr | undefined, b: Expr | undefined): boolean {
  return !!a && !!b && JSON.stringify(a, (k, v) => (k === 'id' || k === 'loc' ? undefined : v)) === JSON.stringify(b, (k, v) => (k === 'id' || k === 'loc' ? undefined : v));
}

/** Replace names bound in `env` (not inside nested functions, which may shadow them). */
export function subst(e: Expr, env: Map<string, Expr>): Expr {
  if (env.size === 0) return e;
  const walk = (x: Expr): Expr => {
    if (x.k === 'name') return env.get(x.name) ?? x;
    if (x.k === 'func') return x;
    return mapChildren(x, walk);
  };
  return walk(e);
}

export function mapChildren(e: Expr, f: (x: Expr) => Expr): Expr {
  switch (e.k) {
    case 'call':
      return { ...e, fn: f(e.fn), args: e.args.map((a) => ({ ...a, value: f(a.value) })) };
    case 'bin':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'unary':
      return { ...e, operand: f(e.operand) };
    case 'cmp':
      return { ...e, operands: e.operands.map(f) };
    case 'cond':
      return { ...e, test: f(e.test), body: f(e.body), orelse: f(e.orelse) };
    case 'attr':
      return { ...e, obj: f(e.obj) };
    case 'index':
      return { ...e, obj: f(e.obj), index: f(e.index) };
    case 'list':
    case 'tuple':
      return { ...e, items: e.items.map(f) };
    case 'starred':
      return { ...e, value: f(e.value) };
    default:
      return e;
  }
}
