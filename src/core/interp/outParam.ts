// numpy's `out=` parameter: the result is written into the given array, which is also what the
// call returns (`r is out`). Ops compute the values out must hold (cast to its dtype, masked lanes
// kept by where=); this module writes them through the heap so forks, aliases and views follow.

import { castData } from '../ops/dtype';
import type { OpModule } from '../ops/types';
import { Shape } from '../shapes/dim';
import type { ArrayValue, Value } from '../values';
import type { Interp } from './context';
import type { CallSite } from './dispatch';
import { writeData } from './views';

/** The array passed as `out` (keyword, a 1-tuple, or the op's positional out slot), if any. */
export function outTarget(op: OpModule, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): ArrayValue | undefined {
  let v: Value | undefined = kwargs.get('out');
  if (v === undefined && op.outArg !== undefined && op.outArg < args.length) v = args[op.outArg];
  if (v && v.kind === 'tuple' && v.items && v.items.length === 1) v = v.items[0];
  return v?.kind === 'array' ? v : undefined;
}

/**
 * Whether the op can be evaluated without knowing out's current values: out's old values only
 * survive where a `where=` mask is false, so without a mask they do not matter.
 */
export function outValuesNeeded(kwargs: ReadonlyMap<string, Value>): boolean {
  return kwargs.has('where');
}

/** Store the op's result into `out` (in place, visible through every alias) and return `out`. */
export function settleOut(it: Interp, out: ArrayValue, result: Value, site: CallSite): Value {
  let data: Float64Array | undefined;
  if (result.kind === 'array' && result.data && result.shape && out.shape && Shape.isConcrete(result.shape) && Shape.isConcrete(out.shape)) {
    const rs = Shape.size(result.shape);
    // an op that knows `out` already returns out's shape; otherwise the values must fill it exactly
    if (rs === Shape.size(out.shape) && result.data.length === rs) data = result.data === out.data ? result.data.slice() : result.data;
    if (data && out.dtype && result.dtype !== out.dtype) data = castData(data === result.data ? data.slice() : data, out.dtype);
  }
  writeData(it, out, data, site);
  return out;
}
