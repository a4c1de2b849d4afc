// Calling a numpy (or mathjs) operation from the registry: build the OpCall, run the shape
// rule, then the evaluator only when every input is determined and the result fits the size
// bound. A missing op is "not modelled yet" (info, unknown result), never an error.

import { NumpyError } from '../diagnostics';
import type { Expr, Loc } from '../ir';
import { findOp } from '../ops/registry';
import type { OpCall } from '../ops/types';
import type { L10nText, Value } from '../values';
import { PyError } from '../builtins/errors';
import { BudgetExceeded, type Interp } from './context';
import { isDetermined } from '../ops/convert';
import { isViewOp, linkOpView } from './opViews';
import { outTarget, outValuesNeeded, settleOut } from './outParam';
import { forgetUnmodelledDraw, touchGlobalRandom } from './randomJoin';

export interface CallSite {
  loc: Loc;
  /** positional argument expressions, when the call is written in the source */
  argExprs?: readonly Expr[];
  /** the arguments came through `*xs` / `**kw` of unknown length: arity cannot be checked */
  uncertainArgs?: boolean;
}

/** Ops that write into one of their arguments (numpy in-place functions). */
const MUTATES_ARG0 = new Set(['np.random.shuffle', 'Generator.shuffle', 'RandomState.shuffle', 'np.copyto', 'np.put', 'np.fill_diagonal', 'np.place', 'np.putmask']);
const MUTATES_SELF = new Set(['ndarray.fill', 'ndarray.sort', 'ndarray.resize', 'ndarray.itemset', 'ndarray.put', 'math.Matrix.subset']);

export function notModelled(name: string): L10nText {
  return { en: `${name} is not modelled yet`, fr: `${name} n'est pas encore modélisé` };
}

function fits(v: Value, max: number, depth = 0): boolean {
  if (v.kind === 'array') {
    if (!v.shape) return false;
    let n = 1;
    for (const d of v.shape) {
      if (typeof d !== 'number') return false;
      n *= d;
    }
    return n <= max;
  }
  if ((v.kind === 'tuple' || v.kind === 'list') && v.items && depth < 3) return v.items.every((x) => fits(x, max, depth + 1));
  return true;
}

/** Give an in-place op its own copy of the buffer so recorded values keep the old one. */
function prepareMutation(it: Interp, v: Value | undefined): void {
  // a list shuffled in place: its items are logged so a fork (or a re-trace) can put them back
  if (v?.kind === 'list') it.heap.touch(v);
  if (v?.kind !== 'array') return;
  it.heap.touch(v);
  if (v.data) v.data = v.data.slice();
}

/** The empty keyword map shared by operator calls (ops only read it). */
export const NO_KWARGS: Map<string, Value> = new Map();

/** argLocs / argTexts are computed only if an op reads them (error messages): most calls never do. */
class LazyCall implements OpCall {
  private locs?: Loc[];
  private texts?: string[];
  readonly loc: Loc;
  readonly ctx: OpCall['ctx'];
  constructor(
    private readonly it: Interp,
    readonly name: string,
    readonly args: Value[],
    readonly kwargs: Map<string, Value>,
    readonly self: Value | undefined,
    private readonly site: CallSite,
  ) {
    this.loc = site.loc;
    this.ctx = it.opCtx;
  }
  get argLocs(): Loc[] {
    return (this.locs ??= this.args.map((_, i) => this.site.argExprs?.[i]?.loc ?? this.site.loc));
  }
  get argTexts(): string[] {
    const ex = this.site.argExprs;
    return (this.texts ??= this.args.map((_, i) => (ex?.[i] ? this.it.textOf(ex[i].loc) : '')));
  }
}

function makeCall(it: Interp, name: string, args: Value[], kwargs: Map<string, Value>, self: Value | undefined, site: CallSite): OpCall {
  return new LazyCall(it, name, args, kwargs, self, site);
}

const PRODUCTS = new Set(['op.matmul', 'np.matmul', 'np.dot', 'ndarray.dot', 'np.inner', 'np.tensordot', 'np.einsum', 'np.linalg.multi_dot', 'np.linalg.inv', 'np.linalg.solve', 'np.linalg.det', 'np.linalg.eig', 'np.linalg.eigh', 'np.linalg.svd', 'np.linalg.matrix_power']);

/**
 * maxElements bounds what is stored; products also bound the work: (result size) × (inner size)
 * multiply-adds, at most 20 × maxElements (a few tens of ms), else the result keeps its shape only.
 */
