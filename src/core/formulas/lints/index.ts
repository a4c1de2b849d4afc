// lintTrace(trace): the silent-bug warnings (code that runs but is very likely wrong), pattern +
// value based: softmax-axis, keepdims-broadcast, missing-scale, mask-after-softmax, concat-axis.

import type { Diagnostic } from '../../diagnostics';
import type { Trace } from '../../types';
import { buildContext, rawOf, type MatchContext, type StmtInfo } from '../match';
import { lintSoftmaxAxis } from './softmaxAxis';
import { lintKeepdims } from './keepdims';
import { lintMaskAfterSoftmax, lintMissingScale } from './attention';
import { lintConcatAxis } from './concatAxis';
import { toTypeScript } from './typescript';

const LINTS: ((ctx: MatchContext, at: StmtInfo) => Diagnostic[])[] = [lintSoftmaxAxis, lintKeepdims, lintMissingScale, lintMaskAfterSoftmax, lintConcatAxis];

/** The silent-bug lints of a trace; `ctx`: the match context the recognisers used (built once). */
export function lintTrace(trace: Pick<Trace, 'program' | 'exprValues'>, ctx: MatchContext = buildContext(trace.program, trace.exprValues)): Diagnostic[] {
  return mergeLints(rawOf(ctx.stmts).map((at) => lintsAt(ctx, at)));
}

/** Every lint at one statement, before de-duplication (an incremental trace caches these). */
export function lintsAt(ctx: MatchContext, at: StmtInfo): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lint of LINTS) {
    try {
      out.push(...lint(ctx, at));
    } catch {
      // a lint meeting an IR shape it did not expect finds nothing there
    }
  }
  // on TypeScript the lints speak mathjs, keeping only the fixes that are certain there
  return ctx.program.language === 'typescript' ? out.map((d) => toTypeScript(ctx, at, d)) : out;
}

/** One diagnostic per (code, line, column), in statement order. */
export function mergeLints(perStmt: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const found of perStmt) {
    for (const d of found) {
      const key = `${d.code}:${d.loc.line}:${d.loc.col}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(d);
      }
    }
  }
  return out;
}
