// The small intermediate representation every front end (Python, TypeScript) lowers to and the
// abstract interpreter walks. It is deliberately close to Python's `ast`: the TypeScript front end
// maps its constructs onto the same nodes (const/let → assign, arrow functions → func, ...).

import type { L10nText } from './values';

/** A source range: 1-based lines, 0-based columns (UTF-16 code units), as in Python's `ast`. */
export interface Loc {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** `>>>` is JavaScript's unsigned right shift (TypeScript only) */
export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '&' | '|' | '^' | '<<' | '>>' | '>>>';
/** `typeof` is JavaScript's (TypeScript only) */
export type UnaryOp = '-' | '+' | 'not' | '~' | 'typeof';
export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not in' | 'is' | 'is not';

export interface Arg {
  /** keyword name for `f(axis=-1)`; undefined for positional */
  name?: string;
  /** `*args` / `**kwargs` at the call site */
  star?: '*' | '**';
  value: Expr;
}

export interface Param {
  name: string;
  kind: 'normal' | 'star' | 'dstar' | 'kwonly';
  default?: Expr;
  loc: Loc;
  /** declared before `/`: cannot be passed by keyword */
  posonly?: boolean;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

/** Every expression node. `id` is unique within one parsed program (used as a map key). */
export type Expr = { id: number; loc: Loc } & (
  | { k: 'num'; value: number; isInt: boolean }
  | { k: 'str'; value: string }
  /** f-string / template literal: literal parts and interpolated expressions in order */
  | { k: 'fstr'; parts: (string | Expr)[] }
  | { k: 'bool'; value: boolean }
  | { k: 'none' }
  | { k: 'ellipsis' }
  | { k: 'name'; name: string }
  | { k: 'attr'; obj: Expr; name: string }
  /** `obj[index]`; a multi-dimensional index `a[i, :, None]` has a `tuple` index */
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'slice'; lower?: Expr; upper?: Expr; step?: Expr }
  | { k: 'call'; fn: Expr; args: Arg[] }
  /** TypeScript `new C(...)` (Python calls classes with `call`) */
  | { k: 'new'; cls: Expr; args: Arg[] }
  | { k: 'bin'; op: BinOp; left: Expr; right: Expr }
  | { k: 'unary'; op: UnaryOp; operand: Expr }
  | { k: 'cmp'; ops: CmpOp[]; operands: Expr[] }
  /** `and`/`or` (TS `&&`/`||` map to and/or; `??` keeps its own op: only null/undefined fall through) */
  | { k: 'boolop'; op: 'and' | 'or' | '??'; values: Expr[] }
  | { k: 'cond'; test: Expr; body: Expr; orelse: Expr }
  | { k: 'list'; items: Expr[] }
  | { k: 'tuple'; items: Expr[] }
  | { k: 'set'; items: Expr[] }
  /** dict / TS object literal; a `null` key is a `**spread` entry */
  | { k: 'dict'; entries: { key: Expr | null; value: Expr }[] }
  | { k: 'comp'; kind: 'list' | 'set' | 'dict' | 'gen'; elt: Expr; value?: Expr; gens: Comprehension[] }
  /** lambda / arrow function / function expression: body is an expression or a block */
  | { k: 'func'; params: Param[]; body: Expr | Stmt[]; name?: string }
  | { k: 'starred'; value: Expr }
  /** walrus `(x := e)` */
  | { k: 'namedexpr'; target: Expr; value: Expr }
  /** syntax the front end does not model, or an ERROR node: evaluates to unknown */
  | { k: 'unsupported'; text: string; reason: string }
);

export type Stmt = { loc: Loc } & (
  /** `a = b = value`; TS `const a = value` sets `decl` */
  | { k: 'assign'; targets: Expr[]; value: Expr; annotation?: Expr; decl?: 'const' | 'let' | 'var' }
  /** `x: int` with no value, TS `let x;` */
  | { k: 'declare'; target: Expr; annotation?: Expr }
  | { k: 'augassign'; target: Expr; op: BinOp; value: Expr }
  | { k: 'expr'; expr: Expr }
  | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  /** C-style TS `for (init; test; update)` */
  | { k: 'cfor'; init: Stmt[]; test?: Expr; update: Stmt[]; body: Stmt[] }
  | { k: 'while'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'def'; name: string; nameLoc: Loc; params: Param[]; body: Stmt[]; decorators: Expr[] }
  | { k: 'class'; name: string; nameLoc: Loc; bases: Expr[]; body: Stmt[] }
  | { k: 'return'; value?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'pass' }
  /** `import numpy as np` → [{module:'numpy', asname:'np'}] */
  | { k: 'import'; names: { module: string; asname?: string }[] }
  /** `from numpy import zeros as z`; TS `import * as math from 'mathjs'` → module 'mathjs', names [{name:'*', asname:'math'}] */
  | { k: 'importfrom'; module: string; names: { name: string; asname?: string }[] }
  | { k: 'try'; body: Stmt[]; handlers: { type?: Expr; name?: string; body: Stmt[] }[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { k: 'with'; items: { value: Expr; target?: Expr }[]; body: Stmt[] }
  | { k: 'raise'; value?: Expr }
  | { k: 'assert'; test: Expr; msg?: Expr }
  | { k: 'del'; targets: Expr[] }
  /** `global a, b`; `nonlocal a` sets `nonlocal` */
  | { k: 'global'; names: string[]; nonlocal?: boolean }
  /** a statement the parser could not make sense of (ERROR / MISSING nodes): skipped, reported as info */
  | { k: 'error'; text: string }
);

export interface Program {
  language: 'python' | 'typescript';
  body: Stmt[];
  /** number of Expr ids allocated (ids are 0..exprCount-1) */
  exprCount: number;
  /** syntax errors found by the parser, as ranges (the interpreter goes on around them) */
  syntaxErrors: { loc: Loc; message: string; l10n?: L10nText }[];
}
