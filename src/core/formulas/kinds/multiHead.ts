// multi-head-attention: heads concatenated along the last axis (np.concatenate([h1, h2], axis=-1),
// np.hstack) when the heads come from an attention (inline or the student's own function), and
// the vectorised split X.reshape(n, h, d_head).transpose(1, 0, 2) / its merge back.

import type { Expr } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { arg, isCall, numLit, qualName, type MatchContext, type StmtInfo } from '../match';
import { attentionForm } from './attention';

/** Does the user function `name` contain an attention (so its calls compute one head)? */
function defComputesAttention(ctx: MatchContext, name: string): boolean {
  return ctx.stmts.some((s) => s.scope === name && (() => {
    const e = topExpr(s);
    return !!e && (!!attentionForm(ctx, s, e) || (e.k === 'tuple' && e.items.some((i) => !!attentionForm(ctx, s, i))));
  })());
}

/** The call that produced a head: `h1` from `h1, w1 = attention(...)`, or a call written inline. */
function headSource(ctx: MatchContext, at: StmtInfo, item: Expr): Expr | undefined {
  if (item.k === 'call') return item;
  if (item.k !== 'name') return undefined;
  for (let i = at.index - 1; i >= 0; i--) {
    const s = at.block[i];
    if (s.k !== 'assign') continue;
    const t = s.targets[0];
    if ((t.k === 'name' && t.name === item.name) || ((t.k === 'tuple' || t.k === 'list') && t.items.some((x) => x.k === 'name' && x.name === item.name))) return s.value;
  }
  return undefined;
}

function isHead(ctx: MatchContext, at: StmtInfo, item: Expr): boolean {
  const src = headSource(ctx, at, item);
  if (!src) return false;
  if (src.k === 'call' && src.fn.k === 'name' && ctx.defs.has(src.fn.name)) return defComputesAttention(ctx, src.fn.name);
  return !!attentionForm(ctx, at, src);
}

export const multiHeadRecogniser: Recogniser = {
  kind: 'multi-head-attention',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    if (isCall(ctx, e, 'np.concatenate', 'np.hstack')) {
      const list = arg(e, 0);
      const axis = qualName(ctx, (e as Extract<Expr, { k: 'call' }>).fn) === 'np.hstack' ? -1 : numLit(arg(e, 1, 'axis'));
      if (!list || (list.k !== 'list' && list.k !== 'tuple') || list.items.length < 2) return [];
      if (axis !== -1 && axis !== 1) return [];
      if (!list.items.every((it) => isHead(ctx, at, it))) return [];
      const operands: Record<string, Expr> = {};
      list.items.forEach((it, i) => (operands[`head${i + 1}`] = it));
      return [makeSite('multi-head-attention', at, e, operands, { form: 'concat', heads: list.items.length })];
    }
    // X.reshape(n, h, d_head).transpose(1, 0, 2): split into heads
    if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'transpose' && e.fn.obj.k === 'call' && e.fn.obj.fn.k === 'attr' && e.fn.obj.fn.name === 'reshape') {
      const dims = e.fn.obj.args.length;
      const perm = e.args.map((a) => numLit(a.value));
      const isSplit = (dims === 3 && perm.join() === '1,0,2') || (dims === 4 && perm.join() === '0,2,1,3');
      if (isSplit) return [makeSite('multi-head-attention', at, e, { X: e.fn.obj.fn.obj }, { form: 'split', heads: exprHeads(e.fn.obj.args[dims - 2].value) })];
    }
    return [];
  },
};

function exprHeads(e: Expr): number | string {
  return numLit(e) ?? (e.k === 'name' ? e.name : '?');
}
