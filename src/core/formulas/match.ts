// Pattern helpers over the IR for the recognisers and lints: qualified callee names through the
// program's imports (np / numpy / from numpy import exp / math / scipy.special), reductions in
// both spellings (np.sum(x, axis=-1) and x.sum(-1)), structural equality, and "what was this
// name last assigned" within one function body.

import type { Arg, Expr, Program, Stmt } from '../ir';
import type { Value } from '../values';
import { desugarTypeScript } from './tsDesugar';

export type ExprOf<K extends Expr['k']> = Extract<Expr, { k: K }>;

/** One statement with where it sits: its list of siblings (a block) and the enclosing def. */
export interface StmtInfo {
  stmt: Stmt;
  block: Stmt[];
  index: number;
  /** enclosing function name, '' at module level */
  scope: string;
  /** the compound statement whose body holds this one (a `for`, `if`, `def`…), if any */
  parent?: StmtInfo;
}

export interface MatchContext {
  program: Program;
  values: (Value | undefined)[];
  aliases: Map<string, string>;
  stmts: StmtInfo[];
  /** user functions by name (not methods: a method `softmax` must not shadow the function `softmax`) */
  defs: Map<string, Extract<Stmt, { k: 'def' }>>;
  /** methods by name, over all classes (`self.softmax(…)`, `tete.forward(…)`, `__call__`) */
  methods: Map<string, Extract<Stmt, { k: 'def' }>>;
  /** each statement's info (lastAssigned looks statements up by identity: a scan would be quadratic) */
  infoOf: Map<Stmt, StmtInfo>;
  /**
   * Set `on` while one statement group is recognised: `seen` then says whether it read the
   * module block by position (statements before or after it, not by name), so that its cached
   * sites are recomputed when top-level statements are added, removed or changed.
   */
  watch: { on: boolean; seen: boolean };
}

const unwatched = new WeakMap<object, object>();

/** An array whose reads are noted while `watch.on`. */
function watched<T extends object>(target: T, watch: { on: boolean; seen: boolean }): T {
  const p = new Proxy(target, {
    get(t, k, r) {
      if (watch.on) watch.seen = true;
      return Reflect.get(t, k, r) as unknown;
    },
  });
  unwatched.set(p, target);
  return p;
}

/** The array itself behind a watched one: reads by name (lastAssigned) are not positional. */
export function rawOf<T extends object>(x: T): T {
  return (unwatched.get(x) as T | undefined) ?? x;
}

const MODULES: Record<string, string> = { numpy: 'np', math: 'math', 'scipy.special': 'scipy.special', scipy: 'scipy', torch: 'torch', mathjs: 'math' };

export function buildContext(source: Program, values: (Value | undefined)[]): MatchContext {
  // TypeScript is matched through its numpy-like view (math.divide → /, Math.exp → np.exp, …)
  const program = desugarTypeScript(source, values);
  const aliases = new Map<string, string>([['np', 'np'], ['numpy', 'np'], ['math', 'math']]);
  const stmts: StmtInfo[] = [];
  const defs = new Map<string, Extract<Stmt, { k: 'def' }>>();
  const methods = new Map<string, Extract<Stmt, { k: 'def' }>>();
  const infoOf = new Map<Stmt, StmtInfo>();
  const watch = { on: false, seen: false };
  const moduleBlock = watched(program.body, watch);
  const visit = (block: Stmt[], scope: string, parent?: StmtInfo): void => {
    block.forEach((stmt, index) => {
      const info: StmtInfo = { stmt, block: parent ? block : moduleBlock, index, scope, parent };
      stmts.push(info);
      infoOf.set(stmt, info);
      switch (stmt.k) {
        case 'import':
          for (const n of stmt.names) {
            const q = MODULES[n.module] ?? n.module;
            if (n.asname) aliases.set(n.asname, q);
            else aliases.set(n.module.split('.')[0], MODULES[n.module.split('.')[0]] ?? n.module.split('.')[0]);
          }
          break;
        case 'importfrom': {
          const q = MODULES[stmt.module] ?? stmt.module;
          for (const n of stmt.names) {
            if (n.name === '*') {
              if (n.asname) aliases.set(n.asname, q);
              continue;
            }
            aliases.set(n.asname ?? n.name, MODULES[`${stmt.module}.${n.name}`] ?? `${q}.${n.name}`);
          }
          break;
        }
        case 'def':
          (parent?.stmt.k === 'class' && block === parent.stmt.body ? methods : defs).set(stmt.name, stmt);
          visit(stmt.body, stmt.name, info);
          break;
        case 'class':
          visit(stmt.body, scope, info);
          break;
        case 'if':
        case 'while':
          visit(stmt.body, scope, info);
          visit(stmt.orelse, scope, info);
          break;
        case 'for':
          visit(stmt.body, scope, info);
          visit(stmt.orelse, scope, info);
          break;
        case 'cfor':
          visit(stmt.body, scope, info);
          break;
        case 'with':
          visit(stmt.body, scope, info);
          break;
        case 'try':
          visit(stmt.body, scope, info);
          for (const h of stmt.handlers) visit(h.body, scope, info);
          visit(stmt.orelse, scope, info);
          visit(stmt.finalbody, scope, info);
          break;
        default:
      }
    });
  };
  visit(program.body, '');
  // (`stmts` is read by name and scope: statements assigning or appending to a name, a def's body)
  return { program, values, aliases, stmts, defs, methods, infoOf, watch };
}

