// softmax: inline np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True) (stable with - np.max),
// on one or two lines, the student's own `def softmax` and its call sites, scipy.special.softmax.

import type { Recogniser } from '../registry';
import { anySoftmax, makeSite, topExpr } from '../site';

export const softmaxRecogniser: Recogniser = {
  kind: 'softmax',
  recognise(ctx, at) {
    const e = topExpr(at);
    const f = e && anySoftmax(ctx, at, e);
    if (!e || !f) return [];
    return [makeSite('softmax', at, e, { z: f.z }, { axis: f.axis ?? 'none', stable: f.stable, keepdims: f.keepdims, form: f.form }, f.from?.stmt.loc)];
  },
};
