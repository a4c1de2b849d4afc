// Derivations are recorded WHILE computing: a kernel that is handed a Recorder reports each
// intermediate result it actually computed (title, LaTeX, value), so the steps and the answer
// come from one computation and can never disagree. Without a recorder the kernels skip all
// LaTeX work and run at full speed.

import type { Step } from '../types';
import type { L10nText, Value } from '../values';
import { latexTensor } from '../latex/numbers';
import { Tensor } from './tensor';

export interface Recorder {
  step(title: L10nText, latex: string, value?: Tensor | Value, note?: L10nText): void;
}

/** Collects steps in order; `tex` renders an intermediate with its numbers (elided when large). */
export class StepRecorder implements Recorder {
  readonly steps: Step[] = [];
  step(title: L10nText, latex: string, value?: Tensor | Value, note?: L10nText): void {
    const s: Step = { title, latex };
    if (value !== undefined) s.value = isTensor(value) ? Tensor.toValue(value) : value;
    if (note) s.note = note;
    this.steps.push(s);
  }
}

export function isTensor(v: unknown): v is Tensor {
  return typeof v === 'object' && v !== null && (v as Tensor).data instanceof Float64Array && Array.isArray((v as Tensor).shape);
}

/** The numbers of a tensor as LaTeX (full up to 8×8, elided with ⋯ and the shape beyond). */
export function tex(t: Tensor): string {
  return latexTensor(t.shape, t.data);
}

/** `lhs = numbers` for a step, or just the numbers when no symbolic form is useful. */
export function eq(lhs: string, t: Tensor): string {
  return `${lhs} = ${tex(t)}`;
}
