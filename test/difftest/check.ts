// How one generated program's trace is judged against what numpy did with it: every binding numpy
// recorded (shape, dtype, value, column: the fixture corpus' own rules), the error on the raising
// line, no error elsewhere, no tracer exception, no budget overrun. Shared by run.mjs and the unit test.
import type { Trace } from '../../src/core/types';
import { compareBinding, jsonOfValue, type GoldenPair } from '../unit/fixtures/goldenCompare';

export interface ManifestEntry {
  file: string;
  seed: number;
  index: number;
  style: string;
  /** the injected mismatch: the line numpy must raise on, and the code we expect to report */
  raise: { line: number; code: string } | null;
  /** 1-based line -> generator template that wrote it */
  tags: Record<string, string>;
}

export interface OracleResult {
  file: string;
  status: 'ok' | 'exception';
  exception: { type: string; message: string; line: number | null; stack_lines: number[] } | null;
  pairs: GoldenPair[];
}

export interface Disagreement {
  kind: string;
  line: number;
  name?: string;
  text: string;
  /** the source line, for grouping and for the minimiser (line numbers move, text does not) */
  source: string;
  /** the generator template that wrote the line */
  tag: string;
}

/** Hard disagreements are bugs until triaged; soft ones measure coverage (unknown is not wrong). */
export const SOFT_KINDS = new Set(['value unknown', 'not modelled', 'error code differs', 'float32 ulps', 'last bits vary', 'shape symbolic']);

function sameUpToSymbols(ours: readonly (number | { name: string })[] | null, numpy: number[] | null): boolean {
  if (!ours || !numpy || ours.length !== numpy.length) return false;
  return ours.every((d, i) => typeof d !== 'number' || d === numpy[i]) && ours.some((d) => typeof d !== 'number');
}

/**
 * float32 within a few float32 ulps: numpy's float32 exp/log/... are SIMD approximations and its
 * float32 matmul is BLAS with its own order, neither correctly rounded nor the same on every CPU.
 */
function closeF32(a: unknown, b: unknown, ulps: number): boolean {
  // ulps of the array's largest element: a float32 dot product's error scales with its terms
  const scale = Math.max(maxAbs(a), maxAbs(b), 2 ** -126);
  const close = (x: unknown, y: unknown): boolean => {
    if (Array.isArray(x) || Array.isArray(y)) {
      return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => close(v, y[i]));
    }
    if (typeof x !== 'number' || typeof y !== 'number') return x === y;
    return Math.abs(x - y) <= ulps * 2 ** -23 * scale;
  };
  return close(a, b);
}

function maxAbs(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((m: number, x) => Math.max(m, maxAbs(x)), 0);
  return typeof v === 'number' && Number.isFinite(v) ? Math.abs(v) : 0;
}

export function checkProgram(source: string, entry: ManifestEntry, oracle: OracleResult, tr: Trace): Disagreement[] {
  const lines = source.split('\n');
  const out: Disagreement[] = [];
  const push = (kind: string, line: number, text: string, name?: string): void => {
    out.push({ kind, line, name, text, source: (lines[line - 1] ?? '').trim(), tag: entry.tags[String(line)] ?? '?' });
  };

  const raiseLine = entry.raise?.line;
  if (raiseLine === undefined && oracle.status !== 'ok') {
    push('generator', oracle.exception?.line ?? 1, `numpy raised ${oracle.exception?.type}: ${oracle.exception?.message}`);
    return out;
  }
  if (raiseLine !== undefined && (oracle.status !== 'exception' || oracle.exception?.line !== raiseLine)) {
    push('generator', raiseLine, `numpy was expected to raise here, it ${oracle.status === 'ok' ? 'ran to the end' : `raised on line ${oracle.exception?.line}`}`);
    return out;
  }

  let f32Seen = false;
  const byKey = new Map(tr.bindings.map((b) => [`${b.loc.line}:${b.name}`, b]));
  for (const pair of oracle.pairs) {
    const ours = byKey.get(`${pair.line}:${pair.name}`);
    const obs = pair.observations;
    for (const p of compareBinding(pair, ours, lines[pair.line - 1] ?? '')) {
      // a float32 difference of a few ulps, here or carried into a later (float64) value
      const ulps = f32Seen ? 256 : obs[0].dtype === 'float32' ? 4 : 0;
      const f32 = p.kind === 'value wrong' && obs.length === 1 && ulps > 0 && closeF32(jsonOfValue(ours?.value), obs[0].value, ulps);
      if (f32) f32Seen = true;
      // numpy's runs of the line differ in their last bits only (0.25 and 0.24999999999999997)
      const lastBits = p.kind === 'value given for a varying binding' && !pair.truncated && obs.every((o) => 'value' in o && closeF32(jsonOfValue(ours?.value), o.value, 2 ** 23 * 1e-9));
      // a symbol where numpy had a size: the tracer did not know the values deciding it (a mask's count)
      const symbolic = p.kind === 'shape wrong' && obs.length === 1 && sameUpToSymbols(ours?.shape ?? null, obs[0].shape);
      push(f32 ? 'float32 ulps' : lastBits ? 'last bits vary' : symbolic ? 'shape symbolic' : p.kind, pair.line, p.text, pair.name);
    }
    if (ours && obs.length === 1 && 'value' in obs[0] && !pair.truncated && jsonOfValue(ours.value) === undefined && ours.shape !== null) {
      push('value unknown', pair.line, 'numpy gave a value, the trace has none', pair.name);
    }
  }

  // numpy raises on the innermost frame's line; the calls on the stack may carry the error too
  const allowed = new Set(oracle.exception?.stack_lines ?? []);
  for (const d of tr.diagnostics) {
    if (d.code === 'internal') push('tracer exception', d.loc.line, d.message.en);
    else if (d.code === 'not-modelled') push('not modelled', d.loc.line, d.message.en);
    else if (d.code === 'budget-exceeded') push('budget', d.loc.line, d.message.en);
    else if (d.severity === 'error' && !allowed.has(d.loc.line)) push('false error', d.loc.line, `${d.code}: ${d.message.en}`);
  }
  if (raiseLine !== undefined) {
    const errs = tr.diagnostics.filter((d) => d.severity === 'error' && d.loc.line === raiseLine);
    if (errs.length === 0) {
      const seen = tr.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${d.loc.line}`).join(', ') || 'none';
      push('missing error', raiseLine, `numpy raised ${oracle.exception?.type}: ${oracle.exception?.message}; diagnostics: ${seen}`);
    } else if (!errs.some((d) => d.code === entry.raise!.code)) {
      push('error code differs', raiseLine, `${errs.map((d) => d.code).join(', ')} where ${entry.raise!.code} was expected`);
    }
  }
  if (tr.stats.budgetExceeded && !out.some((d) => d.kind === 'budget')) push('budget', 1, `the trace ran out of its budget (${Math.round(tr.stats.ms)} ms)`);
  return out;
}
