// Jupyter notebooks (.ipynb) as one Python source: code cells in order, numbered as in the
// concatenated code cells (the CLI contract). IPython magics and shell escapes are replaced by
// placeholders of the same line count, so every line number stays exact.

import type { L10nText } from '../values';
import { scanLines } from './pythonLines';

export interface NotebookCell {
  /** index of the cell among ALL cells of the notebook (markdown included), as Jupyter counts */
  index: number;
  /** 1-based line of the cell's first line in `source` */
  startLine: number;
  lineCount: number;
}

export interface NotebookSource {
  source: string;
  cells: NotebookCell[];
}

/** An unreadable notebook: not JSON, or not nbformat 3/4. */
export class NotebookError extends Error {
  constructor(readonly text: L10nText) {
    super(text.en);
    this.name = 'NotebookError';
  }
}

/** Cell magics whose body is still Python (the magic only times or captures it). */
const PYTHON_BODY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

export function notebookToSource(json: string): NotebookSource {
  let nb: unknown;
  try {
    nb = JSON.parse(json);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new NotebookError({ en: `not a notebook: invalid JSON (${why})`, fr: `pas un notebook : JSON invalide (${why})` });
  }
  const cells = cellsOf(nb);
  let source = '';
  let line = 1;
  const out: NotebookCell[] = [];
  cells.forEach((cell, index) => {
    if (cell.type !== 'code') return;
    const lines = replaceMagics(cell.text.replace(/\r\n?/g, '\n'));
    const text = lines.join('\n');
    const lineCount = text === '' ? 0 : lines.length;
    out.push({ index, startLine: line, lineCount });
    if (lineCount > 0) {
      source += text + '\n';
      line += lineCount;
    }
  });
  return { source, cells: out };
}

function invalid(detail: string, fr: string): NotebookError {
  return new NotebookError({ en: `not a Jupyter notebook (nbformat 3 or 4): ${detail}`, fr: `pas un notebook Jupyter (nbformat 3 ou 4) : ${fr}` });
}

function cellsOf(nb: unknown): { type: string; text: string }[] {
  if (!nb || typeof nb !== 'object' || Array.isArray(nb)) throw invalid('the top level is not an object', "le niveau supérieur n'est pas un objet");
  const o = nb as Record<string, unknown>;
  const major = o.nbformat;
  let raw: unknown;
  let key: 'source' | 'input';
  if (major === 4 || (major === undefined && Array.isArray(o.cells))) {
    raw = o.cells;
    key = 'source';
  } else if (major === 3) {
    const ws = o.worksheets;
    raw = Array.isArray(ws) ? ws.flatMap((w) => (w && typeof w === 'object' && Array.isArray((w as { cells?: unknown }).cells) ? (w as { cells: unknown[] }).cells : [])) : undefined;
    key = 'input';
  } else {
    throw invalid(`unsupported nbformat ${JSON.stringify(major)}`, `nbformat ${JSON.stringify(major)} non pris en charge`);
  }
  if (!Array.isArray(raw)) throw invalid('no "cells" list', 'pas de liste « cells »');
  return raw.map((c, i) => {
    if (!c || typeof c !== 'object') throw invalid(`cell ${i} is not an object`, `la cellule ${i} n'est pas un objet`);
    const cell = c as Record<string, unknown>;
    const type = cell.cell_type;
    if (typeof type !== 'string') throw invalid(`cell ${i} has no cell_type`, `la cellule ${i} n'a pas de cell_type`);
    const src = cell[key] ?? cell.source;
    let text: string;
    if (typeof src === 'string') text = src;
    else if (Array.isArray(src) && src.every((s) => typeof s === 'string')) text = src.join('');
    else if (src === undefined && type !== 'code') text = '';
    else throw invalid(`cell ${i} has no readable source`, `la cellule ${i} n'a pas de source lisible`);
    return { type, text };
  });
}

/**
 * `%magic`, `!shell`, `x = !cmd`, `obj?` help lines become `pass` (or `x = None`) at the same
 * indentation; a `%%cell` magic blanks its cell, except magics such as %%time whose body is
 * Python. Continuation lines of a magic (trailing backslash) are blanked with it.
 */
function replaceMagics(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const first = /^\s*%%(\w+)/.exec(lines[0] ?? '');
  if (first) {
    if (!PYTHON_BODY_CELL_MAGICS.has(first[1])) return lines.map(() => '');
    lines[0] = 'pass';
  }
  let continuing = false;
  const out: string[] = [];
  // Only a line that starts a logical line can be a magic: `% b` inside brackets is a modulo.
  const startsLogical = (): boolean => {
    const rows = scanLines(out.join('\n') + '\n').rows;
    return rows[rows.length - 1].newLogical;
  };
  lines.forEach((l, i) => out.push(replaceLine(l, i)));
  return out;

  function replaceLine(l: string, i: number): string {
    if (first && i === 0) return l;
    if (continuing) {
      continuing = l.endsWith('\\');
      return '';
    }
    const m = /^(\s*)(?:([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=\s*)?([%!])/.exec(l);
    if (m && startsLogical()) {
      continuing = l.endsWith('\\');
      return m[2] ? `${m[1]}${m[2]} = None` : `${m[1]}pass`;
    }
    const help = /^(\s*)[A-Za-z_][\w.]*\?\??\s*$/.exec(l);
    if (help && startsLogical()) return `${help[1]}pass`;
    return l;
  }
}
