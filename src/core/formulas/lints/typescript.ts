// The silent-bug lints said in TypeScript terms on .ts files: the lints find the bug on the
// numpy-like view of the program (tsDesugar.ts); here their numpy wording (np.sqrt, axis=-1,
// keepdims=True) becomes mathjs / JavaScript wording in both languages, and a quick fix is kept
// only where the TypeScript edit is certain (the right mathjs call is in scope, the shapes known).

import type { Diagnostic, QuickFix } from '../../diagnostics';
import type { Expr, Loc } from '../../ir';
import { exprName, numLit, reduction, stmtExprs, subExprs, type MatchContext, type StmtInfo } from '../match';
import { inlineSoftmax, topExpr } from '../site';
import { attentionForm } from '../kinds/attention';
import { tsSpelling } from '../tsDesugar';
import { endOf, shapeOf } from './common';

type Call = Extract<Expr, { k: 'call' }>;

const sameLoc = (a: Loc, b: Loc): boolean => a.line === b.line && a.col === b.col && a.endLine === b.endLine && a.endCol === b.endCol;
const at0 = (l: Loc): Loc => ({ line: l.line, col: l.col, endLine: l.line, endCol: l.col });
/** An empty range just before the call's closing parenthesis. */
const beforeClose = (c: Expr): Loc => ({ line: c.loc.endLine, col: c.loc.endCol - 1, endLine: c.loc.endLine, endCol: c.loc.endCol - 1 });

/**
 * How the program can call mathjs function `fn`: `math.fn` through `import * as math` or
 * `const math = create(all)`, `fn` through a named import; undefined when it cannot.
 */
export function mathjsCallee(ctx: MatchContext, fn: string): string | undefined {
  for (const s of ctx.program.body) {
    if (s.k === 'importfrom' && s.module === 'mathjs') {
      for (const n of s.names) {
        if (n.name === '*' && n.asname) return `${n.asname}.${fn}`;
        if (n.name === fn) return n.asname ?? n.name;
      }
    }
    if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name' && s.value.k === 'call' && ctx.aliases.get(exprName(s.value.fn) ?? '') === 'math.create') return `${s.targets[0].name}.${fn}`;
  }
  return undefined;
}

/** The TS wording of a lint found on the view, with fixes only where the edit is certain. */
export function toTypeScript(ctx: MatchContext, at: StmtInfo, d: Diagnostic): Diagnostic {
  const out: Diagnostic = { ...d, fixes: undefined };
  delete out.fixes;
  const worded = (() => {
    switch (d.code) {
      case 'missing-scale': return missingScale(ctx, at, d);
      case 'softmax-axis': return softmaxAxis(ctx, at, d);
      case 'keepdims-broadcast': return keepdims(ctx, at, d);
      case 'mask-after-softmax': return maskAfterSoftmax();
      default: return undefined;
    }
  })();
  if (!worded) return out;
  out.message = worded.message;
  if (worded.fixes?.length) out.fixes = worded.fixes;
  return out;
}

interface Worded { message: Diagnostic['message']; fixes?: QuickFix[] }

/** How to read d_k off K in the program: K[0].length for number[][], K.size()[1] for a Matrix. */
function dkText(ctx: MatchContext, K: Expr): string | undefined {
  const name = exprName(K);
  const v = ctx.values[K.id];
  if (!name || !v) return undefined;
  if (v.kind === 'list') return `${name}[0].length`;
  if (v.kind === 'array' && v.shape?.length === 2) return `${name}.size()[1]`;
  return undefined;
}

function missingScale(ctx: MatchContext, at: StmtInfo, d: Diagnostic): Worded | undefined {
  const e = topExpr(at);
  const f = e && attentionForm(ctx, at, e);
  if (!f || !sameLoc(f.scores.loc, d.loc)) return undefined;
  const dk = shapeOf(ctx, f.K)?.at(-1);
  const dkCode = dkText(ctx, f.K);
  // the scores' own name when they were assigned on a line of their own
  const scores = f.from && f.from.stmt.k === 'assign' && f.from.stmt.value === f.scores ? assignedName(f.from) : undefined;
  const divide = mathjsCallee(ctx, 'divide');
  const root = `Math.sqrt(${dkCode ?? 'dK'})`;
  const suggestion = divide ? `${divide}(${scores ?? 'scores'}, ${root})` : `${scores ?? 'scores'}.map((row) => row.map((s) => s / ${root}))`;
  const message = {
    en: `These attention scores are not divided by √d_k${dk ? ` (√${dk})` : ''}. Dot products of d_k-dimensional vectors grow like √d_k, so the softmax saturates and its gradients vanish (Vaswani et al. 2017, §3.2.1). Divide them by Math.sqrt(d_k): ${suggestion}.`,
    fr: `Ces scores d'attention ne sont pas divisés par √d_k${dk ? ` (√${dk})` : ''}. Les produits scalaires de vecteurs de dimension d_k croissent comme √d_k\u00a0: la softmax sature et ses gradients s'annulent (Vaswani et al. 2017, §3.2.1). Divisez-les par Math.sqrt(d_k)\u00a0: ${suggestion}.`,
  };
  // the fix wraps the product itself; it needs d_k readable from K and a 2-D product value
  const product = ctx.values[f.scores.id];
  if (!dkCode || !product || shapeOf(ctx, f.scores)?.length !== 2) return { message };
  let fix: QuickFix | undefined;
  if (divide) {
    fix = { title: { en: `Divide by ${root}: ${divide}(…, ${root})`, fr: `Diviser par ${root}\u00a0: ${divide}(…, ${root})` }, edits: [{ loc: at0(f.scores.loc), newText: `${divide}(` }, { loc: endOf(f.scores), newText: `, ${root})` }] };
  } else if (product.kind === 'list') {
    // plain number[][]: divide every entry through .map (no mathjs in scope)
    fix = { title: { en: `Divide every score by ${root}`, fr: `Diviser chaque score par ${root}` }, edits: [{ loc: endOf(f.scores), newText: `.map((row) => row.map((s) => s / ${root}))` }] };
  }
  return { message, fixes: fix ? [fix] : undefined };
}

