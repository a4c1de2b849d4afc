// The one typed contract between the extension and the tutor panel (webview). Both sides import
// this file; everything that crosses postMessage is a plain JSON value described here, and every
// message that arrives is checked by `isToWebview` / `isFromWebview` before it is used.

/** A tensor as the panel sees it: JSON-safe (non-finite numbers as strings, as in the CLI contract). */
export interface TensorDto {
  /** dims (number, or a symbol name such as "d_k"); null when even the rank is unknown */
  shape: (number | string)[] | null;
  dtype: string | null;
  /** row-major elements when determined; `Infinity`, `-Infinity`, `NaN` as strings */
  data?: (number | string)[];
  /** numpy's repr of the value (`array([[…]])`), for a tooltip or a copy button */
  repr?: string;
}

/** Prose in both languages; the panel shows the one of the current locale. */
export interface TextDto {
  en: string;
  fr: string;
}

export interface StepDto {
  title: TextDto;
  /** LaTeX for katex.render */
  latex: string;
  value?: TensorDto;
  note?: TextDto;
}

export interface HeatmapDto {
  title: TextDto;
  matrix: TensorDto;
  /** labels of the second-to-last axis (queries) and last axis (keys) */
  rowLabels?: string[];
  colLabels?: string[];
  /** the matrix is the derivation's result: a click on a cell derives that entry */
  explainable?: boolean;
}

/** Where a derivation comes from, so a click in the panel can find the same trace again. */
export interface SourceRef {
  uri: string;
  /** 1-based line in the traced text (for notebooks: the concatenated code cells) */
  line: number;
  /** a selection (1-based lines, 0-based columns) when the derivation is of a selected expression */
  selection?: { line: number; col: number; endLine: number; endCol: number };
  /** file name shown in the header */
  label: string;
}

export interface DerivationDto {
  /** a formula kind of the CLI contract, or "expression" for a selection */
  formula: string;
  /** human name of the formula ("softmax", "scaled scores", ...) */
  name: TextDto;
  line: number;
  general: string;
  steps: StepDto[];
  result: TensorDto;
  heatmaps: HeatmapDto[];
  source: SourceRef;
}

export interface CellDto {
  /** index of the clicked entry in the result (or in heatmap `heatmap`) */
  index: number[];
  steps: StepDto[];
  value: number | string;
}

export type Locale = 'en' | 'fr';

/** Messages the extension sends to the panel. */
export type ToWebview =
  /** The first message, answered to `ready`: language and every UI string the panel shows. */
  | { type: 'init'; locale: Locale; strings: Record<string, string> }
  /** Show (or replace) the derivation; sent again, debounced, whenever the document is edited. */
  | { type: 'derivation'; derivation: DerivationDto; elapsedMs?: number }
  /** The scalar arithmetic behind one entry, answer to `cell`. */
  | { type: 'cell'; cell: CellDto; requestId: number }
  /** The explanation of a diagnostic code (the link of a diagnostic's code). */
  | { type: 'explanation'; code: string; title: TextDto; paragraphs: TextDto[]; latex: string[] }
  /** Nothing to show (no formula at that line anymore, or the document closed): the reason. */
  | { type: 'empty'; reason: TextDto }
  /** The language changed (setting or display language). */
  | { type: 'locale'; locale: Locale; strings: Record<string, string> };

/** Messages the panel sends to the extension. */
export type FromWebview =
  /** The panel's script has loaded and listens: the extension may post now. */
  | { type: 'ready' }
  /** A click on an entry of the result or of a heatmap: derive that scalar. */
  | { type: 'cell'; index: number[]; heatmap?: number; requestId: number }
  /** Reveal the derivation's line in the editor. */
  | { type: 'reveal'; line: number }
  /** The derivation was drawn (after KaTeX ran): used by the latency bench. */
  | { type: 'rendered'; formula: string; line: number }
  /** The browser refused something because of the CSP: reported so tests can fail on it. */
  | { type: 'cspViolation'; directive: string; blocked: string }
  /** An uncaught error in the panel's script. */
  | { type: 'error'; message: string };

// ---- validators ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isArrayOf = <T>(x: unknown, f: (e: unknown) => e is T): x is T[] => Array.isArray(x) && x.every(f);
const optional = <T>(x: unknown, f: (e: unknown) => e is T): boolean => x === undefined || f(x);
const NON_FINITE = new Set(['Infinity', '-Infinity', 'NaN']);
const isJsonNumber = (x: unknown): x is number | string => isNum(x) || (isStr(x) && NON_FINITE.has(x));

export function isTextDto(x: unknown): x is TextDto {
  return isObj(x) && isStr(x.en) && isStr(x.fr);
}

