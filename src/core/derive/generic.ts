// The op-by-op derivation of any expression: a walk over the IR that computes each operation
// with the engine's kernels from the traced operand values, recording one step per operation
// as it computes it. What the walk does not model (a call of an unknown function, an index
// expression) enters as a leaf with the value the tracer gave it.

import type { Expr } from '../ir';
import type { Trace } from '../types';
import { Tensor } from '../engine/tensor';
import type { Recorder } from '../engine/recorder';
import { eq } from '../engine/recorder';
import { binary, map, matmul, reduceLast, transposeLast2 } from '../engine/kernels';
import { moveAxisToLast } from '../engine/functions/axes';
import { softmax } from '../engine/functions/softmax';
import { latexCall, latexName, escapeText } from '../latex/symbols';
import { latexNumber } from '../latex/numbers';
import { arg, exprName, exprText, numLit, qualName, type MatchContext } from '../formulas/match';
import { tensorOf } from './operands';

export interface Computed {
  t: Tensor;
  /** LaTeX of the sub-expression in symbols (W^{Q}, \text{scores}) */
  tex: string;
  /** the operation at the top, for explainCell: 'matmul' | 'add' | … | 'leaf' */
  op: string;
  args: Computed[];
}

const UNARY: Record<string, [(x: number) => number, string]> = {
  exp: [Math.exp, 'exp'], log: [Math.log, 'log'], sqrt: [Math.sqrt, 'sqrt'], tanh: [Math.tanh, 'tanh'],
  abs: [Math.abs, 'abs'], sin: [Math.sin, 'sin'], cos: [Math.cos, 'cos'], log2: [Math.log2, 'log2'],
};

const BIN: Record<string, [(x: number, y: number) => number, (a: string, b: string) => string, string]> = {
  '+': [(x, y) => x + y, (a, b) => `${a} + ${b}`, 'Add'],
  '-': [(x, y) => x - y, (a, b) => `${a} - ${b}`, 'Subtract'],
  '*': [(x, y) => x * y, (a, b) => `${a} \\odot ${b}`, 'Multiply elementwise'],
  '/': [(x, y) => x / y, (a, b) => `\\frac{${a}}{${b}}`, 'Divide'],
  '**': [Math.pow, (a, b) => `{${a}}^{${b}}`, 'Power'],
  '//': [(x, y) => Math.floor(x / y), (a, b) => `\\lfloor ${a} / ${b} \\rfloor`, 'Floor division'],
};
const FR: Record<string, string> = {
  Add: 'Additionner', Subtract: 'Soustraire', 'Multiply elementwise': 'Multiplier élément par élément', Divide: 'Diviser',
  Power: 'Puissance', 'Floor division': 'Division entière',
};

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
    const tex = e.k === 'num' ? latexNumber(e.value) : n ? latexName(n) : `\\texttt{${escapeText(exprText(e))}}`;
    return { t, tex, op: 'leaf', args: [] };
  }

  /** Compute e, recording a step per operation; undefined when an operand's value is unknown. */
  eval(e: Expr): Computed | undefined {
    switch (e.k) {
      case 'num':
        return { t: Tensor.scalar(e.value), tex: latexNumber(e.value), op: 'leaf', args: [] };
      case 'name':
        return this.leaf(e);
      case 'attr':
        if (e.name === 'T') {
          const a = this.eval(e.obj);
          return a && this.done('transpose', [a], transposeLast2(a.t), `{${a.tex}}^\\top`, { en: 'Transpose', fr: 'Transposer' });
        }
        return this.leaf(e);
      case 'unary': {
        if (e.op !== '-') return this.leaf(e);
        const a = this.eval(e.operand);
        return a && this.done('neg', [a], map(a.t, (x) => -x), `-${a.tex}`, { en: 'Negate', fr: 'Opposé' });
      }
      case 'bin':
        return this.bin(e);
      case 'call':
        return this.call(e) ?? this.leaf(e);
      default:
        return this.leaf(e);
    }
  }

  private done(op: string, args: Computed[], t: Tensor, tex: string, title: { en: string; fr: string }): Computed {
    this.rec.step(title, eq(tex, t), t);
    return { t, tex, op, args };
  }

  private bin(e: Extract<Expr, { k: 'bin' }>): Computed | undefined {
    const a = this.eval(e.left), b = this.eval(e.right);
    if (!a || !b) return this.leaf(e);
    if (e.op === '@') return this.done('matmul', [a, b], matmul(a.t, b.t, '@'), `${a.tex}\\,${b.tex}`, { en: 'Matrix product', fr: 'Produit matriciel' });
    const spec = BIN[e.op];
    if (!spec) return this.leaf(e);
    const tex = spec[1](a.tex, b.tex);
    return this.done(e.op, [a, b], binary(a.t, b.t, spec[0], e.op), tex, { en: spec[2], fr: FR[spec[2]] });
  }

  private call(e: Extract<Expr, { k: 'call' }>): Computed | undefined {
    const q = qualName(this.ctx, e.fn) ?? '';
    const short = q.replace(/^(np|math)\./, '');
    const x0 = arg(e, 0);
    if ((q.startsWith('np.') || q.startsWith('math.')) && UNARY[short] && x0) {
      const a = this.eval(x0);
      if (!a) return undefined;
      const [f, name] = UNARY[short];
      return this.done(short, [a], map(a.t, f), latexCall(name, [a.tex]), { en: `Apply ${name}`, fr: `Appliquer ${name}` });
    }
    if ((q === 'np.matmul' || q === 'np.dot') && x0 && arg(e, 1)) {
      const a = this.eval(x0), b = this.eval(arg(e, 1)!);
      return a && b ? this.done('matmul', [a, b], matmul(a.t, b.t, q), `${a.tex}\\,${b.tex}`, { en: 'Matrix product', fr: 'Produit matriciel' }) : undefined;
    }
    if ((q === 'np.maximum' || q === 'np.minimum') && x0 && arg(e, 1)) {
      const a = this.eval(x0), b = this.eval(arg(e, 1)!);
      const f = q === 'np.maximum' ? Math.max : Math.min;
      return a && b ? this.done(short, [a, b], binary(a.t, b.t, f, short), `\\${short === 'maximum' ? 'max' : 'min'}(${a.tex}, ${b.tex})`, { en: `Elementwise ${short}`, fr: `${short} élément par élément` }) : undefined;
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
      return this.done(kind, [a], t, `${opTex}${axis === undefined ? '' : `_{\\text{axis}=${axis}}`} ${a.tex}`, { en: `${kind} over ${axis === undefined ? 'all entries' : `axis ${axis}`}`, fr: `${kind} sur ${axis === undefined ? 'tous les éléments' : `l’axe ${axis}`}` });
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
