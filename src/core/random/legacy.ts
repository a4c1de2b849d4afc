// numpy's legacy RandomState on top of MT19937: seeding from an int or a 1-d array of ints
// (`_legacy_seeding`), and the legacy Gaussian (polar Box–Muller whose second value is cached:
// the cache is part of the state, so randn() then rand() then randn() interleave as numpy's).

import { MT19937 } from './mt19937';

export class LegacyCore {
  constructor(
    readonly mt: MT19937,
    /** numpy's `has_gauss` / `gauss`: the spare normal of the last polar pair */
    public hasGauss = false,
    public gauss = 0,
  ) {}

  clone(): LegacyCore {
    return new LegacyCore(this.mt.clone(), this.hasGauss, this.gauss);
  }
}

/** Why a legacy seed is rejected, with numpy's exception type and message. */
interface SeedProblem {
  pyType: 'ValueError' | 'TypeError';
  message: string;
}

const SEED_RANGE = 'Seed must be between 0 and 2**32 - 1';

/** A problem with the seed exactly where numpy raises, else undefined. */
export function checkLegacySeed(seed: number | readonly number[]): SeedProblem | undefined {
  const all = typeof seed === 'number' ? [seed] : seed;
  if (typeof seed !== 'number' && all.length === 0) return { pyType: 'ValueError', message: 'Seed must be non-empty' };
  for (const s of all) {
    if (!Number.isInteger(s)) {
      return {
        pyType: 'TypeError',
        message: "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
      };
    }
    if (s < 0 || s > 0xffffffff) return { pyType: 'ValueError', message: SEED_RANGE };
  }
  return undefined;
}

/** `RandomState(seed)` / `np.random.seed(seed)` for a valid int or 1-d int array seed. */
export function legacySeed(seed: number | readonly number[]): LegacyCore {
  return new LegacyCore(typeof seed === 'number' ? MT19937.fromSeed(seed) : MT19937.fromArray(seed));
}

/** numpy's `legacy_gauss`. */
export function legacyGauss(s: LegacyCore): number {
  if (s.hasGauss) {
    s.hasGauss = false;
    const t = s.gauss;
    s.gauss = 0;
    return t;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2 * s.mt.nextDouble() - 1;
    x2 = 2 * s.mt.nextDouble() - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  const f = Math.sqrt((-2 * Math.log(r2)) / r2);
  s.gauss = f * x1;
  s.hasGauss = true;
  return f * x2;
}
