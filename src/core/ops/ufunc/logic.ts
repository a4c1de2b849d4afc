// Bitwise ufuncs and operators (& | ^ ~) on bools and integers (64-bit two's complement), and the
// logical_* functions that take truth values of any numeric dtype and return bools.

import { bitsOf, isUnsigned } from '../dtype';
import { defineUfunc } from '../elementwise';
import { LOOPS } from '../ufuncTypes';
import { bitwise } from './intmath';

const ops = [
  ['bitwise_and', 'op.and', 'and', '&', '\\mathbin{\\&}'],
  ['bitwise_or', 'op.or', 'or', '|', '\\mathbin{|}'],
  ['bitwise_xor', 'op.xor', 'xor', '^', '\\oplus'],
] as const;

for (const [ufunc, opName, kind, py, tex] of ops) {
  defineUfunc({
    ufunc, names: [opName, `np.${ufunc}`], params: ['x1', 'x2'], loops: LOOPS.intbool2, resolver: 'linear',
    doc: `Elementwise bitwise ${kind} (the \`${py}\` operator) of bool or integer arrays; floats raise TypeError. On bool masks it is the logical ${kind}.`,
    latex: ([a, b]) => `${a} ${tex} ${b}`,
    kernel: () => (x: number, y: number) => bitwise(kind, x, y),
  });
}

defineUfunc({
  ufunc: 'invert', names: ['op.invert', 'np.invert', 'np.bitwise_not'], params: ['x'], loops: LOOPS.intbool1, resolver: 'linear',
  doc: 'Elementwise bitwise not (the `~` operator): logical not on bool arrays, two\'s complement ~x on integers.',
  latex: ([a]) => `\\lnot ${a}`,
  kernel: (loop) => {
    const dt = loop.ins[0];
    if (dt === 'bool') return (x: number) => (x ? 0 : 1);
    if (isUnsigned(dt)) {
      const max = 2 ** bitsOf(dt) - 1;
      return (x: number) => max - x;
    }
    return (x: number) => -x - 1;
  },
});

const logical = [
  ['logical_and', (x: number, y: number) => (x !== 0 && y !== 0 ? 1 : 0), '\\land'],
  ['logical_or', (x: number, y: number) => (x !== 0 || y !== 0 ? 1 : 0), '\\lor'],
  ['logical_xor', (x: number, y: number) => ((x !== 0) !== (y !== 0) ? 1 : 0), '\\veebar'],
] as const;

for (const [ufunc, k, tex] of logical) {
  defineUfunc({
    ufunc, names: [`np.${ufunc}`], params: ['x1', 'x2'], loops: LOOPS.cmp2, resolver: 'linear',
    doc: `Elementwise ${ufunc.replace('_', ' ')} of the truth values (nonzero is True); the result is a bool array.`,
    latex: ([a, b]) => `${a} ${tex} ${b}`,
    kernel: () => k,
  });
}

defineUfunc({
  ufunc: 'logical_not', names: ['np.logical_not'], params: ['x'], loops: LOOPS.pred1, resolver: 'linear',
  doc: 'Elementwise logical not of the truth values (nonzero is True); the result is a bool array.',
  latex: ([a]) => `\\lnot ${a}`,
  kernel: () => (x: number) => (x === 0 ? 1 : 0),
});
