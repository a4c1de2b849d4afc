// Lowering of tree-sitter-python statements to IR `Stmt`s. A statement whose syntax is broken
// becomes `{k:'error'}`, except where keeping it is clearly more useful: an assignment whose
// target is intact keeps its target with an `unsupported` value, and a compound statement
// with a broken header keeps its body with an `unsupported` condition / iterable.

import type { SNode as Node } from './pythonSyntax';
import type { BinOp, Expr, Loc, Stmt } from '../ir';
import { LowerContext, allKids, broken, field, fields, kids } from './pythonContext';
import { lowerExpr } from './pythonExpr';
import { lowerParams } from './pythonParams';
import { isStatement, wrapsStatements } from './pythonRecover';

const SYNTAX = 'syntax error';

/** Statements of a `module` or `block` node, in order. */
export function lowerBlock(ctx: LowerContext, node: Node | null): Stmt[] {
  if (!node) return [];
  const out: Stmt[] = [];
  let loose: Node[] = [];
  const flushLoose = (): void => {
    if (!loose.length) return;
    const first = loose[0];
    const last = loose[loose.length - 1];
    const text = ctx.source.slice(first.startIndex, last.endIndex);
    if (text.trim() !== '') out.push({ k: 'error', text, loc: ctx.span(first, last) });
    loose = [];
  };
  for (const c of node.isError ? allKids(node) : kids(node)) {
    // Tokens of an ERROR node that wraps whole statements: grouped into error statements.
    if (node.isError && !isStatement(c) && !(c.isError && wrapsStatements(c))) {
      loose.push(c);
      continue;
    }
    flushLoose();
    if (c.isError && wrapsStatements(c)) {
      out.push(...lowerBlock(ctx, c));
      continue;
    }
    if (c.type === 'ERROR' || c.isMissing) {
      if (c.text.trim() !== '') out.push({ k: 'error', text: c.text, loc: ctx.loc(c) });
      continue;
    }
    const masked = c.type === 'pass_statement' ? ctx.masked.get(c.startPosition.row + 1) : undefined;
    if (masked) {
      ctx.masked.delete(c.startPosition.row + 1);
      out.push({ k: 'error', ...masked });
      continue;
    }
    const mark = ctx.mark();
    const s = lowerStmt(ctx, c);
    if (s.k === 'error') ctx.rollback(mark);
    out.push(s);
  }
  flushLoose();
  return out;
}

function errorStmt(node: Node): Stmt {
  return { k: 'error', text: node.text, loc: node.type === 'block' ? blockLoc(node) : { ...locOfNode(node) } };
}

function locOfNode(n: Node): Loc {
  return { line: n.startPosition.row + 1, col: n.startPosition.column, endLine: n.endPosition.row + 1, endCol: n.endPosition.column };
}

function blockLoc(n: Node): Loc {
  return locOfNode(n);
}

/** True when something outside the listed body fields (the statement's header) is broken. */
function headerBroken(node: Node, bodyTypes: string[]): boolean {
  return allKids(node).some((c) => !bodyTypes.includes(c.type) && (c.isError || c.isMissing || c.hasError));
}

