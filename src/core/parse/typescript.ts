// The TypeScript front end: tree-sitter-typescript → the same IR as Python, so one interpreter
// serves both. Declarations become assignments, classes get `__init__` from their constructor
// (field initialisers first, as JavaScript runs them), `this` is `self`. Never throws.

import type { Node, Tree } from 'web-tree-sitter';
import type { BinOp, Expr, Program, Stmt } from '../ir';
import { parserFor } from './treeSitter';
import { LowerContext, field, kids } from './pythonContext';
import { lowerExpr, lowerParams, paramPrologue } from './typescriptExpr';

const AUG: Record<string, BinOp> = {
  '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%', '**=': '**',
  '&=': '&', '|=': '|', '^=': '^', '<<=': '<<', '>>=': '>>', '>>>=': '>>>',
};

export function parseTypeScript(source: string, oldTree?: Tree): { program: Program; tree: Tree } {
  const tree = parserFor('typescript').parse(source, oldTree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree (parser has no language)');
  const ctx = new LowerContext(source);
  const body = lowerBlock(ctx, tree.rootNode);
  collectErrors(ctx, tree.rootNode);
  ctx.syntaxErrors.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  return { program: { language: 'typescript', body, exprCount: ctx.exprCount, syntaxErrors: ctx.syntaxErrors }, tree };
}

function collectErrors(ctx: LowerContext, node: Node): void {
  if (!node.hasError && !node.isMissing) return;
  if (node.type === 'ERROR' || node.isMissing) {
    const what = node.isMissing ? `missing ${node.type}` : `unexpected ${JSON.stringify(node.text.slice(0, 30))}`;
    ctx.error(ctx.loc(node), {
      en: `Syntax error: ${what}`,
      fr: `Erreur de syntaxe : ${node.isMissing ? `${node.type} manquant` : `${JSON.stringify(node.text.slice(0, 30))} inattendu`}`,
    });
    return;
  }
  for (const c of node.children) if (c) collectErrors(ctx, c);
}

export function lowerBlock(ctx: LowerContext, node: Node): Stmt[] {
  const out: Stmt[] = [];
  for (const c of kids(node)) out.push(...lowerStmt(ctx, c));
  return out;
}

function body(ctx: LowerContext, node: Node | null): Stmt[] {
  if (!node) return [];
  return node.type === 'statement_block' ? lowerBlock(ctx, node) : lowerStmt(ctx, node);
}

const expr = (ctx: LowerContext, n: Node): Expr => lowerExpr(ctx, n, lowerBlock);

function lowerStmt(ctx: LowerContext, node: Node): Stmt[] {
  const loc = ctx.loc(node);
  if (node.type === 'ERROR') return [{ k: 'error', text: node.text, loc }];
  const mark = ctx.mark();
  try {
    return lowerStmtInner(ctx, node);
  } catch {
    // a shape of broken tree we did not foresee: the statement is an error, the file goes on
    ctx.rollback(mark);
    return [{ k: 'error', text: node.text, loc }];
  }
}

function lowerStmtInner(ctx: LowerContext, node: Node): Stmt[] {
  const loc = ctx.loc(node);
  switch (node.type) {
    case 'import_statement':
      return lowerImport(ctx, node);
    case 'export_statement': {
      const decl = field(node, 'declaration');
      return decl ? lowerStmt(ctx, decl) : [];
    }
    case 'lexical_declaration':
    case 'variable_declaration': {
      const kind = (node.child(0)?.text ?? 'let') as 'const' | 'let' | 'var';
      return kids(node)
        .filter((d) => d.type === 'variable_declarator')
        .flatMap((d) => lowerDeclarator(ctx, d, kind));
    }
    case 'expression_statement': {
      const e = kids(node)[0];
      return e ? lowerExprStatement(ctx, e, loc) : [];
    }
    case 'statement_block':
      return lowerBlock(ctx, node);
    case 'empty_statement':
      return [];
    case 'if_statement': {
      const alt = field(node, 'alternative');
      const elseBody = alt ? body(ctx, kids(alt)[0] ?? null) : [];
      return [{ k: 'if', test: expr(ctx, field(node, 'condition')!), body: body(ctx, field(node, 'consequence')), orelse: elseBody, loc }];
    }
    case 'for_statement': {
      const init = field(node, 'initializer');
      const cond = field(node, 'condition');
      const incr = field(node, 'increment');
      const condExpr = cond && cond.type === 'expression_statement' ? kids(cond)[0] : cond;
      return [{
        k: 'cfor',
        init: init ? lowerStmt(ctx, init) : [],
        test: condExpr && condExpr.type !== 'empty_statement' ? expr(ctx, condExpr) : undefined,
        update: incr ? lowerExprStatement(ctx, incr, ctx.loc(incr)) : [],
        body: body(ctx, field(node, 'body')),
        loc,
      }];
    }
    case 'for_in_statement': {
      const left = field(node, 'left')!;
      const right = field(node, 'right')!;
      const isOf = node.children.some((c) => c?.text === 'of' && !c.isNamed);
      let iter = expr(ctx, right);
      if (!isOf) {
        // for (k in obj): iterate the keys, as Object.keys(obj)
        const rl = ctx.loc(right);
        const objectName = ctx.make({ k: 'name', name: 'Object', loc: rl });
        const keys = ctx.make({ k: 'attr', obj: objectName, name: 'keys', loc: rl });
        iter = ctx.make({ k: 'call', fn: keys, args: [{ value: iter }], loc: rl });
      }
      return [{ k: 'for', target: lowerPattern(ctx, left), iter, body: body(ctx, field(node, 'body')), orelse: [], loc }];
    }
    case 'while_statement':
      return [{ k: 'while', test: expr(ctx, field(node, 'condition')!), body: body(ctx, field(node, 'body')), orelse: [], loc }];
    case 'do_statement': {
      // do { B } while (c)  ≡  B; while (c) { B }
      const b = field(node, 'body');
      return [...body(ctx, b), { k: 'while', test: expr(ctx, field(node, 'condition')!), body: body(ctx, b), orelse: [], loc }];
    }
    case 'return_statement': {
      const v = kids(node)[0];
      return [{ k: 'return', value: v ? expr(ctx, v) : undefined, loc }];
    }
    case 'break_statement':
      return [{ k: 'break', loc }];
    case 'continue_statement':
      return [{ k: 'continue', loc }];
    case 'throw_statement': {
      const v = kids(node)[0];
      return [{ k: 'raise', value: v ? expr(ctx, v) : undefined, loc }];
    }
    case 'try_statement': {
      const handler = field(node, 'handler');
      const fin = field(node, 'finalizer');
      const param = handler ? field(handler, 'parameter') : null;
      return [{
        k: 'try',
        body: body(ctx, field(node, 'body')),
        handlers: handler ? [{ name: param?.text, body: body(ctx, field(handler, 'body')) }] : [],
        orelse: [],
        finalbody: fin ? body(ctx, field(fin, 'body')) : [],
        loc,
      }];
    }
    case 'function_declaration':
    case 'generator_function_declaration': {
      const name = field(node, 'name')!;
      return [{
        k: 'def', name: name.text, nameLoc: ctx.loc(name),
        params: lowerParams(ctx, field(node, 'parameters'), lowerBlock),
        body: [...paramPrologue(ctx, field(node, 'parameters')), ...body(ctx, field(node, 'body'))], decorators: [], loc,
      }];
    }
    case 'class_declaration':
    case 'abstract_class_declaration':
      return [lowerClass(ctx, node)];
    case 'type_alias_declaration':
    case 'interface_declaration':
    case 'enum_declaration':
    case 'ambient_declaration':
    case 'comment':
      return [];
    default:
      return [{ k: 'expr', expr: ctx.unsupported(node, `TypeScript ${node.type.replace(/_/g, ' ')} is not modelled`), loc }];
  }
}

function lowerExprStatement(ctx: LowerContext, e: Node, loc: Stmt['loc']): Stmt[] {
  if (e.type === 'assignment_expression') {
    // a = b = v: collect the chain of targets
    const targets: Expr[] = [];
    let cur: Node = e;
    while (cur.type === 'assignment_expression') {
      targets.push(lowerPattern(ctx, field(cur, 'left')!));
      cur = field(cur, 'right')!;
    }
    return [{ k: 'assign', targets, value: expr(ctx, cur), loc }];
  }
  if (e.type === 'augmented_assignment_expression') {
    const op = field(e, 'operator')?.text ?? e.children.find((c) => c && !c.isNamed)?.text ?? '';
    const target = expr(ctx, field(e, 'left')!);
    const value = expr(ctx, field(e, 'right')!);
    if (op in AUG) return [{ k: 'augassign', target, op: AUG[op], value, loc }];
    // ||= &&= ??= : a = a || v
    const again = expr(ctx, field(e, 'left')!);
    return [{ k: 'assign', targets: [target], value: ctx.make({ k: 'boolop', op: op === '&&=' ? 'and' : op === '??=' ? '??' : 'or', values: [again, value], loc }), loc }];
  }
  if (e.type === 'update_expression') {
    const arg = field(e, 'argument')!;
    const op = e.text.includes('++') ? '+' : '-';
    return [{ k: 'augassign', target: expr(ctx, arg), op, value: ctx.make({ k: 'num', value: 1, isInt: true, loc: ctx.loc(arg) }), loc }];
  }
  if (e.type === 'sequence_expression') return kids(e).flatMap((c) => lowerExprStatement(ctx, c, ctx.loc(c)));
  return [{ k: 'expr', expr: expr(ctx, e), loc }];
}

function lowerDeclarator(ctx: LowerContext, d: Node, decl: 'const' | 'let' | 'var'): Stmt[] {
  const loc = ctx.loc(d);
  const nameNode = field(d, 'name')!;
  const valueNode = field(d, 'value');
  const annotation = field(d, 'type');
  if (!valueNode) return [{ k: 'declare', target: lowerPattern(ctx, nameNode), loc }];
  if (nameNode.type === 'object_pattern') {
    // const { a, b: c } = obj  →  a = obj.a; c = obj.b (obj evaluated once per property; it is a name or pure)
    const out: Stmt[] = [];
    for (const p of kids(nameNode)) {
      const key = p.type === 'pair_pattern' ? field(p, 'key') : p;
      const target = p.type === 'pair_pattern' ? field(p, 'value') : p;
      if (!key || !target) continue;
      const obj = expr(ctx, valueNode);
      out.push({
        k: 'assign',
        targets: [ctx.make({ k: 'name', name: target.text, loc: ctx.loc(target) })],
        value: ctx.make({ k: 'attr', obj, name: key.text, loc: ctx.loc(key) }),
        decl,
        loc,
      });
    }
    return out;
  }
  return [{
    k: 'assign', targets: [lowerPattern(ctx, nameNode)], value: expr(ctx, valueNode), decl,
    annotation: annotation ? ctx.make({ k: 'str', value: annotation.text.replace(/^:\s*/, ''), loc: ctx.loc(annotation) }) : undefined,
    loc,
  }];
}

function lowerPattern(ctx: LowerContext, n: Node): Expr {
  if (n.type === 'array_pattern') {
    return ctx.make({ k: 'list', items: kids(n).map((c) => (c.type === 'rest_pattern'
      ? ctx.make({ k: 'starred', value: lowerPattern(ctx, kids(c)[0] ?? c), loc: ctx.loc(c) })
      : lowerPattern(ctx, c))), loc: ctx.loc(n) });
  }
  return expr(ctx, n);
}

function lowerImport(ctx: LowerContext, node: Node): Stmt[] {
  const loc = ctx.loc(node);
  const src = field(node, 'source');
  const module = src ? src.text.slice(1, -1) : '';
  const clause = kids(node).find((c) => c.type === 'import_clause');
  if (!clause) return [];
  const names: { name: string; asname?: string }[] = [];
  for (const c of kids(clause)) {
    if (c.type === 'namespace_import') names.push({ name: '*', asname: kids(c)[0]?.text });
    else if (c.type === 'identifier') names.push({ name: 'default', asname: c.text });
    else if (c.type === 'named_imports') {
      for (const s of kids(c)) {
        if (s.type !== 'import_specifier') continue;
        const n = field(s, 'name')?.text;
        const a = field(s, 'alias')?.text;
        if (n) names.push(a ? { name: n, asname: a } : { name: n });
      }
    }
  }
  return [{ k: 'importfrom', module, names, loc }];
}

/** `constructor(public k: number)`: TypeScript assigns `this.k = k` before the constructor body. */
function parameterProperties(ctx: LowerContext, params: Node | null): Stmt[] {
  if (!params) return [];
  const out: Stmt[] = [];
  for (const p of kids(params)) {
    const isProperty = kids(p).some((c) => c.type === 'accessibility_modifier' || c.type === 'override_modifier') || p.children.some((c) => c?.text === 'readonly');
    const pat = field(p, 'pattern');
    if (!isProperty || !pat || pat.type !== 'identifier') continue;
    const loc = ctx.loc(pat);
    const target = ctx.make({ k: 'attr', obj: ctx.make({ k: 'name', name: 'self', loc }), name: pat.text, loc });
    out.push({ k: 'assign', targets: [target], value: ctx.make({ k: 'name', name: pat.text, loc }), loc });
  }
  return out;
}

function lowerClass(ctx: LowerContext, node: Node): Stmt {
  const loc = ctx.loc(node);
  const name = field(node, 'name')!;
  const heritage = kids(node).find((c) => c.type === 'class_heritage');
  const ext = heritage ? kids(heritage).find((c) => c.type === 'extends_clause') : undefined;
  const bases = ext ? kids(ext).filter((c) => c.type !== 'type_arguments').map((c) => expr(ctx, c)) : [];
  const fieldInits: Stmt[] = [];
  const members: Stmt[] = [];
  let ctor: Extract<Stmt, { k: 'def' }> | undefined;
  for (const m of kids(field(node, 'body')!)) {
    if (m.type === 'public_field_definition') {
      const fname = field(m, 'name');
      const value = field(m, 'value');
      if (!fname || !value) continue;
      const isStatic = m.children.some((c) => c?.text === 'static');
      const target = isStatic
        ? ctx.make({ k: 'name', name: fname.text, loc: ctx.loc(fname) })
        : ctx.make({ k: 'attr', obj: ctx.make({ k: 'name', name: 'self', loc: ctx.loc(fname) }), name: fname.text, loc: ctx.loc(fname) });
      (isStatic ? members : fieldInits).push({ k: 'assign', targets: [target], value: expr(ctx, value), loc: ctx.loc(m) });
    } else if (m.type === 'method_definition') {
      const mname = field(m, 'name')!;
      const isCtor = mname.text === 'constructor';
      const params = lowerParams(ctx, field(m, 'parameters'), lowerBlock);
      const def: Extract<Stmt, { k: 'def' }> = {
        k: 'def', name: isCtor ? '__init__' : mname.text, nameLoc: ctx.loc(mname),
        params: [{ name: 'self', kind: 'normal', loc: ctx.loc(mname) }, ...params],
        body: [...paramPrologue(ctx, field(m, 'parameters')), ...body(ctx, field(m, 'body'))], decorators: [], loc: ctx.loc(m),
      };
      if (isCtor) {
        def.body = [...parameterProperties(ctx, field(m, 'parameters')), ...def.body];
        ctor = def;
      } else members.push(def);
    }
  }
  if (fieldInits.length) {
    if (ctor) ctor.body = [...fieldInits, ...ctor.body];
    else ctor = { k: 'def', name: '__init__', nameLoc: ctx.loc(name), params: [{ name: 'self', kind: 'normal', loc: ctx.loc(name) }], body: fieldInits, decorators: [], loc };
  }
  return { k: 'class', name: name.text, nameLoc: ctx.loc(name), bases, body: ctor ? [ctor, ...members] : members, loc };
}
