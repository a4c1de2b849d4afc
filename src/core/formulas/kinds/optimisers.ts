// The optimiser steps: Adam as the multi-line m / v / m̂ / v̂ / θ block (one site spanning its
// lines), momentum (v = μv + g then θ -= η v, or v = βv - ηg then θ += v), and plain SGD
// (θ -= η g). One module per kind would repeat the update-line parsing three times.

import type { Expr, Stmt } from '../../ir';
import type { Recogniser } from '../registry';
import { makeSite } from '../site';
import { exprName, sameExpr, sqrtOf, subExprs, type MatchContext, type StmtInfo } from '../match';

interface Update {
  target: Expr;
  /** the amount subtracted (θ -= amount / θ = θ - amount) or added (θ += amount) */
  amount: Expr;
  sign: -1 | 1;
}

function update(s: Stmt): Update | undefined {
  if (s.k === 'augassign' && (s.op === '-' || s.op === '+')) return { target: s.target, amount: s.value, sign: s.op === '-' ? -1 : 1 };
  if (s.k === 'assign' && s.targets.length === 1 && s.value.k === 'bin' && (s.value.op === '-' || s.value.op === '+') && sameExpr(s.value.left, s.targets[0])) {
    return { target: s.targets[0], amount: s.value.right, sign: s.value.op === '-' ? -1 : 1 };
  }
  return undefined;
}

/** θ' = θ − amount into a new name (the functional style, `const thetaNew = theta.map(…)` in TS). */
function freshUpdate(s: Stmt): Update | undefined {
  if (s.k !== 'assign' || s.targets.length !== 1 || s.targets[0].k !== 'name' || s.value.k !== 'bin' || s.value.op !== '-' || !exprName(s.value.left)) return undefined;
  return { target: s.targets[0], amount: s.value.right, sign: -1 };
}

/** β·m + (1 − β)·g: a moment written into a new name (mNew = …) rather than updated from itself. */
function movingAverage(e: Expr): boolean {
  return e.k === 'bin' && e.op === '+' && e.left.k === 'bin' && e.left.op === '*' && e.right.k === 'bin' && e.right.op === '*';
}

const LR = /^(lr|eta|alpha|learning_rate|step_size|pas|taux)/i;

/** lr * g (either order), or a product with a learning-rate-looking factor. */
function lrTimes(e: Expr): { lr: Expr; g: Expr } | undefined {
  if (e.k !== 'bin' || e.op !== '*') return undefined;
  const isLr = (x: Expr) => (x.k === 'name' && LR.test(x.name)) || (x.k === 'attr' && LR.test(x.name)) || (x.k === 'num' && x.value > 0 && x.value < 1);
  if (isLr(e.left)) return { lr: e.left, g: e.right };
  if (isLr(e.right)) return { lr: e.right, g: e.left };
  return undefined;
}

function assigned(s: Stmt, name: string): Expr | undefined {
  if (s.k === 'assign' && s.targets.length === 1 && exprName(s.targets[0]) === name) return s.value;
  return undefined;
}

function infoOf(ctx: MatchContext, s: Stmt): StmtInfo {
  return ctx.stmts.find((x) => x.stmt === s)!;
}

/** The Adam parameter line: θ -= lr * m̂ / (sqrt(v̂) + ε). */
function adamUpdate(ctx: MatchContext, u: Update): { mhat: Expr; vhat: Expr } | undefined {
  const lt = lrTimes(u.amount);
  let ratio = lt?.g;
  if (!lt && u.amount.k === 'bin' && u.amount.op === '/' && u.amount.left.k === 'bin' && u.amount.left.op === '*') ratio = { ...u.amount, left: u.amount.left.right } as Expr;
  if (!ratio || ratio.k !== 'bin' || ratio.op !== '/') return undefined;
  const den = ratio.right;
  if (den.k !== 'bin' || den.op !== '+') return undefined;
  const under = sqrtOf(ctx, den.left);
  return under ? { mhat: ratio.left, vhat: under } : undefined;
}

