// The tree-sitter edit that takes the text of the last trace to the document's current text, so
// the trace service can re-trace incrementally. Pure (no vscode): unit-tested in plain node.

import type { Edit } from 'web-tree-sitter';
import { editFromChange } from '../core/parse/python';

/** One content change as VS Code reports it (offsets in UTF-16 code units, before the change). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * The edit from `oldText` to `newText`. With `change` — the one change VS Code reported between
 * the two texts — it is that change; otherwise (several changes merged by the debounce, a
 * multi-cursor edit) it is the smallest single replacement that covers them all: the common
 * prefix and suffix are kept. Either is a valid tree-sitter edit, and the second never starts
 * earlier than the first change, so the tracer reuses as much as it can. `undefined`: same text.
 */
export function editBetween(oldText: string, newText: string, change?: TextChange): Edit | undefined {
  if (oldText === newText) return undefined;
  if (change && fits(oldText, newText, change)) {
    return editFromChange(oldText, change.rangeOffset, change.rangeOffset + change.rangeLength, change.text);
  }
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  // never split a surrogate pair: tree-sitter columns must fall between code points
  if (start > 0 && isHigh(oldText.charCodeAt(start - 1))) start--;
  let suffix = 0;
  const room = max - start;
  while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(oldText.charCodeAt(oldText.length - suffix))) suffix--;
  return editFromChange(oldText, start, oldText.length - suffix, newText.slice(start, newText.length - suffix));
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The change really takes oldText to newText (checked, since a wrong edit corrupts the tree). */
function fits(oldText: string, newText: string, c: TextChange): boolean {
  const end = c.rangeOffset + c.rangeLength;
  if (c.rangeOffset < 0 || end > oldText.length) return false;
  if (oldText.length - c.rangeLength + c.text.length !== newText.length) return false;
  return (
    newText.startsWith(oldText.slice(0, c.rangeOffset)) &&
    newText.startsWith(c.text, c.rangeOffset) &&
    newText.endsWith(oldText.slice(end))
  );
}
