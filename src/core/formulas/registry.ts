// The recognisers, one module per formula kind, registered here as ops are in ops/registry.ts.
// A recogniser looks at one statement (with its context) and returns the formula sites it sees.

import type { FormulaKind, FormulaSite } from '../types';
import type { MatchContext, StmtInfo } from './match';

export interface Recogniser {
  kind: FormulaKind;
  /** sites found at this statement; several recognisers may see one line (the most specific wins) */
  recognise(ctx: MatchContext, at: StmtInfo): FormulaSite[];
}

const all: Recogniser[] = [];

export function registerRecogniser(r: Recogniser): void {
  if (all.some((x) => x.kind === r.kind)) throw new Error(`recogniser registered twice: ${r.kind}`);
  all.push(r);
}

export function recognisers(): readonly Recogniser[] {
  return all;
}