export const adamRecogniser: Recogniser = {
  kind: 'adam-step',
  recognise(ctx, at) {
    const u = update(at.stmt) ?? freshUpdate(at.stmt);
    const a = u && u.sign === -1 ? adamUpdate(ctx, u) : undefined;
    if (!u || !a) return [];
    // look back for the moments and their bias corrections within the 8 previous statements
    let first = at;
    const operands: Record<string, Expr> = { theta: u.target, mhat: a.mhat, vhat: a.vhat };
    // the nearest assignment of each: the bias corrections, then the moments updated from themselves
    const moments = new Set<string>();
    for (let i = at.index - 1; i >= Math.max(0, at.index - 8); i--) {
      const s = at.block[i];
      for (const [key, e] of [['mhat', a.mhat], ['vhat', a.vhat]] as const) {
        const n = exprName(e);
        const v = n ? assigned(s, n) : undefined;
        const k = key === 'mhat' ? 'm' : 'v';
        if (v && v.k === 'bin' && v.op === '/' && !operands[k]) {
          operands[k] = v.left;
          first = infoOf(ctx, s);
        }
      }
      for (const k of ['m', 'v'] as const) {
        const n = operands[k] && exprName(operands[k]);
        const v = n ? assigned(s, n) : undefined;
        if (!n || !v || moments.has(k) || !([...subExprs(v)].some((x) => exprName(x) === n) || movingAverage(v))) continue;
        moments.add(k);
        first = infoOf(ctx, s);
        const g = [...subExprs(v)].find((x) => x.k === 'name' && /^(g|grad|grads|gradient|dw|dtheta|g_t)$/i.test(x.name));
        if (g) operands.g = g;
      }
    }
    if (!operands.m || !operands.v || moments.size < 2) return [];
    const site = makeSite('adam-step', at, at.stmt.k === 'assign' ? at.stmt.value : u.amount, operands, { spansLines: at.stmt.loc.line - first.stmt.loc.line + 1 }, first.stmt.loc);
    site.line = first.stmt.loc.line;
    return [site];
  },
};

export const momentumRecogniser: Recogniser = {
  kind: 'momentum-step',
  recognise(ctx, at) {
    const u = update(at.stmt);
    if (!u || at.index === 0) return [];
    const vName = exprName(lrTimes(u.amount)?.g ?? u.amount);
    if (!vName) return [];
    const prev = at.block[at.index - 1];
    const v = assigned(prev, vName);
    // v = μ v ± …: the velocity keeps a fraction of itself
    if (!v || v.k !== 'bin' || (v.op !== '+' && v.op !== '-') || v.left.k !== 'bin' || v.left.op !== '*') return [];
    if (exprName(v.left.right) !== vName && exprName(v.left.left) !== vName) return [];
    const site = makeSite('momentum-step', at, u.amount, { theta: u.target, velocity: v.left.right }, { form: u.sign === 1 ? 'v = mu*v - lr*g; theta += v' : 'v = mu*v + g; theta -= lr*v' }, prev.loc);
    site.line = prev.loc.line;
    return [site];
  },
};

export const sgdRecogniser: Recogniser = {
  kind: 'sgd-step',
  recognise(ctx, at) {
    const u = update(at.stmt);
    if (!u || u.sign !== -1) return [];
    const lt = lrTimes(u.amount);
    if (!lt || adamUpdate(ctx, u)) return [];
    // θ -= lr * v where v is a velocity updated just before is momentum, not SGD
    if (at.index > 0) {
      const n = exprName(lt.g);
      const prev = n ? assigned(at.block[at.index - 1], n) : undefined;
      if (prev && [...subExprs(prev)].some((x) => exprName(x) === n)) return [];
    }
    // `w = w - lr * g` derives the whole right-hand side (the new w); `w -= lr * g` derives the update then applies it
    return [makeSite('sgd-step', at, at.stmt.k === 'assign' ? at.stmt.value : u.amount, { theta: u.target, lr: lt.lr, g: lt.g }, {})];
  },
};
