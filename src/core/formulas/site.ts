// Building FormulaSites, and the shared forms several recognisers look for (a softmax written
// inline, a call of the student's own softmax, scaled scores) so that attention, lints and the
// softmax recogniser agree on what a softmax is.

import type { Expr, Loc } from '../ir';
import type { FormulaKind, FormulaSite } from '../types';
import { arg, isCall, lastAssigned, matmulOperands, numLit, qualName, reduction, sameExpr, sqrtOf, through, transposed, stmtExprs, targetName, type MatchContext, type StmtInfo } from './match';

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
  return e;
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
  const den = reduction(ctx, e.right, ['sum']);
  if (!den) return undefined;
  if (!sameExpr(den.operand, e.left) && !sameExpr(through(ctx, at, den.operand), num)) return undefined;
  const x = arg(num, 0);
  if (!x) return undefined;
  let z = x;
  let stable = false;
  if (x.k === 'bin' && x.op === '-') {
    const mx = reduction(ctx, x.right, ['max']);
    if (mx && sameExpr(mx.operand, x.left)) {
      z = x.left;
      stable = true;
    }
  }
  const axis = den.axis ? numLit(den.axis) : undefined;
  return { z, axis, axisExpr: den.axis, stable, keepdims: den.keepdims, sumCall: den.call, from, form: 'inline' };
}

/** A call of scipy.special.softmax or of the student's own `def softmax` (its body an inline softmax). */
export function softmaxCall(ctx: MatchContext, e: Expr): SoftmaxForm | undefined {
  if (e.k !== 'call') return undefined;
  const q = qualName(ctx, e.fn);
  const z = arg(e, 0, 'x');
  if (!z) return undefined;
  if (q === 'scipy.special.softmax') {
    const ax = arg(e, 1, 'axis');
    return { z, axis: ax ? numLit(ax) : undefined, axisExpr: ax, stable: true, keepdims: true, form: 'scipy' };
  }
  if (e.fn.k === 'name' && q === e.fn.name) {
    const def = ctx.defs.get(e.fn.name);
    if (!def) return undefined;
    for (const info of ctx.stmts.filter((s) => s.scope === def.name)) {
      const top = topExpr(info);
      const f = top && inlineSoftmax(ctx, info, top);
      if (f && f.z.k === 'name' && def.params[0]?.name === f.z.name) return { ...f, z, from: undefined, form: 'user' };
    }
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
}

/** Q @ K.T [/ np.sqrt(d)] in its spellings (np.matmul, np.dot, K.transpose(), * (1 / np.sqrt(d))). */
export function scoresForm(ctx: MatchContext, at: StmtInfo, e: Expr): ScoresForm | undefined {
  const direct = (x: Expr): { Q: Expr; K: Expr } | undefined => {
    const mm = matmulOperands(ctx, x);
    if (!mm) return undefined;
    const K = transposed(ctx, mm[1]);
    return K ? { Q: mm[0], K } : undefined;
  };
  if (e.k === 'bin' && (e.op === '/' || e.op === '*')) {
    const qk = direct(e.left);
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
