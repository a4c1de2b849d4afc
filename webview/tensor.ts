// Tensors in the panel: a matrix as a table, a vector as one row, rank > 2 through a slice picker
// over the leading axes (batch, head); heatmaps colour each cell by its value through a CSS
// variable (CSSOM, allowed by the CSP) so the theme's own chart colour is used.

import type { TensorDto } from '../src/protocol/messages';
import { dropdown } from './toolkit';

export const num = (x: number | string): number =>
  typeof x === 'number' ? x : x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : -Infinity;

/** Short, aligned text of an entry (the full value is in the cell's tooltip). */
export function short(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '−∞' : '∞';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(2);
  return String(Number(x.toFixed(4)));
}

/**
 * A heatmap entry in two decimals: the colour carries the magnitude, the tooltip and the cell's
 * derivation the full value, and seven words still fit beside the code.
 */
export function compact(x: number): string {
  if (!Number.isFinite(x)) return short(x);
  if (Math.abs(x) >= 1e4) return x.toExponential(1);
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

export interface TensorView {
  /** the element to insert */
  el: HTMLElement;
}

export interface TensorOptions {
  heatmap?: boolean;
  rowLabels?: string[];
  colLabels?: string[];
  /** the leading-axis indices currently picked */
  slice: number[];
  onSlice: (slice: number[]) => void;
  /** a click on an entry, with its full index */
  onCell?: (index: number[]) => void;
  labels: { axis: (i: number) => string; rows?: string; cols?: string; shape: string };
}

/**
 * WCAG relative luminance (0 black … 1 white) of a computed colour: `rgb(…)`/`rgba(…)` (0–255),
 * or `color(srgb r g b)` (0–1), which is how Chromium reports a color-mix() result.
 */
export function luminance(css: string): number | undefined {
  const num = String.raw`([\d.]+(?:e-?\d+)?)`;
  const rgb = new RegExp(String.raw`^rgba?\(\s*${num}[,\s]+${num}[,\s]+${num}`).exec(css);
  const srgb = new RegExp(String.raw`^color\(srgb\s+${num}\s+${num}\s+${num}`).exec(css);
  const channels = rgb ? rgb.slice(1, 4).map((x) => Number(x) / 255) : srgb ? srgb.slice(1, 4).map(Number) : undefined;
  if (!channels) return undefined;
  const lin = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = channels.map(lin);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Heatmap text in black or white, whichever contrasts more with the cell as the theme drew it:
 * the cell colour is a mix of theme variables (CSS color-mix), known only once styles apply, so
 * this runs on cells already in the document.
 */
export function contrastHeatmapText(root: ParentNode): void {
  for (const td of root.querySelectorAll<HTMLElement>('table.heatmap td')) {
    const l = luminance(getComputedStyle(td).backgroundColor);
    if (l === undefined) continue;
    // contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05)
    const dark = 1.05 / (l + 0.05) >= (l + 0.05) / 0.05;
    td.classList.toggle('on-dark', dark);
    td.classList.toggle('on-light', !dark);
  }
}

/** Render a tensor with data; `undefined` when it has none (caller shows the shape only). */
export function renderTensor(t: TensorDto, o: TensorOptions): HTMLElement | undefined {
  if (!t.data || !t.shape || !t.shape.every((d) => typeof d === 'number')) return undefined;
  const shape = t.shape as number[];
  const data = t.data.map(num);
  const wrap = document.createElement('div');
  wrap.className = 'tensor';
  if (shape.length === 0) {
    const s = document.createElement('span');
    s.className = 'scalar';
    s.textContent = short(data[0]);
    s.title = String(data[0]);
    wrap.appendChild(s);
    return wrap;
  }
  const lead = shape.slice(0, Math.max(0, shape.length - 2));
  const slice = lead.map((n, i) => Math.min(Math.max(0, o.slice[i] ?? 0), n - 1));
  if (lead.length) {
    const picker = document.createElement('div');
    picker.className = 'slice-picker';
    lead.forEach((n, axis) => {
      const label = document.createElement('label');
      label.textContent = o.labels.axis(axis);
      picker.appendChild(label);
      picker.appendChild(
        dropdown(
          Array.from({ length: n }, (_, i) => String(i)),
          slice[axis],
          (i) => o.onSlice(slice.map((s, a) => (a === axis ? i : s))),
          o.labels.axis(axis),
        ),
      );
    });
    wrap.appendChild(picker);
  }
  const rows = shape.length >= 2 ? shape[shape.length - 2] : 1;
  const cols = shape[shape.length - 1];
  let offset = 0;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  slice.forEach((s, i) => (offset += s * strides[i]));
  const values = data.slice(offset, offset + rows * cols);
  const finite = values.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);

  const table = document.createElement('table');
  table.className = o.heatmap ? 'matrix heatmap' : 'matrix';
  if (o.colLabels?.length === cols) {
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    for (const c of o.colLabels) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.appendChild(th);
    }
  }
  const body = table.createTBody();
  for (let r = 0; r < rows; r++) {
    const tr = body.insertRow();
    if (o.rowLabels?.length === rows) {
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = o.rowLabels[r];
      tr.appendChild(th);
    }
    for (let c = 0; c < cols; c++) {
      const x = values[r * cols + c];
      const td = tr.insertCell();
      td.textContent = o.heatmap ? compact(x) : short(x);
      const index = shape.length >= 2 ? [...slice, r, c] : [c];
      td.title = `[${index.join(', ')}] = ${x}`;
      if (o.heatmap) {
        const v = Number.isFinite(x) ? (max > min ? (x - min) / (max - min) : 1) : 0;
        td.style.setProperty('--v', v.toFixed(3));
      }
      if (o.onCell) {
        td.tabIndex = 0;
        td.classList.add('clickable');
        td.addEventListener('click', () => o.onCell?.(index));
        td.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') o.onCell?.(index);
        });
      }
    }
  }
  wrap.appendChild(table);
  if (o.heatmap && (o.labels.rows || o.labels.cols)) {
    const legend = document.createElement('p');
    legend.className = 'legend';
    legend.textContent = [o.labels.rows, o.labels.cols].filter(Boolean).join(' · ');
    wrap.appendChild(legend);
  }
  return wrap;
}
