// softmax-axis: attention scores normalised over an axis other than their last one (axis=0
// makes the columns sum to 1, not each query's row), or over the whole matrix (no axis).
// Fires only when the rank is known and the operand is attention scores, so a softmax over a
// batch axis chosen on purpose elsewhere is never flagged.

import type { Diagnostic, QuickFix } from '../../diagnostics';
import { arg, numLit, reduction, through, type MatchContext, type StmtInfo } from '../match';
import { inlineSoftmax, scoresForm, topExpr, type SoftmaxForm } from '../site';
import { shapeOf, warning } from './common';

export function lintSoftmaxAxis(ctx: MatchContext, at: StmtInfo): Diagnostic[] {
  const e = topExpr(at);
  const f: SoftmaxForm | undefined = e && inlineSoftmax(ctx, at, e);
  if (!f || !f.sumCall) return [];
  const shape = shapeOf(ctx, f.z) ?? shapeOf(ctx, (f.sumCall as Extract<typeof f.sumCall, { k: 'call' }>).args[0]?.value ?? f.z);
  if (!shape || shape.length < 2) return [];
  const rank = shape.length;
  const isScores = !!scoresForm(ctx, at, through(ctx, at, f.z)) || (f.from && !!scoresForm(ctx, f.from, through(ctx, f.from, f.z)));
  if (!isScores) return [];
  const sum = f.sumCall as Extract<typeof f.sumCall, { k: 'call' }>;
  if (f.axisExpr === undefined) {
    const fix: QuickFix = {
      title: { en: 'Normalise each row: axis=-1, keepdims=True', fr: 'Normaliser chaque ligne\u00a0: axis=-1, keepdims=True' },
      edits: [{ loc: { line: sum.loc.endLine, col: sum.loc.endCol - 1, endLine: sum.loc.endLine, endCol: sum.loc.endCol - 1 }, newText: ', axis=-1, keepdims=True' }],
    };
    return [warning(sum.loc, 'softmax-axis', {
      en: `This sum has no axis: it adds all ${shape.join('×')} scores, so the whole matrix sums to 1 instead of each query's row. Use axis=-1, keepdims=True.`,
      fr: `Cette somme n'a pas d'axe\u00a0: elle additionne les ${shape.join('×')} scores, c'est toute la matrice qui somme à 1 au lieu de chaque ligne (chaque requête). Utilisez axis=-1, keepdims=True.`,
    }, sum.k === 'call' && sum.args.length === 1 ? [fix] : undefined)];
  }
  if (f.axis === undefined) return [];
  const ax = f.axis < 0 ? f.axis + rank : f.axis;
  if (ax === rank - 1) return [];
  // the fix rewrites every axis of this softmax (the max of the stable form too)
  const edits = [{ loc: f.axisExpr.loc, newText: '-1' }];
  const x = f.from ? topExpr(f.from) : e;
  const expArg = x && arg(x.k === 'bin' ? x.left : x, 0);
  const mx = expArg && expArg.k === 'bin' && expArg.op === '-' ? reduction(ctx, expArg.right, ['max']) : undefined;
  if (mx?.axis && numLit(mx.axis) === f.axis) edits.push({ loc: mx.axis.loc, newText: '-1' });
  return [warning(f.axisExpr.loc, 'softmax-axis', {
    en: `softmax over axis=${f.axis}: for scores of shape (${shape.join(', ')}) that makes each column (key) sum to 1. Each query's row must sum to 1: normalise over the last axis, axis=-1.`,
    fr: `softmax sur axis=${f.axis}\u00a0: pour des scores de forme (${shape.join(', ')}), ce sont les colonnes (les clés) qui somment à 1. Chaque ligne (chaque requête) doit sommer à 1\u00a0: normalisez sur le dernier axe, axis=-1.`,
  }, [{ title: { en: `Use axis=-1 instead of axis=${f.axis}`, fr: `Utiliser axis=-1 au lieu de axis=${f.axis}` }, edits }])];
}
