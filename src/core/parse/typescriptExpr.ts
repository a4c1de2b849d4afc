// TypeScript expressions → IR. JavaScript's operators map onto the IR's Python-shaped nodes
// (=== → ==, && → and, ?? → or, this → self); type-only syntax (`as`, `!`, `satisfies`,
// generics) is transparent. Anything not modelled becomes an `unsupported` node, never a throw.

import type { Node } from 'web-tree-sitter';
import type { Arg, BinOp, CmpOp, Expr, Param, Stmt } from '../ir';
import { LowerContext, allKids, field, kids } from './pythonContext';

/** Lowers a statement block; provided by typescript.ts (statements call back into expressions). */
export type BlockLowerer = (ctx: LowerContext, node: Node) => Stmt[];

const BIN: Record<string, BinOp> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '**': '**',
  '&': '&', '|': '|', '^': '^', '<<': '<<', '>>': '>>', '>>>': '>>>',
};
const CMP: Record<string, CmpOp> = {
  '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '===': '==', '!=': '!=', '!==': '!=',
  in: 'in', instanceof: 'is',
};
const TRANSPARENT = new Set([
  'parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression',
  'type_assertion', 'await_expression',
]);

function operatorOf(node: Node): string {
  const op = field(node, 'operator');
  if (op) return op.text;
  // some grammar versions do not name the operator: take the first anonymous child
  return allKids(node).find((c) => !c.isNamed)?.text ?? '';
}

export function parseNumber(text: string): { value: number; isInt: boolean } {
  const clean = text.replace(/_/g, '').replace(/n$/, '');
  const isInt = /^(0[xob][0-9a-f]+|\d+)$/i.test(clean);
  return { value: Number(clean), isInt };
}

function stringValue(node: Node): string {
  // string → string_fragment / escape_sequence children between the quotes
  let out = '';
  for (const c of kids(node)) {
    if (c.type === 'escape_sequence') out += unescape(c.text);
    else out += c.text;
  }
  return out;
}

function unescape(seq: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };
  const ch = seq.slice(1);
  if (ch in map) return map[ch];
  if (ch.startsWith('u{')) return String.fromCodePoint(parseInt(ch.slice(2, -1), 16));
  if (ch.startsWith('u') || ch.startsWith('x')) return String.fromCharCode(parseInt(ch.slice(1), 16));
  return ch;
}

export function lowerParams(ctx: LowerContext, node: Node | null, lowerBlock: BlockLowerer): Param[] {
  if (!node) return [];
  if (node.type === 'identifier') return [{ name: node.text, kind: 'normal', loc: ctx.loc(node) }];
  const out: Param[] = [];
  for (const p of kids(node)) {
    if (p.type !== 'required_parameter' && p.type !== 'optional_parameter') continue;
    const pat = field(p, 'pattern');
    const def = field(p, 'value');
    const rest = pat?.type === 'rest_pattern';
    const nameNode = rest ? kids(pat!)[0] : pat;
    out.push({
      // a destructured parameter gets a name its body's prologue unpacks (see paramPrologue)
      name: nameNode?.type === 'identifier' ? nameNode.text : isPattern(nameNode) ? `__arg${out.length}` : (nameNode?.text ?? '_'),
      kind: rest ? 'star' : 'normal',
      default: def ? lowerExpr(ctx, def, lowerBlock) : undefined,
      loc: ctx.loc(p),
    });
  }
  return out;
}

const isPattern = (n: Node | null | undefined): boolean => n?.type === 'array_pattern' || n?.type === 'object_pattern';

/** Assignments unpacking destructured parameters (`([k, v]) => …`, `({ a, b: c }) => …`), run first in the body. */
export function paramPrologue(ctx: LowerContext, node: Node | null): Stmt[] {
  if (!node || node.type === 'identifier') return [];
  const out: Stmt[] = [];
  let i = 0;
  for (const p of kids(node)) {
    if (p.type !== 'required_parameter' && p.type !== 'optional_parameter') continue;
    const pat = field(p, 'pattern');
    const index = i++;
    if (!pat || !isPattern(pat)) continue;
    const loc = ctx.loc(pat);
    const source = (): Expr => ctx.make({ k: 'name', name: `__arg${index}`, loc });
    out.push(...unpackPattern(ctx, pat, source, loc));
  }
  return out;
}

