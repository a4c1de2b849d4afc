// The tutor's explanation of a matrix-product shape mismatch ("Q @ K: (4, 2) @ (4, 2) — inner sizes
// 2 and 4 differ; did you mean K.T?") with a QuickFix that transposes the operand that makes the
// product fit. Shared by matmul, np.dot and np.inner.

import type { QuickFix } from '../../diagnostics';
import { Dim, Shape } from '../../shapes/dim';
import type { L10nText } from '../../values';
import type { OpCall } from '../types';

/** Parenthesise an operand's source text unless it is already atomic (name, attribute, call, subscript). */
export function atomic(text: string): string {
  const t = text.trim();
  if (/^[A-Za-z_][\w.]*$/.test(t)) return t;
  if (/^[A-Za-z_][\w.]*(\([^()]*\)|\[[^[\]]*\])$/.test(t)) return t;
  if (/^\(.*\)$/.test(t) && balanced(t.slice(1, -1))) return t;
  return `(${t})`;
}

function balanced(t: string): boolean {
  let depth = 0;
  for (const ch of t) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** `.T` for a matrix, `.swapaxes(-1, -2)` for a stack of matrices (`.T` would reverse the batch axes too). */
function transposed(text: string, ndim: number): string {
  // an operand already transposed (`v.T`) is fixed by dropping the .T, not by `v.T.T`
  const t = text.trim();
  if (ndim === 2 && /^[A-Za-z_][\w.]*\.T$/.test(t)) return t.slice(0, -2);
  return ndim === 2 ? `${atomic(text)}.T` : `${atomic(text)}.swapaxes(-1, -2)`;
}

export interface MismatchInfo {
  /** how the operation reads in the message: 'Q @ K', 'np.dot(Q, K)' */
  label: string;
  /** the operator shown between the shapes */
  sym: string;
  a: Shape;
  b: Shape;
  /** the contracted sizes: a's and b's */
  ka: Dim;
  kb: Dim;
  /** b's size that a transposed left operand would contract (a[-2] must equal it) */
  bInner: Dim;
  /** a's size that a transposed right operand would contract with (b[-1] must equal it) */
  aInner: Dim;
  /** numpy's own message, appended for readers who search it */
  numpy?: string;
  /** offer `.swapaxes(-1, -2)` for stacks (matmul); np.dot contracts stacks differently, so it only fixes 2-D */
  stacks?: boolean;
}

/** An operand of the message: its source text and, when it is a positional argument, its index. */
export interface Side { text: string; idx?: number }

/** The two operands of a call: positional 0 and 1, or `self` and positional 0 for a method. */
export function sides(call: OpCall): [Side, Side] {
  const t = (i: number, d: string) => call.argTexts[i]?.trim() || d;
  if (call.self !== undefined) return [{ text: 'self' }, { text: t(0, 'B'), idx: 0 }];
  return [{ text: t(0, 'A'), idx: 0 }, { text: t(1, 'B'), idx: 1 }];
}

/** The message and fixes for a product whose inner sizes certainly differ. */
export function mismatchText(call: OpCall, info: MismatchInfo, left?: Side, right?: Side): { text: L10nText; fixes: QuickFix[] } {
  const [l, r] = left && right ? [left, right] : sides(call);
  const ta = l.text;
  const tb = r.text;
  const stacks = info.stacks ?? true;
  const head = `${info.label}: ${Shape.format(info.a)} ${info.sym} ${Shape.format(info.b)} — `;
  const headFr = `${info.label} : ${Shape.format(info.a)} ${info.sym} ${Shape.format(info.b)} — `;
  const ka = Dim.format(info.ka);
  const kb = Dim.format(info.kb);
  const ok = (nd: number) => nd === 2 || (stacks && nd > 2);
  let fix: { idx?: number; old: string; text: string } | undefined;
  if (ok(info.b.length) && Dim.equal(info.b[info.b.length - 1], info.aInner)) {
    fix = { idx: r.idx, old: tb, text: transposed(tb, info.b.length) };
  } else if (ok(info.a.length) && Dim.equal(info.a[info.a.length - 2], info.bInner)) {
    fix = { idx: l.idx, old: ta, text: transposed(ta, info.a.length) };
  }
  const tail = info.numpy ? ` (numpy: ${info.numpy})` : '';
  let text: L10nText;
  if (fix) {
    text = {
      en: `${head}inner sizes ${ka} and ${kb} differ; did you mean ${fix.text}?${tail}`,
      fr: `${headFr}les tailles internes ${ka} et ${kb} diffèrent ; vouliez-vous dire ${fix.text} ?${tail}`,
    };
  } else {
    text = {
      en: `${head}inner sizes ${ka} and ${kb} differ: the last axis of ${ta} must have the size of the contracted axis of ${tb}${tail}`,
      fr: `${headFr}les tailles internes ${ka} et ${kb} diffèrent : le dernier axe de ${ta} doit avoir la taille de l'axe contracté de ${tb}${tail}`,
    };
  }
  const fixes: QuickFix[] = [];
  const loc = fix && fix.idx !== undefined ? call.argLocs[fix.idx] : undefined;
  if (fix && loc) {
    fixes.push({
      title: { en: `Replace ${fix.old} by ${fix.text}`, fr: `Remplacer ${fix.old} par ${fix.text}` },
      edits: [{ loc, newText: fix.text }],
    });
  }
  return { text, fixes };
}
