// Evaluating expressions to abstract values, recording each expression's first value in
// Trace.exprValues (what the formula recognisers and derivations read).

import { KNOWN_EXCEPTIONS, PyError } from '../builtins/errors';
import { pyStr } from '../builtins/format';
import { GLOBAL_BUILTINS } from '../builtins/functions';
import { NumpyError } from '../diagnostics';
import type { Arg, Expr } from '../ir';
import { Value as V, type Value } from '../values';
import { assignTarget } from './assign';
import { getAttr } from './attrs';
import { callValue, makeFunction } from './calls';
import type { Interp } from './context';
import type { CallSite } from './dispatch';
import { elemOf, iterate } from './iterate';
import { mergeValue } from './merge';
import { moduleAttr } from './modules';
import { binary, compare, truth, unary } from './operators';
import { Scope } from './scope';
import { getIndex } from './subscript';
import { tsGlobal } from './tsGlobals';
import { toJsString } from './tsValues';

export function evalExpr(it: Interp, e: Expr, scope: Scope): Value {
  it.tick();
  let v: Value;
  try {
    v = evalInner(it, e, scope);
  } catch (err) {
    if ((err instanceof PyError || err instanceof NumpyError) && !it.errLoc.has(err)) it.errLoc.set(err, e.loc);
    throw err;
  }
  if (it.exprValues[e.id] === undefined) it.recordExpr(e, v);
  return v;
}

export function lookupName(it: Interp, name: string, scope: Scope): Value {
  const v = scope.lookup(name);
  if (v !== undefined) return v;
  if (it.language === 'typescript') return tsGlobal(name);
  if (GLOBAL_BUILTINS.has(name) || KNOWN_EXCEPTIONS.has(name)) return { kind: 'builtin', name };
  if (name === '__name__') return { kind: 'str', value: '__main__' };
  if (name === 'NotImplemented' || name === 'Ellipsis') return { kind: 'unknown' };
  for (const m of it.starModules) {
    try {
      const x = moduleAttr(m, name);
      if (x.kind !== 'module') return x;
    } catch {
      // not in that module
    }
  }
  if (it.speculative) return { kind: 'unknown' };
  throw new PyError('NameError', { en: `name '${name}' is not defined`, fr: `le nom '${name}' n'est pas défini` });
}

/** Positional and keyword arguments, with `*xs` and `**kw` expanded. */
export function evalArgs(it: Interp, args: readonly Arg[], scope: Scope, loc: Expr['loc']): { args: Value[]; kwargs: Map<string, Value>; site: CallSite } {
  const pos: Value[] = [];
  const kwargs = new Map<string, Value>();
  let plain = true;
  let uncertain = false;
  for (const a of args) {
    const v = evalExpr(it, a.value, scope);
    if (a.star === '*') {
      plain = false;
      const items = iterate(it, v, { loc: a.value.loc });
      if (items) pos.push(...items);
      else uncertain = true;
    } else if (a.star === '**') {
      plain = false;
      if (v.kind === 'dict' && v.map) {
        for (const e of v.map.values()) if (e.key.kind === 'str' && e.key.value !== undefined) kwargs.set(e.key.value, e.value);
      } else uncertain = true;
    } else if (a.name !== undefined) kwargs.set(a.name, v);
    else pos.push(v);
  }
  const site: CallSite = { loc, uncertainArgs: uncertain || undefined };
  if (plain) site.argExprs = positionalExprs(args);
  return { args: pos, kwargs, site };
}

/** The positional argument expressions of a call as written: per call node, not per evaluation. */
const positional = new WeakMap<readonly Arg[], readonly Expr[]>();

function positionalExprs(args: readonly Arg[]): readonly Expr[] {
  let out = positional.get(args);
  if (!out) positional.set(args, (out = args.filter((a) => a.name === undefined).map((a) => a.value)));
  return out;
}

function evalItems(it: Interp, items: readonly Expr[], scope: Scope): Value[] | null {
  const out: Value[] = [];
  let known = true;
  for (const x of items) {
    if (x.k === 'starred') {
      const v = evalExpr(it, x.value, scope);
      const xs = iterate(it, v, { loc: x.loc });
      if (xs) out.push(...xs);
      else known = false;
    } else out.push(evalExpr(it, x, scope));
  }
  return known ? out : null;
}

