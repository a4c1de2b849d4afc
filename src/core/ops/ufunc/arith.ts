// The arithmetic ufuncs and the Python operators on arrays: + - * / // % ** unary - and +
// (np.add, np.subtract, …), with numpy 1.24's loop dtypes, weak Python scalars, integer
// semantics (x // 0 == 0, Python-signed %), and numpy's errors for bool and negative powers.

import { NumpyError } from '../../diagnostics';
import { bitsOf, isUnsigned } from '../dtype';
import { defineUfunc, intLoop, type FpFlag } from '../elementwise';
import { LOOPS } from '../ufuncTypes';
import { divmodFloat, floorDivInt, modFloat, modInt, powFloat, powInt } from './intmath';

const BIN = ['x1', 'x2'] as const;

defineUfunc({
  ufunc: 'add', names: ['op.add', 'np.add'], params: BIN, loops: LOOPS.all2, resolver: 'uniform',
  doc: 'Elementwise sum with broadcasting (the `+` operator); on bools it is a logical or.',
  latex: ([a, b]) => `${a} + ${b}`,
  kernel: () => (x: number, y: number) => x + y,
  infFlag: 'overflow',
});

defineUfunc({
  ufunc: 'subtract', names: ['op.sub', 'np.subtract'], params: BIN, loops: LOOPS.num2, resolver: 'uniform',
  doc: 'Elementwise difference with broadcasting (the `-` operator); not defined on two bool arrays.',
  latex: ([a, b]) => `${a} - ${b}`,
  kernel: () => (x: number, y: number) => x - y,
  infFlag: 'overflow',
  boolError: {
    en: 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
    fr: "la soustraction de booléens numpy (opérateur `-`) n'est pas prise en charge : utilisez bitwise_xor (opérateur `^`) ou logical_xor.",
  },
});

defineUfunc({
  ufunc: 'multiply', names: ['op.mul', 'np.multiply'], params: BIN, loops: LOOPS.all2, resolver: 'uniform',
  doc: 'Elementwise (Hadamard) product with broadcasting — the `*` operator, not the matrix product `@`.',
  latex: ([a, b]) => `${a} \\odot ${b}`,
  kernel: () => (x: number, y: number) => x * y,
  infFlag: 'overflow',
});

defineUfunc({
  ufunc: 'divide', names: ['op.truediv', 'np.divide', 'np.true_divide'], params: BIN, loops: LOOPS.float2, resolver: 'truediv',
  doc: 'Elementwise true division (the `/` operator): integers divide as float64; x/0 gives ±inf and 0/0 nan, with a RuntimeWarning.',
  latex: ([a, b]) => `\\frac{${a}}{${b}}`,
  kernel: () => (x: number, y: number) => x / y,
  infFlag: 'divide',
});

defineUfunc({
  ufunc: 'floor_divide', names: ['op.floordiv', 'np.floor_divide'], params: BIN, loops: LOOPS.num2, resolver: 'linear',
  doc: 'Elementwise floor division (the `//` operator), rounding toward −∞; integer x // 0 gives 0 with a RuntimeWarning.',
  latex: ([a, b]) => `\\left\\lfloor \\frac{${a}}{${b}} \\right\\rfloor`,
  kernel: (loop) => (intLoop(loop) ? floorDivInt : (x: number, y: number) => divmodFloat(x, y)[0]),
  infFlag: 'divide',
  intDivZero: true,
});

defineUfunc({
  ufunc: 'remainder', names: ['op.mod', 'np.mod', 'np.remainder'], params: BIN, loops: LOOPS.num2, resolver: 'linear',
  doc: 'Elementwise remainder (the `%` operator) with the sign of the divisor, like Python; integer x % 0 gives 0 with a RuntimeWarning.',
  latex: ([a, b]) => `${a} \\bmod ${b}`,
  kernel: (loop) => (intLoop(loop) ? modInt : modFloat),
  infFlag: 'divide',
  intDivZero: true,
});

const negativePower = new NumpyError(
  'negative-int-power',
  {
    en: 'Integers to negative integer powers are not allowed.',
    fr: 'Les puissances entières négatives d\'entiers ne sont pas autorisées (écrivez 2.0 ** -1 ou convertissez en float).',
  },
  { pyType: 'ValueError' },
);

defineUfunc({
  ufunc: 'power', names: ['op.pow', 'np.power'], params: BIN, loops: LOOPS.num2, resolver: 'linear',
  doc: 'Elementwise power (the `**` operator); an integer array to a negative integer power raises ValueError.',
  latex: ([a, b]) => `{${a}}^{${b}}`,
  kernel: (loop) => {
    if (!intLoop(loop)) return powFloat;
    const bits = bitsOf(loop.ins[0]);
    const signed = !isUnsigned(loop.ins[0]);
    return (x: number, y: number) => powInt(x, y, bits, signed);
  },
  check: (inputs, loop) => {
    if (intLoop(loop) && !isUnsigned(loop.ins[1]) && inputs[1].data!.some((y) => y < 0)) throw negativePower;
  },
  infFlag: (xs): FpFlag => (xs[0] === 0 ? 'divide' : 'overflow'),
});

defineUfunc({
  ufunc: 'negative', names: ['op.neg', 'np.negative'], params: ['x'], loops: LOOPS.num1, resolver: 'uniform',
  doc: 'Elementwise negation (unary `-`); unsigned integers wrap around; not defined on bool arrays (use `~`).',
  latex: ([a]) => `-${a}`,
  kernel: () => (x: number) => -x,
  boolError: {
    en: 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
    fr: "la négation de booléens numpy (opérateur `-`) n'est pas prise en charge : utilisez l'opérateur `~` ou logical_not.",
  },
});

defineUfunc({
  ufunc: 'positive', names: ['np.positive'], params: ['x'], loops: LOOPS.num1, resolver: 'uniform',
  doc: 'Elementwise unary plus: a copy of the array with the same dtype (no loop for bool arrays).',
  latex: ([a]) => `+${a}`,
  kernel: () => (x: number) => x,
});

// `+a` on a bool array is numpy's deprecated special case: a copy rather than the ufunc's TypeError
defineUfunc({
  ufunc: 'positive', names: ['op.pos'], params: ['x'], loops: LOOPS.all1, resolver: 'uniform',
  doc: 'Unary plus (`+a`): a copy of the array with the same dtype.',
  latex: ([a]) => `+${a}`,
  kernel: () => (x: number) => x,
});
