// The two layers students write by hand: linear x @ W + b (np.dot / np.matmul too) and the
// embedding lookup E[ids] (a 2-D table indexed by an integer array or list).

import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { exprName, matmulOperands } from '../match';
import { Value } from '../../values';

const BIAS = /^(b|bias|b_?\w*|biais)$/i;

export const linearRecogniser: Recogniser = {
  kind: 'linear',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e || e.k !== 'bin' || e.op !== '+') return [];
    const mm = matmulOperands(ctx, e.left);
    const bias = exprName(e.right);
    const last = bias?.split('.').pop();
    if (!mm || !last || !BIAS.test(last)) return [];
    return [makeSite('linear', at, e, { x: mm[0], W: mm[1], b: e.right }, {})];
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