/** 'np.exp', 'math.sqrt', 'scipy.special.softmax', or a user name ('softmax'); undefined for computed callees. */
export function qualName(ctx: MatchContext, e: Expr): string | undefined {
  if (e.k === 'name') return ctx.aliases.get(e.name) ?? e.name;
  if (e.k === 'attr') {
    const base = qualName(ctx, e.obj);
    return base === undefined ? undefined : `${base}.${e.name}`;
  }
  return undefined;
}

/** The call's qualified callee when it is one of `names`. */
export function isCall(ctx: MatchContext, e: Expr, ...names: string[]): boolean {
  if (e.k !== 'call') return false;
  const q = qualName(ctx, e.fn);
  return q !== undefined && names.includes(q);
}

/** Positional argument i, or the keyword `name`. */
export function arg(call: Expr, i: number, name?: string): Expr | undefined {
  if (call.k !== 'call') return undefined;
  if (name) {
    const kw = call.args.find((a: Arg) => a.name === name);
    if (kw) return kw.value;
  }
  const pos = call.args.filter((a: Arg) => !a.name && !a.star);
  return pos[i]?.value;
}

/** A literal int/float (with unary minus), or undefined. */
export function numLit(e: Expr | undefined): number | undefined {
  if (!e) return undefined;
  if (e.k === 'num') return e.value;
  if (e.k === 'unary' && e.op === '-' ) {
    const v = numLit(e.operand);
    return v === undefined ? undefined : -v;
  }
  if (e.k === 'unary' && e.op === '+') return numLit(e.operand);
  return undefined;
}

export interface Reduction {
  kind: string;
  operand: Expr;
  axis?: Expr;
  keepdims: boolean;
  call: ExprOf<'call'>;
}

/** np.sum(x, axis=…, keepdims=…), x.sum(axis, keepdims=…) and the same for max/mean/amax. */
export function reduction(ctx: MatchContext, e: Expr, kinds: string[]): Reduction | undefined {
  if (e.k !== 'call') return undefined;
  const q = qualName(ctx, e.fn);
  const keep = (c: ExprOf<'call'>, i: number) => {
    const k = arg(c, i, 'keepdims');
    return !!k && k.k === 'bool' && k.value;
  };
  for (const kind of kinds) {
    if (q === `np.${kind}` || q === `np.a${kind}`) {
      const operand = arg(e, 0, 'a');
      if (operand) return { kind, operand, axis: arg(e, 1, 'axis'), keepdims: keep(e, 2), call: e };
    }
    if (e.fn.k === 'attr' && e.fn.name === kind && !(q && q.startsWith('np.'))) {
      return { kind, operand: e.fn.obj, axis: arg(e, 0, 'axis'), keepdims: keep(e, 1), call: e };
    }
  }
  return undefined;
}

/** Structural equality of two expressions (ids and locations ignored). */
export function sameExpr(a: Expr | undefined, b: Expr | undefined): boolean {
  if (!a || !b) return a === b;
  return a === b || strip(a) === strip(b);
}

/**
 * An expression's structure as text, computed once per node: the recognisers compare the same
 * operands against many statements. IR nodes never change shape after lowering (an incremental
 * parse moves only their locations, which the text leaves out).
 */
const stripped = new WeakMap<Expr, string>();

function strip(e: Expr): string {
  let s = stripped.get(e);
  if (s === undefined) stripped.set(e, (s = JSON.stringify(e, (k, v: unknown) => (k === 'id' || k === 'loc' ? undefined : v))));
  return s;
}

