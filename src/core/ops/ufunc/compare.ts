// Comparison ufuncs and operators (< <= > >= == !=): broadcast, compare in the promoted dtype,
// always a bool result. NaN compares false except for !=, as in IEEE and numpy.

import { defineUfunc, type Kernel2 } from '../elementwise';
import { LOOPS } from '../ufuncTypes';

const table: [string, string, string, string, Kernel2][] = [
  ['less', 'op.lt', '<', '<', (x, y) => (x < y ? 1 : 0)],
  ['less_equal', 'op.le', '<=', '\\le', (x, y) => (x <= y ? 1 : 0)],
  ['greater', 'op.gt', '>', '>', (x, y) => (x > y ? 1 : 0)],
  ['greater_equal', 'op.ge', '>=', '\\ge', (x, y) => (x >= y ? 1 : 0)],
  ['equal', 'op.eq', '==', '=', (x, y) => (x === y ? 1 : 0)],
  ['not_equal', 'op.ne', '!=', '\\ne', (x, y) => (x !== y ? 1 : 0)],
];

for (const [ufunc, opName, py, tex, k] of table) {
  defineUfunc({
    ufunc, names: [opName, `np.${ufunc}`], params: ['x1', 'x2'], loops: LOOPS.cmp2, resolver: 'uniform',
    doc: `Elementwise comparison \`x1 ${py} x2\` with broadcasting; the result is a bool array (NaN compares false${py === '!=' ? ', so NaN != NaN is True' : ''}).`,
    latex: ([a, b]) => `${a} ${tex} ${b}`,
    kernel: () => k,
  });
}
