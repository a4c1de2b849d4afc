// np.outer: every product aᵢ·bⱼ of the two FLATTENED operands, shape (a.size, b.size) — e.g. the
// angle table pos ⊗ 1/10000^(2i/d) of a positional encoding.

import { Dim } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { castData } from '../dtype';
import { arrayOrUnknown, dataOf, result } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { productDtype } from './matmul';

function operands(call: OpCall): [ArrayValue, ArrayValue] {
  return [arrayOrUnknown(call.args[0] ?? call.kwargs.get('a')), arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'))];
}

function flatSize(a: ArrayValue): Dim | null {
  if (a.shape === null) return null;
  return a.shape.reduce<Dim>((p, d) => Dim.mul(p, d), 1);
}

const outer: OpModule = {
  names: ['np.outer'],
  doc:
    'Outer product: out[i, j] = a[i] · b[j] for the flattened inputs, shape (a.size, b.size). np.outer(pos, freqs) ' +
    'builds the angle table of a sinusoidal positional encoding.',
  latex: ([a, b]) => `${a} \\otimes ${b}`,
  shape(call: OpCall): Value {
    const [a, b] = operands(call);
    const dtype: DType | null = productDtype(a, b);
    const n = flatSize(a);
    const m = flatSize(b);
    return result(n === null || m === null ? null : [n, m], dtype);
  },
  evaluate(call: OpCall, abstract: Value): Value {
    const [a, b] = operands(call);
    const ad = dataOf(a);
    const bd = dataOf(b);
    const dtype = (abstract as ArrayValue).dtype ?? 'float64';
    const out = new Float64Array(ad.length * bd.length);
    for (let i = 0; i < ad.length; i++) {
      const x = ad[i];
      const row = i * bd.length;
      if (dtype === 'bool') for (let j = 0; j < bd.length; j++) out[row + j] = x !== 0 && bd[j] !== 0 ? 1 : 0;
      else for (let j = 0; j < bd.length; j++) out[row + j] = x * bd[j];
    }
    return result([ad.length, bd.length], dtype, castData(out, dtype));
  },
};

registerOp(outer);
export default outer;
