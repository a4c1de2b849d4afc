// The recognisers and lints were written against numpy's spellings; this gives them a numpy-like
// view of a TypeScript program: math.divide(a, b) → a / b, math.transpose(K) → K.T, Math.exp /
// math.exp → np.exp, xs.reduce((a, b) => a + b, 0) → np.sum(xs), Math.max(...xs) → np.max(xs),
// and a row-wise callback `S.map((row) => …)` → the same expression on S with its reductions
// along the last axis. Node ids are kept (a rewritten call keeps the call's id and value), so
// derivations read exactly the numbers the tracer computed. The program itself is not changed.

import type { Arg, Expr, Param, Program, Stmt } from '../ir';
import type { Value } from '../values';
import { accumulated, isAddition, isNp, mapChildren, mentions, mentionsLike, numberLiteral, subst, wholeList } from './tsDesugarExprs';

type DistOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An expression node without its id and location (filled in by Desugar.make). */
type ExprBody = DistOmit<Expr, 'id' | 'loc'>;

const cache = new WeakMap<Program, Program>();
/** A rewritten node → the mathjs / Math function the program called ('math.dotDivide'), for TS-worded lints and fixes. */
const spelledAs = new WeakMap<Expr, string>();

/** The function the program really called where the view shows an operator or an np call. */
export function tsSpelling(e: Expr): string | undefined {
  return spelledAs.get(e);
}

/** The numpy-like view of a TypeScript program (the same object for Python). */
export function desugarTypeScript(program: Program, values: readonly (Value | undefined)[] = []): Program {
  if (program.language !== 'typescript') return program;
  let view = cache.get(program);
  if (!view) {
    view = new Desugar(program, values).run();
    cache.set(program, view);
  }
  return view;
}

const BINARY: Record<string, '/' | '+' | '-' | '*' | '**'> = {
  'math.divide': '/', 'math.dotDivide': '/', 'math.add': '+', 'math.subtract': '-', 'math.dotMultiply': '*', 'math.dotPow': '**',
  'Math.pow': '**', 'math.pow': '**',
};
const UNARY = new Set(['exp', 'log', 'sqrt', 'tanh', 'sin', 'cos', 'abs', 'log2', 'erf']);
const REDUCE = new Set(['sum', 'max', 'min', 'mean']);
/** User helpers whose name says what they compute (the tracer runs them; the recognisers need the math). */
const MATMUL_NAMES = /^(matmul|matMul|matMult|matmult|mm|multiply|mul|dot)$/;
const TRANSPOSE_NAMES = /^(transpose|transposed)$/;

class Desugar {
  private nextId = -1;
  private readonly aliases = new Map<string, string>([['Math', 'Math']]);

  constructor(
    private readonly program: Program,
    private readonly values: readonly (Value | undefined)[],
  ) {}

  run(): Program {
    this.collectAliases(this.program.body);
    return { ...this.program, body: this.block(this.program.body) };
  }

  private collectAliases(body: Stmt[]): void {
    for (const s of body) {
      if (s.k === 'importfrom' && s.module === 'mathjs') {
        for (const n of s.names) this.aliases.set(n.asname ?? n.name, n.name === '*' ? 'math' : `math.${n.name}`);
      }
      // const math = create(all)
      if (s.k === 'assign' && s.targets[0]?.k === 'name' && s.value.k === 'call' && this.qual(s.value.fn) === 'math.create') this.aliases.set(s.targets[0].name, 'math');
    }
  }

  private qual(e: Expr): string | undefined {
    if (e.k === 'name') return this.aliases.get(e.name);
    if (e.k === 'attr') {
      const b = this.qual(e.obj);
      return b && `${b}.${e.name}`;
    }
    return undefined;
  }

  private make(like: Expr, node: ExprBody, keepId = false): Expr {
    return { ...node, id: keepId ? like.id : this.nextId--, loc: like.loc } as Expr;
  }

  private npCall(like: Expr, fn: string, args: Arg[]): Expr {
    const np = this.make(like, { k: 'name', name: 'np' });
    const parts = fn.split('.');
    let callee: Expr = np;
    for (const p of parts) callee = this.make(like, { k: 'attr', obj: callee, name: p });
    return this.make(like, { k: 'call', fn: callee, args }, true);
  }

