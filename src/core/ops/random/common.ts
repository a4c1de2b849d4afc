// What every random op shares: finding the generator a call draws from (numpy's global
// RandomState in perTrace, or the RngValue a method is bound to), reading `size`, drawing in the
// shape rule whenever the number of draws is known (so the generator state follows numpy even
// when the values cannot be shown), and handing the drawn data to the evaluator.

import { NumpyError } from '../../diagnostics';
import { Dim, Shape } from '../../shapes/dim';
import type { DType, L10nText, Value } from '../../values';
import {
  globalRandomState, isRngState, loseState, WHY_LOST, WHY_UNSEEDED, type LegacyCore, type PCG64, type RngState,
} from '../../random';
import { arg, literalItems, shapeFromValue } from '../args';
import type { OpCall } from '../types';

/** The generator a call draws from; undefined when it is not known (e.g. an unknown object). */
export function rngOf(call: OpCall): RngState | undefined {
  const self = call.self;
  if (self?.kind === 'rng') return isRngState(self.state) ? self.state : undefined;
  if (call.name.startsWith('np.random.')) {
    const g = globalRandomState(call.ctx.perTrace);
    // only a generator never seeded is "unseeded"; one lost later (a branch, an unknown size)
    // says why on its results. By text: snapshots taken by forks hold copies of the message.
    if (!g.state.core && g.state.why?.en === WHY_UNSEEDED.en) reportUnseeded(call);
    return g.state;
  }
  return undefined;
}

function reportUnseeded(call: OpCall): void {
  const key = 'np.random/unseeded-reported';
  if (call.ctx.perTrace.has(key)) return;
  call.ctx.perTrace.set(key, true);
  call.ctx.report({
    loc: call.loc,
    severity: 'info',
    code: 'random-unseeded',
    message: {
      en: `${call.name} draws from numpy's global generator, which was not seeded: the numbers change on every run. Call np.random.seed(…) first to make them reproducible (the tutor then shows them).`,
      fr: `${call.name} tire dans le générateur global de numpy, sans graine : les nombres changent à chaque exécution. Appelez d'abord np.random.seed(…) pour les rendre reproductibles (le tuteur les affiche alors).`,
    },
  });
}

/** `size=None` (one scalar draw), a shape, or a shape known only by rank (symbolic dims). */
export type Size = { none: true } | { none: false; shape: Shape };

const IDENT = /^[A-Za-z_][A-Za-z_0-9.]*$/;

/** A dim for an int argument whose value is unknown: its source text when that is a name. */
export function symDim(text: string | undefined): Dim | undefined {
  const t = text?.trim();
  return t && IDENT.test(t) ? Dim.sym(t) : undefined;
}

/** The `size` argument; undefined when even its rank is unknown. */
export function sizeArg(call: OpCall, index: number, name = 'size'): Size | undefined {
  const v = arg(call, index, name);
  if (v === undefined || v.kind === 'none') return { none: true };
  const text = index < call.argTexts.length ? call.argTexts[index] : undefined;
  return sizeFromValue(v, text);
}

export function sizeFromValue(v: Value, text?: string): Size | undefined {
  const known = shapeFromValue(v);
  if (known) return { none: false, shape: known };
  // rank known, some dims not: name them after the source text where it is a plain name
  const items = v.kind === 'tuple' || v.kind === 'list' ? v.items : v.kind === 'int' ? [v] : null;
  if (!items) return undefined;
  const parts = v.kind === 'int' ? [text] : literalItems(text);
  const dims: Dim[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const n = it.kind === 'int' ? it.value : undefined;
    const d = n ?? symDim(parts?.[i]);
    if (d === undefined) return undefined;
    dims.push(d);
  }
  return { none: false, shape: dims };
}

/** Number of draws a size asks for; undefined when symbolic. */
export function countOf(size: Size): number | undefined {
  return size.none ? 1 : Shape.size(size.shape);
}

/** Most draws the tracer makes to keep a generator's state exact even when values are not shown. */
function drawLimit(call: OpCall): number {
  return Math.min(Math.max(call.ctx.maxElements, 1) * 8, 5e7);
}

/**
 * Run `draw` on the generator's engine when `count` draws are known and affordable; otherwise
 * the state becomes unknown (numpy would have advanced it by an amount we cannot follow).
 */
export function drawWith<T>(
  call: OpCall, st: RngState | undefined, count: number | undefined,
  draw: (core: LegacyCore | PCG64, st: RngState) => T,
): T | undefined {
  if (!st || !st.core) return undefined;
  if (count === undefined || count > drawLimit(call)) {
    loseState(st, WHY_LOST);
    return undefined;
  }
  return draw(st.core, st);
}

/** Why a draw's values are unknown, for the hint on the result. */
export function whyUnknown(st: RngState | undefined): L10nText {
  return st?.why ?? WHY_LOST;
}

const stash = new WeakMap<object, Value>();

/**
 * The shape rule's result: `abstract` (no data) is returned; when the data was drawn and fits
 * the size bound, the evaluator will hand out `full` instead.
 */
export function deliver(call: OpCall, abstract: Value, full: Value | undefined): Value {
  if (full !== undefined && fitsBound(call, full)) stash.set(abstract, full);
  return abstract;
}

function fitsBound(call: OpCall, v: Value): boolean {
  return v.kind !== 'array' || !v.data || v.data.length <= call.ctx.maxElements;
}

/** The evaluator of every random op: what the shape rule drew for this very call. */
export function delivered(_call: OpCall, abstract: Value): Value {
  return stash.get(abstract) ?? abstract;
}

export function valueError(code: string, en: string, fr: string, pyType = 'ValueError'): NumpyError {
  return new NumpyError(code, { en, fr }, { pyType });
}

/** A float result: Python float for size=None, else a float64 (or float32) array. */
export function floatResult(size: Size, why: L10nText, data?: Float64Array, dtype: DType = 'float64'): { abstract: Value; full?: Value } {
  if (size.none && dtype === 'float64') {
    return { abstract: { kind: 'float' }, full: data ? { kind: 'float', value: data[0] } : undefined };
  }
  const shape = size.none ? [] : size.shape;
  const abstract: Value = { kind: 'array', shape, dtype, why, ...(size.none ? { scalar: true } : {}) };
  return { abstract, full: data ? { kind: 'array', shape, dtype, data, ...(size.none ? { scalar: true } : {}) } : undefined };
}
