// ndarray attributes that describe an array without computing anything: shape, ndim, size,
// dtype, itemsize, nbytes. They are known as soon as the shape and dtype are, even without data.

import type { Value } from './../values';
import { dtypeObject, itemsize } from './dtype';
import { registerOp } from './registry';
import type { OpCall } from './types';

function self(call: OpCall) {
  const v = call.self ?? call.args[0];
  return v && v.kind === 'array' ? v : null;
}

function knownSize(call: OpCall): number | undefined {
  const a = self(call);
  if (!a || a.shape === null || !a.shape.every((d) => typeof d === 'number')) return undefined;
  return (a.shape as number[]).reduce((p, d) => p * d, 1);
}

const props: { name: string; doc: string; latex: (a: string) => string; get(call: OpCall): Value }[] = [
  {
    name: 'shape', doc: 'The tuple of the array\'s dimensions, e.g. (4, 2) for 4 tokens of dimension 2.', latex: (a) => `\\operatorname{shape}(${a})`,
    get(call) {
      const a = self(call);
      if (!a || a.shape === null) return { kind: 'tuple', items: null, elem: { kind: 'int' } };
      return { kind: 'tuple', items: a.shape.map((d) => (typeof d === 'number' ? { kind: 'int', value: d } : { kind: 'int' })) };
    },
  },
  {
    name: 'ndim', doc: 'The number of dimensions (axes) of the array.', latex: (a) => `\\operatorname{ndim}(${a})`,
    get: (call) => ({ kind: 'int', value: self(call)?.shape?.length }),
  },
  {
    name: 'size', doc: 'The number of elements: the product of the shape.', latex: (a) => `\\operatorname{size}(${a})`,
    get: (call) => ({ kind: 'int', value: knownSize(call) }),
  },
  {
    name: 'dtype', doc: 'The element type (float64, int64, bool, …).', latex: (a) => `\\operatorname{dtype}(${a})`,
    get(call) {
      const dt = self(call)?.dtype;
      return dt ? dtypeObject(dt) : { kind: 'unknown' };
    },
  },
  {
    name: 'itemsize', doc: 'Bytes per element (8 for float64, 4 for float32).', latex: (a) => `\\operatorname{itemsize}(${a})`,
    get(call) {
      const dt = self(call)?.dtype;
      return { kind: 'int', value: dt ? itemsize(dt) : undefined };
    },
  },
  {
    name: 'nbytes', doc: 'Bytes used by the elements: size × itemsize.', latex: (a) => `\\operatorname{nbytes}(${a})`,
    get(call) {
      const dt = self(call)?.dtype;
      const n = knownSize(call);
      return { kind: 'int', value: dt && n !== undefined ? n * itemsize(dt) : undefined };
    },
  },
];

for (const p of props) {
  registerOp({
    names: [`ndarray.${p.name}`],
    doc: p.doc,
    latex: ([a]) => p.latex(a),
    shape: p.get,
    evaluate: (call) => p.get(call),
  });
}
