// The op-by-op derivation of any expression: a walk over the IR that computes each operation
// with the engine's kernels from the traced operand values, recording one step per operation
// as it computes it. What the walk does not model (a call of an unknown function, an index
// expression) enters as a leaf with the value the tracer gave it.

import type { Expr } from '../ir';
import type { Trace } from '../types';
import { Tensor } from '../engine/tensor';
import type { Recorder } from '../engine/recorder';
import { tex as valueTex } from '../engine/recorder';
import { binary, map, matmul, reduceLast, transposeLast2 } from '../engine/kernels';
import { moveAxisToLast } from '../engine/functions/axes';
import { softmax } from '../engine/functions/softmax';
import { latexCall, latexName, escapeText } from '../latex/symbols';
import { arg, exprName, exprText, numLit, qualName, type MatchContext } from '../formulas/match';
import { tensorOf } from './operands';

export interface Computed {
  t: Tensor;
  /** LaTeX of the sub-expression in symbols (W^{Q}, \text{scores}) */
  tex: string;
  /** the operation at the top, for explainCell: 'matmul' | 'add' | … | 'leaf' */
  op: string;
  args: Computed[];
  /** how tightly the LaTeX binds: 1 sums, 2 products, 3 powers/negation, 4 atoms (names, calls, fractions) */
  prec?: number;
  /** this sub-expression as a number / small array, when it is small enough to write out in a parent's step */
  num?: string;
  /** this operation with its small operands written as numbers (1 - 0.9), when there are some */
  sub?: string;
}

const ATOM = 4;

/** Wrap in parentheses when the operand binds looser than its place needs. */
const paren = (c: Computed, min: number, which: 'tex' | 'num' = 'tex'): string => {
  const x = which === 'num' ? c.num ?? c.tex : c.tex;
  return (c.prec ?? ATOM) < min ? `\\left(${x}\\right)` : x;
};

/** Operands of at most this many entries are written out with their numbers in a step. */
const SMALL = 4;

const UNARY: Record<string, [(x: number) => number, string]> = {
  exp: [Math.exp, 'exp'], log: [Math.log, 'log'], sqrt: [Math.sqrt, 'sqrt'], tanh: [Math.tanh, 'tanh'],
  abs: [Math.abs, 'abs'], sin: [Math.sin, 'sin'], cos: [Math.cos, 'cos'], log2: [Math.log2, 'log2'],
};

interface BinSpec {
  f: (x: number, y: number) => number;
  tex: (a: Computed, b: Computed, which: 'tex' | 'num') => string;
  prec: number;
  title: { en: string; fr: string };
}

const BIN: Record<string, BinSpec> = {
  '+': { f: (x, y) => x + y, tex: (a, b, w) => `${paren(a, 1, w)} + ${paren(b, 1, w)}`, prec: 1, title: { en: 'Add', fr: 'Additionner' } },
  '-': { f: (x, y) => x - y, tex: (a, b, w) => `${paren(a, 1, w)} - ${paren(b, 2, w)}`, prec: 1, title: { en: 'Subtract', fr: 'Soustraire' } },
  '/': { f: (x, y) => x / y, tex: (a, b, w) => `\\frac{${w === 'num' ? a.num ?? a.tex : a.tex}}{${w === 'num' ? b.num ?? b.tex : b.tex}}`, prec: ATOM, title: { en: 'Divide', fr: 'Diviser' } },
  '**': { f: Math.pow, tex: (a, b, w) => `{${paren(a, ATOM, w)}}^{${w === 'num' ? b.num ?? b.tex : b.tex}}`, prec: 3, title: { en: 'Power', fr: 'Puissance' } },
  '//': { f: (x, y) => Math.floor(x / y), tex: (a, b, w) => `\\left\\lfloor ${paren(a, 2, w)} / ${paren(b, 3, w)} \\right\\rfloor`, prec: ATOM, title: { en: 'Floor division', fr: 'Division entière' } },
};

/** A literal of the code exactly as written (0.044715 stays 0.044715, 1e-08 becomes 1 × 10⁻⁸). */
function latexLiteral(v: number): string {
  const s = String(v);
  if (!s.includes('e')) return s;
  const [m, e] = s.split('e');
  return `${m === '1' ? '' : `${m} \\times `}10^{${Number(e)}}`;
}

