// Moving one axis to the end and back, so last-axis kernels serve code that normalises or
// reduces over another axis (softmax(axis=0) is wrong for attention, but the tutor still shows
// what it computes).

import { Tensor } from '../tensor';

function permute(t: Tensor, order: number[]): Tensor {
  const shape = order.map((a) => t.shape[a]);
  const srcStrides = strides(t.shape);
  const out = new Float64Array(t.data.length);
  const idx = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < out.length; flat++) {
    let src = 0;
    for (let d = 0; d < shape.length; d++) src += idx[d] * srcStrides[order[d]];
    out[flat] = t.data[src];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return { shape, data: out };
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function moveAxisToLast(t: Tensor, axis: number): Tensor {
  const order = t.shape.map((_, i) => i).filter((i) => i !== axis);
  order.push(axis);
  return permute(t, order);
}

export function moveLastToAxis(t: Tensor, axis: number): Tensor {
  const r = t.shape.length;
  const order: number[] = [];
  for (let i = 0, k = 0; i < r; i++) order.push(i === axis ? r - 1 : k++);
  return permute(t, order);
}
