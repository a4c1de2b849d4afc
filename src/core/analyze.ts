// The one analysis every consumer reads: the tracer's Trace (bindings, numpy errors, formulas)
// with the silent-bug warnings merged in. The editor, the CLI and the bench all call this, so a
// diagnostic shown in VS Code is exactly the one `attention-tutor trace` prints.

import type { Edit } from 'web-tree-sitter';
import type { Diagnostic } from './diagnostics';
import { lintTrace } from './formulas/lints/index';
import { trace, traceIncremental } from './trace';
import type { Language, Trace, TraceOptions } from './types';

function withLints(t: Trace): Trace {
  let lints: Diagnostic[];
  try {
    lints = lintTrace(t);
  } catch {
    // a lint must never cost the user the trace itself
    lints = [];
  }
  if (lints.length === 0) return t;
  const key = (d: Diagnostic) => `${d.code}@${d.loc.line}:${d.loc.col}`;
  const known = new Set(t.diagnostics.map(key));
  const fresh = lints.filter((d) => !known.has(key(d)));
  // sorted in place: the Trace object stays the one the incremental tracer knows
  t.diagnostics.push(...fresh);
  t.diagnostics.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  return t;
}

/** Trace `source` and add the silent-bug warnings. Never throws. */
export function analyze(source: string, language: Language, options?: TraceOptions): Trace {
  return withLints(trace(source, language, options));
}

/** The same after one edit, reusing `prev` (tree-sitter's edit API + re-interpretation from the edit). */
export function analyzeIncremental(prev: Trace, newSource: string, edit: Edit): Trace {
  return withLints(traceIncremental(prev, newSource, edit));
}
