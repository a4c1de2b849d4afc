// positional-encoding: sin / cos of pos / 10000^(2i/d) written vectorised (np.sin(pos /
// np.power(10000, i / d)), even / odd slices PE[:, 0::2] = …) or in loops (PE[pos, i] =
// math.sin(pos / 10000 ** (2 * i / d))), also through an `angles` name and the exp(-log) form.

import type { Expr, Stmt } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite, topExpr } from '../site';
import { arg, loopVars, numLit, qualName, subExprs, through, type MatchContext, type StmtInfo } from '../match';

/** Does the expression (following names one level) mention the 10000 base of the frequencies? */
function hasBase(ctx: MatchContext, at: StmtInfo, e: Expr, depth = 0): boolean {
  for (const s of subExprs(e)) {
    if (numLit(s) === 10000) return true;
    if (s.k === 'name' && depth < 2) {
      const v = through(ctx, at, s);
      if (v !== s && hasBase(ctx, at, v, depth + 1)) return true;
    }
  }
  return false;
}

export function trigOfFrequencies(ctx: MatchContext, at: StmtInfo, e: Expr): 'sin' | 'cos' | undefined {
  for (const s of subExprs(e)) {
    // every sub-expression of every line comes here: name the callee once, and only for calls
    if (s.k !== 'call') continue;
    const callee = qualName(ctx, s.fn);
    const fn = callee === 'np.sin' || callee === 'math.sin' ? 'sin' : callee === 'np.cos' || callee === 'math.cos' ? 'cos' : undefined;
    const x = fn && arg(s, 0);
    if (fn && x && hasBase(ctx, at, x)) return fn;
  }
  return undefined;
}

/**
 * Is a statement a trig-of-frequencies line, remembered per trace (per context): every trig line
 * looks at its block's other lines, which made a module of many such lines quadratic in walks.
 */
const trigMemo = new WeakMap<MatchContext, Map<Stmt, boolean>>();
function isTrigStmt(ctx: MatchContext, st: Stmt): boolean {
  let memo = trigMemo.get(ctx);
  if (!memo) trigMemo.set(ctx, (memo = new Map()));
  let r = memo.get(st);
  if (r === undefined) {
    const info = ctx.infoOf.get(st);
    const x = info && topExpr(info);
    r = !!info && !!x && trigOfFrequencies(ctx, info, x) !== undefined;
    memo.set(st, r);
  }
  return r;
}

export const positionalEncodingRecogniser: Recogniser = {
  kind: 'positional-encoding',
  recognise(ctx, at) {
    const e = topExpr(at);
    if (!e || trigOfFrequencies(ctx, at, e) === undefined) return [];
    // one site per table: the first trig statement of its block, spanning to the last one; the two
    // branches of `if j % 2 == 0: sin … else: cos …` are one table too
    const trig = (st: Stmt) => isTrigStmt(ctx, st);
    if (at.block.slice(0, at.index).some(trig)) return [];
    const branch = at.parent?.stmt.k === 'if' ? at.parent.stmt : undefined;
    if (branch && at.block === branch.orelse && branch.body.some(trig)) return [];
    let lastStmt = at.stmt;
    for (const st of at.block.slice(at.index + 1)) if (trig(st)) lastStmt = st;
    if (branch && at.block === branch.body) for (const st of branch.orelse) if (trig(st)) lastStmt = st;
    const last = ctx.infoOf.get(lastStmt)!;
    const site = makeSite('positional-encoding', last, e, {}, { vectorised: loopVars(at).size === 0 });
    site.loc = { line: at.stmt.loc.line, col: at.stmt.loc.col, endLine: last.stmt.loc.endLine, endCol: last.stmt.loc.endCol };
    site.line = at.stmt.loc.line;
    const t = at.stmt.k === 'assign' ? at.stmt.targets[0] : undefined;
    if (t) site.operands.table = t.k === 'index' ? t.obj : t;
    return [site];
  },
};
