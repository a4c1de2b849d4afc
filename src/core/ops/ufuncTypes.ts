// numpy 1.24's ufunc type resolution: each ufunc's loop signatures (from `np.<ufunc>.types`,
// restricted to the dtypes we model) and its resolver — "uniform" (result_type, then the exact
// loop: add, subtract, maximum, comparisons…) or the default linear search with safe casting.

import { NumpyError } from '../diagnostics';
import type { DType, L10nText } from '../values';
import { canCastOperand, fromTypeChar, isInt, isBool, resultType, useMinScalar, type DtOperand } from './dtype';

export interface Loop {
  ins: DType[];
  out: DType;
}

const INT_CHARS = 'bBhHiIlLqQ';
const FLOAT_CHARS = 'efd';

/** Build loops of arity `nin` over type chars; `out` maps the input char to the output's. */
function family(chars: string, nin: number, out: (c: string) => string = (c) => c): Loop[] {
  const seen = new Set<string>();
  const loops: Loop[] = [];
  for (const c of chars) {
    const dt = fromTypeChar(c)!;
    const key = `${dt}`;
    if (seen.has(key)) continue; // 'l' and 'q' are both int64 on Linux
    seen.add(key);
    loops.push({ ins: new Array<DType>(nin).fill(dt), out: fromTypeChar(out(c))! });
  }
  return loops;
}

/** Loop sets of numpy 1.24 (see np.add.types etc.); order matters for the linear search. */
export const LOOPS = {
  all2: family('?' + INT_CHARS + FLOAT_CHARS, 2),
  num2: family(INT_CHARS + FLOAT_CHARS, 2),
  float2: family(FLOAT_CHARS, 2),
  intbool2: family('?' + INT_CHARS, 2),
  cmp2: family('?' + INT_CHARS + FLOAT_CHARS, 2, () => '?'),
  all3: family('?' + INT_CHARS + FLOAT_CHARS, 3),
  all1: family('?' + INT_CHARS + FLOAT_CHARS, 1),
  num1: family(INT_CHARS + FLOAT_CHARS, 1),
  float1: family(FLOAT_CHARS, 1),
  intbool1: family('?' + INT_CHARS, 1),
  pred1: family('?' + INT_CHARS + FLOAT_CHARS, 1, () => '?'),
} as const;

/**
 * 'uniform': numpy's SimpleUniformOperationTypeResolver — every operand goes to result_type and
 * that exact loop must exist (np.sign(bool) fails). 'linear': the default resolver's first loop
 * every operand casts to safely (np.sqrt(int8) → float16). 'truediv': ints/bools divide as float64.
 */
export type Resolver = 'uniform' | 'linear' | 'truediv';

function dtypeClass(dt: DType): string {
  return `<class 'numpy.dtype[${dt === 'bool' ? 'bool_' : dt}]'>`;
}

function noLoopError(ufunc: string, ops: readonly DtOperand[]): NumpyError {
  const types = ops.length === 1 ? dtypeClass(ops[0].dtype) : `(${ops.map((o) => dtypeClass(o.dtype)).join(', ')})`;
  return new NumpyError(
    'ufunc-type',
    {
      en: `ufunc '${ufunc}' did not contain a loop with signature matching types ${types} -> None`,
      fr: `la ufunc '${ufunc}' n'a pas de boucle pour les types ${types}`,
    },
    { pyType: 'UFuncTypeError' },
  );
}

function notSupportedError(ufunc: string): NumpyError {
  return new NumpyError(
    'ufunc-type',
    {
      en: `ufunc '${ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
      fr: `la ufunc '${ufunc}' n'accepte pas ces types d'entrée, et ils ne peuvent pas être convertis sans perte (règle 'safe') vers un type accepté`,
    },
    { pyType: 'TypeError' },
  );
}

export interface ResolveSpec {
  ufunc: string;
  loops: readonly Loop[];
  resolver: Resolver;
  /** numpy's dedicated TypeError for bool operands (subtract, negative) */
  boolError?: L10nText;
}

/** The loop numpy picks for these operands, or numpy's TypeError. `forced` is the dtype= argument. */
export function resolveLoop(spec: ResolveSpec, ops: readonly DtOperand[], forced?: DType | null): Loop {
  if (spec.boolError && ops.every((o) => isBool(o.dtype))) {
    throw new NumpyError('ufunc-type', spec.boolError, { pyType: 'TypeError' });
  }
  if (forced) {
    const l = spec.loops.find((lp) => lp.ins[0] === forced || lp.out === forced);
    if (l) return l;
    throw noLoopError(spec.ufunc, ops);
  }
  if (spec.resolver === 'truediv' && ops.every((o) => isInt(o.dtype) || isBool(o.dtype))) {
    return { ins: ops.map(() => 'float64' as DType), out: 'float64' };
  }
  if (spec.resolver === 'uniform') {
    const dt = resultType(ops);
    const l = spec.loops.find((lp) => lp.ins[0] === dt);
    if (!l) throw noLoopError(spec.ufunc, ops);
    return l;
  }
  const ms = useMinScalar(ops);
  for (const lp of spec.loops) {
    if (ops.every((o, i) => canCastOperand(o, lp.ins[i], ms))) return lp;
  }
  throw notSupportedError(spec.ufunc);
}

/** The output dtype when some operand's dtype is unknown: only a bool-valued ufunc still knows it. */
export function outDtypeUnknown(spec: ResolveSpec): DType | null {
  return spec.loops.every((l) => l.out === 'bool') ? 'bool' : null;
}
