// Activations: GELU (exact 0.5·x·(1 + erf(x/√2)) and the tanh form with 0.044715), ReLU
// (np.maximum(0, x), np.where(x > 0, x, 0), x * (x > 0)) and sigmoid 1 / (1 + np.exp(-x)).

import type { Expr } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { arg, isCall, numLit, qualName, sameExpr, sqrtOf, subExprs, type MatchContext } from '../match';

function geluForm(ctx: MatchContext, e: Expr): { x: Expr; form: 'erf' | 'tanh' } | undefined {
  if (e.k !== 'bin' || e.op !== '*') return undefined;
  for (const s of subExprs(e)) {
    if (isCall(ctx, s, 'math.erf', 'scipy.special.erf', 'np.erf')) {
      const a = arg(s, 0);
      if (a && a.k === 'bin' && a.op === '/' && numLit(sqrtOf(ctx, a.right)) === 2) return { x: a.left, form: 'erf' };
    }
    if (isCall(ctx, s, 'np.tanh', 'math.tanh')) {
      const a = arg(s, 0);
      if (a && [...subExprs(a)].some((c) => numLit(c) === 0.044715)) {
        const x = [...subExprs(a)].find((c) => c.k === 'bin' && c.op === '**' && numLit(c.right) === 3);
        if (x && x.k === 'bin') return { x: x.left, form: 'tanh' };
      }
    }
  }
  return undefined;
}

export const geluRecogniser: Recogniser = {
  kind: 'gelu',
  recognise(ctx, at) {
    const e = topExpr(at);
    const f = e && geluForm(ctx, e);
    return e && f ? [makeSite('gelu', at, e, { x: f.x }, { form: f.form })] : [];
  },
};

function reluOperand(ctx: MatchContext, e: Expr): Expr | undefined {
  if (e.k === 'bin' && e.op === '*' && e.right.k === 'cmp' && e.right.ops[0] === '>' && numLit(e.right.operands[1]) === 0 && sameExpr(e.right.operands[0], e.left)) return e.left;
  // every sub-expression of every line comes here: name the callee once, and only for calls
  if (e.k !== 'call') return undefined;
  const callee = qualName(ctx, e.fn);
  if (callee === 'np.maximum') {
    const a = arg(e, 0), b = arg(e, 1);
    if (numLit(a) === 0 && b) return b;
    if (numLit(b) === 0 && a) return a;
  }
  if (callee === 'np.where') {
    const c = arg(e, 0), a = arg(e, 1), b = arg(e, 2);
    if (c && c.k === 'cmp' && c.ops[0] === '>' && numLit(c.operands[1]) === 0 && sameExpr(c.operands[0], a) && numLit(b) === 0) return a;
  }
  if (callee === 'np.clip' && numLit(arg(e, 1, 'a_min')) === 0 && arg(e, 2, 'a_max')?.k === 'none') return arg(e, 0);
  return undefined;
}

export const reluRecogniser: Recogniser = {
  kind: 'relu',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    // the outermost ReLU of the line (FFN lines wrap it in a product: relu(x @ W1) @ W2)
    for (const s of subExprs(e)) {
      const x = reluOperand(ctx, s);
      if (x) return [makeSite('relu', at, s, { x }, {})];
    }
    return [];
  },
};

export function sigmoidOperand(ctx: MatchContext, e: Expr): Expr | undefined {
  if (e.k !== 'bin' || e.op !== '/' || numLit(e.left) !== 1) return undefined;
  const d = e.right;
  if (d.k !== 'bin' || d.op !== '+' || numLit(d.left) !== 1 || !isCall(ctx, d.right, 'np.exp', 'math.exp')) return undefined;
  const a = arg(d.right, 0);
  return a && a.k === 'unary' && a.op === '-' ? a.operand : undefined;
}

export const sigmoidRecogniser: Recogniser = {
  kind: 'sigmoid',
  recognise(ctx, at) {
    const e = topExpr(at);
    const x = e && sigmoidOperand(ctx, e);
    return e && x ? [makeSite('sigmoid', at, e, { x }, {})] : [];
  },
};
