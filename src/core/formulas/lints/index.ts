// lintTrace(trace): the silent-bug warnings (code that runs but is very likely wrong), pattern +
// value based: softmax-axis, keepdims-broadcast, missing-scale, mask-after-softmax.

import type { Diagnostic } from '../../diagnostics';
import type { Trace } from '../../types';
import { buildContext, type MatchContext, type StmtInfo } from '../match';
import { lintSoftmaxAxis } from './softmaxAxis';
import { lintKeepdims } from './keepdims';
import { lintMaskAfterSoftmax, lintMissingScale } from './attention';

const LINTS: ((ctx: MatchContext, at: StmtInfo) => Diagnostic[])[] = [lintSoftmaxAxis, lintKeepdims, lintMissingScale, lintMaskAfterSoftmax];

export function lintTrace(trace: Pick<Trace, 'program' | 'exprValues'>): Diagnostic[] {
  const ctx = buildContext(trace.program, trace.exprValues);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const at of ctx.stmts) {
    for (const lint of LINTS) {
      let found: Diagnostic[] = [];
      try {
        found = lint(ctx, at);
      } catch {
        found = [];
      }
      for (const d of found) {
        const key = `${d.code}:${d.loc.line}:${d.loc.col}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(d);
        }
      }
    }
  }
  return out;
}
