// concat-axis: attention heads joined along axis 0 (the words) instead of the last axis (their
// features): k heads of (n, d_head) become (k·n, d_head), k·n "words". numpy only raises later, at
// the output projection, far from the cause. Fires when the items are heads (an attention, a
// function computing one, or named like tete1 / head_2) of one 2-D shape.

import type { Diagnostic } from '../../diagnostics';
import type { Expr } from '../../ir';
import { exprName, type MatchContext, type StmtInfo } from '../match';
import { topExpr } from '../site';
import { headsConcat } from '../kinds/multiHead';
import { arg, intValue, isCall } from '../match';
import { shapeOf, warning } from './common';

const HEAD_NAME = /^(t[eê]te|head|h)_?\d+$/i;

export function lintConcatAxis(ctx: MatchContext, at: StmtInfo): Diagnostic[] {
  const e = topExpr(at);
  if (!e || e.k !== 'call' || !isCall(ctx, e, 'np.concatenate')) return [];
  const list = arg(e, 0);
  if (!list || (list.k !== 'list' && list.k !== 'tuple') || list.items.length < 2) return [];
  const axisExpr = arg(e, 1, 'axis');
  const axis = axisExpr ? intValue(ctx, axisExpr) : 0;
  if (axis !== 0) return [];
  const shapes = list.items.map((it: Expr) => shapeOf(ctx, it));
  const s0 = shapes[0];
  if (!s0 || s0.length !== 2 || !shapes.every((s) => s && s.length === 2 && s[0] === s0[0] && s[1] === s0[1])) return [];
  const named = list.items.every((it) => HEAD_NAME.test(exprName(it)?.split('.').pop() ?? ''));
  if (!named && !headsConcat(ctx, at, e)) return [];
  const [n, d] = s0;
  const k = list.items.length;
  const edit = axisExpr
    ? { loc: axisExpr.loc, newText: '-1' }
    : { loc: { line: list.loc.endLine, col: list.loc.endCol, endLine: list.loc.endLine, endCol: list.loc.endCol }, newText: ', axis=-1' };
  return [warning(axisExpr?.loc ?? e.loc, 'concat-axis', {
    en: `The heads are joined along axis 0, the words: ${k} × (${n}, ${d}) gives (${k * n}, ${d}), as if the sentence had ${k * n} words of ${d} features. Multi-head attention puts each word's heads side by side: concatenate along the last axis (axis=-1) to get (${n}, ${k * d}).`,
    fr: `Les têtes sont concaténées sur l’axe 0, celui des mots\u00a0: ${k} × (${n}, ${d}) donne (${k * n}, ${d}), comme si la phrase avait ${k * n} mots de ${d} caractéristiques. L’attention multi-têtes met côte à côte les têtes de chaque mot\u00a0: concaténez sur le dernier axe (axis=-1) pour obtenir (${n}, ${k * d}).`,
  }, [{ title: { en: 'Concatenate along the last axis: axis=-1', fr: 'Concaténer sur le dernier axe\u00a0: axis=-1' }, edits: [edit] }])];
}
