// Random generators across alternatives the tracer cannot decide between: numpy's global
// RandomState is touched through the undo log before any np.random.* call (so a fork rewinds
// it like any variable), and after a fork a generator whose arms drew differently has an
// unknown state — later draws keep their shapes but have no values, never wrong ones.

import { globalRandomState, isRngState, type RngState } from '../random';
import type { L10nText, Value } from '../values';
import type { Interp } from './context';

export const WHY_BRANCH: L10nText = {
  en: 'random values unknown: earlier draws depended on a condition the tracer could not decide, so the generator may be at either point',
  fr: 'valeurs aléatoires inconnues : des tirages précédents dépendaient d’une condition que le traceur ne peut pas trancher, le générateur peut donc être à l’un ou l’autre point',
};

/** np.random.* names that make a new generator instead of using the global one. */
const OWN_STATE = new Set(['np.random.default_rng', 'np.random.RandomState', 'np.random.Generator', 'np.random.PCG64', 'np.random.MT19937', 'np.random.SeedSequence']);

/**
 * Before an op runs: an np.random.* function reads or moves numpy's global RandomState (kept
 * in perTrace, outside every scope), so log it like any mutated object. Creating it here when
 * absent is harmless: a fresh global generator is the unseeded one numpy starts with.
 */
export function touchGlobalRandom(it: Interp, name: string): void {
  if (!name.startsWith('np.random.') || OWN_STATE.has(name)) return;
  it.heap.touch(globalRandomState(it.perTrace));
}

/**
 * A call the tracer does not model (np.random.poisson, Generator.beta, …) that draws from a
 * generator: numpy moved it by an amount we cannot follow, so its state becomes unknown —
 * otherwise every later draw would show numbers numpy does not produce.
 */
export function forgetUnmodelledDraw(it: Interp, name: string, self: Value | undefined): void {
  const target = self?.kind === 'rng' ? self : name.startsWith('np.random.') && !OWN_STATE.has(name) ? globalRandomState(it.perTrace) : undefined;
  if (!target || !isRngState(target.state) || !target.state.core) return;
  it.heap.touch(target);
  target.state = { algo: target.state.algo, core: null, why: whyUnmodelled(name) } as RngState;
  it.randomDirty = true;
}

function whyUnmodelled(name: string): L10nText {
  return {
    en: `random values unknown: ${name} drew from this generator and is not modelled, so the tracer cannot follow where it left it`,
    fr: `valeurs aléatoires inconnues : ${name} a tiré dans ce générateur et n’est pas modélisé, le traceur ne peut donc pas suivre où il l’a laissé`,
  };
}

/** Structural equality of two generator states as snapshots hold them (typed arrays, plain fields). */
function same(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 6) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    // `why` explains an unknown state and `lo` is the return channel of the last 64-bit draw
    // (read at once by the caller): neither is part of where the generator is
    if (k === 'why' || k === 'lo') continue;
    if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

/**
 * The join of a generator's snapshots ({ state }) at the end of a fork: the state itself when
 * every arm left it at the same point, else unknown (the draws that follow have no values).
 */
export function joinRngSnapshots(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const x = a.state, y = b.state;
  if (!isRngState(x) || !isRngState(y)) return same(x, y) ? a : { state: null };
  if (x.algo === y.algo && same(x, y)) return a;
  const unknown: RngState = { algo: x.algo, core: null, why: x.core === null ? x.why : y.core === null ? y.why : WHY_BRANCH } as RngState;
  return { state: unknown };
}
