// recognizeFormulas(trace): every recogniser over every statement of the traced program, one
// site per (line, kind), sorted by line then by how specific the formula is (attention before
// the softmax inside it), and stored in trace.formulas.

import type { FormulaKind, FormulaSite, Trace } from '../types';
import { buildContext } from './match';
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

export function findFormulas(trace: Pick<Trace, 'program' | 'exprValues'>): FormulaSite[] {
  const ctx = buildContext(trace.program, trace.exprValues);
  const sites: FormulaSite[] = [];
  const seen = new Set<string>();
  for (const at of ctx.stmts) {
    for (const r of recognisers()) {
      let found: FormulaSite[] = [];
      try {
        found = r.recognise(ctx, at);
      } catch {
        // a recogniser meeting an IR shape it did not expect finds nothing there, it never breaks the trace
        found = [];
      }
      for (const s of found) {
        const key = `${s.line}:${s.kind}`;
        if (!seen.has(key)) {
          seen.add(key);
          sites.push(s);
        }
      }
    }
  }
  return sites.sort((a, b) => a.line - b.line || SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind));
}

/** Recognise the formulas of a trace and store them in trace.formulas. */
export function recognizeFormulas(trace: Trace): FormulaSite[] {
  trace.formulas = findFormulas(trace);
  return trace.formulas;
}
