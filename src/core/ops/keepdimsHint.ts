// The tutor's reading of a broadcast failure caused by a reduction that dropped its axis:
// `(h - h.mean(axis=1)) / h.std(axis=1)` fails with (7, 6) against (7,), and what the student
// needs to hear is "keepdims=True", not only numpy's shapes. Also offers that edit as a fix.

import { NumpyError, type QuickFix } from '../diagnostics';
import type { Loc } from '../ir';
import type { Shape } from '../shapes/dim';
import type { OpCall } from './types';

const REDUCTIONS = 'sum|mean|max|min|amax|amin|std|var|prod|median|nansum|nanmean|nanmax|nanmin|nanstd|nanvar';
/** `<anything>.mean(…)` or `np.mean(…)` as the outermost call, with its arguments */
const REDUCTION_CALL = new RegExp(`^(?:[\\s\\S]*[.]|np[.])(${REDUCTIONS})\\(([\\s\\S]*)\\)$`);

/** The argument text of the call closes with the reduction's own parenthesis. */
function balanced(inner: string): boolean {
  let depth = 0;
  for (const ch of inner) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** The axis that, once removed from `full`, leaves `reduced` — when exactly one such axis exists. */
function droppedAxis(full: readonly number[], reduced: readonly number[]): number | undefined {
  if (reduced.length !== full.length - 1) return undefined;
  const found: number[] = [];
  for (let k = 0; k < full.length; k++) {
    if (full.every((_, i) => i === k || full[i] === reduced[i < k ? i : i - 1])) found.push(k);
  }
  return found.length === 1 ? found[0] : undefined;
}

const fmt = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

/**
 * A broadcast error of a binary op, enriched when one operand is a reduction written without
 * keepdims whose dropped axis is exactly what makes the shapes clash; otherwise `err` unchanged.
 */
export function withKeepdimsHint(err: NumpyError, call: OpCall, shapes: readonly (Shape | null)[]): NumpyError {
  if (err.code !== 'broadcast-mismatch' || shapes.length !== 2) return err;
  const texts = call.argTexts;
  for (const r of [0, 1]) {
    const f = 1 - r;
    const rs = shapes[r];
    const fs = shapes[f];
    if (!rs || !fs || !rs.every((d) => typeof d === 'number') || !fs.every((d) => typeof d === 'number')) continue;
    const text = texts[r] ?? '';
    const m = REDUCTION_CALL.exec(text.trim());
    if (!m || !balanced(m[2]) || /\bkeepdims\b/.test(m[2])) continue;
    const axis = droppedAxis(fs as number[], rs as number[]);
    if (axis === undefined) continue;
    const kept = (fs as number[]).map((d, i) => (i === axis ? 1 : d));
    const fixes: QuickFix[] = [];
    const loc: Loc | undefined = call.argLocs[r];
    if (loc && text === text.trimEnd() && loc.endLine >= loc.line) {
      const at: Loc = { line: loc.endLine, col: loc.endCol - 1, endLine: loc.endLine, endCol: loc.endCol - 1 };
      fixes.push({
        title: { en: `Add keepdims=True to ${m[1]}()`, fr: `Ajouter keepdims=True à ${m[1]}()` },
        edits: [{ loc: at, newText: m[2].trim() ? ', keepdims=True' : 'keepdims=True' }],
      });
    }
    return new NumpyError(
      'broadcast-mismatch',
      {
        en: `${err.text.en.trim()} — ${text} has shape ${fmt(rs as number[])} because ${m[1]}() dropped axis ${axis}; with keepdims=True it keeps shape ${fmt(kept)} and broadcasts against ${fmt(fs as number[])}`,
        fr: `${err.text.fr.trim()} — ${text} a la forme ${fmt(rs as number[])} car ${m[1]}() a supprimé l'axe ${axis} ; avec keepdims=True il garde la forme ${fmt(kept)} et se diffuse sur ${fmt(fs as number[])}`,
      },
      { ...err.options, fixes: [...(err.options.fixes ?? []), ...fixes] },
    );
  }
  return err;
}
