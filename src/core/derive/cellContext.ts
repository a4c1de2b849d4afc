// What explainCell needs to redo one entry of a derivation's result as scalar arithmetic: the
// operands of that derivation, kept beside it (a WeakMap, so they go with the derivation).

import type { Derivation } from '../types';
import type { Tensor } from '../engine/tensor';
import type { Computed } from './generic';

type CellContext =
  | { kind: 'softmax'; z: Tensor; zTex: string; result: Tensor; stable: boolean; axis: number }
  | { kind: 'scores'; Q: Tensor; K: Tensor; divisor: number; names: { Q: string; K: string; d: string }; result: Tensor }
  | { kind: 'attention'; weights: Tensor; scores: Tensor; V: Tensor; result: Tensor; names?: { weights: string; V: string } }
  | { kind: 'generic'; computed: Computed };

const contexts = new WeakMap<Derivation, CellContext>();

export function setCellContext(d: Derivation, c: CellContext): void {
  contexts.set(d, c);
}

export function cellContext(d: Derivation): CellContext | undefined {
  return contexts.get(d);
}
