// Loops: unrolled iteration by iteration while the iterable is known and the loop budget
// allows; past that (or over an iterable of unknown length, or a `while` whose test is
// unknown) the body runs abstractly as "zero or more iterations" and what it assigns is joined.

import type { Expr, Stmt } from '../ir';
import type { L10nText, Value } from '../values';
import { assignTarget } from './assign';
import type { Interp } from './context';
import { evalExpr } from './expr';
import { fork, type Completion } from './fork';
import { elemOf, iterate } from './iterate';
import { mergeValue } from './merge';
import { truth } from './operators';
import type { Scope } from './scope';
import { execBlock } from './stmt';

/** Abstract passes over a widened body: enough for sizes that grow each iteration to turn symbolic. */
const WIDEN_PASSES = 2;

function widenedInfo(it: Interp, loc: Stmt['loc'], n: number): void {
  const text: L10nText = {
    en: `this loop runs more than ${n} times: the tracer follows the first ${n} iterations exactly, then only shapes`,
    fr: `cette boucle tourne plus de ${n} fois : le traceur suit exactement les ${n} premières itérations, puis seulement les formes`,
  };
  it.info({ ...loc, endLine: loc.line, endCol: loc.col + 3 }, 'loop-widened', text);
}

/** Run `body` as zero-or-more further iterations, joining the state with the state before. */
function widen(it: Interp, body: () => Completion): void {
  for (let p = 0; p < WIDEN_PASSES; p++) {
    fork(it, [
      () => {
        const c = body();
        return c === 'break' || c === 'continue' ? 'normal' : c;
      },
      () => 'normal',
    ]);
  }
}

/** After a loop that may have stopped early (a `break` under an unknown condition), drop values it assigned. */
function forgetAssigned(it: Interp, body: readonly Stmt[], scope: Scope): void {
  const names = new Set<string>();
  const visitT = (t: Expr): void => {
    if (t.k === 'name') names.add(t.name);
    else if (t.k === 'tuple' || t.k === 'list') t.items.forEach(visitT);
    else if (t.k === 'starred') visitT(t.value);
  };
  const visit = (ss: readonly Stmt[]): void => {
    for (const s of ss) {
      if (s.k === 'assign') s.targets.forEach(visitT);
      else if (s.k === 'augassign') visitT(s.target);
      else if (s.k === 'for') {
        visitT(s.target);
        visit(s.body);
        visit(s.orelse);
      } else if (s.k === 'if' || s.k === 'while') {
        visit(s.body);
        visit(s.orelse);
      } else if (s.k === 'with') visit(s.body);
      else if (s.k === 'try') {
        visit(s.body);
        s.handlers.forEach((h) => visit(h.body));
      }
    }
  };
  visit(body);
  for (const n of names) {
    const v = scope.lookup(n);
    if (v) scope.set(n, forget(it, v));
  }
}

function forget(it: Interp, v: Value): Value {
  switch (v.kind) {
    case 'array': {
      const { data: _d, ...rest } = v;
      return rest;
    }
    case 'int':
      return v.value === undefined && v.sym === undefined ? v : { kind: 'int', sym: it.freshSym() };
    case 'float':
    case 'bool':
    case 'str':
      return { kind: v.kind };
    case 'list':
    case 'tuple':
      return v.items ? { kind: v.kind, items: null, ...(v.items[0] ? { elem: v.items[0] } : {}) } : v;
    default:
      return v;
  }
}

export function execFor(it: Interp, s: Stmt & { k: 'for' }, scope: Scope): Completion {
  const src = evalExpr(it, s.iter, scope);
  const site = { loc: s.iter.loc };
  const items = iterate(it, src, site);
  const cap = it.options.maxLoopIterations;
  const outerBroke = it.maybeBroke;
  it.maybeBroke = false;
  try {
    if (items) {
      const n = Math.min(items.length, cap);
      for (let i = 0; i < n; i++) {
        assignTarget(it, s.target, items[i], scope, true);
        const c = execBlock(it, s.body, scope);
        if (c === 'break') return afterLoop(it, s.body, scope, 'normal');
        if (c === 'return' || c === 'raise') return c;
      }
      if (items.length > cap) {
        widenedInfo(it, s.loc, cap);
        let elem = items[cap];
        for (let i = cap + 1; i < Math.min(items.length, cap + 64); i++) elem = mergeValue(elem, items[i], it.freshSym);
        elem = mergeValue(elem, items[items.length - 1], it.freshSym);
        widen(it, () => {
          assignTarget(it, s.target, elem, scope, true);
          return execBlock(it, s.body, scope);
        });
      }
    } else {
      const elem = elemOf(it, src, site);
      widen(it, () => {
        assignTarget(it, s.target, elem, scope, true);
        return execBlock(it, s.body, scope);
      });
    }
    afterLoop(it, s.body, scope, 'normal');
    return execBlock(it, s.orelse, scope);
  } finally {
    it.maybeBroke = outerBroke;
  }
}

function afterLoop(it: Interp, body: readonly Stmt[], scope: Scope, c: Completion): Completion {
  if (it.maybeBroke) forgetAssigned(it, body, scope);
  return c;
}

export function execWhile(it: Interp, s: Stmt & { k: 'while' }, scope: Scope): Completion {
  const cap = it.options.maxLoopIterations;
  const outerBroke = it.maybeBroke;
  it.maybeBroke = false;
  try {
    for (let n = 0; ; n++) {
      const t = truth(it, evalExpr(it, s.test, scope));
      if (t === false) {
        afterLoop(it, s.body, scope, 'normal');
        return execBlock(it, s.orelse, scope);
      }
      if (t === undefined || n >= cap) {
        if (t !== undefined) widenedInfo(it, s.loc, cap);
        widen(it, () => {
          const c = execBlock(it, s.body, scope);
          // the test runs again after each iteration (it may assign, e.g. with :=)
          evalExpr(it, s.test, scope);
          return c;
        });
        return afterLoop(it, s.body, scope, 'normal');
      }
      const c = execBlock(it, s.body, scope);
      if (c === 'break') return afterLoop(it, s.body, scope, 'normal');
      if (c === 'return' || c === 'raise') return c;
    }
  } finally {
    it.maybeBroke = outerBroke;
  }
}

export function execCFor(it: Interp, s: Stmt & { k: 'cfor' }, scope: Scope): Completion {
  for (const st of s.init) {
    const c = execBlock(it, [st], scope);
    if (c !== 'normal') return c;
  }
  const cap = it.options.maxLoopIterations;
  for (let n = 0; ; n++) {
    const t = s.test ? truth(it, evalExpr(it, s.test, scope)) : true;
    if (t === false) return 'normal';
    if (t === undefined || n >= cap) {
      widen(it, () => {
        const c = execBlock(it, s.body, scope);
        execBlock(it, s.update, scope);
        return c;
      });
      return 'normal';
    }
    const c = execBlock(it, s.body, scope);
    if (c === 'break') return 'normal';
    if (c === 'return' || c === 'raise') return c;
    execBlock(it, s.update, scope);
  }
}
