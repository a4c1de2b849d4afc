// Building FormulaSites, and the shared forms several recognisers look for (a softmax written
// inline, a call of the student's own softmax, scaled scores) so that attention, lints and the
// softmax recogniser agree on what a softmax is.

import type { Expr, Loc } from '../ir';
import type { FormulaKind, FormulaSite } from '../types';
import { arg, intValue, isCall, lastAssigned, loopVars, matmulOperands, numLit, qualName, rawOf, reduction, sameExpr, sqrtOf, through, transposed, stmtExprs, targetName, type ExprOf, type MatchContext, type Reduction, type StmtInfo } from './match';

export function makeSite(kind: FormulaKind, at: StmtInfo, result: Expr, operands: Record<string, Expr>, facts: FormulaSite['facts'], from?: Loc): FormulaSite {
  const loc: Loc = from ? { line: from.line, col: from.col, endLine: at.stmt.loc.endLine, endCol: at.stmt.loc.endCol } : { ...at.stmt.loc };
  // the CodeLens goes on the statement that computes the result; multi-line blocks override it
  const site: FormulaSite = { kind, loc, line: at.stmt.loc.line, resultExpr: result, operands, facts };
  const t = targetName(at.stmt);
  if (t) site.target = t;
  return site;
}

/** The top-level expression of a statement (assignment value, return value, expression). */
export function topExpr(at: StmtInfo): Expr | undefined {
  const e = stmtExprs(at.stmt)[0];
  // `return poids @ V, poids`: the formula is the first item of the returned tuple
  if (e && e.k === 'tuple' && at.stmt.k === 'return' && e.items.length > 0) return e.items[0];
  // `tetes.append(w @ V)`: the formula is what is appended (heads collected in a loop)
  if (e && at.stmt.k === 'expr' && e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'append' && e.args.length === 1 && !e.args[0].name) return e.args[0].value;
  return e;
}

/**
 * The sum of a softmax's denominator, also when the reduced axis is put back by hand instead of
 * keepdims=True: `e.sum(axis=1)[:, None]`, `[:, np.newaxis]`, `[..., None]`, `.reshape(-1, 1)`.
 */
function denominatorSum(ctx: MatchContext, e: Expr): Reduction | undefined {
  const direct = reduction(ctx, e, ['sum']);
  if (direct) return direct;
  let inner: Expr | undefined;
  let restoresLast = false;
  let restoresFirst = false;
  const isNone = (x: Expr) => x.k === 'none' || (x.k === 'attr' && x.name === 'newaxis' && qualName(ctx, x) === 'np.newaxis');
  const isAll = (x: Expr) => x.k === 'slice' && !x.lower && !x.upper && !x.step;
  if (e.k === 'index') {
    inner = e.obj;
    const items = e.index.k === 'tuple' ? e.index.items : [e.index];
    const last = items[items.length - 1];
    restoresLast = items.length >= 2 && isNone(last) && items.slice(0, -1).every((x) => isAll(x) || x.k === 'ellipsis');
    restoresFirst = isNone(items[0]) && items.slice(1).every(isAll);
  } else if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'reshape' && e.args.length === 2 && numLit(e.args[1].value) === 1) {
    inner = e.fn.obj;
    restoresLast = true;
  }
  const red = inner && reduction(ctx, inner, ['sum']);
  if (!red || !red.axis) return undefined;
  const ax = intValue(ctx, red.axis);
  const rank = arrayRank(ctx, red.operand);
  if (ax === undefined || rank === undefined) return undefined;
  const norm = ax < 0 ? ax + rank : ax;
  // only when the inserted axis is the one the sum removed: then it is exactly keepdims=True
  const ok = (restoresLast && norm === rank - 1) || (restoresFirst && norm === 0 && rank === 2);
  return ok ? { ...red, keepdims: true } : undefined;
}

function arrayRank(ctx: MatchContext, e: Expr): number | undefined {
  const v = ctx.values[e.id];
  return v && v.kind === 'array' && v.shape ? v.shape.length : undefined;
}

export interface SoftmaxForm {
  z: Expr;
  /** normalisation axis as written (-1 when given as the last axis), undefined: no axis (whole array) */
  axis?: number;
  axisExpr?: Expr;
  stable: boolean;
  keepdims: boolean;
  /** the sum call (for the keepdims / axis quick fixes) */
  sumCall?: Expr;
  /** the exp line when the exponentials were assigned on an earlier line */
  from?: StmtInfo;
  form: 'inline' | 'scipy' | 'user';
}

