// keepdims-broadcast: x / x.sum(axis=k) (or - max, - mean) without keepdims=True. The reduced
// axis is dropped, and numpy aligns the result with x's TRAILING axes: unless k is the first
// axis, each entry is divided by another row's sum. Fires only when the shapes are known and
// the broadcast silently succeeds (when it fails, numpy raises and the tracer reports an error).

import type { Diagnostic } from '../../diagnostics';
import type { Expr } from '../../ir';
import { numLit, reduction, sameExpr, subExprs, through, type MatchContext, type StmtInfo } from '../match';
import { stmtExprs } from '../match';
import { endOf, shapeOf, warning } from './common';

function broadcasts(a: number[], b: number[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const x = a[a.length - i], y = b[b.length - i];
    if (x !== y && x !== 1 && y !== 1) return false;
  }
  return true;
}

export function lintKeepdims(ctx: MatchContext, at: StmtInfo): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const top of stmtExprs(at.stmt)) {
    for (const e of subExprs(top)) {
      if (e.k !== 'bin' || (e.op !== '/' && e.op !== '-')) continue;
      const red = reduction(ctx, e.right, ['sum', 'max', 'mean', 'std', 'var']);
      if (!red || red.keepdims || !red.axis) continue;
      const same = sameExpr(red.operand, e.left) || sameExpr(through(ctx, at, red.operand), through(ctx, at, e.left));
      if (!same) continue;
      const shape = shapeOf(ctx, e.left) ?? shapeOf(ctx, red.operand);
      const k = numLit(red.axis);
      if (!shape || shape.length < 2 || k === undefined) continue;
      const ax = k < 0 ? k + shape.length : k;
      if (ax <= 0 || ax >= shape.length) continue;
      const reduced = shape.filter((_, i) => i !== ax);
      if (!broadcasts(shape, reduced)) continue;
      const call = red.call as Expr & { k: 'call' };
      const insertAt = { ...endOf(call), col: call.loc.endCol - 1, endCol: call.loc.endCol - 1 };
      out.push(warning(call.loc, 'keepdims-broadcast', {
        en: `${red.kind} over axis=${k} without keepdims=True has shape (${reduced.join(', ')}); numpy aligns it with the LAST axis of (${shape.join(', ')}), so row i is combined with the ${red.kind} of another row. Add keepdims=True to keep shape (${shape.map((d, i) => (i === ax ? 1 : d)).join(', ')}).`,
        fr: `${red.kind} sur axis=${k} sans keepdims=True a la forme (${reduced.join(', ')})\u00a0; numpy l'aligne sur le DERNIER axe de (${shape.join(', ')})\u00a0: la ligne i est combinée avec la valeur d'une autre ligne. Ajoutez keepdims=True pour garder la forme (${shape.map((d, i) => (i === ax ? 1 : d)).join(', ')}).`,
      }, [{ title: { en: 'Add keepdims=True', fr: 'Ajouter keepdims=True' }, edits: [{ loc: insertAt, newText: ', keepdims=True' }] }]));
    }
  }
  return out;
}
