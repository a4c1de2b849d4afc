// np.broadcast_to: an array read as a larger shape by numpy's broadcasting rule, one way only
// (the array's axes must be 1 or equal to the target's; the target may add leading axes).

import { broadcastData } from '../../shapes/broadcast';
import { Dim, type Shape } from '../../shapes/dim';
import { arrayOrUnknown, compact, dataOf, fail, plannedOp, shapeOf } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { intList } from './axes';

function check(a: Shape, target: Shape): Shape {
  if (a.length > target.length) {
    throw fail('broadcast-mismatch', 'input operand has more dimensions than allowed by the axis remapping',
      `le tableau a ${a.length} axes, plus que la forme cible ${compact(target)}`);
  }
  const off = target.length - a.length;
  a.forEach((d, i) => {
    if (d !== 1 && Dim.certainlyDiffer(d, target[off + i])) {
      throw fail('broadcast-mismatch',
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${compact(a)}  and requested shape ${compact(target)}`,
        `impossible de diffuser (broadcast) la forme ${compact(a)} vers ${compact(target)} : l'axe ${i} vaut ${Dim.format(d)} (il faudrait 1 ou ${Dim.format(target[off + i])})`);
    }
  });
  return target;
}

function plan(call: OpCall) {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('array'));
  const sv = call.args[1] ?? call.kwargs.get('shape');
  const target = sv ? intList(sv) : undefined;
  if (!target) return { a, shape: null };
  if (target.some((d) => d < 0)) throw fail('negative-dimension', 'all elements of broadcast shape must be non-negative', 'les dimensions de la forme cible doivent être positives ou nulles');
  return { a, shape: a.shape === null ? target : check(a.shape, target) };
}

const broadcastTo = plannedOp({
  names: ['np.broadcast_to'],
  doc: "Read an array as a larger shape without copying (numpy returns a read-only view): each axis of the array must be 1 or the target's size; the target may add leading axes.",
  latex: ([a]) => a,
  plan,
  fill: (p, out) => broadcastData(dataOf(p.a), shapeOf(p.a), out),
});

registerOp(broadcastTo);
