// The two layers students write by hand: linear x @ W + b (np.dot / np.matmul too), and the
// projections without bias x @ W_Q / concat @ W_O (the right operand named as a weight matrix);
// and the embedding lookup E[ids] (a 2-D table indexed by an integer array or list).

import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { exprName, matmulOperands } from '../match';
import { Value } from '../../values';

const BIAS = /^(b|bias|b_?\w*|biais)$/i;
/** W, W_Q, Wq, W1, w_o, W_out, self.W_K, poids_requete: the names a weight matrix goes by */
const WEIGHT = /^(w|w_?[a-z0-9]{1,3}|w_?(out|in|proj|query|key|value|o)|poids(_\w+)?)$/i;

export const linearRecogniser: Recogniser = {
  kind: 'linear',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    if (e.k === 'bin' && e.op === '+') {
      const mm = matmulOperands(ctx, e.left);
      const bias = exprName(e.right);
      const last = bias?.split('.').pop();
      if (mm && last && BIAS.test(last)) return [makeSite('linear', at, e, { x: mm[0], W: mm[1], b: e.right }, { bias: true })];
    }
    // Q = X @ W_Q: a projection (a linear layer without bias), the step TP4 asks for before the scores
    const mm = matmulOperands(ctx, e);
    const w = mm && exprName(mm[1])?.split('.').pop();
    if (mm && w && WEIGHT.test(w) && exprName(mm[0]) !== undefined) return [makeSite('linear', at, e, { x: mm[0], W: mm[1] }, { bias: false })];
    return [];
  },
};

export const embeddingRecogniser: Recogniser = {
  kind: 'embedding-lookup',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    // the lookup may be part of a sum (table[ids] + PE): take the first index expression that fits
    const candidates = e.k === 'bin' && e.op === '+' ? [e.left, e.right, e] : [e];
    for (const c of candidates) {
      if (c.k !== 'index' || c.obj.k !== 'name') continue;
      const table = ctx.values[c.obj.id];
      const ids = ctx.values[c.index.id];
      const isTable = table?.kind === 'array' && table.shape?.length === 2;
      const isIds = (ids?.kind === 'array' && ids.dtype !== null && ids.dtype.startsWith('int') && (ids.shape?.length ?? 0) >= 1) || (ids?.kind === 'list' && (ids.items ?? []).every((v) => v.kind === 'int'));
      if (isTable && isIds && Value.isNumeric(table)) return [makeSite('embedding-lookup', at, c, { E: c.obj, ids: c.index }, {})];
    }
    return [];
  },
};
