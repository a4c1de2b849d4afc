// Repetition: np.repeat / ndarray.repeat (each element repeated, along an axis or the flattened
// array, a count per element allowed) and np.tile (the whole array repeated like tiles).

import { Dim } from '../../shapes/dim';
import { arrayOrUnknown, dataOf, fail, plannedOp, remapData, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { intList, intValue, normAxis } from './axes';

const negative = () => fail('negative-dimension', 'negative dimensions are not allowed', 'les dimensions négatives ne sont pas autorisées');

function repeatPlan(call: OpCall) {
  const self = call.self !== undefined;
  const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
  const rv = call.args[self ? 0 : 1] ?? call.kwargs.get('repeats');
  const axV = call.args[self ? 1 : 2] ?? call.kwargs.get('axis');
  if (a.shape === null || !rv) return { a, shape: null };
  const flat = !axV || axV.kind === 'none';
  const src = flat ? [a.shape.reduce<Dim>((p, d) => Dim.mul(p, d), 1)] : a.shape;
  const axisN = flat ? 0 : intValue(axV);
  if (axisN === undefined) return { a, shape: null };
  const axis = normAxis(axisN, src.length);
  const reps = intList(rv);
  if (!reps) return { a, shape: null };
  if (reps.some((r) => r < 0)) throw negative();
  const n = src[axis];
  let len: Dim;
  if (reps.length === 1) len = Dim.mul(n, reps[0]);
  else {
    if (Dim.certainlyDiffer(n, reps.length)) {
      throw fail('repeat-shape', `operands could not be broadcast together with shape (${Dim.format(n)},) (${reps.length},)`,
        `repeats donne ${reps.length} nombres pour un axe de longueur ${Dim.format(n)}`);
    }
    len = reps.reduce((p, r) => p + r, 0);
  }
  return { a, shape: [...src.slice(0, axis), len, ...src.slice(axis + 1)], axis, reps, src };
}

const repeat = plannedOp({
  names: ['np.repeat', 'ndarray.repeat'],
  doc: 'Repeat each element: np.repeat([1, 2], 2) → [1, 1, 2, 2]. Without axis the array is flattened first; repeats may give one count per element.',
  latex: ([a]) => a,
  plan: repeatPlan,
  fill(p, shape) {
    const src = p.src as number[];
    const axis = p.axis!;
    const d = dataOf(p.a);
    const outer = size(src.slice(0, axis));
    const inner = size(src.slice(axis + 1));
    const n = src[axis];
    const counts = p.reps!.length === 1 ? Array(n).fill(p.reps![0]) : p.reps!;
    const out = new Float64Array(size(shape));
    let pos = 0;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < n; i++) {
        const row = d.subarray((o * n + i) * inner, (o * n + i + 1) * inner);
        for (let r = 0; r < counts[i]; r++) {
          out.set(row, pos);
          pos += inner;
        }
      }
    }
    return out;
  },
});

function tilePlan(call: OpCall) {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('A'));
  const rv = call.args[1] ?? call.kwargs.get('reps');
  const reps = rv ? intList(rv) : undefined;
  if (a.shape === null || !reps) return { a, shape: null };
  if (reps.some((r) => r < 0)) throw negative();
  const nd = Math.max(a.shape.length, reps.length);
  const src: Dim[] = [...Array(nd - a.shape.length).fill(1), ...a.shape];
  const r = [...Array(nd - reps.length).fill(1), ...reps];
  return { a, shape: src.map((d, i) => Dim.mul(d, r[i])), src, reps: r };
}

const tile = plannedOp({
  names: ['np.tile'],
  doc: 'Repeat the whole array reps times along each axis (reps is an int or a tuple; missing axes count as 1): np.tile([1, 2], 2) → [1, 2, 1, 2].',
  latex: ([a]) => a,
  plan: tilePlan,
  fill(p, out) {
    const src = p.src as number[];
    // output index i along an axis reads the source's i mod its length: the tiles' period
    return remapData(dataOf(p.a), src, out, (ax, i) => i % src[ax]);
  },
});

registerOp(repeat);
registerOp(tile);
