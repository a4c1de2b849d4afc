// The tutor panel's script: receives typed messages (src/protocol/messages.ts), draws the
// derivation (KaTeX steps, tables, per-head heatmaps), asks for a cell's scalar derivation on
// click, keeps its state across hide/show (setState/getState) and reports CSP violations.

import {
  isPanelState,
  isToWebview,
  type CellDto,
  type DerivationDto,
  type FromWebview,
  type Locale,
  type PanelState,
  type StepDto,
  type TextDto,
  type ToWebview,
} from '../src/protocol/messages';
import { tex } from './math';
import { contrastHeatmapText, renderTensor, short, num } from './tensor';
import { button, divider, initToolkit } from './toolkit';

interface VsCodeApi {
  postMessage(m: FromWebview): void;
  getState(): unknown;
  setState(s: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const post = (m: FromWebview): void => vscode.postMessage(m);

document.addEventListener('securitypolicyviolation', (e) => post({ type: 'cspViolation', directive: e.violatedDirective, blocked: e.blockedURI || e.sourceFile || '' }));
window.addEventListener('error', (e) => post({ type: 'error', message: String(e.message) }));

let locale: Locale = 'en';
let strings: Record<string, string> = {};
const saved = vscode.getState();
let state: PanelState = isPanelState(saved) ? saved : {};
let requestId = 0;

const s = (key: string, ...args: (string | number)[]): string =>
  (strings[key] ?? key).replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
const pick = (t: TextDto): string => t[locale];

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

function save(patch: Partial<PanelState>): void {
  state = { ...state, ...patch, locale };
  vscode.setState(state);
}

function shapeText(shape: (number | string)[] | null): string {
  if (!shape) return '?';
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function stepSection(step: StepDto, i: number): HTMLElement {
  const sec = h('section', 'step');
  sec.appendChild(h('h3', undefined, `${i + 1}. ${pick(step.title)}`));
  sec.appendChild(tex(step.latex, true));
  if (step.note) sec.appendChild(h('p', 'note', pick(step.note)));
  if (step.value) {
    const t = renderTensor(step.value, tensorOptions(`step${i}`));
    if (t) sec.appendChild(t);
  }
  return sec;
}

function tensorOptions(sliceKey: string, extra: Partial<Parameters<typeof renderTensor>[1]> = {}): Parameters<typeof renderTensor>[1] {
  const key = hash(sliceKey);
  return {
    slice: state.slices?.[key] ?? [],
    onSlice: (slice) => {
      save({ slices: { ...(state.slices ?? {}), [key]: slice } });
      draw();
    },
    labels: { axis: (a) => s('axis', a), shape: s('shape') },
    ...extra,
  };
}

function hash(text: string): number {
  let x = 0;
  for (let i = 0; i < text.length; i++) x = (x * 31 + text.charCodeAt(i)) | 0;
  return x;
}

function drawDerivation(d: DerivationDto): void {
  const header = h('header');
  header.appendChild(h('h1', undefined, `${pick(d.name)}`));
  const where = h('span', 'where', `${d.source.label} · ${s('line', d.line)}`);
  header.appendChild(where);
  header.appendChild(button(s('reveal'), () => post({ type: 'reveal', line: d.line })));
  // trace + derivation time of what is shown: the student sees the panel follow the typing
  if (state.elapsedMs !== undefined) header.appendChild(h('span', 'updated', s('updated', state.elapsedMs)));
  app.appendChild(header);

  const general = h('section', 'general');
  general.appendChild(h('h2', undefined, s('general')));
  general.appendChild(tex(d.general, true));
  app.appendChild(general);

  if (d.steps.length) {
    app.appendChild(h('h2', undefined, s('steps')));
    d.steps.forEach((step, i) => app.appendChild(stepSection(step, i)));
  }

  app.appendChild(divider());
  const result = h('section', 'result');
  result.appendChild(h('h2', undefined, `${s('result')} · ${shapeText(d.result.shape)}${d.result.dtype ? ` · ${d.result.dtype}` : ''}`));
  const table = renderTensor(d.result, tensorOptions('result', { onCell: (index) => askCell(index) }));
  if (table) {
    result.appendChild(table);
    result.appendChild(h('p', 'hint', s('clickCell')));
  } else result.appendChild(h('p', 'hint', s('unknownValue')));
  app.appendChild(result);

  if (d.heatmaps.length) {
    const maps = h('section', 'heatmaps');
    maps.appendChild(h('h2', undefined, s('heatmaps')));
    d.heatmaps.forEach((m, i) => {
      const fig = h('figure', 'heatmap-figure');
      fig.appendChild(h('figcaption', undefined, pick(m.title)));
      const t = renderTensor(
        m.matrix,
        tensorOptions(`heatmap${i}`, {
          heatmap: true,
          rowLabels: m.rowLabels,
          colLabels: m.colLabels,
          onCell: m.explainable ? (index) => askCell(index, i) : undefined,
          labels: { axis: (a) => heatmapAxis(m.matrix.shape?.length ?? 0, a), rows: s('rows'), cols: s('cols'), shape: s('shape') },
        }),
      );
      if (t) fig.appendChild(t);
      maps.appendChild(fig);
    });
    app.appendChild(maps);
  }
  app.appendChild(h('section', 'cell-detail'));
}

/**
 * The leading axes of a stack of attention maps, named as attention code lays them out:
 * (heads, queries, keys) and (batch, heads, queries, keys); other ranks say "axis n".
 */
function heatmapAxis(rank: number, axis: number): string {
  if (rank === 3) return s('head');
  if (rank === 4) return axis === 0 ? s('batch') : s('head');
  return s('axis', axis);
}

function askCell(index: number[], heatmap?: number): void {
  requestId += 1;
  post({ type: 'cell', index, heatmap, requestId });
}

function drawCell(cell: CellDto): void {
  const box = app.querySelector('.cell-detail');
  if (!box) return;
  box.replaceChildren();
  box.appendChild(h('h2', undefined, `${s('cell', `[${cell.index.join(', ')}]`)} = ${short(num(cell.value))}`));
  cell.steps.forEach((step, i) => box.appendChild(stepSection(step, i)));
  (box as HTMLElement).scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}

function drawExplanation(e: NonNullable<PanelState['explanation']>): void {
  const header = h('header');
  header.appendChild(h('h1', undefined, pick(e.title)));
  header.appendChild(h('code', 'where', e.code));
  app.appendChild(header);
  const sec = h('section', 'explanation');
  for (const p of e.paragraphs) sec.appendChild(h('p', undefined, pick(p)));
  for (const l of e.latex) sec.appendChild(tex(l, true));
  app.appendChild(sec);
}

function draw(): void {
  app.replaceChildren();
  document.title = s('title');
  if (state.derivation) drawDerivation(state.derivation);
  else if (state.explanation) drawExplanation(state.explanation);
  else app.appendChild(h('p', 'waiting', s('waiting')));
  contrastHeatmapText(app);
}

function receive(m: ToWebview): void {
  switch (m.type) {
    case 'init':
    case 'locale':
      locale = m.locale;
      strings = m.strings;
      document.documentElement.lang = locale;
      draw();
      return;
    case 'derivation':
      save({ derivation: m.derivation, explanation: undefined, elapsedMs: m.elapsedMs });
      draw();
      post({ type: 'rendered', formula: m.derivation.formula, line: m.derivation.line });
      return;
    case 'explanation':
      save({ explanation: m, derivation: undefined });
      draw();
      return;
    case 'cell':
      if (m.requestId === requestId) drawCell(m.cell);
      return;
    case 'empty':
      save({ derivation: undefined, explanation: undefined });
      app.replaceChildren(h('p', 'waiting', pick(m.reason)));
      return;
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  if (isToWebview(e.data)) receive(e.data);
  else post({ type: 'error', message: `malformed message ${JSON.stringify(e.data)?.slice(0, 200)}` });
});

// VS Code sets the theme's colours on <html> (CSS variables) and names the theme kind in <body>'s
// class, also after the panel drew (first load, theme switch): pick the heatmap text colours again
let contrastPending = false;
const recontrast = new MutationObserver(() => {
  if (contrastPending) return;
  contrastPending = true;
  requestAnimationFrame(() => {
    contrastPending = false;
    contrastHeatmapText(app);
  });
});
recontrast.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
recontrast.observe(document.body, { attributes: true, attributeFilter: ['class'] });

initToolkit();
if (state.locale) locale = state.locale;
// draw what the panel showed before it was hidden at once, then ask for fresh content
if (state.derivation || state.explanation) draw();
post({ type: 'ready' });
