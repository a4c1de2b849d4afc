// np.einsum: Einstein summation over labelled axes ("bhqd,bhkd->bhqk" is every head's Q·Kᵀ).
// Shapes and errors from ./einsumSpec.ts; values by one odometer over the output labels then the
// summed labels, with per-operand strides (a repeated label walks the diagonal).

import { Dim } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { castData, resultType } from '../dtype';
import { asArray, dataOf, result, shapeOf } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { parseEinsum, type EinsumSpec } from './einsumSpec';

function operands(call: OpCall): { subs?: string; arrays: ArrayValue[] | null } {
  const first = call.args[0];
  if (first?.kind !== 'str' || first.value === undefined) return { arrays: null };
  const arrays = call.args.slice(1).map((v) => asArray(v) ?? { kind: 'array' as const, shape: null, dtype: null });
  return { subs: first.value, arrays };
}

function dtypeOf(arrays: ArrayValue[]): DType | null {
  if (arrays.length === 0 || arrays.some((a) => a.dtype === null)) return null;
  return resultType(arrays.map((a) => ({ dtype: a.dtype!, scalar: false })));
}

function plan(call: OpCall): { spec?: EinsumSpec; arrays: ArrayValue[] | null; dtype: DType | null; shape: Dim[] | null } {
  const { subs, arrays } = operands(call);
  if (!arrays || subs === undefined) return { arrays, dtype: null, shape: null };
  const dtype = dtypeOf(arrays);
  if (arrays.some((a) => a.shape === null)) return { arrays, dtype, shape: null };
  const spec = parseEinsum(subs, arrays.map((a) => a.shape!));
  return { spec, arrays, dtype, shape: spec.out.map((l) => spec.sizes.get(l)!) };
}

function compute(spec: EinsumSpec, arrays: ArrayValue[], dtype: DType): Float64Array {
  const order = [...spec.out, ...spec.summed];
  const lens = order.map((l) => spec.sizes.get(l) as number);
  const rank = order.length;
  const nops = arrays.length;
  const datas = arrays.map(dataOf);
  // strides[op][axis of the iteration]: summed over repeated labels, 0 where broadcast or absent
  const strides = arrays.map((a, i) => {
    const s = shapeOf(a);
    const st = s.map((_, ax) => s.slice(ax + 1).reduce((p, d) => p * d, 1));
    return order.map((l) => {
      let acc = 0;
      spec.opLabels[i].forEach((lab, ax) => {
        if (lab === l && s[ax] !== 1) acc += st[ax];
      });
      return acc;
    });
  });
  const outSize = lens.slice(0, spec.out.length).reduce((p, d) => p * d, 1);
  const inner = lens.slice(spec.out.length).reduce((p, d) => p * d, 1);
  const out = new Float64Array(outSize);
  if (outSize === 0 || inner === 0) return castData(out, dtype);
  if (rank === 0) {
    out[0] = datas.reduce((p, d) => p * d[0], 1);
    return castData(out, dtype);
  }
  // odometer over every axis but the last; the last one runs as a tight loop (a dot product when
  // it is summed, a row of the output otherwise)
  const L = lens[rank - 1];
  const last = strides.map((st) => st[rank - 1]);
  const summedLast = spec.summed.length > 0;
  const stepsPerOut = summedLast ? inner / L : 1;
  const outer = (outSize * inner) / L;
  const counter = new Array<number>(rank - 1).fill(0);
  const offs = new Array<number>(nops).fill(0);
  const two = nops === 2;
  const [d0, d1] = [datas[0], datas[1]];
  const [s0, s1] = [last[0], last[1]];
  let acc = 0;
  let o = 0;
  for (let i = 0; i < outer; i++) {
    if (summedLast) {
      if (two) {
        let p0 = offs[0];
        let p1 = offs[1];
        for (let t = 0; t < L; t++, p0 += s0, p1 += s1) acc += d0[p0] * d1[p1];
      } else {
        for (let t = 0; t < L; t++) {
          let prod = 1;
          for (let k = 0; k < nops; k++) prod *= datas[k][offs[k] + t * last[k]];
          acc += prod;
        }
      }
      if ((i + 1) % stepsPerOut === 0) {
        out[o++] = acc;
        acc = 0;
      }
    } else {
      for (let t = 0; t < L; t++) {
        let prod = 1;
        for (let k = 0; k < nops; k++) prod *= datas[k][offs[k] + t * last[k]];
        out[o++] = prod;
      }
    }
    for (let ax = rank - 2; ax >= 0; ax--) {
      if (++counter[ax] < lens[ax]) {
        for (let k = 0; k < nops; k++) offs[k] += strides[k][ax];
        break;
      }
      for (let k = 0; k < nops; k++) offs[k] -= strides[k][ax] * (lens[ax] - 1);
      counter[ax] = 0;
    }
  }
  return castData(out, dtype);
}

const einsum: OpModule = {
  names: ['np.einsum'],
  doc:
    'Einstein summation: each operand\'s axes are named by letters; letters absent from the output (after ->) are summed. ' +
    '"ij,jk->ik" is the matrix product, "ij->ji" the transpose, "ii" the trace, "bhqd,bhkd->bhqk" the attention scores of ' +
    'every head. Without ->, the output is the letters seen once, in alphabetical order. ... stands for broadcast axes.',
  latex: (ops) => `\\sum ${ops.slice(1).join('\\,')}`,
  shape(call: OpCall): Value {
    const p = plan(call);
    return result(p.shape, p.dtype);
  },
  evaluate(call: OpCall): Value {
    const p = plan(call);
    const dtype = p.dtype ?? 'float64';
    const r = result(p.shape, dtype, compute(p.spec!, p.arrays!, dtype));
    if (p.shape!.length === 0) r.scalar = true;
    return r;
  },
};

registerOp(einsum);
