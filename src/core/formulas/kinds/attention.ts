// attention: the weights (a softmax of scaled scores, masked or not) multiplied by V, on one
// line (softmax(Q @ K.T / √d) @ V) or following the names back through earlier lines.

import type { Expr } from '../../ir';
import type { Recogniser } from '../registry';
import { anySoftmax, loopFilledScores, makeSite, scoresForm, topExpr } from '../site';
import { arg, exprName, isCall, lastAssigned, matmulOperands, numLit, type MatchContext, type StmtInfo } from '../match';

interface Masked {
  scores: Expr;
  mask?: Expr;
}

/** scores + M, np.where(mask, -np.inf / -1e9, scores), scores.masked_fill: the scores under the mask. */
function unmask(ctx: MatchContext, e: Expr): Masked {
  if (e.k === 'bin' && e.op === '+') return { scores: e.left, mask: e.right };
  if (isCall(ctx, e, 'np.where')) {
    const fill = arg(e, 1), s = arg(e, 2);
    const v = fill && (numLit(fill) ?? (fill.k === 'unary' && fill.operand.k === 'attr' && fill.operand.name === 'inf' ? -Infinity : undefined));
    if (s && v !== undefined && v <= -1e4) return { scores: s, mask: arg(e, 0) };
  }
  return { scores: e };
}

export interface AttentionForm {
  Q: Expr;
  K: Expr;
  V: Expr;
  weights: Expr;
  mask?: Expr;
  divisor?: Expr;
  /** what is under the square root of the divisor (d_k in np.sqrt(d_k)) */
  under?: Expr;
  scaled: boolean;
  from?: StmtInfo;
  /** the scores expression itself (Q @ K.T [/ √d]), where a missing scale would be fixed */
  scores: Expr;
  /** the softmax normalises each row (last axis, keepdims or a vector): false for the softmax-axis / keepdims bugs */
  rowSoftmax: boolean;
}

/** Follow weights → softmax → (mask) → scores back through names in the same block. */
export function attentionForm(ctx: MatchContext, at: StmtInfo, e: Expr): AttentionForm | undefined {
  const mm = matmulOperands(ctx, e);
  if (!mm) return undefined;
  const [W, V] = mm;
  let from: StmtInfo | undefined;
  let cur = at;
  const resolve = (x: Expr): Expr => {
    const n = x.k === 'name' || x.k === 'attr' ? exprName(x) : undefined;
    if (!n) return x;
    const d = lastAssigned(ctx, cur, n);
    if (!d) return x;
    from = d.info;
    cur = d.info;
    return d.value;
  };
  const wExpr = resolve(W);
  const sm = anySoftmax(ctx, cur, wExpr);
  if (!sm) return undefined;
  const zName = sm.z.k === 'name' ? sm.z.name : undefined;
  // z sits in the exp line of a two-line softmax: resolve it from there (A = exp(A - max) then A = A / sum)
  if (sm.from) cur = sm.from;
  const softmaxAt = cur;
  let z = resolve(sm.z);
  let masked = unmask(ctx, z);
  let mask = masked.mask;
  z = resolve(masked.scores);
  if (!mask) {
    masked = unmask(ctx, z);
    if (masked.mask) {
      mask = masked.mask;
      z = resolve(masked.scores);
    }
  }
  // scores filled entry by entry in loops are the whole matrix Q Kᵀ / √d by the time they are used
  const filled = !mask && zName ? loopFilledScores(ctx, softmaxAt, zName) : undefined;
  const sc = filled ?? scoresForm(ctx, cur, z);
  if (!sc || (sc.entryLoop && !filled)) return undefined;
  const rank = (ctx.values[sm.z.id] as { shape?: unknown[] } | undefined)?.shape?.length;
  const lastAxis = sm.axis === -1 || (rank !== undefined && sm.axis === rank - 1);
  const rowSoftmax = (lastAxis && (sm.keepdims || rank === 1)) || (sm.axis === undefined && rank === 1);
  return { Q: sc.Q, K: sc.K, V, weights: W, mask, divisor: sc.divisor, under: sc.under, scaled: sc.scaled, from, scores: z, rowSoftmax };
}

export const attentionRecogniser: Recogniser = {
  kind: 'attention',
  recognise(ctx, at) {
    const e = topExpr(at);
    const f = e && attentionForm(ctx, at, e);
    if (!e || !f) return [];
    const operands: Record<string, Expr> = { Q: f.Q, K: f.K, V: f.V, weights: f.weights };
    if (f.mask) operands.M = f.mask;
    if (f.divisor) operands.divisor = f.divisor;
    if (f.under) operands.d = f.under;
    return [makeSite('attention', at, e, operands, { masked: !!f.mask, scaled: f.scaled, rowSoftmax: f.rowSoftmax }, f.from?.stmt.loc)];
  },
};
