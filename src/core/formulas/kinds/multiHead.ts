// multi-head-attention: heads concatenated along the last axis (np.concatenate([h1, h2], axis=-1),
// np.hstack, or a list filled by `tetes.append(…)` in a loop) when the heads come from an
// attention (inline or the student's own function), and the vectorised split
// X.reshape(n, h, d_head).transpose(1, 0, 2) / its merge back heads.transpose(1, 0, 2).reshape(n, d).

import type { Expr } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { arg, intValue, isCall, numLit, qualName, type ExprOf, type MatchContext, type StmtInfo } from '../match';
import { attentionForm } from './attention';

/**
 * The user function or method a call runs: `f(x)`, `self.f(x)` / `obj.forward(x)`, an instance
 * called directly `Tete(6, 3)(x)` or `tete(x)` (its `__call__`).
 */
function calledDef(ctx: MatchContext, call: ExprOf<'call'>): string | undefined {
  const fn = call.fn;
  if (fn.k === 'name') {
    if (ctx.defs.has(fn.name)) return fn.name;
    return ctx.methods.has('__call__') ? '__call__' : undefined;
  }
  if (fn.k === 'attr' && ctx.methods.has(fn.name)) return fn.name;
  if (fn.k === 'call' && ctx.methods.has('__call__')) return '__call__';
  return undefined;
}

/** Does the user function `name` contain an attention (so its calls compute one head)? */
function defComputesAttention(ctx: MatchContext, name: string): boolean {
  return ctx.stmts.some((s) => s.scope === name && (() => {
    const e = topExpr(s);
    return !!e && (!!attentionForm(ctx, s, e) || (e.k === 'tuple' && e.items.some((i) => !!attentionForm(ctx, s, i))));
  })());
}

/** The call that produced a head: `h1` from `h1, w1 = attention(...)`, or a call written inline. */
function headSource(ctx: MatchContext, at: StmtInfo, item: Expr): { src: Expr; at: StmtInfo } | undefined {
  if (item.k === 'call' || item.k === 'bin') return { src: item, at };
  if (item.k !== 'name') return undefined;
  for (let i = at.index - 1; i >= 0; i--) {
    const s = at.block[i];
    if (s.k !== 'assign') continue;
    const t = s.targets[0];
    if ((t.k === 'name' && t.name === item.name) || ((t.k === 'tuple' || t.k === 'list') && t.items.some((x) => x.k === 'name' && x.name === item.name))) {
      return { src: s.value, at: ctx.infoOf.get(s)! };
    }
  }
  return undefined;
}

function isHead(ctx: MatchContext, at: StmtInfo, item: Expr): boolean {
  const h = headSource(ctx, at, item);
  if (!h) return false;
  const src = h.src;
  const def = src.k === 'call' ? calledDef(ctx, src) : undefined;
  if (def) return defComputesAttention(ctx, def);
  return !!attentionForm(ctx, h.at, src);
}

/** `tetes` built as [] then `tetes.append(head)` (in a loop) with every appended item a head. */
function isHeadList(ctx: MatchContext, at: StmtInfo, name: string): boolean {
  const appends = ctx.stmts.filter((s) => s.scope === at.scope && s.stmt.k === 'expr' && s.stmt.expr.k === 'call' && s.stmt.expr.fn.k === 'attr'
    && s.stmt.expr.fn.name === 'append' && s.stmt.expr.fn.obj.k === 'name' && s.stmt.expr.fn.obj.name === name && s.stmt.loc.line < at.stmt.loc.line);
  return appends.length > 0 && appends.every((s) => isHead(ctx, s, (s.stmt as { expr: ExprOf<'call'> }).expr.args[0].value));
}

export interface HeadsConcat {
  call: ExprOf<'call'>;
  /** the list literal's items, or the name of the list the heads were appended to */
  items?: Expr[];
  list?: Expr;
  /** the concatenation axis as written (hstack: -1), undefined when not a literal */
  axis?: number;
  axisExpr?: Expr;
}

