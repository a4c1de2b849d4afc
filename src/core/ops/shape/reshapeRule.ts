// The shape rule of reshape with symbolic dims: the -1 dim is inferred by cancelling equal factors
// of the old and new shapes ((B, T, d_model) → (B, T, h, -1) gives d_model//h), and a size mismatch
// is reported only when what is left after cancelling is concrete. Also the head-split explanation.

import { Dim, type Shape } from '../../shapes/dim';
import type { L10nText } from '../../values';

export interface TargetDim {
  /** the dim, or 'infer' for a negative entry (numpy's -1) */
  dim: Dim | 'infer';
  /** the source text of this entry ('d_model // h'), when known */
  text?: string;
}

/** Remove the factors common to both lists (symbols by name, numbers by value). */
function cancel(from: Dim[], to: Dim[]): { rest: Dim[]; extra: Dim[] } {
  const rest = [...from];
  const extra: Dim[] = [];
  for (const d of to) {
    const i = rest.findIndex((r) => Dim.equal(r, d));
    if (i >= 0) rest.splice(i, 1);
    else extra.push(d);
  }
  return { rest, extra };
}

const product = (ds: Dim[]): Dim => ds.reduce<Dim>((p, d) => Dim.mul(p, d), 1);

export type ReshapeOutcome =
  | { ok: true; shape: Dim[] }
  /** certain failure: `size` is the array's size as numpy prints it */
  | { ok: false; size: Dim; infer: boolean };

/** numpy's reshape rule on possibly symbolic shapes; `ok: false` only when the failure is certain. */
export function reshapeShape(input: Shape, target: TargetDim[]): ReshapeOutcome {
  const inferAt = target.findIndex((t) => t.dim === 'infer');
  const known = target.filter((t) => t.dim !== 'infer').map((t) => t.dim as Dim);
  const size = product([...input]);
  const { rest, extra } = cancel([...input].filter((d) => d !== 1), known.filter((d) => d !== 1));
  const restP = product(rest);
  const extraP = product(extra);
  const concrete = typeof restP === 'number' && typeof extraP === 'number';
  if (inferAt < 0) {
    if (concrete && restP !== extraP) return { ok: false, size, infer: false };
    return { ok: true, shape: known };
  }
  if (concrete) {
    // zero-size arrays with -1 are ambiguous and numpy refuses them, as it refuses a remainder
    if (extraP === 0 || restP % extraP !== 0) return { ok: false, size, infer: true };
    const shape = target.map((t) => (t.dim === 'infer' ? restP / extraP : t.dim));
    return { ok: true, shape };
  }
  const inferred = Dim.floordiv(restP, extraP);
  return { ok: true, shape: target.map((t) => (t.dim === 'infer' ? inferred : t.dim)) };
}

/** numpy's text for the target in its message: (3,newaxis) for a -1. */
export function targetText(target: TargetDim[]): string {
  const parts = target.map((t) => (t.dim === 'infer' ? 'newaxis' : Dim.format(t.dim)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

/**
 * When a failed reshape is a head split — an entry written `x // h`, or the last axis split into
 * two (n, d) → (n, h, d_k) — say why: "d_model = 6 is not divisible by h = 4".
 */
export function headSplitHint(input: Shape, target: TargetDim[]): L10nText | undefined {
  const last = input[input.length - 1];
  let numName: string | undefined;
  let num: Dim | undefined;
  let hName: string | undefined;
  let h: Dim | undefined;
  const divAt = target.findIndex((t) => t.text !== undefined && /\/\//.test(t.text));
  if (divAt >= 0) {
    const m = /^\(?\s*(.+?)\s*\/\/\s*(.+?)\s*\)?$/.exec(target[divAt].text!);
    if (m) {
      numName = m[1];
      hName = m[2];
      const hEntry = target.find((t) => t.text?.trim() === hName);
      h = hEntry && hEntry.dim !== 'infer' ? hEntry.dim : /^\d+$/.test(hName) ? Number(hName) : undefined;
      num = /^\d+$/.test(numName) ? Number(numName) : last;
    }
  } else if (target.length === input.length + 1 && input.length >= 2) {
    // (…, d) → (…, h, d_k): every leading axis kept, the last one split in two
    const lead = target.slice(0, input.length - 1);
    const same = lead.every((t, i) => t.dim !== 'infer' && Dim.equal(t.dim, input[i]));
    const hEntry = target[input.length - 1];
    if (same && hEntry.dim !== 'infer') {
      h = hEntry.dim;
      hName = hEntry.text;
      num = last;
    }
  }
  if (h === undefined || num === undefined || typeof h !== 'number' || typeof num !== 'number' || h === 0) return undefined;
  if (num % h === 0) return undefined; // divisible: the mismatch is elsewhere, not a head split
  // the axis a head split divides is d_model by convention: name it so when the code does not
  const nn = numName ?? 'd_model (the last axis)';
  const nnFr = numName ?? 'd_model (le dernier axe)';
  const hn = hName && hName !== String(h) ? `${hName} = ${h}` : String(h);
  const q = Math.floor(num / h);
  return {
    en: `${nn} = ${num} is not divisible by ${hn}: each head would get ${num} // ${h} = ${q} column${q === 1 ? '' : 's'} and ${h} × ${q} ≠ ${num}`,
    fr: `${nnFr} = ${num} n'est pas divisible par ${hn} : chaque tête recevrait ${num} // ${h} = ${q} colonne${q > 1 ? 's' : ''} et ${h} × ${q} ≠ ${num}`,
  };
}
