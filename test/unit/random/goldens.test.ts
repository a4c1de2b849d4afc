// numpy's draws (goldens.json, written by gen_goldens.py with numpy 1.24) replayed through our op
// modules: uniform and integer draws bit for bit, normals within a stated relative tolerance,
// result types (Python float/int vs numpy scalar vs ndarray), dtypes, shapes and numpy's errors.

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { replay, type Case, type Golden, type Got } from './replay';

const G = JSON.parse(fs.readFileSync(path.join(__dirname, 'goldens.json'), 'utf8')) as { numpy: string; cases: Case[] };
const NORMALS = new Set(['randn', 'standard_normal', 'normal']);
/**
 * normals: numpy's shipped ziggurat tables differ from their construction by a few ulps (they were
 * computed on another libm), and Math.log differs from glibc's in the last ulp now and then.
 */
export const NORMAL_RTOL = 3e-14;

function sha(values: Float64Array): string {
  const b = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => b.writeDoubleLE(v, i * 8));
  return createHash('sha256').update(b).digest('hex');
}

function fromB64(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  return Float64Array.from({ length: b.length / 8 }, (_, i) => b.readDoubleLE(i * 8));
}

export const stats = { exact: 0, total: 0, maxRel: 0 };

function compare(label: string, name: string, want: Golden, got: Got): void {
  if (want.error) {
    assert.equal(got.error, want.error, `${label} ${name}: expected ${want.error}: ${want.message}`);
    assert.equal(got.message, want.message, `${label} ${name}: message`);
    return;
  }
  assert.equal(got.error, undefined, `${label} ${name}: unexpected error ${got.message}`);
  assert.equal(got.type, want.type, `${label} ${name}: result type`);
  if (want.shape) assert.deepEqual(got.shape, want.shape, `${label} ${name}: shape`);
  if (want.dtype) assert.equal(got.dtype, want.dtype, `${label} ${name}: dtype`);
  if (want.type === 'NoneType') return;
  assert.ok(got.values, `${label} ${name}: values should be determined`);
  const vals = got.values;
  const expected = want.values ? Float64Array.from(want.values) : want.b64 ? fromB64(want.b64) : undefined;
  if (NORMALS.has(name) && expected) {
    assert.equal(vals.length, expected.length);
    for (let i = 0; i < vals.length; i++) {
      const rel = Math.abs(vals[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-300);
      stats.total++;
      if (vals[i] === expected[i]) stats.exact++;
      stats.maxRel = Math.max(stats.maxRel, rel);
      assert.ok(rel <= NORMAL_RTOL, `${label} ${name}[${i}]: ${vals[i]} vs numpy ${expected[i]} (rel ${rel})`);
    }
    return;
  }
  if (expected) {
    assert.deepEqual(Array.from(vals), Array.from(expected), `${label} ${name}: values (bit for bit)`);
  } else {
    assert.deepEqual(Array.from(vals.slice(0, want.head!.length)), want.head, `${label} ${name}: first values`);
    assert.equal(sha(vals), want.sha256, `${label} ${name}: every value bit for bit (sha256)`);
  }
}

describe(`random: numpy ${G.numpy} goldens replayed through the ops`, () => {
  for (const c of G.cases) {
    it(`${c.label} (${c.calls.length} calls)`, () => {
      const got = replay(c);
      c.calls.forEach((call, i) => compare(c.label, call[0], c.results[i], got[i]));
    });
  }
  after(() => {
    console.log(`      normals: ${stats.exact}/${stats.total} bit-identical to numpy, max rel error ${stats.maxRel.toExponential(2)}`);
  });
});
