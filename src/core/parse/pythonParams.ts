// Parameters of `def` and `lambda`: defaults, *args, **kwargs, keyword-only (after `*` or
// *args) and positional-only (before `/`). Type annotations are dropped: the tracer infers
// shapes from the calls, and annotations such as `np.ndarray` say nothing about them.

import type { SNode as Node } from './pythonSyntax';
import type { Param } from '../ir';
import { LowerContext, field, kids } from './pythonContext';
import { lowerExpr } from './pythonExpr';

export function lowerParams(ctx: LowerContext, node: Node): Param[] {
  const out: Param[] = [];
  let afterStar = false;
  for (const p of kids(node)) {
    switch (p.type) {
      case 'positional_separator':
        for (const q of out) if (q.kind === 'normal') q.posonly = true;
        break;
      case 'keyword_separator':
        afterStar = true;
        break;
      case 'identifier':
        out.push({ name: p.text, kind: afterStar ? 'kwonly' : 'normal', loc: ctx.loc(p) });
        break;
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = field(p, 'name');
        const value = field(p, 'value');
        if (!name || name.type !== 'identifier') {
          ctx.error(ctx.loc(p), { en: 'unsupported parameter form', fr: 'forme de paramètre non prise en charge' });
          break;
        }
        const param: Param = { name: name.text, kind: afterStar ? 'kwonly' : 'normal', loc: ctx.loc(name) };
        if (value) param.default = lowerExpr(ctx, value);
        out.push(param);
        break;
      }
      case 'typed_parameter': {
        const inner = kids(p).find((c) => c !== field(p, 'type') && c.type !== 'type') ?? null;
        if (inner) pushSimple(ctx, out, inner, afterStar);
        if (inner?.type === 'list_splat_pattern') afterStar = true;
        break;
      }
      case 'list_splat_pattern':
        pushSimple(ctx, out, p, afterStar);
        afterStar = true;
        break;
      case 'dictionary_splat_pattern':
        pushSimple(ctx, out, p, afterStar);
        break;
      default:
        // Python 2 tuple parameters `def f((a, b))`, ERROR nodes, ...
        ctx.error(ctx.loc(p), { en: `unsupported parameter: ${p.text}`, fr: `paramètre non pris en charge : ${p.text}` });
    }
  }
  return out;
}

function pushSimple(ctx: LowerContext, out: Param[], p: Node, afterStar: boolean): void {
  if (p.type === 'identifier') {
    out.push({ name: p.text, kind: afterStar ? 'kwonly' : 'normal', loc: ctx.loc(p) });
    return;
  }
  const name = kids(p).find((c) => c.type === 'identifier');
  if (!name) return;
  const kind = p.type === 'list_splat_pattern' ? 'star' : 'dstar';
  out.push({ name: name.text, kind, loc: ctx.loc(name) });
}
