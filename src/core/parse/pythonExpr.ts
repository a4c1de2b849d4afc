// Lowering of tree-sitter-python expression nodes to IR `Expr`s. ERROR/MISSING nodes never
// throw: they become `unsupported` expressions (the statement lowerer decides whether the whole
// statement is kept). Locations follow Python's `ast` (parentheses excluded except for tuples).

import type { SNode as Node } from './pythonSyntax';
import type { Arg, BinOp, CmpOp, Comprehension, Expr, Param, UnaryOp } from '../ir';
import { LowerContext, allKids, field, fields, kids } from './pythonContext';
import { decodeEscapes, readNumber, readPrefix } from './pythonLiterals';
import { lowerParams } from './pythonParams';

const BIN_OPS = new Set<string>(['+', '-', '*', '/', '//', '%', '**', '@', '&', '|', '^', '<<', '>>']);
const CMP_OPS = new Set<string>(['<', '<=', '>', '>=', '==', '!=', 'in', 'not in', 'is', 'is not']);

export function lowerExpr(ctx: LowerContext, node: Node): Expr {
  if (node.isMissing) return ctx.unsupported(node, `missing ${node.type}`);
  const loc = ctx.loc(node);
  switch (node.type) {
    case 'identifier':
      return ctx.make({ k: 'name', name: node.text, loc });
    case 'integer':
    case 'float': {
      const n = readNumber(node.text);
      if (n.kind === 'complex') return ctx.unsupported(node, 'complex numbers are not modelled');
      if (n.kind === 'invalid') return ctx.unsupported(node, n.reason);
      return ctx.make({ k: 'num', value: n.value, isInt: n.kind === 'int', loc });
    }
    case 'true':
    case 'false':
      return ctx.make({ k: 'bool', value: node.type === 'true', loc });
    case 'none':
      return ctx.make({ k: 'none', loc });
    case 'ellipsis':
      return ctx.make({ k: 'ellipsis', loc });
    case 'string':
      return lowerStrings(ctx, node, [node]);
    case 'concatenated_string':
      return lowerStrings(ctx, node, kids(node).filter((c) => c.type === 'string'));
    case 'parenthesized_expression': {
      const inner = kids(node);
      if (inner.length !== 1) return ctx.unsupported(node, 'malformed parenthesized expression');
      return lowerExpr(ctx, inner[0]);
    }
    case 'attribute': {
      const obj = field(node, 'object');
      const attr = field(node, 'attribute');
      if (!obj || !attr || attr.isMissing) return ctx.unsupported(node, 'incomplete attribute');
      return ctx.make({ k: 'attr', obj: lowerExpr(ctx, obj), name: attr.text, loc });
    }
    case 'subscript':
      return lowerSubscript(ctx, node);
    case 'slice':
      return lowerSlice(ctx, node);
    case 'call':
      return lowerCall(ctx, node);
    case 'binary_operator':
      return lowerBinaryChain(ctx, node);
    case 'unary_operator': {
      const op = field(node, 'operator')?.type ?? '';
      const arg = field(node, 'argument');
      if (!arg) return ctx.unsupported(node, 'incomplete unary operator');
      return ctx.make({ k: 'unary', op: op as UnaryOp, operand: lowerExpr(ctx, arg), loc });
    }
    case 'not_operator': {
      const arg = field(node, 'argument');
      if (!arg) return ctx.unsupported(node, 'incomplete not');
      return ctx.make({ k: 'unary', op: 'not', operand: lowerExpr(ctx, arg), loc });
    }
    case 'boolean_operator':
      return lowerBoolOp(ctx, node);
    case 'comparison_operator':
      return lowerComparison(ctx, node);
    case 'conditional_expression': {
      const [body, test, orelse] = kids(node);
      if (!body || !test || !orelse) return ctx.unsupported(node, 'incomplete conditional expression');
      const b = lowerExpr(ctx, body);
      const t = lowerExpr(ctx, test);
      return ctx.make({ k: 'cond', test: t, body: b, orelse: lowerExpr(ctx, orelse), loc });
    }
    case 'named_expression': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (!name || !value) return ctx.unsupported(node, 'incomplete := expression');
      return ctx.make({ k: 'namedexpr', target: lowerExpr(ctx, name), value: lowerExpr(ctx, value), loc });
    }
    case 'lambda': {
      const p = field(node, 'parameters');
      const body = field(node, 'body');
      const params: Param[] = p ? lowerParams(ctx, p) : [];
      if (!body) return ctx.unsupported(node, 'lambda without a body');
      return ctx.make({ k: 'func', params, body: lowerExpr(ctx, body), name: '<lambda>', loc });
    }
    case 'list':
      return ctx.make({ k: 'list', items: kids(node).map((c) => lowerExpr(ctx, c)), loc });
    case 'tuple':
    case 'expression_list':
    case 'pattern_list':
    case 'tuple_pattern':
      return ctx.make({ k: 'tuple', items: kids(node).map((c) => lowerExpr(ctx, c)), loc });
    case 'list_pattern':
      return ctx.make({ k: 'list', items: kids(node).map((c) => lowerExpr(ctx, c)), loc });
    case 'set':
      return ctx.make({ k: 'set', items: kids(node).map((c) => lowerExpr(ctx, c)), loc });
    case 'dictionary':
      return lowerDict(ctx, node);
    case 'list_splat':
    case 'list_splat_pattern':
    case 'parenthesized_list_splat': {
      const inner = kids(node)[0];
      if (!inner) return ctx.unsupported(node, 'incomplete *expression');
      if (node.type === 'parenthesized_list_splat') return lowerExpr(ctx, inner);
      return ctx.make({ k: 'starred', value: lowerExpr(ctx, inner), loc });
    }
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression':
    case 'dictionary_comprehension':
      return lowerComprehension(ctx, node);
    case 'keyword_argument':
      return ctx.unsupported(node, 'keyword argument outside a call');
    case 'await':
      return ctx.unsupported(node, 'await (asynchronous code is not traced)');
    case 'yield':
      return ctx.unsupported(node, 'yield (generators are not traced)');
    case 'as_pattern':
      return ctx.unsupported(node, '`as` outside with/except');
    case 'ERROR':
      return ctx.unsupported(node, 'syntax error');
    default:
      return ctx.unsupported(node, `unsupported syntax: ${node.type}`);
  }
}

