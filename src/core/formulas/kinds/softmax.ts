// softmax: inline np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True) (stable with - np.max),
// on one or two lines (also `e /= e.sum(…)`), the student's own `def softmax` and its call sites,
// scipy.special.softmax, and the row-by-row loop `A[i] = np.exp(S[i]) / np.sum(np.exp(S[i]))`.

import type { Expr } from '../../ir';
import type { FormulaSite } from '../../types';
import type { Recogniser } from '../registry';
import { anySoftmax, makeSite, topExpr, type SoftmaxForm } from '../site';
import { loopVars, type StmtInfo } from '../match';

/**
 * `A[i] = softmax of S[i]` inside `for i in …`: the loop computes the softmax of each row of the
 * whole matrix S, so that is what the formula is (z = S, over the last axis).
 */
function rowLoop(at: StmtInfo, f: SoftmaxForm): { z: Expr; target: Expr } | undefined {
  const t = at.stmt.k === 'assign' && at.stmt.targets.length === 1 ? at.stmt.targets[0] : undefined;
  const z = f.z;
  if (!t || t.k !== 'index' || z.k !== 'index' || t.index.k !== 'name' || z.index.k !== 'name' || t.index.name !== z.index.name) return undefined;
  return loopVars(at).has(t.index.name) ? { z: z.obj, target: t.obj } : undefined;
}

export const softmaxRecogniser: Recogniser = {
  kind: 'softmax',
  recognise(ctx, at) {
    let e = topExpr(at);
    // `e /= e.sum(axis=-1, keepdims=True)` after `e = np.exp(…)`: read as e = e / e.sum(…)
    if (at.stmt.k === 'augassign' && at.stmt.op === '/') e = { k: 'bin', op: '/', left: at.stmt.target, right: at.stmt.value, id: -1, loc: at.stmt.loc };
    const f = e && anySoftmax(ctx, at, e);
    if (!e || !f) return [];
    const row = f.axis === undefined ? rowLoop(at, f) : undefined;
    if (row) {
      const site: FormulaSite = makeSite('softmax', at, row.target, { z: row.z }, { axis: -1, stable: f.stable, keepdims: true, form: 'row-loop' }, f.from?.stmt.loc);
      // the whole matrix is only known after the loop: the CodeLens reads the target's binding
      delete site.resultExpr;
      return [site];
    }
    const site = makeSite('softmax', at, e, { z: f.z }, { axis: f.axis ?? 'none', stable: f.stable, keepdims: f.keepdims, form: f.form }, f.from?.stmt.loc);
    if (e.id < 0) delete site.resultExpr;
    return [site];
  },
};
