// A compact, lossless (except locations) text form of the IR, so parser tests can state the
// exact expected tree in one readable line. Locations are checked separately (see locs()).
import type { Arg, Expr, Param, Stmt } from '../../../src/core/ir';

export function sx(e: Expr | undefined): string {
  if (!e) return '_';
  switch (e.k) {
    case 'num': return e.isInt ? `${e.value}` : `${e.value}f`;
    case 'str': return JSON.stringify(e.value);
    case 'fstr': return `f[${e.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : sx(p))).join(' ')}]`;
    case 'bool': return e.value ? 'True' : 'False';
    case 'none': return 'None';
    case 'ellipsis': return '...';
    case 'name': return e.name;
    case 'attr': return `(. ${sx(e.obj)} ${e.name})`;
    case 'index': return `(idx ${sx(e.obj)} ${sx(e.index)})`;
    case 'slice': return `(: ${sx(e.lower)} ${sx(e.upper)} ${sx(e.step)})`;
    case 'call': return `(call ${sx(e.fn)}${e.args.map((a) => ' ' + arg(a)).join('')})`;
    case 'new': return `(new ${sx(e.cls)}${e.args.map((a) => ' ' + arg(a)).join('')})`;
    case 'bin': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'unary': return `(u${e.op} ${sx(e.operand)})`;
    case 'cmp': return `(cmp ${sx(e.operands[0])}${e.ops.map((o, i) => ` ${o} ${sx(e.operands[i + 1])}`).join('')})`;
    case 'boolop': return `(${e.op} ${e.values.map(sx).join(' ')})`;
    case 'cond': return `(if ${sx(e.test)} ${sx(e.body)} ${sx(e.orelse)})`;
    case 'list': return `[${e.items.map(sx).join(' ')}]`;
    case 'tuple': return `(tuple${e.items.map((i) => ' ' + sx(i)).join('')})`;
    case 'set': return `{set ${e.items.map(sx).join(' ')}}`;
    case 'dict': return `{dict${e.entries.map((en) => (en.key ? ` ${sx(en.key)}:${sx(en.value)}` : ` **${sx(en.value)}`)).join('')}}`;
    case 'comp': {
      const gens = e.gens.map((g) => ` for ${sx(g.target)} in ${sx(g.iter)}${g.ifs.map((c) => ` if ${sx(c)}`).join('')}`).join('');
      return `(${e.kind}comp ${sx(e.elt)}${e.value ? ':' + sx(e.value) : ''}${gens})`;
    }
    case 'func': {
      const body = Array.isArray(e.body) ? `{${e.body.map(st).join('; ')}}` : sx(e.body);
      return `(lambda (${e.params.map(param).join(' ')}) ${body})`;
    }
    case 'starred': return `*${sx(e.value)}`;
    case 'namedexpr': return `(:= ${sx(e.target)} ${sx(e.value)})`;
    case 'unsupported': return `(unsupported ${JSON.stringify(e.text)})`;
  }
}

function arg(a: Arg): string {
  return `${a.name ? a.name + '=' : ''}${a.star ?? ''}${sx(a.value)}`;
}

export function param(p: Param): string {
  const prefix = p.kind === 'star' ? '*' : p.kind === 'dstar' ? '**' : p.kind === 'kwonly' ? 'kw:' : p.posonly ? 'pos:' : '';
  return `${prefix}${p.name}${p.default ? '=' + sx(p.default) : ''}`;
}

const block = (b: Stmt[]): string => `{${b.map(st).join('; ')}}`;

export function st(s: Stmt): string {
  switch (s.k) {
    case 'assign': return `${s.targets.map(sx).join(' = ')}${s.annotation ? ': ' + sx(s.annotation) : ''} = ${sx(s.value)}`;
    case 'declare': return `declare ${sx(s.target)}: ${sx(s.annotation)}`;
    case 'augassign': return `${sx(s.target)} ${s.op}= ${sx(s.value)}`;
    case 'expr': return sx(s.expr);
    case 'if': return `if ${sx(s.test)} ${block(s.body)}${s.orelse.length ? ' else ' + block(s.orelse) : ''}`;
    case 'for': return `for ${sx(s.target)} in ${sx(s.iter)} ${block(s.body)}${s.orelse.length ? ' else ' + block(s.orelse) : ''}`;
    case 'cfor': return `cfor`;
    case 'while': return `while ${sx(s.test)} ${block(s.body)}${s.orelse.length ? ' else ' + block(s.orelse) : ''}`;
    case 'def': return `${s.decorators.map((d) => '@' + sx(d) + ' ').join('')}def ${s.name}(${s.params.map(param).join(' ')}) ${block(s.body)}`;
    case 'class': return `class ${s.name}(${s.bases.map(sx).join(' ')}) ${block(s.body)}`;
    case 'return': return s.value ? `return ${sx(s.value)}` : 'return';
    case 'break': case 'continue': case 'pass': return s.k;
    case 'import': return `import ${s.names.map((n) => n.module + (n.asname ? ' as ' + n.asname : '')).join(', ')}`;
    case 'importfrom': return `from ${s.module} import ${s.names.map((n) => n.name + (n.asname ? ' as ' + n.asname : '')).join(', ')}`;
    case 'try': {
      const hs = s.handlers.map((h) => ` except ${sx(h.type)}${h.name ? ' as ' + h.name : ''} ${block(h.body)}`).join('');
      return `try ${block(s.body)}${hs}${s.orelse.length ? ' else ' + block(s.orelse) : ''}${s.finalbody.length ? ' finally ' + block(s.finalbody) : ''}`;
    }
    case 'with': return `with ${s.items.map((i) => sx(i.value) + (i.target ? ' as ' + sx(i.target) : '')).join(', ')} ${block(s.body)}`;
    case 'raise': return s.value ? `raise ${sx(s.value)}` : 'raise';
    case 'assert': return `assert ${sx(s.test)}${s.msg ? ', ' + sx(s.msg) : ''}`;
    case 'del': return `del ${s.targets.map(sx).join(', ')}`;
    case 'global': return `${s.nonlocal ? 'nonlocal' : 'global'} ${s.names.join(', ')}`;
    case 'error': return `<error ${JSON.stringify(s.text)}>`;
  }
}

/** Every Expr in a statement list, in no particular order. */
export function allExprs(body: Stmt[]): Expr[] {
  const out: Expr[] = [];
  const seen = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(seen);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'number' && typeof o.k === 'string') out.push(o as unknown as Expr);
      for (const [k, x] of Object.entries(o)) if (k !== 'loc' && k !== 'nameLoc') seen(x);
    }
  };
  seen(body);
  return out;
}
