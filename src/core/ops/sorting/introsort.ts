// numpy 1.24's default argsort ('quicksort' = introsort: median-of-three quicksort, insertion
// sort up to 16 elements, heapsort past the depth limit) reproduced step for step, because its
// order of tied elements is what numpy prints; and a stable merge sort for kind='stable'.

/** numpy's sort order: nan after every number. */
export function lt(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** numpy partitions while a segment spans more than 15 gaps (17+ elements): measured against numpy 1.24 */
const SMALL = 15;

function heapsortIdx(v: Float64Array, idx: Int32Array, lo: number, n: number): void {
  // 1-based heap over idx[lo .. lo+n-1]
  const at = (i: number) => lo + i - 1;
  const sift = (start: number, size: number, tmp: number) => {
    let i = start;
    let j = start * 2;
    while (j <= size) {
      if (j < size && lt(v[idx[at(j)]], v[idx[at(j + 1)]])) j++;
      if (lt(v[tmp], v[idx[at(j)]])) {
        idx[at(i)] = idx[at(j)];
        i = j;
        j += j;
      } else break;
    }
    idx[at(i)] = tmp;
  };
  for (let l = n >> 1; l > 0; l--) sift(l, n, idx[at(l)]);
  for (let m = n; m > 1; ) {
    const tmp = idx[at(m)];
    idx[at(m)] = idx[at(1)];
    m--;
    sift(1, m, tmp);
  }
}

/** Sort idx[0..n) so that v[idx[·]] ascends, with numpy's introsort (its tie order). */
export function introArgsort(v: Float64Array, idx: Int32Array): void {
  const n = idx.length;
  if (n < 2) return;
  const stack: number[] = [];
  let pl = 0;
  let pr = n - 1;
  let depth = 2 * Math.floor(Math.log2(n));
  const depths: number[] = [];
  const swap = (i: number, j: number) => {
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  };
  for (;;) {
    if (depth < 0) {
      heapsortIdx(v, idx, pl, pr - pl + 1);
    } else {
      // numpy checks the depth only when it takes a segment from the stack
      while (pr - pl > SMALL) {
        const pm = pl + ((pr - pl) >> 1);
        if (lt(v[idx[pm]], v[idx[pl]])) swap(pm, pl);
        if (lt(v[idx[pr]], v[idx[pm]])) swap(pr, pm);
        if (lt(v[idx[pm]], v[idx[pl]])) swap(pm, pl);
        const vp = v[idx[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do pi++; while (lt(v[idx[pi]], vp));
          do pj--; while (lt(vp, v[idx[pj]]));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // continue with the smaller part; the larger waits on the stack
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--depth);
      }
      for (let i = pl + 1; i <= pr; i++) {
        const vi = idx[i];
        const x = v[vi];
        let j = i;
        while (j > pl && lt(x, v[idx[j - 1]])) {
          idx[j] = idx[j - 1];
          j--;
        }
        idx[j] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    depth = depths.pop()!;
  }
}

/** Stable argsort (kind='stable' / 'mergesort'): ties keep their original order. */
export function stableArgsort(v: Float64Array, idx: Int32Array): void {
  const arr = Array.from(idx);
  arr.sort((a, b) => (lt(v[a], v[b]) ? -1 : lt(v[b], v[a]) ? 1 : a - b));
  idx.set(arr);
}