function evalInner(it: Interp, e: Expr, scope: Scope): Value {
  switch (e.k) {
    case 'num':
      // every JavaScript number is a float64
      return e.isInt && it.language !== 'typescript' ? { kind: 'int', value: e.value } : { kind: 'float', value: e.value };
    case 'str':
      return { kind: 'str', value: e.value };
    case 'bool':
      return { kind: 'bool', value: e.value };
    case 'none':
      return V.none;
    case 'ellipsis':
      return { kind: 'ellipsis' };
    case 'fstr': {
      let s: string | undefined = '';
      for (const p of e.parts) {
        if (typeof p === 'string') s = s === undefined ? undefined : s + p;
        else {
          const pv = evalExpr(it, p, scope);
          const t = it.language === 'typescript' ? toJsString(pv) : pyStr(pv);
          s = s === undefined || t === undefined ? undefined : s + t;
        }
      }
      return { kind: 'str', value: s };
    }
    case 'name':
      return lookupName(it, e.name, scope);
    case 'attr': {
      const obj = evalExpr(it, e.obj, scope);
      return getAttr(it, obj, e.name, { loc: e.loc }, (f, a) => callValue(it, f, a, new Map(), { loc: e.loc }));
    }
    case 'index': {
      const obj = evalExpr(it, e.obj, scope);
      const idx = evalExpr(it, e.index, scope);
      return getIndex(it, obj, idx, { loc: e.loc, argExprs: [e.obj, e.index] }, (o, n, a) => callDunder(it, o, n, a, e.loc));
    }
    case 'slice':
      return {
        kind: 'slice',
        start: e.lower ? evalExpr(it, e.lower, scope) : V.none,
        stop: e.upper ? evalExpr(it, e.upper, scope) : V.none,
        step: e.step ? evalExpr(it, e.step, scope) : V.none,
      };
    case 'call':
    case 'new': {
      const fn = evalExpr(it, e.k === 'call' ? e.fn : e.cls, scope);
      const { args, kwargs, site } = evalArgs(it, e.args, scope, e.loc);
      return callValue(it, fn, args, kwargs, site);
    }
    case 'bin': {
      const a = evalExpr(it, e.left, scope);
      const b = evalExpr(it, e.right, scope);
      return binary(it, e.op, a, b, { loc: e.loc, argExprs: [e.left, e.right] });
    }
    case 'unary':
      return unary(it, e.op, evalExpr(it, e.operand, scope), { loc: e.loc, argExprs: [e.operand] });
    case 'cmp': {
      let left = evalExpr(it, e.operands[0], scope);
      let result: Value | undefined;
      let known: boolean | undefined = true;
      for (let i = 0; i < e.ops.length; i++) {
        const right = evalExpr(it, e.operands[i + 1], scope);
        const r = compare(it, e.ops[i], left, right, { loc: e.loc, argExprs: [e.operands[i], e.operands[i + 1]] });
        if (e.ops.length === 1) return r;
        const t = truth(it, r);
        if (t === false) return { kind: 'bool', value: false };
        if (t === undefined) known = undefined;
        result = r;
        left = right;
      }
      return known ? result! : { kind: 'bool' };
    }
    case 'boolop': {
      let v = evalExpr(it, e.values[0], scope);
      for (let i = 1; i < e.values.length; i++) {
        // `a ?? b` goes on to b only when a is null/undefined
        const t = e.op === '??' ? (v.kind === 'unknown' ? undefined : v.kind !== 'none') : truth(it, v);
        if (t === undefined) {
          // undecidable: the result is one of the operands
          let rest = evalExpr(it, e.values[i], scope);
          for (let j = i + 1; j < e.values.length; j++) rest = mergeValue(rest, evalExpr(it, e.values[j], scope), it.freshSym);
          return mergeValue(v, rest, it.freshSym);
        }
        if (e.op === 'and' ? !t : t) return v;
        v = evalExpr(it, e.values[i], scope);
      }
      return v;
    }
    case 'cond': {
      const t = truth(it, evalExpr(it, e.test, scope));
      if (t === true) return evalExpr(it, e.body, scope);
      if (t === false) return evalExpr(it, e.orelse, scope);
      return mergeValue(evalExpr(it, e.body, scope), evalExpr(it, e.orelse, scope), it.freshSym);
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const items = evalItems(it, e.items, scope);
      if (e.k !== 'set') return { kind: e.k, items };
      if (!items) return { kind: 'set', map: null };
      const map = new Map<string, Value>();
      for (const x of items) {
        const k = V.key(x);
        if (k === undefined) return { kind: 'set', map: null };
        if (!map.has(k)) map.set(k, x);
      }
      return { kind: 'set', map };
    }
    case 'dict': {
      let map: Map<string, { key: Value; value: Value }> | null = new Map();
      for (const ent of e.entries) {
        if (ent.key === null) {
          const v = evalExpr(it, ent.value, scope);
          if (v.kind === 'dict' && v.map && map) for (const [k, x] of v.map) map.set(k, x);
          else map = null;
          continue;
        }
        const k = evalExpr(it, ent.key, scope);
        const v = evalExpr(it, ent.value, scope);
        const key = V.key(k);
        if (key === undefined) map = null;
        else map?.set(key, { key: k, value: v });
      }
      return { kind: 'dict', map };
    }
    case 'comp':
      return evalComp(it, e, scope);
    case 'func':
      return makeFunction(it, { name: e.name ?? '<lambda>', params: e.params, body: e.body, loc: e.loc, node: e, isLambda: true }, scope);
    case 'starred':
      return evalExpr(it, e.value, scope);
    case 'namedexpr': {
      const v = evalExpr(it, e.value, scope);
      assignTarget(it, e.target, v, scope, true);
      return v;
    }
    case 'unsupported':
      return { kind: 'unknown', why: { en: `${e.reason} (${e.text.slice(0, 40)})`, fr: `syntaxe non modélisée : ${e.reason} (${e.text.slice(0, 40)})` } };
  }
}

