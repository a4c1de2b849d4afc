// Round-2 ops seen through the tracer: out= writes into the given array and returns that same
// object (aliases see the new values, forks undo them), in-place ops change their array and bind
// None, and np.empty_like(x) as out= still gets values. Expected numbers are numpy's (in comments).
import * as assert from 'node:assert/strict';
import { trace } from '../../../src/core/trace';
import type { Trace } from '../../../src/core/types';
import type { Value } from '../../../src/core/values';
import { loadParsers } from '../helpers';

function values(t: Trace, name: string): Value[] {
  return t.bindings.filter((b) => b.name === name).map((b) => b.value!);
}
function last(t: Trace, name: string): number[] {
  const v = values(t, name).at(-1);
  assert.ok(v && v.kind === 'array' && v.data, `${name} has a value`);
  return Array.from((v as { data: Float64Array }).data);
}

describe('ops round 2 through the tracer', () => {
  before(loadParsers);

  it('out= fills the given array, returns it (r is o), and an alias sees the values', () => {
    const t = trace([
      'import numpy as np',
      'x = np.array([1.0, 2.0, 4.0])',
      'o = np.zeros(3)',
      'alias = o',
      'r = np.log(x, out=o)',
      'same = r is o',
      'seen = alias + 0',
    ].join('\n'), 'python');
    assert.deepEqual(t.diagnostics.filter((d) => d.severity === 'error'), []);
    // numpy: [0.0, 0.6931471805599453, 1.3862943611198906]
    assert.deepEqual(last(t, 'seen'), [0, Math.log(2), Math.log(4)]);
    assert.deepEqual(values(t, 'same').at(-1), { kind: 'bool', value: true });
  });

  it('where= keeps out where the mask is False and warns only for computed lanes', () => {
    const t = trace([
      'import numpy as np',
      'p = np.array([1.0, 0.0, 4.0])',
      'res = np.full(3, -1.0)',
      'np.log(p, out=res, where=p > 0)',
      'copy = res * 1',
    ].join('\n'), 'python');
    assert.deepEqual(last(t, 'copy'), [0, -1, Math.log(4)]); // numpy: [0., -1., 1.38629436]
    assert.equal(t.diagnostics.filter((d) => d.code === 'runtime-warning').length, 0);
  });

  it('np.empty_like as out gets determined values', () => {
    const t = trace('import numpy as np\nx = np.array([[1.0, 2.0]])\nbuf = np.empty_like(x)\nnp.multiply(x, 3, out=buf)\ny = buf + 0\n', 'python');
    assert.deepEqual(last(t, 'y'), [3, 6]);
  });

  it('a casting error on out= is an error diagnostic on its line', () => {
    const t = trace('import numpy as np\nacc = np.zeros(3, dtype=int)\nnp.add(acc, 0.5, out=acc)\n', 'python');
    const e = t.diagnostics.find((d) => d.severity === 'error');
    assert.ok(e, 'an error');
    assert.equal(e!.loc.line, 3);
    assert.match(e!.message.en, /Cannot cast ufunc 'add' output from dtype\('float64'\) to dtype\('int64'\)/);
  });

  it('a.sort() sorts in place and binds None when assigned; fill and fill_diagonal write in place', () => {
    const t = trace([
      'import numpy as np',
      'a = np.array([3, 1, 2])',
      'before = a + 0',
      'b = a.sort()',
      'after = a + 0',
      'S = np.zeros((3, 3))',
      'np.fill_diagonal(S, -np.inf)',
      'S2 = S + 0',
      'z = np.zeros(2, dtype=int)',
      'z.fill(7.9)',
      'z2 = z + 0',
    ].join('\n'), 'python');
    assert.deepEqual(last(t, 'before'), [3, 1, 2]);
    assert.deepEqual(values(t, 'b').at(-1), { kind: 'none' });
    assert.deepEqual(last(t, 'after'), [1, 2, 3]);
    assert.deepEqual(last(t, 'S2'), [-Infinity, 0, 0, 0, -Infinity, 0, 0, 0, -Infinity]);
    assert.deepEqual(last(t, 'z2'), [7, 7]);
  });

  it('scipy.special.softmax normalises over all elements by default', () => {
    const t = trace('from scipy.special import softmax\nimport numpy as np\nw = softmax(np.array([[0.0, 0.0], [0.0, 0.0]]))\n', 'python');
    assert.deepEqual(last(t, 'w'), [0.25, 0.25, 0.25, 0.25]);
  });
});
