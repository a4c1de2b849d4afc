// The state of one random generator as the trace carries it: the legacy MT19937 RandomState
// (numpy's global one lives in OpContext.perTrace under 'np.random') or a Generator(PCG64).
// `core: null` means the state is unknown — unseeded, or a draw the tracer could not follow —
// and every later draw then has a shape but no values. States are cheap to clone for snapshots.

import type { L10nText, RngValue } from '../values';
import { LegacyCore } from './legacy';
import { PCG64 } from './pcg64';
import { entropyWords, generateState, seedSequencePool } from './seedSequence';

export interface LegacyRngState {
  algo: 'mt19937';
  core: LegacyCore | null;
  why?: L10nText;
}

export interface PcgRngState {
  algo: 'pcg64';
  core: PCG64 | null;
  why?: L10nText;
}

export type RngState = LegacyRngState | PcgRngState;

/** perTrace key of numpy's global legacy RandomState */
const GLOBAL_RANDOM_KEY = 'np.random';

export const WHY_UNSEEDED: L10nText = {
  en: 'random values: the generator was not seeded, so numpy draws different numbers on every run',
  fr: 'valeurs aléatoires : le générateur n’a pas reçu de graine, numpy tire d’autres nombres à chaque exécution',
};

export const WHY_LOST: L10nText = {
  en: 'random values unknown: an earlier draw from this generator could not be followed (unknown size or arguments)',
  fr: 'valeurs aléatoires inconnues : un tirage précédent de ce générateur n’a pas pu être suivi (taille ou arguments inconnus)',
};

export function isRngState(x: unknown): x is RngState {
  return typeof x === 'object' && x !== null && ((x as RngState).algo === 'mt19937' || (x as RngState).algo === 'pcg64');
}

/** An independent copy: drawing from the copy leaves the original untouched. */
export function cloneRngState(s: RngState): RngState {
  if (s.algo === 'mt19937') return { algo: 'mt19937', core: s.core ? s.core.clone() : null, why: s.why };
  return { algo: 'pcg64', core: s.core ? s.core.clone() : null, why: s.why };
}

/**
 * numpy's global RandomState of this trace: an RngValue kept in perTrace (created unseeded, i.e.
 * unknown, on first use), so the interpreter can snapshot it like any generator object.
 */
export function globalRandomState(perTrace: Map<string, unknown>): RngValue & { state: LegacyRngState } {
  const cur = perTrace.get(GLOBAL_RANDOM_KEY) as RngValue | undefined;
  if (cur?.kind === 'rng' && isRngState(cur.state) && cur.state.algo === 'mt19937') {
    return cur as RngValue & { state: LegacyRngState };
  }
  const fresh = { kind: 'rng' as const, generator: 'RandomState' as const, state: { algo: 'mt19937' as const, core: null, why: WHY_UNSEEDED } };
  perTrace.set(GLOBAL_RANDOM_KEY, fresh);
  return fresh;
}

/** Forget the state: later draws keep their shapes but lose their values. */
export function loseState(s: RngState, why: L10nText = WHY_LOST): void {
  s.core = null;
  s.why = why;
}

export { LegacyCore, PCG64 };

/** `np.random.default_rng(entropy)`: SeedSequence(entropy) → PCG64, as numpy seeds it. */
export function pcg64FromEntropy(entropy: number | bigint | readonly (number | bigint)[]): PCG64 {
  return PCG64.fromSeedWords(generateState(seedSequencePool(entropyWords(entropy)), 8));
}
