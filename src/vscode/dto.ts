// Core values and derivations as the JSON the panel protocol carries (src/protocol/messages.ts).
// Float64Array data and non-finite numbers do not survive postMessage's JSON: converted here.

import type { CellDerivation, Derivation, FormulaKind, Heatmap, Step } from '../core/types';
import { Dim } from '../core/shapes/dim';
import { jsonNumber, type L10nText, type Value } from '../core/values';
import type { CellDto, DerivationDto, HeatmapDto, SourceRef, StepDto, TensorDto } from '../protocol/messages';
import { reprValue } from './format/numpyRepr';

/** Largest tensor sent with its data (the panel draws tables and heatmaps, not megabytes). */
const MAX_SENT = 20000;

function tensorDto(v: Value | undefined): TensorDto {
  if (!v) return { shape: null, dtype: null };
  switch (v.kind) {
    case 'array': {
      const dto: TensorDto = { shape: v.shape ? v.shape.map(Dim.toJson) : null, dtype: v.dtype };
      if (v.data && v.data.length <= MAX_SENT) {
        dto.data = Array.from(v.data, jsonNumber);
        dto.repr = reprValue(v);
      }
      return dto;
    }
    case 'int':
    case 'float':
      return v.value === undefined
        ? { shape: [], dtype: v.kind === 'int' ? 'int' : 'float' }
        : { shape: [], dtype: v.kind === 'int' ? 'int' : 'float', data: [jsonNumber(v.value)], repr: reprValue(v) };
    case 'bool':
      return v.value === undefined ? { shape: [], dtype: 'bool' } : { shape: [], dtype: 'bool', data: [v.value ? 1 : 0], repr: reprValue(v) };
    default:
      return { shape: null, dtype: null };
  }
}

const text = (t: L10nText): L10nText => ({ en: t.en, fr: t.fr });

function stepDto(s: Step): StepDto {
  const dto: StepDto = { title: text(s.title), latex: s.latex };
  if (s.value) dto.value = tensorDto(s.value);
  if (s.note) dto.note = text(s.note);
  return dto;
}

/**
 * A heatmap whose matrix IS the derivation's result (softmax weights, scaled scores): its cells
 * have a scalar derivation (explainCell on the result). A head of a multi-head block has none.
 */
function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.kind !== 'array' || b.kind !== 'array' || !a.data || !b.data || !a.shape || !b.shape) return false;
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape![i]) || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (!Object.is(a.data[i], b.data[i])) return false;
  return true;
}

function heatmapDto(h: Heatmap, result?: Value): HeatmapDto {
  const dto: HeatmapDto = { title: text(h.title), matrix: tensorDto(h.matrix) };
  if (result && sameValue(h.matrix, result)) dto.explainable = true;
  if (h.rowLabels) dto.rowLabels = [...h.rowLabels];
  if (h.colLabels) dto.colLabels = [...h.colLabels];
  return dto;
}

/** Names of the formulas in both languages, for CodeLens titles and the panel header. */
export const FORMULA_NAMES: Record<FormulaKind | 'expression', L10nText> = {
  softmax: { en: 'softmax', fr: 'softmax' },
  'scaled-scores': { en: 'scaled scores', fr: 'scores mis à l’échelle' },
  attention: { en: 'attention', fr: 'attention' },
  'multi-head-attention': { en: 'multi-head attention', fr: 'attention multi-têtes' },
  'positional-encoding': { en: 'positional encoding', fr: 'encodage positionnel' },
  'adam-step': { en: 'Adam step', fr: 'pas d’Adam' },
  'sgd-step': { en: 'SGD step', fr: 'pas de SGD' },
  'momentum-step': { en: 'momentum step', fr: 'pas avec momentum' },
  'layer-norm': { en: 'layer norm', fr: 'normalisation de couche' },
  gelu: { en: 'GELU', fr: 'GELU' },
  relu: { en: 'ReLU', fr: 'ReLU' },
  sigmoid: { en: 'sigmoid', fr: 'sigmoïde' },
  'cross-entropy': { en: 'cross-entropy', fr: 'entropie croisée' },
  perplexity: { en: 'perplexity', fr: 'perplexité' },
  'cosine-similarity': { en: 'cosine similarity', fr: 'similarité cosinus' },
  linear: { en: 'linear layer', fr: 'couche linéaire' },
  'embedding-lookup': { en: 'embedding lookup', fr: 'lecture des plongements' },
  expression: { en: 'expression', fr: 'expression' },
};

export function derivationDto(d: Derivation, source: SourceRef): DerivationDto {
  return {
    formula: d.formula,
    name: text(FORMULA_NAMES[d.formula] ?? { en: d.formula, fr: d.formula }),
    line: d.line,
    general: d.general,
    steps: d.steps.map(stepDto),
    result: tensorDto(d.result),
    heatmaps: d.heatmaps.map((h) => heatmapDto(h, d.result)),
    source,
  };
}

export function cellDto(c: CellDerivation): CellDto {
  return { index: [...c.index], steps: c.steps.map(stepDto), value: jsonNumber(c.value) };
}
