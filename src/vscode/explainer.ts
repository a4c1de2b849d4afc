// The derivations the editor shows, computed by the core's explain functions once per trace and
// line (hover, CodeLens and panel ask for the same ones) and forgotten with their trace.

import { explainCell, explainLine, explainSelection } from '../core/explain';
import type { Loc } from '../core/ir';
import type { CellDerivation, Derivation, Trace } from '../core/types';

const byTrace = new WeakMap<Trace, Map<string, Derivation | undefined>>();

function memo(trace: Trace, key: string, make: () => Derivation | undefined): Derivation | undefined {
  let m = byTrace.get(trace);
  if (!m) byTrace.set(trace, (m = new Map()));
  if (!m.has(key)) {
    let d: Derivation | undefined;
    try {
      d = make();
    } catch {
      // an explanation that fails must not take the hover or the panel down with it
      d = undefined;
    }
    m.set(key, d);
  }
  return m.get(key);
}

export function derivationAtLine(trace: Trace, line: number): Derivation | undefined {
  return memo(trace, `line:${line}`, () => explainLine(trace, line));
}

export function derivationOfSelection(trace: Trace, loc: Loc): Derivation | undefined {
  return memo(trace, `sel:${loc.line}:${loc.col}:${loc.endLine}:${loc.endCol}`, () => explainSelection(trace, loc));
}

export function cellOf(derivation: Derivation, index: number[]): CellDerivation | undefined {
  try {
    return explainCell(derivation, index);
  } catch {
    return undefined;
  }
}
