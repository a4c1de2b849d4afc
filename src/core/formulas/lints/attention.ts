// Attention lints: scores not divided by √d_k before the softmax (missing-scale), and a mask
// added to the weights after the softmax instead of to the scores (mask-after-softmax).

import type { Diagnostic } from '../../diagnostics';
import type { Expr } from '../../ir';
import { exprName, isCall, lastAssigned, subExprs, type MatchContext, type StmtInfo } from '../match';
import { anySoftmax, topExpr } from '../site';
import { attentionForm } from '../kinds/attention';
import { endOf, shapeOf, warning } from './common';

export function lintMissingScale(ctx: MatchContext, at: StmtInfo): Diagnostic[] {
  const e = topExpr(at);
  const f = e && attentionForm(ctx, at, e);
  if (!f || f.scaled || f.mask) return [];
  const product = f.scores;
  const K = exprName(f.K);
  const dk = shapeOf(ctx, f.K)?.at(-1);
  const fixes = K && product.k === 'bin'
    ? [{ title: { en: `Divide by np.sqrt(${K}.shape[-1])`, fr: `Diviser par np.sqrt(${K}.shape[-1])` }, edits: [{ loc: endOf(product), newText: ` / np.sqrt(${K}.shape[-1])` }] }]
    : undefined;
  return [warning(product.loc, 'missing-scale', {
    en: `These attention scores are not divided by √d_k${dk ? ` (√${dk})` : ''}. Dot products of d_k-dimensional vectors grow like √d_k, so the softmax saturates and its gradients vanish (Vaswani et al. 2017, §3.2.1). Divide by np.sqrt(d_k).`,
    fr: `Ces scores d'attention ne sont pas divisés par √d_k${dk ? ` (√${dk})` : ''}. Les produits scalaires de vecteurs de dimension d_k croissent comme √d_k\u00a0: la softmax sature et ses gradients s'annulent (Vaswani et al. 2017, §3.2.1). Divisez par np.sqrt(d_k).`,
  }, fixes)];
}

/** Does this expression (or the name's last assignment) build a mask: np.triu/np.tril/-inf/-1e9 fills? */
function isMask(ctx: MatchContext, at: StmtInfo, e: Expr): boolean {
  const src = e.k === 'name' ? lastAssigned(ctx, at, e.name)?.value ?? e : e;
  for (const x of subExprs(src)) {
    if (isCall(ctx, x, 'np.triu', 'np.tril')) return true;
    if (x.k === 'attr' && x.name === 'inf') return true;
    if (x.k === 'num' && x.value >= 1e4) return true;
  }
  const v = ctx.values[e.id];
  return !!(v && v.kind === 'array' && v.data && Array.from(v.data).some((d) => d === -Infinity || d <= -1e4));
}

export function lintMaskAfterSoftmax(ctx: MatchContext, at: StmtInfo): Diagnostic[] {
  const e = topExpr(at);
  if (!e) return [];
  let weights: Expr | undefined, mask: Expr | undefined;
  if (e.k === 'bin' && e.op === '+') [weights, mask] = [e.left, e.right];
  if (at.stmt.k === 'augassign' && at.stmt.op === '+') [weights, mask] = [at.stmt.target, at.stmt.value];
  if (!weights || !mask) return [];
  const sm = anySoftmax(ctx, at, weights) ?? (weights.k === 'name' ? (() => {
    const d = lastAssigned(ctx, at, weights.name);
    return d ? anySoftmax(ctx, d.info, d.value) : undefined;
  })() : undefined);
  if (!sm || !isMask(ctx, at, mask)) return [];
  return [warning(at.stmt.loc, 'mask-after-softmax', {
    en: 'The mask is added AFTER the softmax: the weights are already normalised, so masked entries become -inf (or huge negatives) instead of 0 and the rows no longer sum to 1. Add the mask to the scores, then apply the softmax.',
    fr: "Le masque est ajouté APRÈS la softmax\u00a0: les poids d’attention sont déjà normalisés, les positions masquées deviennent -inf (ou très négatives) au lieu de 0 et les lignes ne somment plus à 1. Ajoutez le masque aux scores, puis appliquez la softmax.",
  })];
}
