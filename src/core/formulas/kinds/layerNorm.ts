// layer-norm: (x - mean) / np.sqrt(var + eps) or / (std + eps), the statistics taken over the
// last axis inline or through names, optionally scaled and shifted (gamma * … + beta).

import type { Expr } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { numLit, reduction, sameExpr, sqrtOf, through } from '../match';

export const layerNormRecogniser: Recogniser = {
  kind: 'layer-norm',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    let core: Expr = e;
    if (core.k === 'bin' && core.op === '+' && core.left.k === 'bin' && core.left.op === '*') core = core.left.right.k === 'bin' && core.left.right.op === '/' ? core.left.right : core.left.left;
    // gamma * (x - mu) / sqrt(var + eps) + beta: Python reads it as ((gamma * (x - mu)) / …) + beta
    else if (core.k === 'bin' && core.op === '+' && core.left.k === 'bin' && core.left.op === '/') core = core.left;
    if (core.k !== 'bin' || core.op !== '/') return [];
    let num = core.left;
    if (num.k === 'bin' && num.op === '*' && num.right.k === 'bin' && num.right.op === '-') num = num.right;
    if (num.k !== 'bin' || num.op !== '-') return [];
    const mean = reduction(ctx, through(ctx, at, num.right), ['mean']);
    if (!mean || !sameExpr(mean.operand, num.left)) return [];
    const den = core.right;
    const varOrStd = den.k === 'bin' && den.op === '+' ? den.left : sqrtOf(ctx, den);
    const stat = varOrStd && (sqrtOf(ctx, varOrStd) ?? varOrStd);
    const under = stat && through(ctx, at, stat.k === 'bin' && stat.op === '+' ? stat.left : stat);
    const isStat = under && (reduction(ctx, under, ['var', 'std', 'mean']) !== undefined);
    if (!isStat) return [];
    const eps = den.k === 'bin' && den.op === '+' ? den.right : stat && stat.k === 'bin' ? stat.right : undefined;
    const facts: Record<string, number | string | boolean> = { axis: numLit(mean.axis) ?? 'none', affine: core !== e || num !== core.left };
    if (eps && numLit(eps) !== undefined) facts.eps = numLit(eps)!;
    return [makeSite('layer-norm', at, e, { x: num.left }, facts)];
  },
};
