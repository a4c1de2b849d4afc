// Diagnostics the core reports, and the error an operation throws where numpy would raise.
// Messages are bilingual at the source so that the CLI (English) and the editor (either
// language) show the same text.

import type { Loc } from './ir';
import type { L10nText } from './values';

export type Severity = 'error' | 'warning' | 'info';

/** A certain fix: replacing these ranges gives the corrected code. */
export interface QuickFix {
  title: L10nText;
  edits: { loc: Loc; newText: string }[];
}

export interface Diagnostic {
  loc: Loc;
  severity: Severity;
  /** stable kebab-case code of the CLI contract: matmul-mismatch, broadcast-mismatch, softmax-axis, ... */
  code: string;
  message: L10nText;
  fixes?: QuickFix[];
}

/**
 * Thrown by an op (or the interpreter) exactly where numpy would raise at run time. The
 * interpreter turns it into an `error` diagnostic on the call's range (or on `loc` when the op
 * knows a more precise one, e.g. the offending argument).
 */
export class NumpyError extends Error {
  constructor(
    readonly code: string,
    readonly text: L10nText,
    readonly options: { loc?: Loc; fixes?: QuickFix[]; pyType?: string } = {},
  ) {
    super(text.en);
  }
}
