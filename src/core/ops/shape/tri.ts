// np.triu / np.tril: keep the entries on and above (triu) or on and below (tril) the k-th
// diagonal of the last two axes, zero elsewhere — the causal mask of decoder attention.
// A 1-D input is treated as the rows of a square matrix, as numpy does.

import { arrayOrUnknown, dataOf, plannedOp, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { intValue } from './axes';

function plan(call: OpCall) {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('m'));
  const k = intValue(call.args[1] ?? call.kwargs.get('k')) ?? 0;
  if (a.shape === null) return { a, k, shape: null };
  const shape = a.shape.length === 1 ? [a.shape[0], a.shape[0]] : a.shape;
  return { a, k, shape };
}

function triangle(names: string[], upper: boolean, doc: string, tex: string) {
  return plannedOp({
    names,
    doc,
    latex: ([a]) => `\\operatorname{${tex}}(${a})`,
    plan,
    fill(p, out) {
      const s = shapeOf(p.a);
      const d = dataOf(p.a);
      const rows = out[out.length - 2];
      const cols = out[out.length - 1];
      const batches = size(out.slice(0, -2));
      const data = new Float64Array(size(out));
      for (let b = 0; b < batches; b++) {
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const keep = upper ? j - i >= p.k : j - i <= p.k;
            if (!keep) continue;
            // 1-D input: every row is the input itself
            const src = s.length === 1 ? j : (b * rows + i) * cols + j;
            data[(b * rows + i) * cols + j] = d[src];
          }
        }
      }
      return data;
    },
  });
}

registerOp(triangle(['np.triu'], true,
  'Upper triangle of the last two axes: entries with j − i ≥ k kept, the others set to 0 (k = 1 excludes the diagonal). np.triu(np.ones((n, n)), k=1) marks the future positions a causal mask hides.', 'triu'));
registerOp(triangle(['np.tril'], false,
  'Lower triangle of the last two axes: entries with j − i ≤ k kept, the others set to 0. np.tril(np.ones((n, n))) is the causal mask (1 where a token may attend).', 'tril'));
