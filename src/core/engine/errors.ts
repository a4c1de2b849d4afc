// The engine's failures as data: every tutor function and the expression evaluator report a
// typed, bilingual error instead of throwing to the CLI or the editor.

import type { L10nText } from '../values';

export type EngineErrorKind = 'syntax' | 'unknown-function' | 'shape' | 'argument' | 'disabled' | 'evaluation';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    readonly text: L10nText,
  ) {
    super(text.en);
  }
}

/** Shorthand for the most common failure: operands whose shapes do not fit. */
export function shapeError(en: string, fr: string): EngineError {
  return new EngineError('shape', { en, fr });
}

export function argumentError(en: string, fr: string): EngineError {
  return new EngineError('argument', { en, fr });
}