export class GenericDeriver {
  constructor(
    private readonly trace: Trace,
    private readonly ctx: MatchContext,
    private readonly rec: Recorder,
  ) {}

  leaf(e: Expr): Computed | undefined {
    const t = tensorOf(this.trace, e);
    if (!t) return undefined;
    const n = exprName(e);
    const tex = e.k === 'num' ? latexLiteral(e.value) : n ? latexName(n) : `\\texttt{${escapeText(exprText(e))}}`;
    return { t, tex, op: 'leaf', args: [], prec: ATOM, num: t.data.length <= SMALL && e.k !== 'num' ? valueTex(t) : undefined };
  }

  /** Compute e, recording a step per operation; undefined when an operand's value is unknown. */
  eval(e: Expr): Computed | undefined {
    switch (e.k) {
      case 'num':
        return { t: Tensor.scalar(e.value), tex: latexLiteral(e.value), op: 'leaf', args: [], prec: ATOM };
      case 'name':
        return this.leaf(e);
      case 'attr':
        if (e.name === 'T') {
          const a = this.eval(e.obj);
          return a && this.done('transpose', [a], transposeLast2(a.t), `{${paren(a, ATOM)}}^\\top`, { en: 'Transpose', fr: 'Transposer' }, ATOM);
        }
        return this.leaf(e);
      case 'unary': {
        if (e.op !== '-') return this.leaf(e);
        const a = this.eval(e.operand);
        return a && this.done('neg', [a], map(a.t, (x) => -x), `-${paren(a, 2)}`, { en: 'Negate', fr: 'Prendre l’opposé' }, 3, `-${paren(a, 2, 'num')}`);
      }
      case 'bin':
        return this.bin(e);
      case 'call':
        return this.call(e) ?? this.leaf(e);
      default:
        return this.leaf(e);
    }
  }

  private done(op: string, args: Computed[], t: Tensor, tex: string, title: { en: string; fr: string }, prec = ATOM, numTex?: string): Computed {
    // the numbers of small operands between the symbols and the result: 1 - \beta_1 = 1 - 0.9 = 0.1
    const sub = numTex !== undefined && numTex !== tex && args.some((a) => a.num !== undefined) ? numTex : undefined;
    this.rec.step(title, `${tex}${sub ? ` = ${sub}` : ''} = ${valueTex(t)}`, t);
    return { t, tex, op, args, prec, num: t.data.length <= SMALL ? valueTex(t) : undefined, sub };
  }

  private bin(e: Extract<Expr, { k: 'bin' }>): Computed | undefined {
    const a = this.eval(e.left), b = this.eval(e.right);
    if (!a || !b) return this.leaf(e);
    if (e.op === '@') return this.done('matmul', [a, b], matmul(a.t, b.t, '@'), `${paren(a, 2)}\\,${paren(b, 3)}`, { en: 'Matrix product', fr: 'Produit matriciel' }, 2);
    if (e.op === '*') {
      // a scalar factor is a plain product (\beta_1 \cdot m); two arrays multiply entry by entry (⊙)
      const scalar = a.t.shape.length === 0 || b.t.shape.length === 0;
      const sym = scalar ? '\\cdot' : '\\odot';
      const title = scalar ? { en: 'Multiply', fr: 'Multiplier' } : { en: 'Multiply elementwise', fr: 'Multiplier élément par élément' };
      return this.done('*', [a, b], binary(a.t, b.t, (x, y) => x * y, '*'), `${paren(a, 2)} ${sym} ${paren(b, 3)}`, title, 2, `${paren(a, 2, 'num')} ${sym} ${paren(b, 3, 'num')}`);
    }
    const spec = BIN[e.op];
    if (!spec) return this.leaf(e);
    return this.done(e.op, [a, b], binary(a.t, b.t, spec.f, e.op), spec.tex(a, b, 'tex'), spec.title, spec.prec, spec.tex(a, b, 'num'));
  }

