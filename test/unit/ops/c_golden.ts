// Runs the numpy goldens of ops round 2 (goldens/c_*.json, made by gen_goldens_c.py). Plain calls go
// through ops A's runner (shape rule, evaluator, values, errors, RuntimeWarnings); out= calls must
// give out's final contents; in-place calls (fill_diagonal, ndarray.sort/fill) must leave the
// receiver or first argument as numpy left it and return None.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NumpyError, type Diagnostic } from '../../../src/core/diagnostics';
import { findOp } from '../../../src/core/ops/registry';
import type { Value } from '../../../src/core/values';
import { assertValue, makeCall, runCase, type GoldenCase } from './a_golden';

type J = { k: string; [key: string]: unknown };
export interface CCase extends GoldenCase {
  out_after?: J;
  returns_out?: boolean;
  self_after?: J;
  arg0_after?: J;
}

export function loadC(group: string): CCase[] {
  const file = path.join(__dirname, 'goldens', `c_${group}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).cases as CCase[];
}

/** Ops that write into their receiver or first argument and return None. */
export const IN_PLACE: Record<string, 'self' | 'arg0'> = {
  'ndarray.sort': 'self', 'ndarray.fill': 'self', 'np.fill_diagonal': 'arg0',
};

function where(c: CCase): string {
  return `${c.name}(${c.args.map((a) => JSON.stringify(a).slice(0, 50)).join(', ')}) ${JSON.stringify(c.kwargs).slice(0, 80)}${c.self ? ` self=${JSON.stringify(c.self).slice(0, 50)}` : ''}`;
}

/** One case, checked against numpy. */
export function runC(c: CCase): void {
  const mode = IN_PLACE[c.name];
  if (!mode && !c.out_after) {
    runCase(c);
    return;
  }
  const op = findOp(c.name);
  assert.ok(op, `${c.name} is not registered`);
  const reports: Diagnostic[] = [];
  const call = makeCall(c, reports);
  const w = where(c);
  let got: Value;
  try {
    const abstract = op!.shape(call);
    got = op!.evaluate(call, abstract);
    if (c.out_after && abstract.kind === 'array') {
      assert.deepEqual(abstract.shape, c.out_after.shape, `${w}: shape rule gives out's shape`);
      assert.equal(abstract.dtype, c.out_after.dtype, `${w}: shape rule gives out's dtype`);
    }
  } catch (e) {
    if (!(e instanceof NumpyError)) throw e;
    assert.ok(c.error, `${w}: unexpected error ${e.message}`);
    assert.equal(e.text.en, c.error!.message, `${w}: message`);
    return;
  }
  assert.ok(!c.error, `${w}: numpy raised ${c.error?.type}: ${c.error?.message}, we did not`);
  if (c.out_after) {
    // the interpreter stores these values into out and returns out itself (r is out in numpy)
    assert.equal(c.returns_out, true, `${w}: numpy returns out`);
    assertValue(got, { ...c.out_after, scalar: false }, `${w}: out`);
  } else {
    assert.deepEqual(got, { kind: 'none' }, `${w}: returns None`);
    const target = mode === 'self' ? call.self! : call.args[0];
    assertValue(target, (mode === 'self' ? c.self_after : c.arg0_after)!, `${w}: ${mode} after the call`);
  }
  const msgs = new Set(reports.map((r) => r.message.en.replace(/^RuntimeWarning: /, '')));
  assert.deepEqual([...msgs].sort(), [...c.warnings].sort(), `${w}: RuntimeWarnings`);
}