/**
 * Python's binary precedence, loosest first. tree-sitter-python 0.25 ranks `^` above `&` (the
 * reverse of Python), so a chain of binary operators is flattened and rebuilt with these.
 */
const BIN_PREC: Record<string, number> = {
  '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '@': 6, '/': 6, '//': 6, '%': 6, '**': 7,
};

function lowerBinaryChain(ctx: LowerContext, node: Node): Expr {
  // In-order operands and operators of the unparenthesized binary_operator subtree.
  const operands: Node[] = [];
  const ops: string[] = [];
  let ok = true;
  const flatten = (n: Node): void => {
    if (n.type !== 'binary_operator') {
      operands.push(n);
      return;
    }
    const l = field(n, 'left');
    const r = field(n, 'right');
    const op = field(n, 'operator')?.type ?? '';
    if (!l || !r || !BIN_OPS.has(op)) ok = false;
    if (l) flatten(l);
    ops.push(op);
    if (r) flatten(r);
  };
  flatten(node);
  if (!ok || operands.length !== ops.length + 1) return ctx.unsupported(node, 'incomplete binary operation');
  type Item = { e: Expr; first: Node; last: Node };
  const out: Item[] = [];
  const pending: string[] = [];
  const reduce = (): void => {
    const op = pending.pop()!;
    const r = out.pop()!;
    const l = out.pop()!;
    const e = ctx.make({ k: 'bin', op: op as BinOp, left: l.e, right: r.e, loc: ctx.span(l.first, r.last) });
    out.push({ e, first: l.first, last: r.last });
  };
  operands.forEach((o, i) => {
    if (i > 0) {
      const op = ops[i - 1];
      // `**` is right-associative: only strictly looser operators wait.
      while (pending.length) {
        const top = BIN_PREC[pending[pending.length - 1]];
        if (top > BIN_PREC[op] || (top === BIN_PREC[op] && op !== '**')) reduce();
        else break;
      }
      pending.push(op);
    }
    out.push({ e: lowerExpr(ctx, o), first: o, last: o });
  });
  while (pending.length) reduce();
  return out[0].e;
}

