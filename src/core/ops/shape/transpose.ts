// Axis permutations: ndarray.T, np.transpose / ndarray.transpose (axes as a tuple or as varargs),
// np.swapaxes / ndarray.swapaxes and np.moveaxis. numpy returns views; we return copies of the
// values (aliasing through a view is the interpreter's concern).

import type { Shape } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, fail, permuteData, result, shapeOf } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { intList, intValue, normAxis } from './axes';

function permuted(a: ArrayValue, perm: number[] | null): ArrayValue {
  if (a.shape === null || perm === null) return result(null, a.dtype);
  return result(perm.map((p) => a.shape![p]), a.dtype);
}

function evaluated(a: ArrayValue, perm: number[]): ArrayValue {
  const r = result(perm.map((p) => a.shape![p]), a.dtype, permuteData(dataOf(a), shapeOf(a), perm));
  if (a.scalar) r.scalar = true;
  return r;
}

const reversed = (nd: number) => Array.from({ length: nd }, (_, i) => nd - 1 - i);

/** Validate an explicit permutation like numpy (length, range, repeats — in that order). */
export function checkPerm(axes: number[], nd: number): number[] {
  if (axes.length !== nd) throw fail('transpose-axes', "axes don't match array", "les axes ne correspondent pas au tableau (il faut une permutation de tous les axes)");
  const perm = axes.map((a) => normAxis(a, nd));
  if (new Set(perm).size !== nd) throw fail('transpose-axes', 'repeated axis in transpose', 'axe répété dans transpose');
  return perm;
}

const T: OpModule = {
  names: ['ndarray.T'],
  doc: 'The transpose: the axes in reverse order. A (n, d) matrix becomes (d, n); a 1-D vector is unchanged (use x[:, None] for a column). For stacks of matrices prefer swapaxes(-1, -2).',
  latex: ([a]) => `${a}^{\\top}`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.self);
    return permuted(a, a.shape === null ? null : reversed(a.shape.length));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.self);
    return evaluated(a, reversed(a.shape!.length));
  },
};

/** The permutation asked for (null when not determined or rank unknown). */
function transposePerm(call: OpCall, a: ArrayValue): number[] | null {
  if (a.shape === null) return null;
  const nd = a.shape.length;
  let spec: Value | undefined;
  if (call.self !== undefined) {
    // ndarray.transpose(*axes): no argument, None, one sequence, or the axes as varargs
    if (call.args.length === 0 || (call.args.length === 1 && call.args[0].kind === 'none')) return reversed(nd);
    spec = call.args.length === 1 ? call.args[0] : { kind: 'tuple', items: call.args };
  } else {
    spec = call.args[1] ?? call.kwargs.get('axes');
    if (spec === undefined || spec.kind === 'none') return reversed(nd);
  }
  const axes = intList(spec);
  return axes === undefined ? null : checkPerm(axes, nd);
}

const transpose: OpModule = {
  names: ['np.transpose', 'ndarray.transpose'],
  doc: 'Permute the axes: without axes, reverse them (like .T); with axes=(1, 0, 2), output axis i is input axis axes[i]. In multi-head attention, x.reshape(n, h, d_k).transpose(1, 0, 2) puts the heads first.',
  latex: ([a]) => `${a}^{\\top}`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
    return permuted(a, transposePerm(call, a));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
    return evaluated(a, transposePerm(call, a)!);
  },
};

function swapPerm(call: OpCall, a: ArrayValue): number[] | null {
  const off = call.self !== undefined ? 0 : 1;
  const a1 = intValue(call.args[off] ?? call.kwargs.get('axis1'));
  const a2 = intValue(call.args[off + 1] ?? call.kwargs.get('axis2'));
  if (a.shape === null || a1 === undefined || a2 === undefined) return null;
  const nd = a.shape.length;
  const i = normAxis(a1, nd, 'axis1');
  const j = normAxis(a2, nd, 'axis2');
  const perm = [...Array(nd).keys()];
  perm[i] = j;
  perm[j] = i;
  return perm;
}

const swapaxes: OpModule = {
  names: ['np.swapaxes', 'ndarray.swapaxes'],
  doc: 'Exchange two axes. K.swapaxes(-1, -2) transposes each matrix of a stack (batch, heads, n, d_k) → (batch, heads, d_k, n), the Kᵀ of batched attention.',
  latex: ([a]) => `${a}^{\\top}`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0]);
    return permuted(a, swapPerm(call, a));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0]);
    return evaluated(a, swapPerm(call, a)!);
  },
};

function movePerm(call: OpCall, a: ArrayValue): number[] | null {
  const s = call.args[1] ?? call.kwargs.get('source');
  const d = call.args[2] ?? call.kwargs.get('destination');
  if (a.shape === null || !s || !d) return null;
  const src = intList(s);
  const dst = intList(d);
  if (!src || !dst) return null;
  const nd = a.shape.length;
  const ns = src.map((x) => normAxis(x, nd, 'source'));
  const nds = dst.map((x) => normAxis(x, nd, 'destination'));
  if (new Set(ns).size !== ns.length) throw fail('moveaxis-args', 'repeated axis in `source` argument', "axe répété dans l'argument `source`");
  if (new Set(nds).size !== nds.length) throw fail('moveaxis-args', 'repeated axis in `destination` argument', "axe répété dans l'argument `destination`");
  if (ns.length !== nds.length) {
    throw fail('moveaxis-args', '`source` and `destination` arguments must have the same number of elements', '`source` et `destination` doivent avoir le même nombre d\'éléments');
  }
  // numpy: the other axes keep their order, then each source axis is inserted at its destination
  const order = [...Array(nd).keys()].filter((x) => !ns.includes(x));
  const pairs = nds.map((dd, i) => [dd, ns[i]] as const).sort((x, y) => x[0] - y[0]);
  for (const [dd, ss] of pairs) order.splice(dd, 0, ss);
  return order;
}

const moveaxis: OpModule = {
  names: ['np.moveaxis'],
  doc: 'Move axes to new positions, the other axes keeping their order: np.moveaxis(x, 0, -1) turns (h, n, d_k) into (n, d_k, h).',
  latex: ([a]) => a,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0]);
    return permuted(a, movePerm(call, a));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0]);
    return evaluated(a, movePerm(call, a)!);
  },
};

registerOp(T);
registerOp(transpose);
registerOp(swapaxes);
registerOp(moveaxis);

export type { Shape };