/**
 * The expression last assigned to `name` (a plain name or `self.x`) before statement `at` in the
 * same block. An augmented assignment `x /= d` is read as the expression `x / d`, whose `x` is
 * resolved from that statement on (so `s = Q @ K.T` then `s /= np.sqrt(d)` is a scaled score).
 */
export function lastAssigned(ctx: MatchContext, at: StmtInfo, name: string): { value: Expr; info: StmtInfo } | undefined {
  const block = rawOf(at.block);
  for (let i = at.index - 1; i >= 0; i--) {
    const s = block[i];
    const info = () => ctx.infoOf.get(s) ?? rawOf(ctx.stmts).find((x) => x.stmt === s)!;
    if (s.k === 'assign' && s.targets.length === 1 && exprName(s.targets[0]) === name) return { value: s.value, info: info() };
    if (s.k === 'augassign' && exprName(s.target) === name) {
      // a synthetic node: the id of the statement's value, so it never reads a traced value of its own
      const value: Expr = { k: 'bin', op: s.op, left: s.target, right: s.value, id: -1, loc: s.loc };
      return { value, info: info() };
    }
  }
  return undefined;
}

/** Follow a name (or `self.x`) to its last assigned expression (one level), else the expression itself. */
export function through(ctx: MatchContext, at: StmtInfo, e: Expr): Expr {
  const n = e.k === 'name' || e.k === 'attr' ? exprName(e) : undefined;
  if (!n) return e;
  return lastAssigned(ctx, at, n)?.value ?? e;
}

/** The names bound by the `for` loops enclosing a statement (within its function). */
export function loopVars(at: StmtInfo): Set<string> {
  const out = new Set<string>();
  for (let p = at.parent; p && p.stmt.k !== 'def'; p = p.parent) {
    if (p.stmt.k !== 'for') continue;
    const t = p.stmt.target;
    for (const x of t.k === 'tuple' || t.k === 'list' ? t.items : [t]) if (x.k === 'name') out.add(x.name);
  }
  return out;
}

/** An integer the tracer determined for an expression (a literal, or e.g. a parameter `axis=-1`). */
export function intValue(ctx: MatchContext, e: Expr | undefined): number | undefined {
  if (!e) return undefined;
  const lit = numLit(e);
  if (lit !== undefined) return lit;
  const v = ctx.values[e.id];
  return v && v.kind === 'int' && typeof v.value === 'number' ? v.value : undefined;
}

/** Every sub-expression of an expression, the expression first (depth first, in source order). */
export function subExprs(e: Expr): readonly Expr[] {
  // the same statement's expressions are walked by most recognisers and lints: walk them once
  let out = walked.get(e);
  if (!out) {
    const acc: Expr[] = [];
    const visit = (x: Expr): void => {
      acc.push(x);
      for (const c of children(x)) visit(c);
    };
    visit(e);
    walked.set(e, (out = acc));
  }
  return out;
}

const walked = new WeakMap<Expr, readonly Expr[]>();

export function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'attr': return [e.obj];
    case 'index': return [e.obj, e.index];
    case 'slice': return [e.lower, e.upper, e.step].filter((x): x is Expr => !!x);
    case 'call': return [e.fn, ...e.args.map((a) => a.value)];
    case 'new': return [e.cls, ...e.args.map((a) => a.value)];
    case 'bin': return [e.left, e.right];
    case 'unary': return [e.operand];
    case 'cmp': return e.operands;
    case 'boolop': return e.values;
    case 'cond': return [e.test, e.body, e.orelse];
    case 'list': case 'tuple': case 'set': return e.items;
    case 'dict': return e.entries.flatMap((x) => (x.key ? [x.key, x.value] : [x.value]));
    case 'starred': return [e.value];
    case 'namedexpr': return [e.target, e.value];
    case 'fstr': return e.parts.filter((p): p is Expr => typeof p !== 'string');
    default: return [];
  }
}

/** The expressions a statement evaluates at its top level (value of an assignment, an expression statement, a return). */
export function stmtExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case 'assign': return [s.value];
    case 'augassign': return [s.value];
    case 'expr': return [s.expr];
    case 'return': return s.value ? [s.value] : [];
    default: return [];
  }
}

/** The name an assignment binds (`w` in `w = …`, `self.W` in `self.W = …`, `PE` in `PE[:, 0::2] = …`). */
export function targetName(s: Stmt): string | undefined {
  const t = s.k === 'assign' ? s.targets[0] : s.k === 'augassign' ? s.target : undefined;
  if (!t) return undefined;
  return exprName(t.k === 'index' ? t.obj : t);
}

