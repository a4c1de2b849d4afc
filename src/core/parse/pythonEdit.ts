// The tree-sitter Edit for one text change, so the editor can re-parse incrementally on every
// keystroke. Offsets are UTF-16 code units (VS Code's `document.offsetAt`), which is also the
// unit web-tree-sitter uses for indices and columns when it parses a JavaScript string.

import { Edit, type Point } from 'web-tree-sitter';

/** Row/column of a UTF-16 offset in `text` (rows 0-based, columns in UTF-16 code units). */
export function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * Edit for replacing `oldText.slice(startOffset, oldEndOffset)` by `newText`. Apply it with
 * `oldTree.edit(edit)` and pass the tree to `parsePython(newSource, oldTree)`.
 */
export function editFromChange(oldText: string, startOffset: number, oldEndOffset: number, newText: string): Edit {
  if (startOffset < 0 || oldEndOffset < startOffset || oldEndOffset > oldText.length) {
    throw new RangeError(`bad change range ${startOffset}..${oldEndOffset} for a text of ${oldText.length}`);
  }
  const startPosition = pointAt(oldText, startOffset);
  const oldEndPosition = pointAt(oldText, oldEndOffset);
  // The new end: the start advanced over the inserted text.
  const lines = newText.split('\n');
  const newEndPosition: Point =
    lines.length === 1
      ? { row: startPosition.row, column: startPosition.column + newText.length }
      : { row: startPosition.row + lines.length - 1, column: lines[lines.length - 1].length };
  return new Edit({
    startIndex: startOffset,
    oldEndIndex: oldEndOffset,
    newEndIndex: startOffset + newText.length,
    startPosition,
    oldEndPosition,
    newEndPosition,
  });
}
