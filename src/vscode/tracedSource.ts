// What one trace reads: a text document, or a notebook's code cells concatenated in order (state
// carries across cells, as when the notebook runs top to bottom), with the mapping of positions
// between the editor's documents and the traced text (1-based lines, 0-based columns).

import * as vscode from 'vscode';
import type { Loc } from '../core/ir';
import { notebookToSource } from '../core/parse/notebook';
import type { Language } from '../core/types';

interface CellSpan {
  document: vscode.TextDocument;
  /** 0-based line of the cell's first line in the concatenated text */
  start: number;
  lineCount: number;
}

function languageOf(doc: vscode.TextDocument): Language | undefined {
  if (doc.languageId === 'python') return 'python';
  if (doc.languageId === 'typescript' || doc.languageId === 'typescriptreact') return 'typescript';
  return undefined;
}

export class TracedSource {
  private constructor(
    /** the document's uri, or the notebook's for a cell */
    readonly key: string,
    readonly language: Language,
    readonly text: string,
    /** changes whenever any traced text changes */
    readonly version: string,
    readonly cells: CellSpan[] | undefined,
    /** the notebook, when this source is one */
    readonly notebook: vscode.NotebookDocument | undefined,
    private readonly single: vscode.TextDocument | undefined,
  ) {}

  static of(doc: vscode.TextDocument): TracedSource | undefined {
    if (doc.uri.scheme === 'vscode-notebook-cell') {
      const nb = vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document === doc));
      return nb ? TracedSource.ofNotebook(nb) : undefined;
    }
    const language = languageOf(doc);
    if (!language) return undefined;
    return new TracedSource(doc.uri.toString(), language, doc.getText(), String(doc.version), undefined, undefined, doc);
  }

  static ofNotebook(nb: vscode.NotebookDocument): TracedSource | undefined {
    const code = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python');
    if (!code.length) return undefined;
    // the CLI's own flattening (magics become placeholders of the same line count), so the editor
    // and `attention-tutor trace notebook.ipynb` trace the same program
    let flat: ReturnType<typeof notebookToSource>;
    try {
      flat = notebookToSource(JSON.stringify({ nbformat: 4, cells: code.map((c) => ({ cell_type: 'code', source: c.document.getText() })) }));
    } catch {
      return undefined;
    }
    const cells: CellSpan[] = flat.cells.map((c) => ({ document: code[c.index].document, start: c.startLine - 1, lineCount: c.lineCount }));
    const version = `${nb.version}:${code.map((c) => c.document.version).join(',')}`;
    return new TracedSource(nb.uri.toString(), 'python', flat.source, version, cells, nb, undefined);
  }

  /** Every editor document this source covers. */
  get documents(): vscode.TextDocument[] {
    return this.cells ? this.cells.map((c) => c.document) : this.single ? [this.single] : [];
  }

  /** The traced line (1-based) and column of a position in one of its documents. */
  toCore(doc: vscode.TextDocument, pos: vscode.Position): { line: number; col: number } | undefined {
    if (!this.cells) return doc === this.single || doc.uri.toString() === this.key ? { line: pos.line + 1, col: pos.character } : undefined;
    const cell = this.cells.find((c) => c.document === doc);
    return cell ? { line: cell.start + pos.line + 1, col: pos.character } : undefined;
  }

  /** A traced range back in the editor: the document it falls in and its range there. */
  fromCore(loc: Loc): { document: vscode.TextDocument; range: vscode.Range } | undefined {
    if (!this.cells) {
      if (!this.single) return undefined;
      return { document: this.single, range: new vscode.Range(loc.line - 1, loc.col, loc.endLine - 1, loc.endCol) };
    }
    const line0 = loc.line - 1;
    const cell = this.cells.find((c) => line0 >= c.start && line0 < c.start + c.lineCount);
    if (!cell) return undefined;
    // a range never spans cells: clip it to the cell it starts in
    const lastLine = cell.start + cell.lineCount - 1;
    const end = loc.endLine - 1 <= lastLine
      ? new vscode.Position(loc.endLine - 1 - cell.start, loc.endCol)
      : cell.document.lineAt(cell.lineCount - 1).range.end;
    return { document: cell.document, range: new vscode.Range(line0 - cell.start, loc.col, end.line, end.character) };
  }

  /** A 1-based traced line as an editor location. */
  lineToEditor(line: number): { document: vscode.TextDocument; line: number } | undefined {
    const r = this.fromCore({ line, col: 0, endLine: line, endCol: 0 });
    return r && { document: r.document, line: r.range.start.line };
  }

  /** The label shown in the panel's header. */
  get label(): string {
    const uri = vscode.Uri.parse(this.key);
    return uri.path.split('/').pop() ?? uri.path;
  }
}
