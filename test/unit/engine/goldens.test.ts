// Every tutor function of the `eval` table against numpy (goldens made by make_goldens.py with
// /usr/bin/python3), edge cases included: large values, -Infinity, one element, ties, 3-D.
import * as assert from 'node:assert/strict';
import goldens from './engine-goldens.json';
import { findTutorFunction, type EngineValue } from '../../../src/core/engine/tutor';
import { Tensor } from '../../../src/core/engine/tensor';
import { isTensor } from '../../../src/core/engine/recorder';

type J = number | string | J[] | { [k: string]: J };

function decode(x: J): EngineValue {
  if (typeof x === 'number') return x;
  if (typeof x === 'string') return Number(x);
  if (Array.isArray(x)) return Tensor.fromNested(deNaN(x));
  const o: Record<string, EngineValue> = {};
  for (const [k, v] of Object.entries(x)) o[k] = decode(v);
  return o;
}
function deNaN(x: J): unknown {
  return Array.isArray(x) ? x.map(deNaN) : typeof x === 'string' ? Number(x) : x;
}

/** equal within rel 1e-12 (abs 1e-15), NaN equal to NaN, infinities exactly */
export function assertClose(actual: EngineValue, expected: EngineValue, what: string, rel = 1e-12): void {
  if (typeof expected === 'number') {
    const a = isTensor(actual) ? (assert.equal(actual.data.length, 1, what), actual.data[0]) : (actual as number);
    closeNum(a, expected, what, rel);
    return;
  }
  if (isTensor(expected)) {
    assert.ok(isTensor(actual), `${what}: expected a tensor`);
    assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
    expected.data.forEach((e, i) => closeNum(actual.data[i], e, `${what}[${i}]`, rel));
    return;
  }
  for (const [k, v] of Object.entries(expected as Record<string, EngineValue>)) assertClose((actual as Record<string, EngineValue>)[k], v, `${what}.${k}`, rel);
}

function closeNum(a: number, e: number, what: string, rel: number): void {
  if (Number.isNaN(e)) return assert.ok(Number.isNaN(a), `${what}: expected NaN, got ${a}`);
  if (!Number.isFinite(e)) return assert.equal(a, e, what);
  assert.ok(Math.abs(a - e) <= rel * Math.abs(e) + 1e-15, `${what}: ${a} vs numpy ${e}`);
}

describe('tutor functions against numpy goldens', () => {
  it('covers every function of the eval table', () => {
    const covered = new Set(goldens.cases.map((c) => c.fn));
    for (const fn of ['softmax', 'scaled_scores', 'attention', 'causal_mask', 'positional_encoding', 'adam_step', 'layer_norm', 'gelu', 'gelu_tanh', 'sigmoid', 'relu', 'cosine_similarity', 'cross_entropy', 'perplexity']) {
      assert.ok(covered.has(fn), fn);
    }
  });
  for (const c of goldens.cases) {
    it(`${c.fn}: ${c.note}`, () => {
      const f = findTutorFunction(c.fn)!;
      const args = (c.args as J[]).map(decode);
      // 2-D tensors of one row came from Python lists of lists; keep as decoded
      assertClose(f.call(args), decode(c.expected as J), c.fn);
    });
  }
});
