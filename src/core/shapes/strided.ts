// Strided walks over row-major data: the flat offset of every element an N-d loop visits when each
// axis moves by its own stride. One odometer serves broadcasting (stride 0 on stretched axes),
// axis permutations (the strides reordered) and reductions (a subset of the axes).

/**
 * For each element of an index space of shape `dims`, in row-major order, the offset
 * Σ index[ax] · strides[ax]. Built with an odometer (no division per element), so kernels run one
 * flat loop over the result with no per-element allocation.
 */
export function stridedOffsets(dims: readonly number[], strides: readonly number[]): Int32Array {
  let n = 1;
  for (const d of dims) n *= d;
  const out = new Int32Array(n);
  const rank = dims.length;
  const counter = new Array<number>(rank).fill(0);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    out[i] = pos;
    // odometer increment from the last axis; a wrapped axis gives back the distance it travelled
    for (let ax = rank - 1; ax >= 0; ax--) {
      counter[ax]++;
      pos += strides[ax];
      if (counter[ax] < dims[ax]) break;
      pos -= strides[ax] * counter[ax];
      counter[ax] = 0;
    }
  }
  return out;
}

/** data[offsets[i]] for every i: the elements a strided walk visits, as a new row-major buffer. */
export function gather(data: Float64Array, offsets: Int32Array): Float64Array {
  const out = new Float64Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = data[offsets[i]];
  return out;
}
