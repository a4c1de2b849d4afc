// Seeding: np.random.seed / RandomState.seed reseed a legacy MT19937 (int or 1-d int array, as
// numpy's _legacy_seeding), np.random.RandomState(s) and np.random.default_rng(s) create
// generator objects (RngValue). No seed, or a seed the tracer cannot read, means unknown values.

import { NumpyError } from '../../diagnostics';
import type { RngValue, Value } from '../../values';
import {
  checkLegacySeed, globalRandomState, legacySeed, pcg64FromEntropy, WHY_UNSEEDED,
  type LegacyRngState, type PcgRngState,
} from '../../random';
import { arg } from '../args';
import { toArray } from '../convert';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

const WHY_UNREAD = {
  en: 'random values unknown: the seed is not known to the tracer',
  fr: 'valeurs aléatoires inconnues : la graine n’est pas connue du traceur',
};

/** The seed argument: 'none', the int/ints, or undefined when not determined. */
function seedOf(v: Value | undefined): 'none' | number | number[] | undefined {
  if (v === undefined || v.kind === 'none') return 'none';
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  if (v.kind === 'float') {
    if (v.value === undefined) return undefined;
    return Number.isInteger(v.value) ? NaN : v.value; // a float seed: numpy refuses it (checked below)
  }
  if (v.kind === 'array' || v.kind === 'list' || v.kind === 'tuple') {
    const a = toArray(v);
    if (!a.data || !a.shape) return undefined;
    if (a.dtype && a.dtype.startsWith('float')) return a.data.length === 1 && a.shape.length === 0 ? NaN : [NaN];
    if (a.shape.length === 0) return a.data[0];
    if (a.shape.length !== 1) {
      throw new NumpyError('random-seed', { en: 'Seed array must be 1-d', fr: 'le tableau de graines doit être 1-d' }, { pyType: 'ValueError' });
    }
    return Array.from(a.data);
  }
  return undefined;
}

function legacyState(call: OpCall): LegacyRngState {
  const s = seedOf(arg(call, 0, 'seed'));
  if (s === 'none') return { algo: 'mt19937', core: null, why: WHY_UNSEEDED };
  if (s === undefined) return { algo: 'mt19937', core: null, why: WHY_UNREAD };
  const bad = checkLegacySeed(s);
  if (bad) throw new NumpyError('random-seed', { en: bad.message, fr: frSeed(bad.message) }, { pyType: bad.pyType });
  return { algo: 'mt19937', core: legacySeed(s) };
}

function frSeed(en: string): string {
  if (en.startsWith('Seed must be between')) return 'la graine doit être comprise entre 0 et 2**32 - 1';
  if (en.startsWith('Seed must be non-empty')) return 'la graine ne doit pas être vide';
  return 'la graine doit être un entier (un flottant ne peut pas servir de graine)';
}

function pcgState(call: OpCall): PcgRngState {
  const v = arg(call, 0, 'seed');
  const s = seedOf(v);
  if (s === 'none') return { algo: 'pcg64', core: null, why: WHY_UNSEEDED };
  if (s === undefined) return { algo: 'pcg64', core: null, why: WHY_UNREAD };
  const all = typeof s === 'number' ? [s] : s;
  if (all.some((x) => !Number.isInteger(x))) {
    throw new NumpyError('random-seed', { en: 'SeedSequence expects int or sequence of ints for entropy', fr: 'SeedSequence attend un entier ou une suite d’entiers comme entropie' }, { pyType: 'TypeError' });
  }
  if (all.some((x) => x < 0)) {
    throw new NumpyError('random-seed', { en: 'expected non-negative integer', fr: 'entier positif ou nul attendu' }, { pyType: 'ValueError' });
  }
  return { algo: 'pcg64', core: pcg64FromEntropy(s as number | number[]) };
}

registerOp({
  names: ['np.random.seed', 'RandomState.seed'],
  doc: 'Reseeds the legacy Mersenne Twister (numpy\'s global one, or this RandomState) from an int in [0, 2**32) or a 1-d array of them; later np.random draws are then exactly reproducible. seed() without argument reseeds from the OS: values unknown.',
  latex: (o) => `\\text{seed}(${o[0] ?? ''})`,
  shape: (call) => {
    const st = legacyState(call);
    const target = call.self?.kind === 'rng' ? call.self : globalRandomState(call.ctx.perTrace);
    target.state = st;
    return { kind: 'none' };
  },
  evaluate: (_c, abstract) => abstract,
});

registerOp({
  names: ['np.random.RandomState'],
  doc: 'A legacy RandomState (Mersenne Twister) object seeded like np.random.seed; its methods (rand, randn, randint, normal, choice, …) draw exactly numpy\'s numbers.',
  latex: (o) => `\\text{RandomState}(${o[0] ?? ''})`,
  shape: (call): RngValue => ({ kind: 'rng', generator: 'RandomState', state: legacyState(call) }),
  evaluate: (_c, abstract) => abstract,
});

registerOp({
  names: ['np.random.default_rng'],
  doc: 'A Generator on PCG64 seeded through SeedSequence(seed), numpy\'s recommended generator; its draws (random, standard_normal, normal, uniform, integers, choice, permutation, shuffle) are reproduced exactly. default_rng() without seed: values unknown.',
  latex: (o) => `\\text{default\\_rng}(${o[0] ?? ''})`,
  shape: (call): Value => {
    const v = arg(call, 0, 'seed');
    if (v?.kind === 'rng' && v.generator === 'Generator') return v; // numpy passes a Generator through
    return { kind: 'rng', generator: 'Generator', state: pcgState(call) };
  },
  evaluate: (_c, abstract) => abstract,
});