export function lowerStmt(ctx: LowerContext, node: Node): Stmt {
  const loc = ctx.loc(node);
  switch (node.type) {
    case 'expression_statement':
      return lowerExprStatement(ctx, node);
    case 'pass_statement':
      return { k: 'pass', loc };
    case 'break_statement':
      return { k: 'break', loc };
    case 'continue_statement':
      return { k: 'continue', loc };
    case 'return_statement': {
      if (node.hasError) return errorStmt(node);
      const v = kids(node)[0];
      return v ? { k: 'return', value: lowerExpr(ctx, v), loc } : { k: 'return', loc };
    }
    case 'if_statement':
      return lowerIf(ctx, node, node);
    case 'for_statement': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (broken(left)) return errorStmt(node);
      const target = lowerExpr(ctx, left!);
      const iter = right && !headerBroken(node, ['block', 'else_clause']) ? lowerExpr(ctx, right) : unsupportedSpan(ctx, node, right);
      return { k: 'for', target, iter, body: lowerBlock(ctx, field(node, 'body')), orelse: lowerElse(ctx, field(node, 'alternative')), loc };
    }
    case 'while_statement': {
      const cond = field(node, 'condition');
      const test = cond && !headerBroken(node, ['block', 'else_clause']) ? lowerExpr(ctx, cond) : unsupportedSpan(ctx, node, cond);
      return { k: 'while', test, body: lowerBlock(ctx, field(node, 'body')), orelse: lowerElse(ctx, field(node, 'alternative')), loc };
    }
    case 'function_definition':
      return lowerDef(ctx, node, []);
    case 'class_definition':
      return lowerClass(ctx, node);
    case 'decorated_definition': {
      const def = field(node, 'definition');
      if (!def) return errorStmt(node);
      const decorators = kids(node)
        .filter((c) => c.type === 'decorator')
        .map((d) => (kids(d)[0] ? lowerExpr(ctx, kids(d)[0]) : ctx.unsupported(d, SYNTAX)));
      // Class decorators (@dataclass, ...) have no IR slot: the class is traced undecorated.
      const s = def.type === 'class_definition' ? lowerClass(ctx, def) : lowerDef(ctx, def, decorators);
      return { ...s, loc };
    }
    case 'import_statement':
      return {
        k: 'import',
        names: fields(node, 'name').map((n) =>
          n.type === 'aliased_import'
            ? { module: dotted(field(n, 'name')), asname: field(n, 'alias')?.text }
            : { module: dotted(n) },
        ).map(dropUndefined),
        loc,
      };
    case 'import_from_statement':
    case 'future_import_statement': {
      const module = node.type === 'future_import_statement' ? '__future__' : (field(node, 'module_name')?.text ?? '').replace(/\s+/g, '');
      const names = kids(node).some((c) => c.type === 'wildcard_import')
        ? [{ name: '*' }]
        : fields(node, 'name').map((n) =>
            n.type === 'aliased_import' ? dropUndefined({ name: dotted(field(n, 'name')), asname: field(n, 'alias')?.text }) : { name: dotted(n) },
          );
      if (node.hasError || !module) return errorStmt(node);
      return { k: 'importfrom', module, names, loc };
    }
    case 'try_statement':
      return lowerTry(ctx, node);
    case 'with_statement':
      return lowerWith(ctx, node);
    case 'raise_statement': {
      if (node.hasError) return errorStmt(node);
      const cause = field(node, 'cause');
      const v = kids(node).find((c) => c !== cause && c.startIndex !== cause?.startIndex);
      // `raise X from Y`: Y only decorates the traceback, the raised exception is X.
      return v ? { k: 'raise', value: lowerExpr(ctx, v), loc } : { k: 'raise', loc };
    }
    case 'assert_statement': {
      if (node.hasError) return errorStmt(node);
      const [test, msg] = kids(node);
      if (!test) return errorStmt(node);
      const s: Stmt = { k: 'assert', test: lowerExpr(ctx, test), loc };
      if (msg) s.msg = lowerExpr(ctx, msg);
      return s;
    }
    case 'delete_statement': {
      if (node.hasError) return errorStmt(node);
      const t = kids(node)[0];
      if (!t) return errorStmt(node);
      const targets = t.type === 'expression_list' ? kids(t).map((c) => lowerExpr(ctx, c)) : [lowerExpr(ctx, t)];
      return { k: 'del', targets, loc };
    }
    case 'global_statement':
    case 'nonlocal_statement': {
      const names = kids(node).filter((c) => c.type === 'identifier').map((c) => c.text);
      return node.type === 'global_statement' ? { k: 'global', names, loc } : { k: 'global', names, nonlocal: true, loc };
    }
    case 'print_statement':
      ctx.error(loc, {
        en: "Missing parentheses in call to 'print'. Did you mean print(...)?",
        fr: "Parenthèses manquantes dans l'appel à 'print'. Vouliez-vous écrire print(...) ?",
      });
      return errorStmt(node);
    case 'exec_statement':
      ctx.error(loc, { en: 'exec is a function in Python 3: exec(...)', fr: 'exec est une fonction en Python 3 : exec(...)' });
      return errorStmt(node);
    case 'match_statement':
      return { k: 'expr', expr: ctx.unsupported(node, 'match statements are not traced'), loc };
    case 'type_alias_statement':
      return { k: 'expr', expr: ctx.unsupported(node, 'type aliases are not traced'), loc };
    default:
      return { k: 'expr', expr: ctx.unsupported(node, `unsupported statement: ${node.type}`), loc };
  }
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function dotted(n: Node | null): string {
  return n ? n.text.replace(/\s+/g, '') : '';
}

/**
 * An `unsupported` expression standing for a broken header part (condition, iterable): the
 * text between the keyword (or `in` of a for) and the `:` that opens the body.
 */
function unsupportedSpan(ctx: LowerContext, stmt: Node, part: Node | null): Expr {
  const all = allKids(stmt);
  const colon = all.find((c) => c.type === ':');
  const kw = stmt.type === 'for_statement' ? all.find((c) => c.type === 'in') : all[0];
  const from = part && kw && part.startIndex < kw.endIndex ? part : kw;
  if (!from || !colon || colon.startIndex < from.endIndex) return ctx.unsupported(part ?? stmt, SYNTAX);
  const startIdx = from === kw ? kw.endIndex : from.startIndex;
  const startPos = from === kw ? kw.endPosition : from.startPosition;
  const raw = ctx.source.slice(startIdx, colon.startIndex);
  const lead = raw.length - raw.trimStart().length;
  const loc: Loc = { line: startPos.row + 1, col: startPos.column + lead, endLine: colon.startPosition.row + 1, endCol: colon.startPosition.column };
  if (startPos.row !== colon.startPosition.row) loc.col = startPos.column;
  return ctx.make({ k: 'unsupported', text: raw.trim(), reason: SYNTAX, loc });
}

