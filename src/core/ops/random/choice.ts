// choice: np.random.choice / RandomState.choice (legacy: randint, or cdf + searchsorted with p,
// or a full permutation without replacement) and Generator.choice (Lemire integers, Floyd's
// sampling or a tail shuffle), with numpy's argument checks and result types.

import type { ArrayValue, DType, Value } from '../../values';
import { Shape } from '../../shapes/dim';
import {
  BitBuffer, boundedDraw, cdfOf, generatorSampleNoReplace, kahanSum, permutationIndices, searchRight,
  weightedNoReplace, type LegacyCore, type PCG64, type RngState,
} from '../../random';
import { arg, boolArg } from '../args';
import { toArray } from '../convert';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { countOf, deliver, delivered, drawWith, rngOf, sizeArg, valueError, whyUnknown, type Size } from './common';
import { bitGenOf } from './integers';

const ATOL = Math.sqrt(2.220446049250313e-16);

interface Population {
  /** population size, undefined when unknown */
  pop: number | undefined;
  /** the array drawn from (undefined when `a` is an int) */
  arr?: ArrayValue;
}

function population(call: OpCall, generator: boolean): Population {
  const a = arg(call, 0, 'a') ?? { kind: 'unknown' };
  if (a.kind === 'int') return { pop: a.value };
  if (a.kind === 'unknown') return { pop: undefined };
  const arr = toArray(a);
  if (arr.shape && arr.shape.length === 0) {
    if (arr.dtype && !arr.dtype.startsWith('int') && !arr.dtype.startsWith('uint')) {
      throw valueError('random-choice', generator ? 'a must be a sequence or an integer' : 'a must be 1-dimensional or an integer', 'a doit être une séquence (1-d) ou un entier');
    }
    return { pop: arr.data?.[0] };
  }
  if (arr.shape && arr.shape.length !== 1 && !generator) {
    throw valueError('random-choice', 'a must be 1-dimensional', 'a doit être à une dimension');
  }
  const n = arr.shape?.[0];
  return { pop: typeof n === 'number' ? n : undefined, arr };
}

function checkP(p: ArrayValue, pop: number | undefined, generator: boolean): void {
  const q = generator ? '' : "'";
  if (p.shape && p.shape.length !== 1) throw valueError('random-choice', `${q}p${q} must be 1-dimensional`, 'p doit être à une dimension');
  if (p.shape && pop !== undefined && p.shape[0] !== pop) {
    throw valueError('random-choice', `${q}a${q} and ${q}p${q} must have same size`, 'a et p doivent avoir la même taille');
  }
  if (!p.data) return;
  const sum = kahanSum(p.data);
  if (Number.isNaN(sum)) throw valueError('random-choice', 'probabilities contain NaN', 'les probabilités contiennent NaN');
  if (p.data.some((x) => x < 0)) throw valueError('random-choice', 'probabilities are not non-negative', 'les probabilités doivent être positives ou nulles');
  if (Math.abs(sum - 1) > ATOL) throw valueError('random-choice', 'probabilities do not sum to 1', 'la somme des probabilités ne vaut pas 1');
}

/** Indices drawn as numpy's choice draws them; undefined when they cannot be followed. */
function drawIndices(call: OpCall, st: RngState | undefined, generator: boolean, pop: number | undefined, n: number | undefined, replace: boolean, p: ArrayValue | undefined, shuffle: boolean): Float64Array | undefined {
  const uniforms = (e: LegacyCore | PCG64) => (k: number) => {
    const g = bitGenOf(e);
    const u = new Float64Array(k);
    for (let i = 0; i < k; i++) u[i] = g.nextDouble();
    return u;
  };
  if (replace && p) {
    return drawWith(call, st, n, (e) => {
      const u = uniforms(e)(n as number);
      if (!p.data) return undefined;
      const cdf = cdfOf(p.data);
      return u.map((x) => searchRight(cdf, x));
    });
  }
  const known = pop !== undefined && (!p || p.data !== undefined);
  return drawWith(call, st, known ? Math.max(n ?? 0, pop ?? 0) : undefined, (e) => {
    const P = pop as number;
    const N = n as number;
    if (replace) {
      const b = new BitBuffer();
      const g = bitGenOf(e);
      const out = new Float64Array(N);
      for (let i = 0; i < N; i++) out[i] = boundedDraw(g, 0, P - 1, 64, !generator, b);
      return out;
    }
    if (p?.data) return weightedNoReplace(p.data, N, uniforms(e));
    if (!generator) return permutationIndices(bitGenOf(e), P).slice(0, N);
    return generatorSampleNoReplace(bitGenOf(e), P, N, shuffle);
  });
}