function affordable(name: string, args: Value[], self: Value | undefined, result: Value, max: number): boolean {
  if (!PRODUCTS.has(name)) return true;
  let inner = 1;
  for (const a of [self, ...args]) {
    if (a?.kind === 'array' && a.shape) {
      const n = a.shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
      inner = Math.max(inner, a.shape.length ? (a.shape[a.shape.length - 1] as number) || 1 : 1, name.startsWith('np.linalg') ? n : 1);
    }
  }
  const out = result.kind === 'array' && result.shape ? result.shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1) : 1;
  return out * inner <= 20 * max;
}

function forgetData(it: Interp, v: Value | undefined): void {
  if (v?.kind !== 'array' || !v.data) return;
  it.heap.touch(v);
  delete v.data;
}

export function hasOp(name: string): boolean {
  return findOp(name) !== undefined;
}

export function callOp(it: Interp, name: string, args: Value[], kwargs: Map<string, Value>, self: Value | undefined, site: CallSite): Value {
  const op = findOp(name);
  if (!op) {
    // whatever the real function writes into its argument, the tracer no longer knows its values
    if (MUTATES_ARG0.has(name)) forgetData(it, args[0]);
    if (MUTATES_SELF.has(name)) forgetData(it, self);
    forgetUnmodelledDraw(it, name, self);
    it.info(site.loc, 'not-modelled', notModelled(name));
    return { kind: 'unknown', why: notModelled(name) };
  }
  const call = makeCall(it, name, args, kwargs, self, site);
  if (self?.kind === 'rng') it.heap.touch(self);
  touchGlobalRandom(it, name);
  if (MUTATES_ARG0.has(name)) prepareMutation(it, args[0]);
  if (MUTATES_SELF.has(name)) prepareMutation(it, self);
  const out = outTarget(op, args, kwargs);
  if (out) prepareMutation(it, out);
  if (name.startsWith('np.random.') || self?.kind === 'rng') it.randomDirty = true;
  try {
    let result = op.shape(call);
    const skip = out && !outValuesNeeded(kwargs) ? out : undefined;
    if (fits(result, it.options.maxElements) && affordable(name, args, self, result, it.options.maxElements) && determined(args, kwargs, self, skip)) {
      result = op.evaluate(call, result);
      // transpose, reshape, split, … return views: writes through either side show in the other
      if (isViewOp(name)) {
        result = linkOpView(name, self ?? args[0], result, (iota) => {
          const c = makeCall(it, name, self ? args : [iota, ...args.slice(1)], kwargs, self ? iota : undefined, site);
          return op.evaluate(c, op.shape(c));
        });
      }
    }
    if (out) return settleOut(it, out, result, site);
    if (result?.kind === 'array' && !result.shape && !result.why) {
      // say why the result is unknown: because an operand is (a parameter never passed, …)
      const src = [self, ...args].find((a) => a && (a.kind === 'array' || a.kind === 'unknown') && a.why) as { why?: L10nText } | undefined;
      if (src?.why) result = { ...result, why: src.why };
    }
    return result ?? { kind: 'none' };
  } catch (err) {
    if (err instanceof NumpyError) throw err;
    if (err instanceof BudgetExceeded || err instanceof PyError) throw err;
    // a bug in an op must not stop the trace: say so, and go on with unknown
    const msg = err instanceof Error ? err.message : String(err);
    it.info(site.loc, 'internal', { en: `internal error in ${name}: ${msg}`, fr: `erreur interne dans ${name} : ${msg}` });
    return { kind: 'unknown', why: { en: `${name} failed inside the tracer`, fr: `${name} a échoué dans le traceur` } };
  }
}

/** `skip`: an `out` array whose current values the op does not read. */
function determined(args: Value[], kwargs: Map<string, Value>, self: Value | undefined, skip?: Value): boolean {
  for (const a of args) if (a !== skip && !operandDetermined(a)) return false;
  // (most calls pass no keywords: no iterator for an empty map)
  if (kwargs.size) for (const a of kwargs.values()) if (a !== skip && !(skip && a.kind === 'tuple' && a.items?.[0] === skip) && !operandDetermined(a)) return false;
  return self === undefined || isDetermined(self);
}

/** Known, and (inside lists) numeric: the ops model no string arrays, so never evaluate those. */
function operandDetermined(v: Value): boolean {
  if ((v.kind === 'list' || v.kind === 'tuple') && v.items && hasStrItem(v, 0)) return false;
  return isDetermined(v);
}

function hasStrItem(v: Value, depth: number): boolean {
  if (depth > 8) return false;
  if (v.kind === 'str') return depth > 0;
  if ((v.kind === 'list' || v.kind === 'tuple') && v.items) return v.items.some((x) => hasStrItem(x, depth + 1));
  return false;
}