function lowerStrings(ctx: LowerContext, whole: Node, strings: Node[]): Expr {
  const parts: (string | Expr)[] = [];
  let anyFormat = false;
  let anyBytes = false;
  let allBytes = true;
  for (const s of strings) {
    const start = kids(s).find((c) => c.type === 'string_start') ?? allKids(s)[0];
    const end = [...allKids(s)].reverse().find((c) => c.type === 'string_end');
    if (!start || !end || end.isMissing) return ctx.unsupported(whole, 'unterminated string');
    const prefix = readPrefix(start.text);
    anyFormat ||= prefix.format;
    anyBytes ||= prefix.bytes;
    allBytes &&= prefix.bytes;
    const decode = (raw: string): string => {
      let t = raw;
      if (prefix.format) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      return prefix.raw ? t : decodeEscapes(t);
    };
    // Literal pieces are the source text between the quotes and the interpolations, which is
    // exact whatever way the grammar splits string_content / escape_sequence nodes.
    let cursor = start.endIndex;
    for (const c of kids(s)) {
      if (c.type !== 'interpolation') continue;
      if (c.startIndex > cursor) pushText(parts, decode(ctx.source.slice(cursor, c.startIndex)));
      lowerInterpolation(ctx, c, parts);
      cursor = c.endIndex;
    }
    if (end.startIndex > cursor) pushText(parts, decode(ctx.source.slice(cursor, end.startIndex)));
  }
  if (anyBytes) {
    return ctx.unsupported(whole, allBytes ? 'bytes literals are not modelled' : 'cannot mix bytes and str literals');
  }
  const loc = ctx.loc(whole);
  if (!anyFormat) return ctx.make({ k: 'str', value: parts.join(''), loc });
  return ctx.make({ k: 'fstr', parts, loc });
}

function pushText(parts: (string | Expr)[], text: string): void {
  const last = parts.length - 1;
  if (last >= 0 && typeof parts[last] === 'string') parts[last] = (parts[last] as string) + text;
  else parts.push(text);
}

/** `{expr!r:.3f}` → the expression (conversion and format spec are dropped); `{x=}` keeps "x=". */
function lowerInterpolation(ctx: LowerContext, node: Node, parts: (string | Expr)[]): void {
  const e = field(node, 'expression');
  if (!e) {
    parts.push(ctx.unsupported(node, 'empty f-string interpolation'));
    return;
  }
  const eq = allKids(node).find((c) => c.type === '=' && c.startIndex >= e.endIndex);
  if (eq) pushText(parts, ctx.source.slice(node.startIndex + 1, eq.endIndex));
  parts.push(lowerExpr(ctx, e));
}

function lowerSubscript(ctx: LowerContext, node: Node): Expr {
  const value = field(node, 'value');
  const subs = fields(node, 'subscript');
  if (!value || subs.length === 0) return ctx.unsupported(node, 'incomplete subscript');
  const obj = lowerExpr(ctx, value);
  // `a[1,]` is a 1-tuple index: a comma after the last subscript makes it a tuple.
  const lastSub = subs[subs.length - 1];
  const trailingComma = allKids(node).some((c) => c.type === ',' && c.startIndex >= lastSub.endIndex);
  let index: Expr;
  if (subs.length === 1 && !trailingComma) {
    index = lowerExpr(ctx, subs[0]);
  } else {
    const items = subs.map((s) => lowerExpr(ctx, s));
    index = ctx.make({ k: 'tuple', items, loc: ctx.span(subs[0], lastSub) });
  }
  return ctx.make({ k: 'index', obj, index, loc: ctx.loc(node) });
}

/** `lo:hi:step` with any part omitted: which expression is which depends on the colons. */
function lowerSlice(ctx: LowerContext, node: Node): Expr {
  const slots: (Expr | undefined)[] = [undefined, undefined, undefined];
  let slot = 0;
  for (const c of allKids(node)) {
    if (c.type === ':') slot++;
    else if (c.isNamed && slot < 3) slots[slot] = lowerExpr(ctx, c);
  }
  const [lower, upper, step] = slots;
  const body: { k: 'slice'; lower?: Expr; upper?: Expr; step?: Expr } = { k: 'slice' };
  if (lower) body.lower = lower;
  if (upper) body.upper = upper;
  if (step) body.step = step;
  return ctx.make({ ...body, loc: ctx.loc(node) });
}

function lowerCall(ctx: LowerContext, node: Node): Expr {
  const fn = field(node, 'function');
  const argsNode = field(node, 'arguments');
  if (!fn || !argsNode) return ctx.unsupported(node, 'incomplete call');
  const f = lowerExpr(ctx, fn);
  const args: Arg[] = [];
  if (argsNode.type === 'generator_expression') {
    args.push({ value: lowerComprehension(ctx, argsNode) });
  } else {
    for (const a of kids(argsNode)) {
      if (a.type === 'keyword_argument') {
        const name = field(a, 'name');
        const value = field(a, 'value');
        if (!name || !value) args.push({ value: ctx.unsupported(a, 'incomplete keyword argument') });
        else args.push({ name: name.text, value: lowerExpr(ctx, value) });
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') {
        const inner = kids(a)[0];
        const value = inner ? lowerExpr(ctx, inner) : ctx.unsupported(a, 'incomplete unpacking');
        args.push({ star: a.type === 'list_splat' ? '*' : '**', value });
      } else {
        args.push({ value: lowerExpr(ctx, a) });
      }
    }
  }
  return ctx.make({ k: 'call', fn: f, args, loc: ctx.loc(node) });
}