function lowerExprStatement(ctx: LowerContext, node: Node): Stmt {
  const loc = ctx.loc(node);
  const parts = kids(node);
  if (parts.length === 1 && parts[0].type === 'assignment') return lowerAssign(ctx, node, parts[0]);
  if (parts.length === 1 && parts[0].type === 'augmented_assignment') return lowerAugAssign(ctx, node, parts[0]);
  if (node.hasError || parts.length === 0) return errorStmt(node);
  if (parts.length === 1) return { k: 'expr', expr: lowerExpr(ctx, parts[0]), loc };
  // `a, b` as a statement: a bare tuple without parentheses
  const items = parts.map((p) => lowerExpr(ctx, p));
  return { k: 'expr', expr: ctx.make({ k: 'tuple', items, loc }), loc };
}

function lowerAssign(ctx: LowerContext, stmt: Node, node: Node): Stmt {
  const loc = ctx.loc(stmt);
  const targets: Node[] = [];
  let cur: Node = node;
  let valueNode: Node | null = null;
  let annotation: Node | null = null;
  let junk = false;
  // `a = b = v` nests as assignment(a, assignment(b, v)): flatten to targets [a, b].
  for (;;) {
    const left = field(cur, 'left');
    if (!left) return errorStmt(stmt);
    targets.push(left);
    annotation ??= field(cur, 'type');
    junk ||= allKids(cur).some((c) => c.isError);
    const right = field(cur, 'right');
    if (right?.type === 'assignment') {
      cur = right;
      continue;
    }
    if (right?.type === 'augmented_assignment') return errorStmt(stmt);
    valueNode = right;
    break;
  }
  if (targets.some((t) => broken(t))) return errorStmt(stmt);
  const lowered = targets.map((t) => lowerExpr(ctx, t));
  if (!valueNode) {
    if (!annotation || lowered.length !== 1 || junk) return errorStmt(stmt);
    return { k: 'declare', target: lowered[0], annotation: lowerAnnotation(ctx, annotation), loc };
  }
  // Only the value is broken (half-typed right-hand side): keep the binding, value unknown.
  const value = junk || broken(valueNode) ? rhsUnsupported(ctx, stmt, node) : lowerExpr(ctx, valueNode);
  const s: Stmt = { k: 'assign', targets: lowered, value, loc };
  if (annotation) s.annotation = lowerAnnotation(ctx, annotation);
  return s;
}

/** The right-hand side from after the first `=` to the end of the statement, as unsupported. */
function rhsUnsupported(ctx: LowerContext, stmt: Node, assign: Node): Expr {
  const eq = allKids(assign).find((c) => c.type === '=');
  if (!eq) return ctx.unsupported(stmt, SYNTAX);
  const text = ctx.source.slice(eq.endIndex, stmt.endIndex).trim();
  const loc: Loc = { line: eq.endPosition.row + 1, col: eq.endPosition.column, endLine: stmt.endPosition.row + 1, endCol: stmt.endPosition.column };
  return ctx.make({ k: 'unsupported', text, reason: SYNTAX, loc });
}

function lowerAnnotation(ctx: LowerContext, type: Node): Expr {
  const inner = kids(type)[0];
  if (inner && inner.type !== 'constrained_type' && inner.type !== 'generic_type' && inner.type !== 'union_type' && inner.type !== 'member_type' && inner.type !== 'splat_type') {
    return lowerExpr(ctx, inner);
  }
  return ctx.unsupported(type, 'type annotation');
}

function lowerAugAssign(ctx: LowerContext, stmt: Node, node: Node): Stmt {
  const left = field(node, 'left');
  const right = field(node, 'right');
  const op = field(node, 'operator')?.type.slice(0, -1) as BinOp | undefined;
  if (!left || broken(left) || !op) return errorStmt(stmt);
  const target = lowerExpr(ctx, left);
  const value = !right || broken(right) || allKids(node).some((c) => c.isError) ? rhsUnsupported(ctx, stmt, node) : lowerExpr(ctx, right);
  return { k: 'augassign', target, op, value, loc: ctx.loc(stmt) };
}