function assignedName(info: StmtInfo): string | undefined {
  const s = info.stmt;
  return s.k === 'assign' && s.targets.length === 1 ? exprName(s.targets[0]) : undefined;
}

/** The division (or subtraction) of the statement whose right operand is `call`, with what the program called. */
function parentOf(at: StmtInfo, call: Expr): { op: string; spelled?: string } | undefined {
  for (const top of stmtExprs(at.stmt)) {
    for (const x of subExprs(top)) {
      if (x.k === 'bin' && x.right === call) return { op: x.op, spelled: tsSpelling(x) };
    }
  }
  return undefined;
}

/**
 * Edits turning the reduction `call` (along `dim` of a 2-D operand) into a column that mathjs
 * broadcasts over each row: reshape(sum(E, dim), [-1, 1]). Certain only for a 2-D operand,
 * an elementwise mathjs parent (dotDivide / subtract) and reshape in scope.
 */
function asColumn(ctx: MatchContext, at: StmtInfo, call: Call, rank: number, dim: { replace: Expr } | 'insert' | 'keep'): QuickFix['edits'] | undefined {
  const reshape = mathjsCallee(ctx, 'reshape');
  const parent = parentOf(at, call);
  const elementwise = parent && ((parent.op === '/' && parent.spelled === 'math.dotDivide') || (parent.op === '-' && parent.spelled === 'math.subtract'));
  if (!reshape || !elementwise || rank !== 2 || !tsSpelling(call)?.startsWith('math.')) return undefined;
  const edits: QuickFix['edits'] = [{ loc: at0(call.loc), newText: `${reshape}(` }];
  if (dim === 'insert') edits.push({ loc: beforeClose(call), newText: ', 1' });
  else if (dim !== 'keep') edits.push({ loc: dim.replace.loc, newText: '1' });
  edits.push({ loc: endOf(call), newText: ', [-1, 1])' });
  return edits;
}

function softmaxAxis(ctx: MatchContext, at: StmtInfo, d: Diagnostic): Worded | undefined {
  const e = topExpr(at);
  const f = e && inlineSoftmax(ctx, at, e);
  const sum = f?.sumCall as Call | undefined;
  if (!f || !sum) return undefined;
  const shape = shapeOf(ctx, f.z) ?? shapeOf(ctx, sum.args[0]?.value ?? f.z);
  if (!shape) return undefined;
  const E = exprName(sum.args[0]?.value ?? f.z) ?? 'E';
  const callee = tsSpelling(sum) ?? 'math.sum';
  const reshape = mathjsCallee(ctx, 'reshape') ?? 'math.reshape';
  const column = `${reshape}(${callee}(${E}, ${shape.length - 1}), [-1, 1])`;
  // a row-wise .map is the other idiom, for a JS array (a Matrix's map visits elements, not rows)
  const isArray = ctx.values[(sum.args[0]?.value ?? f.z).id]?.kind === 'list';
  const why = {
    en: `mathjs has no keepdims: ${callee}(${E}, ${shape.length - 1}) alone has shape (${shape[0]},) and would be lined up with the columns, so divide by the row sums as a column, ${column}${isArray ? ` — or normalise each row with ${E}.map((row) => …)` : ''}.`,
    fr: `mathjs n'a pas de keepdims\u00a0: ${callee}(${E}, ${shape.length - 1}) seul a la forme (${shape[0]},) et serait aligné sur les colonnes\u00a0; divisez donc par les sommes des lignes mises en colonne, ${column}${isArray ? ` — ou normalisez chaque ligne avec ${E}.map((row) => …)` : ''}.`,
  };
  if (!f.axisExpr && sameLoc(sum.loc, d.loc)) {
    const edits = asColumn(ctx, at, sum, shape.length, 'insert');
    return {
      message: {
        en: `This sum has no dimension: ${callee}(${E}) adds all ${shape.join('×')} scores, so the whole matrix sums to 1 instead of each query's row. Sum each row instead — ${why.en}`,
        fr: `Cette somme n'a pas de dimension\u00a0: ${callee}(${E}) additionne les ${shape.join('×')} scores, c'est toute la matrice qui somme à 1 au lieu de chaque ligne (chaque requête). Sommez plutôt chaque ligne — ${why.fr}`,
      },
      fixes: edits ? [{ title: { en: `Normalise each row: ${column}`, fr: `Normaliser chaque ligne\u00a0: ${column}` }, edits }] : undefined,
    };
  }
  if (f.axisExpr && sameLoc(f.axisExpr.loc, d.loc) && f.axis !== undefined) {
    // the numpy fix also rewrites the max of a stable softmax: a TS edit of the sum alone would leave it wrong
    const maxed = f.stable && axisOfMax(ctx, at, f);
    const edits = maxed ? undefined : asColumn(ctx, at, sum, shape.length, { replace: f.axisExpr });
    return {
      message: {
        en: `${callee}(${E}, ${f.axis}) sums along dimension ${f.axis}: for scores of shape (${shape.join(', ')}) that makes each column (key) sum to 1. Each query's row must sum to 1: sum along the last dimension, ${shape.length - 1}. ${why.en}`,
        fr: `${callee}(${E}, ${f.axis}) somme selon la dimension ${f.axis}\u00a0: pour des scores de forme (${shape.join(', ')}), ce sont les colonnes (les clés) qui somment à 1. Chaque ligne (chaque requête) doit sommer à 1\u00a0: sommez selon la dernière dimension, ${shape.length - 1}. ${why.fr}`,
      },
      fixes: edits ? [{ title: { en: `Normalise each row: ${column}`, fr: `Normaliser chaque ligne\u00a0: ${column}` }, edits }] : undefined,
    };
  }
  return undefined;
}