/** `a and b and c` is one boolop with three values, as in Python's ast (parentheses nest). */
function lowerBoolOp(ctx: LowerContext, node: Node): Expr {
  const op = field(node, 'operator')?.type === 'or' ? 'or' : 'and';
  const operands: Node[] = [];
  const collect = (n: Node): void => {
    if (n.type === 'boolean_operator' && field(n, 'operator')?.type === op) {
      const l = field(n, 'left');
      const r = field(n, 'right');
      if (l) collect(l);
      if (r) operands.push(r);
    } else operands.push(n);
  };
  collect(node);
  return ctx.make({ k: 'boolop', op, values: operands.map((o) => lowerExpr(ctx, o)), loc: ctx.loc(node) });
}

function lowerComparison(ctx: LowerContext, node: Node): Expr {
  const ops: CmpOp[] = [];
  const operands: Expr[] = [];
  for (const c of allKids(node)) {
    if (c.isNamed) operands.push(lowerExpr(ctx, c));
    else {
      const t = c.type.replace(/\s+/g, ' ');
      ops.push((t === '<>' ? '!=' : t) as CmpOp);
    }
  }
  if (ops.some((o) => !CMP_OPS.has(o)) || operands.length !== ops.length + 1) {
    return ctx.unsupported(node, 'malformed comparison');
  }
  return ctx.make({ k: 'cmp', ops, operands, loc: ctx.loc(node) });
}

function lowerDict(ctx: LowerContext, node: Node): Expr {
  const entries: { key: Expr | null; value: Expr }[] = [];
  for (const c of kids(node)) {
    if (c.type === 'pair') {
      const k = field(c, 'key');
      const v = field(c, 'value');
      if (!k || !v) entries.push({ key: null, value: ctx.unsupported(c, 'incomplete dict entry') });
      else entries.push({ key: lowerExpr(ctx, k), value: lowerExpr(ctx, v) });
    } else if (c.type === 'dictionary_splat') {
      const inner = kids(c)[0];
      entries.push({ key: null, value: inner ? lowerExpr(ctx, inner) : ctx.unsupported(c, 'incomplete **') });
    } else {
      entries.push({ key: null, value: ctx.unsupported(c, 'malformed dict entry') });
    }
  }
  return ctx.make({ k: 'dict', entries, loc: ctx.loc(node) });
}

const COMP_KIND: Record<string, 'list' | 'set' | 'dict' | 'gen'> = {
  list_comprehension: 'list',
  set_comprehension: 'set',
  dictionary_comprehension: 'dict',
  generator_expression: 'gen',
};

function lowerComprehension(ctx: LowerContext, node: Node): Expr {
  const kind = COMP_KIND[node.type];
  const body = field(node, 'body');
  if (!body) return ctx.unsupported(node, 'comprehension without a body');
  // Python evaluates the generators' clauses in order; the element last. Ids follow source
  // order of the parts as they are lowered here (element first, as it is written first).
  let elt: Expr;
  let value: Expr | undefined;
  if (kind === 'dict') {
    const k = field(body, 'key');
    const v = field(body, 'value');
    if (!k || !v) return ctx.unsupported(node, 'incomplete dict comprehension');
    elt = lowerExpr(ctx, k);
    value = lowerExpr(ctx, v);
  } else {
    elt = lowerExpr(ctx, body);
  }
  const gens: Comprehension[] = [];
  for (const c of kids(node)) {
    if (c.type === 'for_in_clause') {
      const left = field(c, 'left');
      const rights = fields(c, 'right').filter((r) => r.isNamed);
      if (!left || rights.length === 0) return ctx.unsupported(node, 'incomplete for clause');
      const target = lowerExpr(ctx, left);
      const iter =
        rights.length === 1
          ? lowerExpr(ctx, rights[0])
          : ctx.make({ k: 'tuple', items: rights.map((r) => lowerExpr(ctx, r)), loc: ctx.span(rights[0], rights[rights.length - 1]) });
      gens.push({ target, iter, ifs: [] });
    } else if (c.type === 'if_clause') {
      const test = kids(c)[0];
      if (!test || gens.length === 0) return ctx.unsupported(node, 'misplaced if clause');
      gens[gens.length - 1].ifs.push(lowerExpr(ctx, test));
    }
  }
  if (gens.length === 0) return ctx.unsupported(node, 'comprehension without a for clause');
  const out: { k: 'comp'; kind: typeof kind; elt: Expr; gens: Comprehension[]; value?: Expr } = { k: 'comp', kind, elt, gens };
  if (value) out.value = value;
  return ctx.make({ ...out, loc: ctx.loc(node) });
}