export function exprName(e: Expr): string | undefined {
  if (e.k === 'name') return e.name;
  if (e.k === 'attr') {
    const b = exprName(e.obj);
    return b === undefined ? undefined : `${b}.${e.name}`;
  }
  return undefined;
}

/** Is `e` the transpose of some expression (K.T, K.transpose(), np.transpose(K), K.swapaxes(-1, -2))? Returns it. */
export function transposed(ctx: MatchContext, e: Expr): Expr | undefined {
  if (e.k === 'attr' && e.name === 'T') return e.obj;
  if (e.k === 'call' && e.fn.k === 'attr' && ['transpose', 'swapaxes'].includes(e.fn.name) && qualName(ctx, e.fn) !== 'np.transpose' && qualName(ctx, e.fn) !== 'np.swapaxes') return e.fn.obj;
  if (isCall(ctx, e, 'np.transpose', 'np.swapaxes')) return arg(e, 0);
  return undefined;
}

/** A matrix product a @ b, np.matmul(a, b), np.dot(a, b), a.dot(b): its two operands. */
export function matmulOperands(ctx: MatchContext, e: Expr): [Expr, Expr] | undefined {
  if (e.k === 'bin' && e.op === '@') return [e.left, e.right];
  if (isCall(ctx, e, 'np.matmul', 'np.dot', 'math.multiply')) {
    const a = arg(e, 0), b = arg(e, 1);
    return a && b ? [a, b] : undefined;
  }
  if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'dot' && !qualName(ctx, e.fn)?.startsWith('np.')) {
    const b = arg(e, 0);
    return b ? [e.fn.obj, b] : undefined;
  }
  return undefined;
}

/** A square root: np.sqrt(x), math.sqrt(x), x ** 0.5, np.power(x, 0.5). Returns x. */
export function sqrtOf(ctx: MatchContext, e: Expr): Expr | undefined {
  if (isCall(ctx, e, 'np.sqrt', 'math.sqrt')) return arg(e, 0);
  if (e.k === 'bin' && e.op === '**' && numLit(e.right) === 0.5) return e.left;
  if (isCall(ctx, e, 'np.power') && numLit(arg(e, 1)) === 0.5) return arg(e, 0);
  return undefined;
}

const PRECEDENCE: Record<string, number> = { '**': 4, '*': 3, '/': 3, '//': 3, '%': 3, '@': 3, '+': 2, '-': 2 };

/** Source-like text of a small expression (for facts and messages), parenthesised where Python needs it. */
export function exprText(e: Expr): string {
  // an operand of `.`, `[]` or a call binds tighter than any operator: (X @ W_Q).reshape(…)
  const atom = (x: Expr) => (x.k === 'bin' || x.k === 'unary' || x.k === 'cmp' || x.k === 'boolop' ? `(${exprText(x)})` : exprText(x));
  switch (e.k) {
    case 'num': return String(e.value);
    case 'name': return e.name;
    case 'attr': return `${atom(e.obj)}.${e.name}`;
    case 'unary': return `${e.op === 'not' ? 'not ' : e.op}${e.operand.k === 'bin' ? `(${exprText(e.operand)})` : exprText(e.operand)}`;
    case 'bin': {
      const p = PRECEDENCE[e.op] ?? 0;
      const side = (x: Expr, right: boolean) => {
        const q = x.k === 'bin' ? PRECEDENCE[x.op] ?? 0 : 5;
        return q < p || (right && q === p && e.op !== '**') || (!right && e.op === '**' && q === p) ? `(${exprText(x)})` : exprText(x);
      };
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`;
    }
    case 'call': return `${atom(e.fn)}(${e.args.map((a) => (a.name ? `${a.name}=` : '') + exprText(a.value)).join(', ')})`;
    case 'index': return `${atom(e.obj)}[${exprText(e.index)}]`;
    case 'tuple': return e.items.map(exprText).join(', ');
    case 'list': return `[${e.items.map(exprText).join(', ')}]`;
    case 'str': return JSON.stringify(e.value);
    case 'bool': return e.value ? 'True' : 'False';
    case 'none': return 'None';
    case 'slice': return `${e.lower ? exprText(e.lower) : ''}:${e.upper ? exprText(e.upper) : ''}${e.step ? `:${exprText(e.step)}` : ''}`;
    default: return '…';
  }
}