export function callDunder(it: Interp, obj: Value, name: string, args: Value[], loc: Expr['loc']): Value | undefined {
  if (obj.kind !== 'instance') return undefined;
  const m = getAttr(it, obj, name, { loc }, (f, a) => callValue(it, f, a, new Map(), { loc }));
  if (m.kind === 'unknown') return undefined;
  return callValue(it, m, args, new Map(), { loc });
}

/** Longest comprehension materialised element by element. */
const MAX_COMP = 100_000;

function evalComp(it: Interp, e: Expr & { k: 'comp' }, scope: Scope): Value {
  const inner = new Scope('function', scope, it.heap);
  const out: Value[] = [];
  const keys: Value[] = [];
  let lengthKnown = true;
  const gen = (k: number): void => {
    if (k === e.gens.length) {
      if (e.kind === 'dict') {
        keys.push(evalExpr(it, e.elt, inner));
        out.push(evalExpr(it, e.value!, inner));
      } else out.push(evalExpr(it, e.elt, inner));
      return;
    }
    const g = e.gens[k];
    const src = evalExpr(it, g.iter, k === 0 ? scope : inner);
    const items = iterate(it, src, { loc: g.iter.loc });
    const run = (item: Value): void => {
      assignTarget(it, g.target, item, inner, false);
      for (const cond of g.ifs) {
        const t = truth(it, evalExpr(it, cond, inner));
        if (t === false) return;
        if (t === undefined) lengthKnown = false;
      }
      gen(k + 1);
    };
    if (!items || items.length > MAX_COMP) {
      lengthKnown = false;
      run(elemOf(it, src, { loc: g.iter.loc }));
      return;
    }
    for (const item of items) run(item);
  };
  gen(0);
  const join = (xs: Value[]): Value | undefined => (xs.length ? xs.slice(0, 64).reduce((a, b) => mergeValue(a, b, it.freshSym)) : undefined);
  switch (e.kind) {
    case 'list':
    case 'gen':
      return lengthKnown ? { kind: 'list', items: out } : { kind: 'list', items: null, ...(join(out) ? { elem: join(out) } : {}) };
    case 'set': {
      if (!lengthKnown) return { kind: 'set', map: null };
      const map = new Map<string, Value>();
      for (const x of out) {
        const key = V.key(x);
        if (key === undefined) return { kind: 'set', map: null };
        map.set(key, x);
      }
      return { kind: 'set', map };
    }
    case 'dict': {
      if (!lengthKnown) return { kind: 'dict', map: null };
      const map = new Map<string, { key: Value; value: Value }>();
      for (let i = 0; i < out.length; i++) {
        const key = V.key(keys[i]);
        if (key === undefined) return { kind: 'dict', map: null };
        map.set(key, { key: keys[i], value: out[i] });
      }
      return { kind: 'dict', map };
    }
  }
}