/** np.concatenate / np.hstack of attention heads, whatever the axis (the lint checks it). */
export function headsConcat(ctx: MatchContext, at: StmtInfo, e: Expr): HeadsConcat | undefined {
  if (!isCall(ctx, e, 'np.concatenate', 'np.hstack')) return undefined;
  const call = e as ExprOf<'call'>;
  const list = arg(call, 0);
  const hstack = qualName(ctx, call.fn) === 'np.hstack';
  const axisExpr = hstack ? undefined : arg(call, 1, 'axis');
  const axis = hstack ? -1 : axisExpr ? intValue(ctx, axisExpr) : 0;
  if (!list) return undefined;
  if ((list.k === 'list' || list.k === 'tuple') && list.items.length >= 2 && list.items.every((it) => isHead(ctx, at, it))) return { call, items: list.items, axis, axisExpr };
  if (list.k === 'name' && isHeadList(ctx, at, list.name)) return { call, list, axis, axisExpr };
  return undefined;
}

export const multiHeadRecogniser: Recogniser = {
  kind: 'multi-head-attention',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e) return [];
    const c = headsConcat(ctx, at, e);
    if (c) {
      const rank = (ctx.values[e.id] as { shape?: unknown[] } | undefined)?.shape?.length ?? 2;
      if (c.axis !== -1 && c.axis !== rank - 1) return [];
      const operands: Record<string, Expr> = {};
      if (c.items) c.items.forEach((it, i) => (operands[`head${i + 1}`] = it));
      else operands.heads = c.list!;
      return [makeSite('multi-head-attention', at, e, operands, { form: 'concat', heads: c.items?.length ?? 'list' })];
    }
    if (e.k !== 'call' || e.fn.k !== 'attr') return [];
    // X.reshape(n, h, d_head).transpose(1, 0, 2): split into heads — once per block, not again
    // for K and V, which split the same way
    const split = splitOperand(e);
    if (split && !at.block.slice(0, at.index).some((s) => { const x = s.k === 'assign' ? s.value : undefined; return !!x && !!splitOperand(x); })) {
      return [makeSite('multi-head-attention', at, e, { X: split.X }, { form: 'split', heads: exprHeads(split.heads) })];
    }
    // heads.transpose(1, 0, 2).reshape(n, d_model): the heads put back side by side (the concatenation)
    if (e.fn.name === 'reshape' && e.fn.obj.k === 'call' && e.fn.obj.fn.k === 'attr' && e.fn.obj.fn.name === 'transpose') {
      const perm = e.fn.obj.args.map((a) => numLit(a.value)).join();
      const dims = e.args.length;
      if ((dims === 2 && perm === '1,0,2') || (dims === 3 && perm === '0,2,1,3')) return [makeSite('multi-head-attention', at, e, { heads: e.fn.obj.fn.obj }, { form: 'merge' })];
    }
    return [];
  },
};

/** `X.reshape(n, h, d_head).transpose(1, 0, 2)` (or the batched 4-D form): X and the head count. */
function splitOperand(e: Expr): { X: Expr; heads: Expr } | undefined {
  if (e.k !== 'call' || e.fn.k !== 'attr' || e.fn.name !== 'transpose' || e.fn.obj.k !== 'call' || e.fn.obj.fn.k !== 'attr' || e.fn.obj.fn.name !== 'reshape') return undefined;
  const dims = e.fn.obj.args.length;
  const perm = e.args.map((a) => numLit(a.value)).join();
  const isSplit = (dims === 3 && perm === '1,0,2') || (dims === 4 && perm === '0,2,1,3');
  return isSplit ? { X: e.fn.obj.fn.obj, heads: e.fn.obj.args[dims - 2].value } : undefined;
}

function exprHeads(e: Expr): number | string {
  return numLit(e) ?? (e.k === 'name' ? e.name : '?');
}
