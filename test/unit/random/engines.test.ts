// The engines on their own, against numpy's raw words (goldens.json "raw"): MT19937 32-bit
// outputs after int seeding, SeedSequence state words (incl. entropy beyond 2^64), PCG64 outputs.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  entropyWords, generateState, MT19937, PCG64, pcg64FromEntropy, seedSequencePool, cloneRngState, legacySeed,
  legacyGauss, type RngState,
} from '../../../src/core/random';
import { expCR, logCR } from '../../../src/core/random/ddmath';
import { ZIGGURAT, ZIGGURAT_NOR_R } from '../../../src/core/random/ziggurat';

interface Raw {
  mt19937: { seed: number; u32: number[] }[];
  seedseq: { entropy: string; words: number[] }[];
  pcg64: { seed: number; u64: string[] }[];
  cr: [number, number, number][];
}
const RAW = (JSON.parse(fs.readFileSync(path.join(__dirname, 'goldens.json'), 'utf8')) as { raw: Raw }).raw;

describe('random engines: raw words equal numpy', () => {
  for (const { seed, u32 } of RAW.mt19937) {
    it(`MT19937 seed ${seed}: every 50th of 700 uint32 (crosses a twist)`, () => {
      const g = MT19937.fromSeed(seed);
      const got: number[] = [];
      for (let i = 0; i < 700; i++) {
        const w = g.nextUint32();
        if (i % 50 === 0) got.push(w);
      }
      assert.deepEqual(got, u32);
    });
  }
  for (const { entropy, words } of RAW.seedseq) {
    it(`SeedSequence(${entropy}).generate_state(8)`, () => {
      assert.deepEqual(generateState(seedSequencePool(entropyWords(BigInt(entropy))), 8), words);
    });
  }
  for (const { seed, u64 } of RAW.pcg64) {
    it(`PCG64(${seed}).random_raw(20)`, () => {
      const g = pcg64FromEntropy(seed);
      const got = u64.map(() => {
        const hi = g.nextUint64();
        return ((BigInt(hi) << 32n) | BigInt(g.lo)).toString();
      });
      assert.deepEqual(got, u64);
    });
  }
  it('entropy words: least significant first, 0 is one zero word, negatives refused', () => {
    assert.deepEqual(entropyWords(0), [0]);
    assert.deepEqual(entropyWords(2n ** 32n + 5n), [5, 1]);
    assert.deepEqual(entropyWords([1, 2 ** 32]), [1, 0, 1]);
    assert.throws(() => entropyWords(-1), RangeError);
  });
});

describe('random engines: states are independent once cloned', () => {
  it('a cloned PCG64 state continues exactly like the original, without touching it', () => {
    const st: RngState = { algo: 'pcg64', core: pcg64FromEntropy(7) };
    (st.core as PCG64).nextUint32(); // leave a buffered half-word in the state
    const copy = cloneRngState(st);
    const a = [0, 1, 2].map(() => (st.core as PCG64).nextUint32());
    const b = [0, 1, 2].map(() => (copy.core as PCG64).nextUint32());
    assert.deepEqual(b, a);
  });
  it('a cloned legacy state keeps the cached gaussian', () => {
    const core = legacySeed(3);
    legacyGauss(core); // leaves the pair's second value cached
    assert.equal(core.hasGauss, true);
    const copy = cloneRngState({ algo: 'mt19937', core });
    const x = legacyGauss(core);
    const y = legacyGauss((copy as { core: typeof core }).core);
    assert.equal(y, x);
    assert.notEqual(legacyGauss(core), x);
  });
});

describe('random engines: the ziggurat construction', () => {
  it('exp and log are correctly rounded (Decimal at 60 digits)', () => {
    for (const [x, e, l] of RAW.cr) {
      assert.equal(expCR(x), e, `exp(${x})`);
      assert.equal(logCR(Math.abs(x) + 1e-3), l, `log(${Math.abs(x) + 1e-3})`);
    }
  });
  it('tables: ki exact integers below 2^52 with ki[1] = 0, wi increasing to r/2^52, fi decreasing from 1', () => {
    const { ki, wi, fi } = ZIGGURAT;
    assert.equal(ki[1], 0);
    assert.equal(fi[0], 1);
    assert.equal(wi[255], ZIGGURAT_NOR_R / 2 ** 52);
    for (let i = 1; i < 256; i++) {
      assert.ok(Number.isInteger(ki[i]) && ki[i] < 2 ** 52);
      if (i > 1) assert.ok(wi[i] > wi[i - 1] && fi[i] < fi[i - 1], `monotone at ${i}`);
    }
  });
});