/** np.exp(z [- max z]) / np.sum(np.exp(…), axis, keepdims) on one or two lines. */
export function inlineSoftmax(ctx: MatchContext, at: StmtInfo, e: Expr): SoftmaxForm | undefined {
  if (e.k !== 'bin' || e.op !== '/') return undefined;
  let from: StmtInfo | undefined;
  let num = e.left;
  if (num.k === 'name') {
    const def = lastAssigned(ctx, at, num.name);
    if (!def) return undefined;
    num = def.value;
    from = def.info;
  }
  if (!isCall(ctx, num, 'np.exp')) return undefined;
  const den = denominatorSum(ctx, e.right);
  if (!den) return undefined;
  if (!sameExpr(den.operand, e.left) && !sameExpr(through(ctx, at, den.operand), num)) return undefined;
  const x = arg(num, 0);
  if (!x) return undefined;
  let z = x;
  let stable = false;
  // np.exp(z - z.max(…)), also through a name: `ligne = S[i] - np.max(S[i])` then np.exp(ligne)
  const shifted = x.k === 'bin' ? x : through(ctx, from ?? at, x);
  if (shifted.k === 'bin' && shifted.op === '-') {
    const mx = reduction(ctx, shifted.right, ['max', 'amax']);
    if (mx && sameExpr(mx.operand, shifted.left)) {
      z = shifted.left;
      stable = true;
    }
  }
  // an axis given by a variable (`axis=axis`, a parameter defaulting to -1) is read from the trace
  const axis = den.axis ? intValue(ctx, den.axis) : undefined;
  return { z, axis, axisExpr: den.axis, stable, keepdims: den.keepdims, sumCall: den.call, from, form: 'inline' };
}

/** A call of scipy.special.softmax or of the student's own `def softmax` / method `self.softmax` (its body an inline softmax). */
export function softmaxCall(ctx: MatchContext, e: Expr): SoftmaxForm | undefined {
  if (e.k !== 'call') return undefined;
  const q = qualName(ctx, e.fn);
  if (q === 'scipy.special.softmax') {
    const z = arg(e, 0, 'x');
    const ax = arg(e, 1, 'axis');
    return z ? { z, axis: ax ? intValue(ctx, ax) : undefined, axisExpr: ax, stable: true, keepdims: true, form: 'scipy' } : undefined;
  }
  const def = e.fn.k === 'name' && q === e.fn.name ? ctx.defs.get(e.fn.name) : e.fn.k === 'attr' && e.fn.obj.k === 'name' && e.fn.obj.name === 'self' ? ctx.methods.get(e.fn.name) : undefined;
  if (!def) return undefined;
  // a method's first parameter is the instance, not the scores
  const params = def.params.filter((p, i) => !(i === 0 && e.fn.k === 'attr' && (p.name === 'self' || p.name === 'cls')));
  const p0 = params[0];
  const z = p0 && (arg(e, 0, p0.name));
  if (!z) return undefined;
  for (const info of rawOf(ctx.stmts).filter((s) => s.scope === def.name)) {
    const top = topExpr(info);
    const f = top && inlineSoftmax(ctx, info, top);
    if (!f || f.z.k !== 'name' || p0.name !== f.z.name) continue;
    // an axis parameter (`def softmax(x, axis=-1)`) takes the call's argument, else its default
    let axis = f.axis;
    const ai = f.axisExpr?.k === 'name' ? params.findIndex((p) => p.name === (f.axisExpr as ExprOf<'name'>).name) : -1;
    if (ai > 0) axis = intValue(ctx, arg(e, ai, params[ai].name)) ?? numLit(params[ai].default) ?? axis;
    return { ...f, z, axis, from: undefined, form: 'user' };
  }
  return undefined;
}

export function anySoftmax(ctx: MatchContext, at: StmtInfo, e: Expr): SoftmaxForm | undefined {
  return inlineSoftmax(ctx, at, e) ?? softmaxCall(ctx, e);
}

export interface ScoresForm {
  Q: Expr;
  K: Expr;
  /** the divisor expression (np.sqrt(d_k)) and what is under the root (d_k) */
  divisor?: Expr;
  under?: Expr;
  scaled: boolean;
  /** one entry per loop iteration: `S[i, j] = np.dot(Q[i], K[j]) / np.sqrt(d)` (Q and K are the whole matrices) */
  entryLoop?: boolean;
}