function choice(call: OpCall): Value {
  const generator = call.self?.kind === 'rng' && call.self.generator === 'Generator';
  const { pop, arr } = population(call, generator);
  const size: Size = sizeArg(call, 1) ?? { none: false, shape: [] };
  const n = sizeArg(call, 1) ? countOf(size) : undefined;
  const replace = boolArg(call, 2, 'replace', true) !== false;
  const pv = arg(call, 3, 'p');
  const p = pv && pv.kind !== 'none' ? toArray(pv) : undefined;
  if (pop !== undefined && pop <= 0 && n !== 0) {
    if (arr) throw valueError('random-choice', generator ? 'a cannot be empty unless no samples are taken' : "'a' cannot be empty unless no samples are taken", 'a ne peut pas être vide si l’on tire des échantillons');
    throw valueError('random-choice', generator ? 'a must be a positive integer unless no samples are taken' : 'a must be greater than 0 unless no samples are taken', 'a doit être un entier strictement positif si l’on tire des échantillons');
  }
  if (p) checkP(p, pop, generator);
  if (!replace && n !== undefined && pop !== undefined) {
    if (n > pop) {
      throw valueError('random-choice', generator ? 'Cannot take a larger sample than population when replace is False' : "Cannot take a larger sample than population when 'replace=False'", 'impossible de tirer sans remise plus d’éléments que la population');
    }
    if (p?.data && p.data.filter((x) => x > 0).length < n) throw valueError('random-choice', 'Fewer non-zero entries in p than size', 'moins de probabilités non nulles que d’éléments à tirer');
  }
  const st = rngOf(call);
  const shuffle = boolArg(call, 5, 'shuffle', true) !== false;
  const idx = drawIndices(call, st, generator, pop, n, replace, p, shuffle);
  const why = whyUnknown(st);
  const outShape = size.none ? [] : size.shape;
  if (!arr) {
    if (size.none) return deliver(call, { kind: 'int' }, idx ? { kind: 'int', value: idx[0] } : undefined);
    return deliver(call, { kind: 'array', shape: outShape, dtype: 'int64', why }, idx ? { kind: 'array', shape: outShape, dtype: 'int64', data: idx } : undefined);
  }
  const rest = arr.shape ? arr.shape.slice(1) : [];
  const shape = arr.shape ? [...outShape, ...rest] : null;
  const dtype: DType | null = arr.dtype;
  const scalar = size.none && rest.length === 0 ? { scalar: true } : {};
  const abstract: ArrayValue = { kind: 'array', shape, dtype, why, ...scalar };
  if (!idx || !arr.data || !arr.shape || !Shape.isConcrete(arr.shape)) return deliver(call, abstract, undefined);
  const inner = Shape.size(rest) as number;
  const data = new Float64Array(idx.length * inner);
  for (let i = 0; i < idx.length; i++) data.set(arr.data.subarray(idx[i] * inner, (idx[i] + 1) * inner), i * inner);
  return deliver(call, abstract, { kind: 'array', shape, dtype, data, ...scalar });
}

registerOp({
  names: ['np.random.choice', 'RandomState.choice', 'Generator.choice'],
  doc: 'Random samples from a 1-d array (or from arange(a) for an int a), with or without replacement, uniformly or with probabilities p; exactly numpy\'s draws for each generator.',
  latex: (o) => `${o[0] ?? 'a'}_{i},\\; i \\sim ${o.length > 3 ? 'p' : '\\mathcal{U}'}`,
  shape: choice,
  evaluate: delivered,
});
