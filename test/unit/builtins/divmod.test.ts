// Python's float // and % (floor division, sign of the divisor) over nan, ±inf, ±0 and mixed
// int/float operands, against CPython's own answers (divmod.json, written by gen_divmod.py).
import * as assert from 'node:assert/strict';
import { PyError } from '../../../src/core/builtins/errors';
import { numBinary } from '../../../src/core/builtins/pynum';
import type { Value } from '../../../src/core/values';
import cases from './divmod.json';

type Num = number | string;
const dec = (x: Num): number => (x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x === '-0' ? -0 : (x as number));
const val = (x: Num, t: string): Value => (t === 'int' ? { kind: 'int', value: dec(x) } : { kind: 'float', value: dec(x) });

describe('Python float // and % against CPython', () => {
  for (const c of cases as { a: Num; at: string; b: Num; bt: string; op: '//' | '%'; result?: Num; type?: string; error?: string }[]) {
    it(`${c.a} ${c.op} ${c.b}`, () => {
      const run = () => numBinary(c.op, val(c.a, c.at), val(c.b, c.bt));
      if (c.error) {
        assert.throws(run, (e: unknown) => e instanceof PyError);
        return;
      }
      const r = run() as { kind: string; value?: number };
      assert.equal(r.kind, c.type === 'int' ? 'int' : 'float');
      assert.ok(Object.is(r.value, dec(c.result!)), `got ${r.value}, CPython ${c.result}`);
    });
  }
});