  private block(body: Stmt[]): Stmt[] {
    return body.map((s) => this.stmt(this.arrowAsDef(s)));
  }

  /** `const f = (x) => …` reads as `def f(x): return …`, so helpers written as arrows are known. */
  private arrowAsDef(s: Stmt): Stmt {
    if (s.k !== 'assign' || !s.decl || s.targets.length !== 1 || s.targets[0].k !== 'name' || s.value.k !== 'func') return s;
    const f = s.value;
    const t = s.targets[0];
    const body: Stmt[] = Array.isArray(f.body) ? f.body : [{ k: 'return', value: f.body, loc: f.body.loc }];
    return { k: 'def', name: t.name, nameLoc: t.loc, params: f.params, body, decorators: [], loc: s.loc };
  }

  private stmt(s: Stmt): Stmt {
    switch (s.k) {
      case 'assign':
        return { ...s, value: this.expr(s.value) };
      case 'augassign':
        return { ...s, value: this.expr(s.value) };
      case 'expr': {
        const e = this.expr(s.expr);
        // heads.push(h) as a statement is Python's heads.append(h) (the list the heads are gathered in)
        if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'push' && e.args.length === 1 && !e.args[0].star && !this.qual(e.fn)) {
          return { ...s, expr: { ...e, fn: { ...e.fn, name: 'append' } } };
        }
        return { ...s, expr: e };
      }
      case 'return': {
        if (!s.value) return s;
        return { ...s, value: this.expr(s.value) };
      }
      case 'if':
        return { ...s, test: this.expr(s.test), body: this.block(s.body), orelse: this.block(s.orelse) };
      case 'for':
        return { ...s, iter: this.expr(s.iter), body: this.block(s.body), orelse: this.block(s.orelse) };
      case 'cfor':
        return { ...s, init: this.block(s.init), body: this.block(s.body) };
      case 'while':
        return { ...s, test: this.expr(s.test), body: this.block(s.body) };
      case 'def': {
        const body = this.block(s.body);
        // a function of only `const` lines and a return: the return also reads as one expression
        const inlined = this.inlineLets(body);
        if (inlined && body.length > 1) {
          const last = body[body.length - 1] as Extract<Stmt, { k: 'return' }>;
          body[body.length - 1] = { ...last, value: inlined };
        }
        return { ...s, body };
      }
      case 'class':
        return { ...s, body: this.block(s.body) };
      case 'try':
        return { ...s, body: this.block(s.body), handlers: s.handlers.map((h) => ({ ...h, body: this.block(h.body) })), finalbody: this.block(s.finalbody) };
      default:
        return s;
    }
  }

  /** `{ const a = E1; const b = E2; return R }` → R with a, b replaced; undefined for any other body. */
  private inlineLets(body: Stmt[]): Expr | undefined {
    const last = body[body.length - 1];
    if (!last || last.k !== 'return' || !last.value) return undefined;
    const env = new Map<string, Expr>();
    for (const s of body.slice(0, -1)) {
      if (s.k !== 'assign' || !s.decl || s.targets.length !== 1 || s.targets[0].k !== 'name') return undefined;
      env.set(s.targets[0].name, subst(s.value, env));
    }
    return subst(last.value, env);
  }

  private expr(e: Expr): Expr {
    const d = this.children(e);
    const r = this.rewrite(d);
    if (!r) return d;
    const q = d.k === 'call' ? this.qual(d.fn) : undefined;
    if (q) spelledAs.set(r, q);
    return r;
  }

  /** The node with its sub-expressions desugared (function bodies too). */
  private children(e: Expr): Expr {
    switch (e.k) {
      case 'call':
        return { ...e, fn: this.expr(e.fn), args: e.args.map((a) => ({ ...a, value: this.expr(a.value) })) };
      case 'new':
        return { ...e, args: e.args.map((a) => ({ ...a, value: this.expr(a.value) })) };
      case 'bin':
        return { ...e, left: this.expr(e.left), right: this.expr(e.right) };
      case 'unary':
        return { ...e, operand: this.expr(e.operand) };
      case 'cmp':
        return { ...e, operands: e.operands.map((x) => this.expr(x)) };
      case 'cond':
        return { ...e, test: this.expr(e.test), body: this.expr(e.body), orelse: this.expr(e.orelse) };
      case 'attr':
        return { ...e, obj: this.expr(e.obj) };
      case 'index':
        return { ...e, obj: this.expr(e.obj), index: this.expr(e.index) };
      case 'list':
      case 'tuple':
        return { ...e, items: e.items.map((x) => this.expr(x)) };
      case 'starred':
        return { ...e, value: this.expr(e.value) };
      case 'func': {
        if (!Array.isArray(e.body)) return { ...e, body: this.expr(e.body) };
        const body = this.block(e.body);
        return { ...e, body: this.inlineLets(body) ?? body };
      }
      default:
        return e;
    }
  }

  private isScalar(e: Expr): boolean {
    const v = this.values[e.id];
    return e.k === 'num' || v?.kind === 'float' || v?.kind === 'int';
  }

  private rewrite(e: Expr): Expr | undefined {
    if (e.k === 'bin' && e.op === '/') {
      // np.sum(f(x)) / x.length is the mean of f(x)
      const l = e.left;
      if (l.k === 'call' && isNp(l, 'sum') && l.args.length === 1 && e.right.k === 'attr' && e.right.name === 'length' && mentionsLike(l.args[0].value, e.right.obj)) {
        return this.npCall(e, 'mean', l.args);
      }
      return undefined;
    }
    if (e.k !== 'call') return undefined;
    const q = this.qual(e.fn);
    const pos = e.args.filter((a) => !a.name && !a.star).map((a) => a.value);
    if (q && BINARY[q] && pos.length === 2 && e.args.length === 2) return this.make(e, { k: 'bin', op: BINARY[q], left: pos[0], right: pos[1] }, true);
    // math.multiply by a number is a plain product (the recognisers read math.multiply as a matrix product)
    if (q === 'math.multiply' && pos.length === 2 && (this.isScalar(pos[0]) || this.isScalar(pos[1]))) return this.make(e, { k: 'bin', op: '*', left: pos[0], right: pos[1] }, true);
    if (!q && e.fn.k === 'name' && pos.length === 2 && MATMUL_NAMES.test(e.fn.name)) return this.make(e, { k: 'bin', op: '@', left: pos[0], right: pos[1] }, true);
    if (!q && e.fn.k === 'name' && pos.length === 1 && TRANSPOSE_NAMES.test(e.fn.name)) return this.make(e, { k: 'attr', obj: pos[0], name: 'T' }, true);
    // Math.max(0, x) is ReLU's np.maximum(0, x)
    if ((q === 'Math.max' || q === 'Math.min') && pos.length === 2 && e.args.length === 2) return this.npCall(e, q === 'Math.max' ? 'maximum' : 'minimum', e.args);
    // Array.from({length: n}, (_, i) => f(i)) is f over the positions 0..n-1
    if (e.fn.k === 'attr' && e.fn.name === 'from' && e.fn.obj.k === 'name' && e.fn.obj.name === 'Array' && pos.length === 2) {
      const len = pos[0].k === 'dict' ? pos[0].entries.find((x) => x.key?.k === 'str' && x.key.value === 'length')?.value : undefined;
      const f = pos[1];
      if (len && f.k === 'func' && !Array.isArray(f.body) && f.params.length === 2) {
        const positions = this.npCall(len, 'arange', [{ value: len }]);
        return { ...subst(f.body, new Map([[f.params[1].name, { ...positions, id: this.nextId-- }]])), id: e.id, loc: e.loc };
      }
    }
    if (q === 'math.transpose' && pos.length === 1) return this.make(e, { k: 'attr', obj: pos[0], name: 'T' }, true);
    if (q === 'math.concat') return this.concat(e);
    const short = q?.replace(/^(math|Math)\./, '');
    if (q && short && q !== short) {
      if (UNARY.has(short) && pos.length === 1) return this.npCall(e, short, e.args);
      if (q === 'math.dot') return this.npCall(e, 'dot', e.args);
      if (q === 'math.norm') return this.npCall(e, 'linalg.norm', e.args);
      if (q === 'math.map' && pos.length === 2) return this.vectorise(e, pos[0], pos[1]);
      if (REDUCE.has(short)) {
        // Math.max(...xs) and math.max(xs[, dim]) are np.max(xs[, axis])
        if (q.startsWith('Math.') && e.args.length === 1 && e.args[0].star === '*') return this.npCall(e, short, [{ value: e.args[0].value }]);
        if (q.startsWith('math.') && pos.length >= 1 && pos.length <= 2) return this.npCall(e, short, e.args);
      }
    }
    // methods of JS arrays
    if (e.fn.k === 'attr' && !q) {
      const recv = e.fn.obj;
      if (e.fn.name === 'map' && pos.length === 1) return this.vectorise(e, recv, pos[0]);
      const zeroInit = pos.length === 1 || (pos.length === 2 && pos[1].k === 'num' && pos[1].value === 0);
      if (e.fn.name === 'reduce' && isAddition(pos[0]) && zeroInit) return this.npCall(e, 'sum', [{ value: recv }]);
      // xs.reduce((s, x) => s + f(x), 0) is np.sum(f(xs))
      const term = e.fn.name === 'reduce' && zeroInit && pos.length === 2 ? accumulated(pos[0]) : undefined;
      if (term) {
        const mapped = this.vectorise(e, recv, term);
        if (mapped) return this.npCall(e, 'sum', [{ value: { ...mapped, id: this.nextId-- } }]);
      }
    }
    return undefined;
  }

  /**
   * math.concat(a, b, …[, dim]) → np.concatenate([a, b, …], axis=dim), the last dim by default as
   * in mathjs; math.concat(...xs[, dim]) and math.concat(xs[0], …, xs[n-1]) over a list of exactly
   * n items both read as np.concatenate(xs, …), so a list of heads is seen as one.
   */
  private concat(e: Extract<Expr, { k: 'call' }>): Expr | undefined {
    const args = e.args.filter((a) => !a.name);
    const last = args[args.length - 1];
    const dim = last && !last.star && numberLiteral(last.value) !== undefined ? last.value : undefined;
    const parts = dim ? args.slice(0, -1) : args;
    if (parts.length === 0) return undefined;
    const axis = dim ?? this.make(e, { k: 'num', value: -1, isInt: true });
    let list: Expr | undefined;
    if (parts.length === 1 && parts[0].star === '*') list = parts[0].value;
    else if (parts.some((a) => a.star)) return undefined;
    else {
      const whole = wholeList(parts.map((a) => a.value), this.values);
      list = whole ?? this.make(e, { k: 'list', items: parts.map((a) => a.value) });
    }
    return this.npCall(e, 'concatenate', [{ value: list }, { name: 'axis', value: axis }]);
  }

  /** P.map((x[, i]) => R) → R with x := P (and Y[i] := Y); reductions inside run along the last axis. */
  private vectorise(call: Expr, P: Expr, cb: Expr): Expr | undefined {
    if (cb.k !== 'func' || Array.isArray(cb.body) || cb.params.length === 0 || cb.params.length > 2) return undefined;
    const [p, i] = cb.params as [Param, Param | undefined];
    if (p.kind !== 'normal') return undefined;
    let ok = true;
    const walk = (x: Expr): Expr => {
      if (x.k === 'name' && x.name === p.name) return P;
      if (i && x.k === 'index' && x.index.k === 'name' && x.index.name === i.name && !(x.obj.k === 'name' && x.obj.name === p.name)) return walk(x.obj);
      if (i && x.k === 'name' && x.name === i.name) ok = false;
      if (x.k === 'func') return x;
      const out = mapChildren(x, walk);
      if (out.k === 'call' && isNp(out, ...REDUCE) && out.args.length === 1 && mentions(out.args[0].value, P)) {
        // a reduction over the row: along the last axis, kept for broadcasting
        const minus1 = this.make(out, { k: 'num', value: -1, isInt: true });
        const yes = this.make(out, { k: 'bool', value: true });
        return { ...out, args: [out.args[0], { name: 'axis', value: minus1 }, { name: 'keepdims', value: yes }] };
      }
      return out;
    };
    const body = walk(cb.body);
    if (!ok) return undefined;
    // the rewritten expression stands for the whole `.map(…)` call (its id, its traced value)
    return { ...body, id: call.id, loc: call.loc };
  }
}