export function isTensorDto(x: unknown): x is TensorDto {
  if (!isObj(x)) return false;
  const shapeOk = x.shape === null || isArrayOf(x.shape, (d): d is number | string => isInt(d) || isStr(d));
  if (!shapeOk || !(x.dtype === null || isStr(x.dtype))) return false;
  if (!optional(x.repr, isStr)) return false;
  if (x.data === undefined) return true;
  if (!isArrayOf(x.data, isJsonNumber)) return false;
  // data must fill the shape exactly when the shape is concrete
  if (Array.isArray(x.shape) && x.shape.every(isInt)) {
    const size = (x.shape as number[]).reduce((a, b) => a * b, 1);
    return size === x.data.length;
  }
  return true;
}

export function isStepDto(x: unknown): x is StepDto {
  return (
    isObj(x) && isTextDto(x.title) && isStr(x.latex) && optional(x.value, isTensorDto) && optional(x.note, isTextDto)
  );
}

export function isHeatmapDto(x: unknown): x is HeatmapDto {
  return (
    isObj(x) &&
    isTextDto(x.title) &&
    isTensorDto(x.matrix) &&
    optional(x.rowLabels, (l): l is string[] => isArrayOf(l, isStr)) &&
    optional(x.colLabels, (l): l is string[] => isArrayOf(l, isStr)) &&
    optional(x.explainable, (b): b is boolean => typeof b === 'boolean')
  );
}

function isSelection(x: unknown): x is SourceRef['selection'] {
  return isObj(x) && isInt(x.line) && isInt(x.col) && isInt(x.endLine) && isInt(x.endCol);
}

export function isSourceRef(x: unknown): x is SourceRef {
  return isObj(x) && isStr(x.uri) && isInt(x.line) && isStr(x.label) && optional(x.selection, isSelection);
}

export function isDerivationDto(x: unknown): x is DerivationDto {
  return (
    isObj(x) &&
    isStr(x.formula) &&
    isTextDto(x.name) &&
    isInt(x.line) &&
    isStr(x.general) &&
    isArrayOf(x.steps, isStepDto) &&
    isTensorDto(x.result) &&
    isArrayOf(x.heatmaps, isHeatmapDto) &&
    isSourceRef(x.source)
  );
}

export function isCellDto(x: unknown): x is CellDto {
  return isObj(x) && isArrayOf(x.index, isInt) && isArrayOf(x.steps, isStepDto) && isJsonNumber(x.value);
}

const isLocale = (x: unknown): x is Locale => x === 'en' || x === 'fr';
const isStrings = (x: unknown): x is Record<string, string> => isObj(x) && Object.values(x).every(isStr);

/** True when `x` is a well-formed message for the panel. */
export function isToWebview(x: unknown): x is ToWebview {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'init':
    case 'locale':
      return isLocale(x.locale) && isStrings(x.strings);
    case 'derivation':
      return isDerivationDto(x.derivation) && optional(x.elapsedMs, isNum);
    case 'cell':
      return isCellDto(x.cell) && isInt(x.requestId);
    case 'empty':
      return isTextDto(x.reason);
    case 'explanation':
      return isStr(x.code) && isTextDto(x.title) && isArrayOf(x.paragraphs, isTextDto) && isArrayOf(x.latex, isStr);
    default:
      return false;
  }
}

/** True when `x` is a well-formed message from the panel (anything else is dropped and logged). */
export function isFromWebview(x: unknown): x is FromWebview {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready':
      return true;
    case 'cell':
      return isArrayOf(x.index, isInt) && optional(x.heatmap, isInt) && isInt(x.requestId);
    case 'reveal':
      return isInt(x.line) && x.line >= 1;
    case 'rendered':
      return isStr(x.formula) && isInt(x.line);
    case 'cspViolation':
      return isStr(x.directive) && isStr(x.blocked);
    case 'error':
      return isStr(x.message);
    default:
      return false;
  }
}

/** What the panel keeps with vscode.setState, and the serializer gets back after a reload. */
export interface PanelState {
  /** the last derivation shown, so a hidden-then-shown panel draws at once */
  derivation?: DerivationDto;
  /** or the last diagnostic explanation shown */
  explanation?: Extract<ToWebview, { type: 'explanation' }>;
  /** how long the shown derivation took (trace + derivation, ms): "Updated in N ms" */
  elapsedMs?: number;
  /** the slice picked per heatmap (leading-axis indices) */
  slices?: Record<number, number[]>;
  locale?: Locale;
}

export function isPanelState(x: unknown): x is PanelState {
  return (
    isObj(x) &&
    optional(x.derivation, isDerivationDto) &&
    optional(x.explanation, (e): e is PanelState['explanation'] => isToWebview(e) && (e as ToWebview).type === 'explanation') &&
    optional(x.slices, (s): s is Record<number, number[]> => isObj(s) && Object.values(s).every((v) => isArrayOf(v, isInt))) &&
    optional(x.locale, isLocale) &&
    optional(x.elapsedMs, isNum)
  );
}