function unpackPattern(ctx: LowerContext, pat: Node, source: () => Expr, loc: Expr['loc']): Stmt[] {
  const target = (n: Node): Expr | undefined => {
    if (n.type === 'identifier' || n.type === 'shorthand_property_identifier_pattern') return ctx.make({ k: 'name', name: n.text, loc: ctx.loc(n) });
    if (n.type === 'assignment_pattern') return target(field(n, 'left') ?? kids(n)[0]);
    if (n.type === 'rest_pattern') {
      const inner = kids(n)[0] && target(kids(n)[0]);
      return inner && ctx.make({ k: 'starred', value: inner, loc: ctx.loc(n) });
    }
    if (n.type === 'array_pattern') {
      const items = kids(n).map(target);
      return items.every(Boolean) ? ctx.make({ k: 'list', items: items as Expr[], loc: ctx.loc(n) }) : undefined;
    }
    return undefined;
  };
  if (pat.type === 'array_pattern') {
    const t = target(pat);
    return t ? [{ k: 'assign', targets: [t], value: source(), decl: 'const', loc }] : [];
  }
  const out: Stmt[] = [];
  for (const p of kids(pat)) {
    const key = p.type === 'pair_pattern' ? field(p, 'key') : p.type === 'assignment_pattern' ? field(p, 'left') : p;
    const value = p.type === 'pair_pattern' ? field(p, 'value') : p;
    const t = value && target(value);
    if (!key || !t) continue;
    out.push({ k: 'assign', targets: [t], value: ctx.make({ k: 'attr', obj: source(), name: key.text, loc: ctx.loc(key) }), decl: 'const', loc });
  }
  return out;
}

function lowerArgs(ctx: LowerContext, node: Node | null, lowerBlock: BlockLowerer): Arg[] {
  if (!node) return [];
  return kids(node).map((a): Arg =>
    a.type === 'spread_element'
      ? { star: '*', value: lowerExpr(ctx, kids(a)[0] ?? a, lowerBlock) }
      : { value: lowerExpr(ctx, a, lowerBlock) },
  );
}

export function lowerExpr(ctx: LowerContext, node: Node, lowerBlock: BlockLowerer): Expr {
  const loc = ctx.loc(node);
  const sub = (n: Node) => lowerExpr(ctx, n, lowerBlock);
  if (TRANSPARENT.has(node.type)) {
    const inner = kids(node)[0];
    return inner ? sub(inner) : ctx.unsupported(node, 'empty expression');
  }
  switch (node.type) {
    case 'number':
      return ctx.make({ k: 'num', ...parseNumber(node.text), loc });
    case 'string':
      return ctx.make({ k: 'str', value: stringValue(node), loc });
    case 'template_string': {
      const parts: (string | Expr)[] = [];
      for (const c of kids(node)) {
        if (c.type === 'template_substitution') {
          const e = kids(c)[0];
          if (e) parts.push(sub(e));
        } else parts.push(c.type === 'escape_sequence' ? unescape(c.text) : c.text);
      }
      return ctx.make({ k: 'fstr', parts, loc });
    }
    case 'true':
    case 'false':
      return ctx.make({ k: 'bool', value: node.type === 'true', loc });
    case 'null':
    case 'undefined':
      return ctx.make({ k: 'none', loc });
    case 'identifier':
    case 'shorthand_property_identifier':
      return node.text === 'undefined' ? ctx.make({ k: 'none', loc }) : ctx.make({ k: 'name', name: node.text, loc });
    case 'this':
      return ctx.make({ k: 'name', name: 'self', loc });
    case 'member_expression': {
      const obj = field(node, 'object');
      const prop = field(node, 'property');
      if (!obj || !prop) return ctx.unsupported(node, 'incomplete member access');
      return ctx.make({ k: 'attr', obj: sub(obj), name: prop.text, loc });
    }
    case 'subscript_expression': {
      const obj = field(node, 'object');
      const idx = field(node, 'index');
      if (!obj || !idx) return ctx.unsupported(node, 'incomplete subscript');
      return ctx.make({ k: 'index', obj: sub(obj), index: sub(idx), loc });
    }
    case 'call_expression': {
      const fn = field(node, 'function');
      if (!fn) return ctx.unsupported(node, 'incomplete call');
      if (fn.type === 'import') return ctx.unsupported(node, 'dynamic import');
      const callee = sub(fn);
      const args = lowerArgs(ctx, field(node, 'arguments'), lowerBlock);
      return ctx.make({ k: 'call', fn: callee, args, loc });
    }
    case 'new_expression': {
      const cls = field(node, 'constructor');
      if (!cls) return ctx.unsupported(node, 'incomplete new');
      return ctx.make({ k: 'new', cls: sub(cls), args: lowerArgs(ctx, field(node, 'arguments'), lowerBlock), loc });
    }
    case 'binary_expression': {
      const op = operatorOf(node);
      const l = field(node, 'left');
      const r = field(node, 'right');
      if (!l || !r) return ctx.unsupported(node, 'incomplete operation');
      if (op === '&&' || op === '||' || op === '??') {
        return ctx.make({ k: 'boolop', op: op === '&&' ? 'and' : op === '??' ? '??' : 'or', values: [sub(l), sub(r)], loc });
      }
      if (op in CMP) return ctx.make({ k: 'cmp', ops: [CMP[op]], operands: [sub(l), sub(r)], loc });
      if (op in BIN) return ctx.make({ k: 'bin', op: BIN[op], left: sub(l), right: sub(r), loc });
      return ctx.unsupported(node, `operator ${op}`);
    }
    case 'unary_expression': {
      const op = operatorOf(node);
      const arg = field(node, 'argument');
      if (!arg) return ctx.unsupported(node, 'incomplete operation');
      const map: Record<string, '-' | '+' | 'not' | '~' | 'typeof'> = { '-': '-', '+': '+', '!': 'not', '~': '~', typeof: 'typeof' };
      if (op in map) return ctx.make({ k: 'unary', op: map[op], operand: sub(arg), loc });
      return ctx.unsupported(node, `operator ${op}`);
    }
    case 'ternary_expression': {
      const c = field(node, 'condition');
      const a = field(node, 'consequence');
      const b = field(node, 'alternative');
      if (!c || !a || !b) return ctx.unsupported(node, 'incomplete conditional');
      return ctx.make({ k: 'cond', test: sub(c), body: sub(a), orelse: sub(b), loc });
    }
    case 'array':
      return ctx.make({
        k: 'list',
        items: kids(node).map((c) =>
          c.type === 'spread_element' ? ctx.make({ k: 'starred', value: sub(kids(c)[0] ?? c), loc: ctx.loc(c) }) : sub(c),
        ),
        loc,
      });
    case 'object':
      return lowerObject(ctx, node, lowerBlock);
    case 'arrow_function':
    case 'function_expression':
    case 'function': {
      const paramsNode = field(node, 'parameters') ?? field(node, 'parameter');
      const params = lowerParams(ctx, paramsNode, lowerBlock);
      const body = field(node, 'body');
      if (!body) return ctx.unsupported(node, 'function without body');
      const nameNode = field(node, 'name');
      let lowered: Expr | Stmt[] = body.type === 'statement_block' ? lowerBlock(ctx, body) : sub(body);
      const prologue = paramPrologue(ctx, paramsNode);
      if (prologue.length) lowered = [...prologue, ...(Array.isArray(lowered) ? lowered : [{ k: 'return' as const, value: lowered, loc: lowered.loc }])];
      return ctx.make({ k: 'func', params, body: lowered, name: nameNode?.text, loc });
    }
    case 'spread_element':
      return ctx.make({ k: 'starred', value: sub(kids(node)[0] ?? node), loc });
    case 'assignment_expression':
      // an assignment used as a value (`a = b = 0` inner part): keep the value, the statement
      // lowerer handles the binding
      return ctx.make({ k: 'namedexpr', target: sub(field(node, 'left')!), value: sub(field(node, 'right')!), loc });
    case 'sequence_expression': {
      const items = kids(node).map(sub);
      return items[items.length - 1] ?? ctx.unsupported(node, 'empty sequence');
    }
    default:
      return ctx.unsupported(node, `TypeScript ${node.type.replace(/_/g, ' ')} is not modelled`);
  }
}

