// Loading tree-sitter (web-tree-sitter, wasm) and its Python / TypeScript grammars. The host
// says where the .wasm files are (a folder path in node, a URL in the browser build), so the
// core itself never touches the file system.

import { Language, Parser } from 'web-tree-sitter';
import type { Language as Lang } from '../types';

/** Where the three .wasm files are: node paths, or URLs in the browser build. */
export interface WasmLocation {
  runtime: string;
  python: string;
  typescript: string;
}

let ready: Promise<void> | undefined;
const parsers = new Map<Lang, Parser>();

/** Load the runtime and both grammars once; later calls return the same promise. */
export function initParsers(where: WasmLocation): Promise<void> {
  ready ??= (async () => {
    await Parser.init({ locateFile: () => where.runtime });
    const [py, ts] = await Promise.all([Language.load(where.python), Language.load(where.typescript)]);
    for (const [lang, grammar] of [['python', py], ['typescript', ts]] as const) {
      const p = new Parser();
      p.setLanguage(grammar);
      parsers.set(lang, p);
    }
  })();
  return ready;
}

/** The parser of a language; throws when initParsers has not finished. */
export function parserFor(lang: Lang): Parser {
  const p = parsers.get(lang);
  if (!p) throw new Error('tree-sitter is not initialised: await initParsers() first');
  return p;
}
