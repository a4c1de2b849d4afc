// scaled-scores: Q @ K.T / np.sqrt(d_k), np.matmul(Q, K.transpose()) / math.sqrt(d_k), np.dot,
// * (1 / np.sqrt(d)), and the same with a mask applied (np.where(mask, -np.inf, s), + mask).

import type { Recogniser } from '../registry';
import { makeSite, scoresForm, topExpr } from '../site';
import { exprText } from '../match';

export const scaledScoresRecogniser: Recogniser = {
  kind: 'scaled-scores',
  recognise(ctx, at) {
    const e = topExpr(at);
    const f = e && scoresForm(ctx, at, e);
    if (!e || !f || !f.scaled || !f.divisor) return [];
    const operands: Record<string, typeof e> = { Q: f.Q, K: f.K, divisor: f.divisor };
    if (f.under) operands.d = f.under;
    return [makeSite('scaled-scores', at, e, operands, { divisor: exprText(f.divisor) })];
  },
};
