// Symbolic sizes straight into numpy's creation functions (np.zeros((n, d_k)), eye, identity,
// arange, tri, full, empty, *_like, shape=…, random sizes): the program reads its sentence from
// stdin, so the tracer knows n only as a symbol. Its shapes, with n replaced by the length of
// either TP4 sentence, must equal what numpy gave (symbolic-sizes-round2.json, from
// gen_symbolic_round2.py); a length it cannot name stays unknown, never a wrong number.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import numpy from './symbolic-sizes-round2.json';
import { Dim } from '../../../src/core/shapes/dim';
import { loadParsers } from '../helpers';
import { binding, py } from './helpers';

const source = fs.readFileSync(path.join(__dirname, 'symbolic-sizes-round2.py'), 'utf8');

/** The value of a symbolic dim ("n", "n+1", "n*2") for a given n; only these forms are accepted. */
function evalDim(d: Dim, n: number): number {
  if (typeof d === 'number') return d;
  const text = d.name.replace(/\bn\b/g, String(n));
  assert.match(text, /^[\d+*() -]+$/, `unexpected symbol ${d.name}`);
  return Function(`"use strict"; return (${text});`)() as number;
}

describe('interp: symbolic sizes into creation functions (round 2)', () => {
  before(loadParsers);

  it('every array has numpy\'s shape and dtype for both sentences, n kept symbolic', () => {
    const t = py(source);
    assert.deepEqual(t.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en), []);
    for (const name of Object.keys(numpy.runs[0].arrays)) {
      const b = binding(t, name);
      if (name === 'g1') continue; // checked below: its length has no name
      assert.ok(b.shape, `${name}: shape unknown`);
      assert.ok(b.shape.some((d) => typeof d !== 'number'), `${name}: a dim should stay symbolic`);
      for (const run of numpy.runs) {
        const want = run.arrays[name as keyof typeof run.arrays];
        assert.deepEqual(b.shape.map((d) => evalDim(d, run.n)), want.shape, `${name} for "${run.sentence}"`);
        assert.equal(b.dtype, want.dtype, `${name} dtype`);
      }
      assert.equal(b.value, undefined, `${name}: no values for an unknown size`);
    }
  });

  it('np.arange(1, n) has no nameable length: unknown, not a guess', () => {
    const t = py(source);
    const g1 = binding(t, 'g1');
    assert.equal(g1.shape, null);
    assert.deepEqual(numpy.runs.map((r) => r.arrays.g1.shape), [[4], [7]], 'numpy: n - 1, which differs per sentence');
  });

  it('with the sentence written in the program, the same calls give numpy\'s concrete shapes and values', () => {
    const run = numpy.runs[0];
    const concrete = source.replace('input().split()', JSON.stringify(run.sentence.split(' ')));
    const t = py(concrete);
    for (const [name, want] of Object.entries(run.arrays)) {
      if (name === 'r') continue; // unseeded draws: shape only
      assert.deepEqual(binding(t, name).shape, want.shape, name);
    }
    const h2 = binding(t, 'h2').value;
    assert.ok(h2?.kind === 'array' && h2.data, 'np.tri(5, 6, k=-1) evaluated');
    assert.deepEqual(Array.from(h2.data), run.h2, 'np.tri(5, 6, k=-1) as numpy');
  });
});
