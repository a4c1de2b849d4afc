// recognizeFormulas(trace): every recogniser over every statement of the traced program, one
// site per (line, kind), sorted by line then by how specific the formula is (attention before
// the softmax inside it), and stored in trace.formulas.

import type { Diagnostic } from '../diagnostics';
import type { FormulaKind, FormulaSite, Trace } from '../types';
import { lintsAt } from './lints/index';
import { buildContext, rawOf, type MatchContext, type StmtInfo } from './match';
import { recognisers, registerRecogniser } from './registry';
import { softmaxRecogniser } from './kinds/softmax';
import { scaledScoresRecogniser } from './kinds/scaledScores';
import { attentionRecogniser } from './kinds/attention';
import { multiHeadRecogniser } from './kinds/multiHead';
import { positionalEncodingRecogniser } from './kinds/positionalEncoding';
import { adamRecogniser, momentumRecogniser, sgdRecogniser } from './kinds/optimisers';
import { geluRecogniser, reluRecogniser, sigmoidRecogniser } from './kinds/activations';
import { layerNormRecogniser } from './kinds/layerNorm';
import { cosineRecogniser, crossEntropyRecogniser, perplexityRecogniser } from './kinds/metrics';
import { embeddingRecogniser, linearRecogniser } from './kinds/layers';

for (const r of [
  softmaxRecogniser, scaledScoresRecogniser, attentionRecogniser, multiHeadRecogniser, positionalEncodingRecogniser,
  adamRecogniser, sgdRecogniser, momentumRecogniser, layerNormRecogniser, geluRecogniser, reluRecogniser, sigmoidRecogniser,
  crossEntropyRecogniser, perplexityRecogniser, cosineRecogniser, linearRecogniser, embeddingRecogniser,
]) registerRecogniser(r);

/** Most specific first: a line with several formulas is explained as the first of these. */
export const SPECIFICITY: readonly FormulaKind[] = [
  'multi-head-attention', 'attention', 'adam-step', 'momentum-step', 'positional-encoding', 'layer-norm', 'gelu',
  'cosine-similarity', 'perplexity', 'cross-entropy', 'softmax', 'scaled-scores', 'sigmoid', 'linear', 'relu',
  'sgd-step', 'embedding-lookup',
];

/**
 * Formula sites of a trace. `ctx` lets the tracer build the match context once for the
 * recognisers and the lints (building it walks the whole program).
 */
export function findFormulas(trace: Pick<Trace, 'program' | 'exprValues'>, ctx: MatchContext = buildContext(trace.program, trace.exprValues)): FormulaSite[] {
  return mergeSites(rawOf(ctx.stmts).map((at) => sitesAt(ctx, at)));
}

/** Every recogniser at one statement, before de-duplication (an incremental trace caches these). */
export function sitesAt(ctx: MatchContext, at: StmtInfo): FormulaSite[] {
  const out: FormulaSite[] = [];
  for (const r of recognisers()) {
    try {
      out.push(...r.recognise(ctx, at));
    } catch {
      // a recogniser meeting an IR shape it did not expect finds nothing there, it never breaks the trace
    }
  }
  return out;
}

const RANK = new Map(SPECIFICITY.map((k, i) => [k, i]));

/** One site per (line, kind), the first found winning, sorted by line then specificity. */
export function mergeSites(perStmt: readonly (readonly FormulaSite[])[]): FormulaSite[] {
  const sites: FormulaSite[] = [];
  const seen = new Set<string>();
  for (const found of perStmt) {
    for (const s of found) {
      const key = `${s.line}:${s.kind}`;
      if (!seen.has(key)) {
        seen.add(key);
        sites.push(s);
      }
    }
  }
  return sites.sort((a, b) => a.line - b.line || (RANK.get(a.kind) ?? -1) - (RANK.get(b.kind) ?? -1));
}

/** Recognise the formulas of a trace and store them in trace.formulas. */
export function recognizeFormulas(trace: Trace): FormulaSite[] {
  trace.formulas = findFormulas(trace);
  return trace.formulas;
}

/** Formula sites and lint diagnostics found at each top-level statement (with its nested ones). */
export interface PerTop {
  sites: FormulaSite[][];
  lints: Diagnostic[][];
  /** the group's recognisers or lints read other top-level statements by position (see MatchContext.watch) */
  positional: boolean[];
}

/** One statement group's cached results. */
export interface GroupResult {
  sites: FormulaSite[];
  lints: Diagnostic[];
  positional: boolean;
}

/**
 * Recognisers and lints statement group by statement group (a top-level statement and the ones
 * nested in it). `reuse(i)` may hand back group i's results from a previous trace when nothing
 * they read can have changed; the others are computed. Merge with mergeSites / mergeLints.
 */
export function perTopLevel(ctx: MatchContext, reuse: (i: number) => GroupResult | undefined): PerTop {
  const out: PerTop = { sites: [], lints: [], positional: [] };
  const { watch } = ctx;
  let i = -1;
  let cached: GroupResult | undefined;
  try {
    for (const at of rawOf(ctx.stmts)) {
      if (!at.parent) {
        // a new group: close the one before
        if (i >= 0 && !cached) out.positional[i] = watch.seen;
        i++;
        watch.on = false;
        cached = reuse(i);
        out.sites[i] = cached ? cached.sites : [];
        out.lints[i] = cached ? cached.lints : [];
        out.positional[i] = cached ? cached.positional : false;
        watch.seen = false;
        watch.on = !cached;
      }
      if (cached || i < 0) continue;
      out.sites[i].push(...sitesAt(ctx, at));
      out.lints[i].push(...lintsAt(ctx, at));
    }
    if (i >= 0 && !cached) out.positional[i] = watch.seen;
  } finally {
    watch.on = false;
  }
  return out;
}