/** `if`/`elif` chains nest as orelse: [if ...], as in Python's ast. */
function lowerIf(ctx: LowerContext, node: Node, whole: Node): Stmt {
  const cond = field(node, 'condition');
  const test = cond && !headerBroken(node, ['block', 'elif_clause', 'else_clause']) ? lowerExpr(ctx, cond) : unsupportedSpan(ctx, node, cond);
  const body = lowerBlock(ctx, field(node, 'consequence'));
  const alts = fields(node, 'alternative');
  let orelse: Stmt[] = [];
  for (let i = alts.length - 1; i >= 0; i--) {
    const a = alts[i];
    if (a.type === 'else_clause') orelse = lowerBlock(ctx, field(a, 'body'));
    else {
      const c = field(a, 'condition');
      const t = c && !broken(c) && !headerBroken(a, ['block']) ? lowerExpr(ctx, c) : unsupportedSpan(ctx, a, c);
      const loc = ctx.span(a, whole);
      orelse = [{ k: 'if', test: t, body: lowerBlock(ctx, field(a, 'consequence')), orelse, loc }];
    }
  }
  return { k: 'if', test, body, orelse, loc: ctx.loc(whole) };
}

function lowerElse(ctx: LowerContext, alt: Node | null): Stmt[] {
  return alt ? lowerBlock(ctx, field(alt, 'body')) : [];
}

function lowerDef(ctx: LowerContext, node: Node, decorators: Expr[]): Stmt {
  const name = field(node, 'name');
  const params = field(node, 'parameters');
  if (!name || name.isMissing) return errorStmt(node);
  return {
    k: 'def',
    name: name.text,
    nameLoc: ctx.loc(name),
    params: params ? lowerParams(ctx, params) : [],
    body: lowerBlock(ctx, field(node, 'body')),
    decorators,
    loc: ctx.loc(node),
  };
}

function lowerClass(ctx: LowerContext, node: Node): Stmt {
  const name = field(node, 'name');
  if (!name || name.isMissing) return errorStmt(node);
  const supers = field(node, 'superclasses');
  // Keyword arguments of a class statement (metaclass=...) do not make bases.
  const bases = supers ? kids(supers).filter((c) => c.type !== 'keyword_argument').map((c) => lowerExpr(ctx, c)) : [];
  return { k: 'class', name: name.text, nameLoc: ctx.loc(name), bases, body: lowerBlock(ctx, field(node, 'body')), loc: ctx.loc(node) };
}

function lowerTry(ctx: LowerContext, node: Node): Stmt {
  const body = lowerBlock(ctx, field(node, 'body'));
  const handlers: { type?: Expr; name?: string; body: Stmt[] }[] = [];
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  for (const c of kids(node)) {
    if (c.type === 'except_clause') {
      const h: { type?: Expr; name?: string; body: Stmt[] } = { body: [] };
      let value: Node | null = fields(c, 'value')[0] ?? kids(c).find((k) => k.type !== 'block') ?? null;
      const alias = field(c, 'alias');
      if (value?.type === 'as_pattern') {
        const target = field(value, 'alias');
        const name = target ? (kids(target)[0]?.text ?? target.text) : undefined;
        if (name !== undefined) h.name = name;
        value = kids(value).find((k) => k.type !== 'as_pattern_target') ?? null;
      } else if (alias) h.name = alias.text;
      if (value) h.type = broken(value) ? ctx.unsupported(value, SYNTAX) : lowerExpr(ctx, value);
      h.body = lowerBlock(ctx, kids(c).find((b) => b.type === 'block') ?? null);
      handlers.push(h);
    } else if (c.type === 'else_clause') orelse = lowerBlock(ctx, field(c, 'body'));
    else if (c.type === 'finally_clause') finalbody = lowerBlock(ctx, kids(c).find((b) => b.type === 'block') ?? null);
  }
  return { k: 'try', body, handlers, orelse, finalbody, loc: ctx.loc(node) };
}

function lowerWith(ctx: LowerContext, node: Node): Stmt {
  const items: { value: Expr; target?: Expr }[] = [];
  const clause = kids(node).find((c) => c.type === 'with_clause');
  for (const item of clause ? kids(clause).filter((c) => c.type === 'with_item') : []) {
    const v = field(item, 'value');
    if (!v || broken(v)) {
      items.push({ value: ctx.unsupported(item, SYNTAX) });
      continue;
    }
    if (v.type === 'as_pattern') {
      const expr = kids(v).find((k) => k.type !== 'as_pattern_target');
      const target = field(v, 'alias');
      const t = target ? kids(target)[0] : undefined;
      const value = expr ? lowerExpr(ctx, expr) : ctx.unsupported(v, SYNTAX);
      items.push(t ? { value, target: lowerExpr(ctx, t) } : { value });
    } else items.push({ value: lowerExpr(ctx, v) });
  }
  return { k: 'with', items, body: lowerBlock(ctx, field(node, 'body')), loc: ctx.loc(node) };
}
