// The public entry points of the tutor's explanations, shared by the editor and the CLI:
// explainLine / explainSelection / explainCell (Derivation objects for the panel) and the CLI
// contract's JSON shapes (explainJson, evalJson). Nothing here throws to its caller.

import type { Expr, Loc } from './ir';
import type { CellDerivation, Derivation, FormulaSite, Trace } from './types';
import type { JsonValue, L10nText, Value } from './values';
import { findFormulas } from './formulas/index';
import { buildContext, children, stmtExprs } from './formulas/match';
import { deriveSite, generalOf } from './derive/site';
import { deriveSymbolic } from './derive/symbolic';
import { explainCell as cellOf } from './derive/cell';
import { GenericDeriver } from './derive/generic';
import { setCellContext } from './derive/cellContext';
import { StepRecorder } from './engine/recorder';
import { Tensor } from './engine/tensor';
import { evalExpression } from './engine/evaluate';
import { engineJson, valueJson } from './engine/convert';
import type { EngineErrorKind } from './engine/errors';

export { recognizeFormulas } from './formulas/index';
export { lintTrace } from './formulas/lints/index';
export { evalExpression } from './engine/evaluate';

function sitesOf(trace: Trace): FormulaSite[] {
  return trace.formulas && trace.formulas.length ? trace.formulas : findFormulas(trace);
}

/** The most specific formula whose CodeLens line is `line` (else one whose range covers it), derived. */
export function explainLine(trace: Trace, line: number): Derivation | undefined {
  const sites = sitesOf(trace);
  const candidates = [...sites.filter((s) => s.line === line), ...sites.filter((s) => s.line !== line && s.loc.line <= line && line <= s.loc.endLine)];
  for (const site of candidates) {
    try {
      const d = deriveSite(trace, site);
      if (d) return d;
    } catch {
      // operands that do not fit (unknown shapes…) leave this site unexplained, not the editor broken
    }
  }
  // no values to compute with (a function never called, a line after an error): the formula in the code's names
  const first = candidates[0];
  return first ? deriveSymbolic(trace, first, generalOf(first)) : undefined;
}

function within(inner: Loc, outer: Loc): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  return before(outer.line, outer.col, inner.line, inner.col) && before(inner.endLine, inner.endCol, outer.endLine, outer.endCol);
}

/** The smallest expression whose range covers the selection. */
function exprAt(trace: Trace, loc: Loc): Expr | undefined {
  let best: Expr | undefined;
  const visit = (e: Expr): void => {
    if (!within(loc, e.loc)) return;
    best = e;
    for (const c of children(e)) visit(c);
  };
  for (const s of buildContext(trace.program, trace.exprValues).stmts) for (const e of stmtExprs(s.stmt)) visit(e);
  return best;
}

/**
 * A recognised formula whose result expression is the selection; else the op-by-op derivation
 * of the selected expression with the traced values (a derivation with no step when the
 * selection computes nothing, e.g. a single name).
 */
export function explainSelection(trace: Trace, loc: Loc): Derivation {
  const e = exprAt(trace, loc);
  const site = e && sitesOf(trace).find((s) => s.resultExpr?.id === e.id);
  if (site) {
    try {
      const d = deriveSite(trace, site);
      if (d) return d;
    } catch {
      // fall through to the generic derivation
    }
  }
  const rec = new StepRecorder();
  const unknown: Value = { kind: 'unknown', why: { en: 'the selection has no traced value', fr: 'la sélection n’a pas de valeur tracée' } };
  if (!e) return { formula: 'expression', line: loc.line, general: '', steps: [], result: unknown, heatmaps: [] };
  let computed;
  try {
    computed = new GenericDeriver(trace, buildContext(trace.program, trace.exprValues), rec).eval(e);
  } catch {
    computed = undefined;
  }
  const d: Derivation = {
    formula: 'expression',
    line: e.loc.line,
    general: computed?.tex ?? '',
    steps: rec.steps,
    result: computed ? Tensor.toValue(computed.t) : trace.exprValues[e.id] ?? unknown,
    heatmaps: [],
  };
  if (computed) setCellContext(d, { kind: 'generic', computed });
  return d;
}

/** One entry of a derivation's result as scalar arithmetic (undefined when out of range or not derivable). */
export function explainCell(d: Derivation, index: number[]): CellDerivation | undefined {
  try {
    return cellOf(d, index);
  } catch {
    return undefined;
  }
}

/** The contract's `explain --json` object. */
export interface ExplainJson {
  formula: string;
  line: number;
  steps: { title: string; latex: string; value?: JsonValue }[];
  result: { shape: (number | string)[] | null; value?: JsonValue };
}

function stepsJson(steps: Derivation['steps']): ExplainJson['steps'] {
  return steps.map((s) => {
    const j: ExplainJson['steps'][number] = { title: s.title.en, latex: s.latex };
    const v = valueJson(s.value);
    if (v !== undefined) j.value = v;
    return j;
  });
}

function shapeJson(v: Value): (number | string)[] | null {
  if (v.kind === 'array') return v.shape ? v.shape.map((d) => (typeof d === 'number' ? d : d.name)) : null;
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return [];
  return null;
}

/** `explain FILE --line N --json`, or undefined when no formula is recognised at that line. */
export function explainJson(trace: Trace, line: number): ExplainJson | undefined {
  const d = explainLine(trace, line);
  if (!d) return undefined;
  const result: ExplainJson['result'] = { shape: shapeJson(d.result) };
  const v = valueJson(d.result);
  if (v !== undefined) result.value = v;
  return { formula: d.formula, line: d.line, steps: stepsJson(d.steps), result };
}

/** The contract's `eval --json` object. */
export interface EvalJson {
  value: JsonValue;
  latex: string;
  steps: { title: string; latex: string; value?: JsonValue }[];
}

export type EvalJsonResult = { ok: true; json: EvalJson } | { ok: false; kind: EngineErrorKind; message: L10nText };

/** `eval EXPRESSION --json`: the JSON object, or a typed error (exit 2 with message.en). */
export function evalJson(expression: string): EvalJsonResult {
  const r = evalExpression(expression);
  if (!r.ok) return { ok: false, kind: r.error.kind, message: r.error.message };
  return { ok: true, json: { value: engineJson(r.engineValue), latex: r.latex, steps: stepsJson(r.steps) } };
}
