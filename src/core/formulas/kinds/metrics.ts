// Language-model metrics and similarity: cross-entropy (-np.log(p[y]), -np.sum(y * np.log(p)),
// -np.mean(np.log(p[np.arange(n), y]))), perplexity (np.exp(-np.mean(np.log(p))), 2 ** H) and
// cosine similarity (np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))).

import type { Expr } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { arg, isCall, matmulOperands, numLit, reduction, sameExpr, subExprs, type MatchContext } from '../match';

function logOf(ctx: MatchContext, e: Expr): Expr | undefined {
  return isCall(ctx, e, 'np.log', 'math.log', 'np.log2', 'math.log2') ? arg(e, 0) : undefined;
}

export const crossEntropyRecogniser: Recogniser = {
  kind: 'cross-entropy',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e || e.k !== 'unary' || e.op !== '-') return [];
    let inner = e.operand;
    // -np.sum(y * np.log(p), axis=1).mean(): a per-example sum, then the batch mean
    const red = reduction(ctx, inner, ['sum', 'mean']);
    let reduced = red?.kind ?? 'none';
    if (red) inner = red.operand;
    const innerRed = red && reduction(ctx, inner, ['sum', 'mean']);
    if (innerRed) {
      inner = innerRed.operand;
      reduced = `${innerRed.kind}-${reduced}`;
    }
    let p = logOf(ctx, inner);
    let y: Expr | undefined;
    if (!p && inner.k === 'bin' && inner.op === '*') {
      p = logOf(ctx, inner.right) ?? logOf(ctx, inner.left);
      y = logOf(ctx, inner.right) ? inner.left : inner.right;
    }
    if (!p) return [];
    if (p.k === 'index') {
      y = p.index;
      p = p.obj;
    }
    if (!y) return [];
    return [makeSite('cross-entropy', at, e, { p, y }, { reduced })];
  },
};

export const perplexityRecogniser: Recogniser = {
  kind: 'perplexity',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    if (isCall(ctx, e, 'np.exp', 'math.exp')) {
      const a = arg(e, 0);
      const logs = a && [...subExprs(a)].map((s) => logOf(ctx, s)).find((x) => x);
      const mean = a && [...subExprs(a)].some((s) => reduction(ctx, s, ['mean']) || (s.k === 'bin' && s.op === '/'));
      if (logs && mean) return [makeSite('perplexity', at, e, { p: logs }, { base: 'e' })];
    }
    const pow = e.k === 'bin' && e.op === '**' && numLit(e.left) === 2 ? e.right : isCall(ctx, e, 'np.power') && numLit(arg(e, 0)) === 2 ? arg(e, 1) : undefined;
    if (pow) {
      const entropyName = pow.k === 'name' && /^(h|h_\w+|entropy\w*|entropie\w*|cross_?entropy\w*|ce)$/i.test(pow.name);
      if (entropyName || [...subExprs(pow)].some((s) => isCall(ctx, s, 'np.log2', 'math.log2'))) return [makeSite('perplexity', at, e, { H: pow }, { base: 2 })];
    }
    return [];
  },
};

function normOf(ctx: MatchContext, e: Expr): Expr | undefined {
  return isCall(ctx, e, 'np.linalg.norm', 'norm') ? arg(e, 0) : undefined;
}

export const cosineRecogniser: Recogniser = {
  kind: 'cosine-similarity',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e || e.k !== 'bin' || e.op !== '/') return [];
    const uv = matmulOperands(ctx, e.left);
    const d = e.right;
    if (!uv || d.k !== 'bin' || d.op !== '*') return [];
    const [nu, nv] = [normOf(ctx, d.left), normOf(ctx, d.right)];
    if (!nu || !nv) return [];
    const ok = (sameExpr(nu, uv[0]) && sameExpr(nv, uv[1])) || (sameExpr(nu, uv[1]) && sameExpr(nv, uv[0]));
    return ok ? [makeSite('cosine-similarity', at, e, { u: uv[0], v: uv[1] }, {})] : [];
  },
};