function lowerObject(ctx: LowerContext, node: Node, lowerBlock: BlockLowerer): Expr {
  const entries: { key: Expr | null; value: Expr }[] = [];
  for (const c of kids(node)) {
    if (c.type === 'pair') {
      const k = field(c, 'key');
      const v = field(c, 'value');
      if (!k || !v) continue;
      const keyText = k.type === 'string' ? stringValue(k) : k.text;
      const key =
        k.type === 'computed_property_name'
          ? lowerExpr(ctx, kids(k)[0] ?? k, lowerBlock)
          : ctx.make({ k: 'str', value: keyText, loc: ctx.loc(k) });
      entries.push({ key, value: lowerExpr(ctx, v, lowerBlock) });
    } else if (c.type === 'shorthand_property_identifier') {
      entries.push({
        key: ctx.make({ k: 'str', value: c.text, loc: ctx.loc(c) }),
        value: ctx.make({ k: 'name', name: c.text, loc: ctx.loc(c) }),
      });
    } else if (c.type === 'spread_element') {
      entries.push({ key: null, value: lowerExpr(ctx, kids(c)[0] ?? c, lowerBlock) });
    } else if (c.type === 'method_definition') {
      const name = field(c, 'name');
      const body = field(c, 'body');
      if (!name || !body) continue;
      entries.push({
        key: ctx.make({ k: 'str', value: name.text, loc: ctx.loc(name) }),
        value: ctx.make({
          k: 'func',
          params: lowerParams(ctx, field(c, 'parameters'), lowerBlock),
          body: lowerBlock(ctx, body),
          name: name.text,
          loc: ctx.loc(c),
        }),
      });
    }
  }
  return ctx.make({ k: 'dict', entries, loc: ctx.loc(node) });
}
