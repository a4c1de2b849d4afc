// The Trace: what one static run of the interpreter over one document version produces, and
// what every consumer (hover, inlay hints, diagnostics, CodeLens, derivations, CLI) reads.

import type { Expr, Loc, Program } from './ir';
import type { Diagnostic } from './diagnostics';
import type { DType, L10nText, Value } from './values';
import type { Shape } from './shapes/dim';

export type Language = 'python' | 'typescript';

/** The formula kinds of the CLI contract (`explain`), in its order. */
export const FORMULA_KINDS = [
  'softmax', 'scaled-scores', 'attention', 'multi-head-attention', 'positional-encoding',
  'adam-step', 'sgd-step', 'momentum-step', 'layer-norm', 'gelu', 'relu', 'sigmoid',
  'cross-entropy', 'perplexity', 'cosine-similarity', 'linear', 'embedding-lookup',
] as const;
export type FormulaKind = (typeof FORMULA_KINDS)[number];

/**
 * One binding of the contract: an assignment target on one source line, merged over every time
 * that line ran (loop iterations, calls of the enclosing function).
 */
export interface Binding {
  /** range of the target (`Q`, `self.W`, `a` in `a, b = …`) */
  loc: Loc;
  name: string;
  /** null: not an array/scalar, or unknown. Dims that differ between runs become symbols. */
  shape: Shape | null;
  dtype: DType | null;
  /** the value, when every run of this line gave the same determined value */
  value?: Value;
  /** how many times the line ran during the trace */
  count: number;
  /** why the shape is unknown, when it is */
  why?: L10nText;
}

/** A formula recognised in the code (see src/core/formulas). */
export interface FormulaSite {
  kind: FormulaKind;
  /** the lines the formula spans (Adam's m / v / m̂ / v̂ / θ block spans several) */
  loc: Loc;
  /** the line the CodeLens goes on (1-based) */
  line: number;
  /** binding name of the result, when the formula is assigned (`weights`) */
  target?: string;
  /** the expression computing the result */
  resultExpr?: Expr;
  /** named operands the derivation needs: { scores: Expr } for softmax, { Q, K, V } for attention, ... */
  operands: Record<string, Expr>;
  /** extra facts the recogniser found (axis, whether a mask is present, the scale divisor, ...) */
  facts: Record<string, string | number | boolean>;
}

export interface TraceStats {
  /** wall time of parse + interpret, ms */
  ms: number;
  /** the time budget ran out: later statements were widened to unknown */
  budgetExceeded: boolean;
}

export interface Trace {
  language: Language;
  program: Program;
  bindings: Binding[];
  diagnostics: Diagnostic[];
  /**
   * The value each expression had the first time it was evaluated, indexed by Expr.id
   * (undefined: never evaluated). Recognisers and derivations read operands from here, so a
   * derivation uses exactly the numbers the tracer computed.
   */
  exprValues: (Value | undefined)[];
  formulas: FormulaSite[];
  stats: TraceStats;
}

export interface TraceOptions {
  /** time budget in ms (default 500) */
  budgetMs?: number;
  /** largest array materialised with its values (default 1e6 elements) */
  maxElements?: number;
  /** for notebooks: the code cells, traced in order with state carried across */
  cells?: string[];
}

/** One step of a derivation, recorded while the value was computed (never recomputed apart). */
export interface Step {
  title: L10nText;
  /** KaTeX-renderable LaTeX using the code's own names (W_Q → W^{Q}) and, for small operands, the numbers */
  latex: string;
  /** the intermediate value this step produced */
  value?: Value;
  /** optional prose under the step */
  note?: L10nText;
}

/** A heatmap the panel draws: attention weights of one head, the PE table, ... */
export interface Heatmap {
  title: L10nText;
  /** 2-D (or higher: the panel offers a slice picker over the leading axes) array with data */
  matrix: Value;
  /** labels of the last two axes, e.g. the sentence's words for queries (rows) and keys (columns) */
  rowLabels?: string[];
  colLabels?: string[];
}

/** A formula (or a selected expression) derived step by step with the traced numbers. */
export interface Derivation {
  formula: FormulaKind | 'expression';
  /** 1-based line the formula was found at */
  line: number;
  /** the formula in general form, e.g. \mathrm{softmax}(z)_i = e^{z_i - \max z} / \sum_j e^{z_j - \max z} */
  general: string;
  steps: Step[];
  result: Value;
  heatmaps: Heatmap[];
}

/** The scalar arithmetic behind one entry of a derivation's result (click on a cell). */
export interface CellDerivation {
  index: number[];
  steps: Step[];
  value: number;
}
