// numpy 1.24's loop selection for every pair of dtypes and for Python/numpy scalars (value-based
// casting): result dtype, value, or numpy's TypeError, for the arithmetic, comparison, bitwise
// and unary ufuncs. Expected results are numpy's (goldens/a_dtypes.json).
import * as assert from 'node:assert/strict';
import { loadGoldens, runCase } from './a_golden';

describe('ops A: dtype promotion and loop selection against numpy', () => {
  const cases = loadGoldens('dtypes');
  const byOp = new Map<string, typeof cases>();
  for (const c of cases) byOp.set(c.name, [...(byOp.get(c.name) ?? []), c]);
  it('covers every dtype pair', () => assert.ok(cases.length > 3000));
  for (const [op, list] of byOp) {
    it(`${op}: ${list.length} operand combinations`, () => {
      const failures: string[] = [];
      for (const c of list) {
        try {
          runCase(c);
        } catch (e) {
          failures.push((e as Error).message.split('\n')[0]);
        }
      }
      assert.deepEqual(failures.slice(0, 8), [], `${failures.length} of ${list.length} differ from numpy`);
    });
  }
});