/** Does the stable softmax subtract a max taken along a dimension (which a sum-only edit would leave wrong)? */
function axisOfMax(ctx: MatchContext, at: StmtInfo, f: NonNullable<ReturnType<typeof inlineSoftmax>>): boolean {
  for (const top of stmtExprs((f.from ?? at).stmt)) {
    for (const x of subExprs(top)) {
      const mx = x.k === 'bin' && x.op === '-' ? reduction(ctx, x.right, ['max']) : undefined;
      if (mx?.axis) return true;
    }
  }
  return false;
}

function keepdims(ctx: MatchContext, at: StmtInfo, d: Diagnostic): Worded | undefined {
  for (const top of stmtExprs(at.stmt)) {
    for (const e of subExprs(top)) {
      if (e.k !== 'bin' || (e.op !== '/' && e.op !== '-')) continue;
      const red = reduction(ctx, e.right, ['sum', 'max', 'mean', 'std', 'var']);
      if (!red || !sameLoc(red.call.loc, d.loc) || !red.axis) continue;
      const shape = shapeOf(ctx, e.left) ?? shapeOf(ctx, red.operand);
      const k = numLit(red.axis);
      if (!shape || k === undefined) return undefined;
      const reduced = shape.filter((_, i) => i !== k);
      const callee = tsSpelling(red.call) ?? `math.${red.kind}`;
      const X = exprName(red.operand) ?? 'x';
      const reshape = mathjsCallee(ctx, 'reshape') ?? 'math.reshape';
      const column = `${reshape}(${callee}(${X}, ${k}), [-1, 1])`;
      const target = shape.map((n, i) => (i === k ? 1 : n)).join(', ');
      const edits = asColumn(ctx, at, red.call, shape.length, 'keep');
      return {
        message: {
          en: `${callee}(${X}, ${k}) has shape (${reduced.join(', ')}${reduced.length === 1 ? ',' : ''}); mathjs lines it up with the LAST dimension of (${shape.join(', ')}), so entry (i, j) is combined with the ${red.kind} of row j, not of row i. mathjs has no keepdims: reshape the result to (${target}) first, ${column}.`,
          fr: `${callee}(${X}, ${k}) a la forme (${reduced.join(', ')}${reduced.length === 1 ? ',' : ''})\u00a0; mathjs l'aligne sur la DERNIÈRE dimension de (${shape.join(', ')})\u00a0: l'élément (i, j) est combiné avec la valeur de la ligne j, pas de la ligne i. mathjs n'a pas de keepdims\u00a0: remettez d'abord le résultat en forme (${target}), ${column}.`,
        },
        fixes: edits ? [{ title: { en: `Keep the ${red.kind}s as a column: ${column}`, fr: `Garder les résultats en colonne\u00a0: ${column}` }, edits }] : undefined,
      };
    }
  }
  return undefined;
}

function maskAfterSoftmax(): Worded {
  return {
    message: {
      en: 'The mask is added AFTER the softmax: the weights are already normalised, so masked entries become -Infinity (or huge negatives) instead of 0 and the rows no longer sum to 1. Add the mask to the scores, then apply the softmax.',
      fr: 'Le masque est ajouté APRÈS la softmax\u00a0: les poids d’attention sont déjà normalisés, les positions masquées deviennent -Infinity (ou très négatives) au lieu de 0 et les lignes ne somment plus à 1. Ajoutez le masque aux scores, puis appliquez la softmax.',
    },
  };
}
