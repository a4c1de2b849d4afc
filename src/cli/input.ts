// Reading the FILE argument of `trace` / `explain`: the language from the extension, the text
// from disk, notebooks flattened to their code cells. Every failure is an InputError (exit 2).

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Language } from '../core/types';
import { notebookSource } from './core';
import { InputError } from './errors';


interface Input {
  language: Language;
  source: string;
}

const LANGUAGES: Record<string, Language | 'notebook'> = { '.py': 'python', '.ts': 'typescript', '.ipynb': 'notebook' };

export function readInput(file: string): Input {
  const ext = extname(file).toLowerCase();
  const kind = LANGUAGES[ext];
  if (!kind) {
    throw new InputError(`${file}: unsupported file type '${ext || '(none)'}': expected .py, .ts or .ipynb`);
  }
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new InputError(`${file}: is a directory, not a file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new InputError(`${file}: cannot read: ${why}`);
  }
  // An editor may save a UTF-8 byte-order mark; Python ignores it, so columns must too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (kind !== 'notebook') return { language: kind, source: text };
  try {
    // The code cells joined in order: one program whose line numbers are the contract's.
    return { language: 'python', source: notebookSource(text) };
  } catch (e) {
    throw new InputError(`${file}: not a readable notebook: ${(e as Error).message}`);
  }
}