  private call(e: Extract<Expr, { k: 'call' }>): Computed | undefined {
    const q = qualName(this.ctx, e.fn) ?? '';
    const short = q.replace(/^(np|math)\./, '');
    const x0 = arg(e, 0);
    if ((q.startsWith('np.') || q.startsWith('math.')) && UNARY[short] && x0) {
      const a = this.eval(x0);
      if (!a) return undefined;
      const [f, name] = UNARY[short];
      return this.done(short, [a], map(a.t, f), latexCall(name, [a.tex]), { en: `Apply ${name}`, fr: `Appliquer ${name}` }, ATOM, latexCall(name, [a.num ?? a.tex]));
    }
    if ((q === 'np.matmul' || q === 'np.dot') && x0 && arg(e, 1)) {
      const a = this.eval(x0), b = this.eval(arg(e, 1)!);
      return a && b ? this.done('matmul', [a, b], matmul(a.t, b.t, q), `${paren(a, 2)}\\,${paren(b, 3)}`, { en: 'Matrix product', fr: 'Produit matriciel' }, 2) : undefined;
    }
    if ((q === 'np.maximum' || q === 'np.minimum') && x0 && arg(e, 1)) {
      const a = this.eval(x0), b = this.eval(arg(e, 1)!);
      const f = q === 'np.maximum' ? Math.max : Math.min;
      const m = short === 'maximum' ? 'max' : 'min';
      const title = short === 'maximum' ? { en: 'Elementwise maximum', fr: 'Maximum élément par élément' } : { en: 'Elementwise minimum', fr: 'Minimum élément par élément' };
      return a && b ? this.done(short, [a, b], binary(a.t, b.t, f, short), `\\${m}(${a.tex}, ${b.tex})`, title, ATOM, `\\${m}(${a.num ?? a.tex}, ${b.num ?? b.tex})`) : undefined;
    }
    const red = /^(sum|mean|max)$/.exec(short);
    const self = e.fn.k === 'attr' && !q.startsWith('np.') && /^(sum|mean|max)$/.test(e.fn.name) ? e.fn.obj : undefined;
    if ((q.startsWith('np.') && red && x0) || self) {
      const kind = (self && e.fn.k === 'attr' ? e.fn.name : short) as 'sum' | 'mean' | 'max';
      const operand = self ?? x0!;
      const a = this.eval(operand);
      if (!a) return undefined;
      const axisE = self ? arg(e, 0, 'axis') : arg(e, 1, 'axis');
      const keep = self ? arg(e, 1, 'keepdims') : arg(e, 2, 'keepdims');
      const axis = axisE ? numLit(axisE) : undefined;
      if (axisE && axis === undefined) return undefined;
      const rank = a.t.shape.length;
      let t: Tensor;
      if (axis === undefined) t = reduceLast({ shape: [a.t.data.length], data: a.t.data }, kind);
      else {
        const ax = axis < 0 ? axis + rank : axis;
        t = reduceLast(ax === rank - 1 ? a.t : moveAxisToLast(a.t, ax), kind);
        const kept = a.t.shape.map((d, i) => (i === ax ? 1 : d));
        t = { shape: keep && keep.k === 'bool' && keep.value ? kept : kept.filter((_, i) => i !== ax), data: t.data };
      }
      if (axis === undefined) t = { shape: [], data: t.data };
      const opTex = kind === 'sum' ? '\\sum' : kind === 'max' ? '\\max' : '\\operatorname{mean}';
      const what = { sum: ['Sum', 'Somme'], mean: ['Mean', 'Moyenne'], max: ['Maximum', 'Maximum'] }[kind];
      const title = { en: `${what[0]} over ${axis === undefined ? 'all entries' : `axis ${axis}`}`, fr: `${what[1]} sur ${axis === undefined ? 'tous les éléments' : `l’axe ${axis}`}` };
      return this.done(kind, [a], t, `${opTex}${axis === undefined ? '' : `_{\\text{axis}=${axis}}`} ${paren(a, ATOM)}`, title, 3);
    }
    if ((q === 'softmax' || q === 'scipy.special.softmax') && x0) {
      const a = this.eval(x0);
      if (!a) return undefined;
      const t = softmax(a.t, { rec: this.rec, name: a.tex });
      return { t, tex: latexCall('softmax', [a.tex]), op: 'softmax', args: [a] };
    }
    return undefined;
  }
}