/**
 * Q @ K.T [/ np.sqrt(d)] in its spellings (np.matmul, np.dot, K.transpose(), * (1 / np.sqrt(d))),
 * with the product possibly assigned on an earlier line (`s = Q @ K.T` then `s = s / np.sqrt(d)`
 * or `s /= np.sqrt(d)`), or one entry at a time in loops over i and j.
 */
export function scoresForm(ctx: MatchContext, at: StmtInfo, e: Expr): ScoresForm | undefined {
  const direct = (x: Expr): { Q: Expr; K: Expr; entryLoop?: boolean } | undefined => {
    const es = einsumScores(ctx, x);
    if (es) return es;
    const mm = matmulOperands(ctx, x);
    if (!mm) return undefined;
    const K = transposed(ctx, mm[1]);
    if (K) return { Q: mm[0], K };
    const entry = loopEntry(at, mm[0], mm[1]);
    return entry ? { ...entry, entryLoop: true } : undefined;
  };
  const product = (x: Expr) => direct(x) ?? (x.k === 'name' ? direct(through(ctx, at, x)) : undefined);
  if (e.k === 'bin' && (e.op === '/' || e.op === '*')) {
    const qk = product(e.left);
    if (qk) {
      let d: Expr | undefined = e.right;
      if (e.op === '*') d = d.k === 'bin' && d.op === '/' && numLit(d.left) === 1 ? d.right : undefined;
      if (d) {
        const resolved = through(ctx, at, d);
        const under = sqrtOf(ctx, resolved);
        if (under || e.op === '/') return { ...qk, divisor: d, under, scaled: true };
      }
    }
  }
  const qk = direct(e);
  return qk ? { ...qk, scaled: false } : undefined;
}

/** np.einsum('btd,bsd->bts', Q, K) and its spellings: the last index of both contracted, the others kept in order. */
function einsumScores(ctx: MatchContext, e: Expr): { Q: Expr; K: Expr } | undefined {
  if (!isCall(ctx, e, 'np.einsum')) return undefined;
  const spec = arg(e, 0);
  const [Q, K] = [arg(e, 1), arg(e, 2)];
  if (!spec || spec.k !== 'str' || !Q || !K) return undefined;
  const m = /^\s*(\w+)\s*,\s*(\w+)\s*->\s*(\w+)\s*$/.exec(spec.value);
  if (!m) return undefined;
  const [a, b, out] = [m[1], m[2], m[3]];
  const d = a[a.length - 1];
  const batch = a.slice(0, -2);
  // ...id, ...jd -> ...ij: every query row against every key row, summed over d
  const ok = a.length >= 2 && a.length === b.length && b[b.length - 1] === d && b.slice(0, -2) === batch
    && out === `${batch}${a[a.length - 2]}${b[b.length - 2]}` && a[a.length - 2] !== b[b.length - 2] && !out.includes(d);
  return ok ? { Q, K } : undefined;
}

/** `S = np.zeros((n, n))` then `S[i, j] = np.dot(Q[i], K[j]) / np.sqrt(d)` in loops: the scores S holds before `at`. */
export function loopFilledScores(ctx: MatchContext, at: StmtInfo, name: string): ScoresForm | undefined {
  // by name: the statements assigning `name` (a later edit elsewhere is found through names)
  const stmts = rawOf(ctx.stmts);
  for (let k = stmts.length - 1; k >= 0; k--) {
    const s = stmts[k];
    if (s.scope !== at.scope || s.stmt.loc.line >= at.stmt.loc.line || s.stmt.k !== 'assign') continue;
    const t = s.stmt.targets[0];
    if (s.stmt.targets.length !== 1 || t.k !== 'index' || t.obj.k !== 'name' || t.obj.name !== name) {
      if (targetName(s.stmt) === name) return undefined;
      continue;
    }
    const f = scoresForm(ctx, s, s.stmt.value);
    return f?.entryLoop ? f : undefined;
  }
  return undefined;
}

/** `np.dot(Q[i], K[j])` inside loops over i and j: the score of query i and key j. */
function loopEntry(at: StmtInfo, a: Expr, b: Expr): { Q: Expr; K: Expr } | undefined {
  if (a.k !== 'index' || b.k !== 'index' || a.index.k !== 'name' || b.index.k !== 'name' || a.index.name === b.index.name) return undefined;
  const vars = loopVars(at);
  return vars.has(a.index.name) && vars.has(b.index.name) ? { Q: a.obj, K: b.obj } : undefined;
}
