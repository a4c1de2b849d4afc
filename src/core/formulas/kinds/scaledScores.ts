// scaled-scores: Q @ K.T / np.sqrt(d_k), np.matmul(Q, K.transpose()) / math.sqrt(d_k), np.dot,
// * (1 / np.sqrt(d)), the product divided on a later line, and S[i, j] = np.dot(Q[i], K[j]) / √d
// filled in two loops.

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
    const site = makeSite('scaled-scores', at, e, operands, { divisor: exprText(f.divisor), ...(f.entryLoop ? { entryLoop: true } : {}) });
    // one entry per iteration: the formula's result is the whole matrix, known from the target's binding
    if (f.entryLoop) delete site.resultExpr;
    return [site];
  },
};
