// Reading a derivation's operands from the trace: the value the tracer computed for an
// expression (exprValues), else the binding of that name, as an engine tensor; plus the
// sentence's words for heatmap labels ("Le chat noir dort." split into the rows' tokens).

import type { Expr } from '../ir';
import type { Trace } from '../types';
import type { Value } from '../values';
import { Tensor } from '../engine/tensor';
import { exprName } from '../formulas/match';
import { latexName } from '../latex/symbols';

export function valueOf(trace: Trace, e: Expr | undefined): Value | undefined {
  if (!e) return undefined;
  const v = trace.exprValues[e.id];
  if (v && (v.kind !== 'array' || v.data)) return v;
  const name = exprName(e);
  if (!name) return v;
  // a name inside a function run several times has no single first value: use its binding
  const b = [...trace.bindings].reverse().find((x) => x.name === name && x.value && x.loc.line <= e.loc.line) ?? trace.bindings.find((x) => x.name === name && x.value);
  return b?.value ?? v;
}

export function tensorOf(trace: Trace, e: Expr | undefined): Tensor | undefined {
  return Tensor.fromValue(valueOf(trace, e));
}

/** The LaTeX of an operand: its name through the symbol table, or a neutral symbol. */
export function texOf(e: Expr | undefined, fallback: string): string {
  const n = e && exprName(e);
  return n ? latexName(n) : fallback;
}

/** Like texOf, and a product of names as the course writes it: X @ W_Q → XW^{Q}. */
export function texOfProduct(e: Expr | undefined, fallback: string): string {
  if (e && e.k === 'bin' && e.op === '@') {
    const [a, b] = [exprName(e.left), exprName(e.right)];
    if (a && b) return `${latexName(a)}${latexName(b)}`;
  }
  return texOf(e, fallback);
}

/**
 * Labels for n rows/columns: the words of a list of n strings the program built (the split
 * sentence, the vocabulary lookup), preferring the one assigned closest before `line`.
 */
export function wordLabels(trace: Trace, n: number, line: number): string[] | undefined {
  let best: { line: number; words: string[] } | undefined;
  for (const b of trace.bindings) {
    const v = b.value;
    if (!v || v.kind !== 'list' || !v.items || v.items.length !== n) continue;
    if (!v.items.every((i) => i.kind === 'str' && i.value !== undefined)) continue;
    const words = v.items.map((i) => (i as { value: string }).value);
    const score = b.loc.line <= line ? b.loc.line : -b.loc.line;
    if (!best || score > best.line) best = { line: score, words };
  }
  return best?.words;
}
