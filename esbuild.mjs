// The one build script: every bundle of the extension (node + browser), the webview, the CLI and
// the in-host integration tests, plus the assets they load at run time (tree-sitter wasm, KaTeX).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const at = (...p) => join(root, ...p);

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  target: 'es2022',
  legalComments: production ? 'none' : 'inline',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

// web-tree-sitter's ESM build locates its wasm through import.meta.url, which a CommonJS bundle
// does not have; its CJS build does the same through __dirname. Node bundles take the CJS build.
const nodeAliases = { 'web-tree-sitter': at('node_modules/web-tree-sitter/web-tree-sitter.cjs') };

/** @type {Array<{name: string, entry: string, options: esbuild.BuildOptions}>} */
const bundles = [
  {
    name: 'extension (node)',
    entry: 'src/vscode/extension.ts',
    options: { outfile: at('dist/extension.js'), platform: 'node', format: 'cjs', external: ['vscode'], alias: nodeAliases },
  },
  {
    name: 'extension (browser)',
    entry: 'src/vscode/extension.web.ts',
    // VS Code loads web extensions as CommonJS in a web worker: no node built-ins may leak in.
    options: { outfile: at('dist/web/extension.js'), platform: 'browser', format: 'cjs', external: ['vscode'],
      mainFields: ['browser', 'module', 'main'], define: { ...common.define, 'import.meta.url': 'globalThis.location.href' } },
  },
  {
    name: 'webview',
    entry: 'webview/main.ts',
    options: { outfile: at('dist/webview/main.js'), platform: 'browser', format: 'iife' },
  },
  {
    name: 'webview css',
    entry: 'webview/main.css',
    options: { outfile: at('dist/webview/main.css'), loader: { '.woff2': 'file' } },
  },
  {
    name: 'cli',
    entry: 'src/cli/main.ts',
    options: { outfile: at('dist/cli.js'), platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' }, alias: nodeAliases },
  },
];

/** The in-host mocha suites: index.ts plus one bundle per *.test.ts so mocha can add them as files. */
function integrationBundle() {
  const dir = at('test/integration');
  if (!existsSync(join(dir, 'index.ts'))) return [];
  const entries = readdirSync(dir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(dir, f));
  return [{
    name: 'integration tests',
    entry: 'test/integration/index.ts',
    options: {
      entryPoints: entries, outdir: at('dist/test/integration'), platform: 'node', format: 'cjs',
      // mocha is resolved from the repository's node_modules at run time: it loads files dynamically.
      external: ['vscode', 'mocha'], alias: nodeAliases, minify: false, sourcemap: 'inline',
    },
  }];
}

/** Files the bundles load at run time rather than import. */
function copyAssets() {
  const wasm = at('dist/wasm');
  mkdirSync(wasm, { recursive: true });
  copyFileSync(at('node_modules/web-tree-sitter/web-tree-sitter.wasm'), join(wasm, 'web-tree-sitter.wasm'));
  copyFileSync(at('node_modules/tree-sitter-python/tree-sitter-python.wasm'), join(wasm, 'tree-sitter-python.wasm'));
  copyFileSync(at('node_modules/tree-sitter-typescript/tree-sitter-typescript.wasm'), join(wasm, 'tree-sitter-typescript.wasm'));

  // KaTeX: the stylesheet and only its woff2 fonts (every browser VS Code runs in reads woff2);
  // the woff/ttf fallbacks are dropped from the CSS so nothing asks for a file we do not ship.
  const katexOut = at('dist/webview/katex');
  mkdirSync(join(katexOut, 'fonts'), { recursive: true });
  const css = readFileSync(at('node_modules/katex/dist/katex.min.css'), 'utf8')
    .replace(/,\s*url\([^)]*\.woff\)\s*format\("woff"\)/g, '')
    .replace(/,\s*url\([^)]*\.ttf\)\s*format\("truetype"\)/g, '');
  if (/\.(ttf|woff)\)/.test(css)) throw new Error('KaTeX CSS still references woff/ttf fonts: update the rewrite in esbuild.mjs');
  writeFileSync(join(katexOut, 'katex.min.css'), css);
  const fonts = at('node_modules/katex/dist/fonts');
  for (const f of readdirSync(fonts).filter((n) => n.endsWith('.woff2'))) copyFileSync(join(fonts, f), join(katexOut, 'fonts', f));
}

async function main() {
  const all = [...bundles, ...integrationBundle()];
  const present = all.filter((b) => {
    if (existsSync(at(b.entry))) return true;
    // Parts are written in parallel by several people: a missing entry is reported, not fatal.
    // Packaging (vsce) still refuses a manifest whose main/browser file is absent.
    console.warn(`esbuild: skipping ${b.name}: ${b.entry} does not exist yet`);
    return false;
  });
  const optionsOf = (b) => ({ ...common, entryPoints: [at(b.entry)], ...b.options,
    define: { ...common.define, ...(b.options.define ?? {}) } });
  // A production build starts from an empty dist/, so no stale bundle or map reaches the .vsix.
  if (production) rmSync(at('dist'), { recursive: true, force: true });
  copyAssets();
  if (watch) {
    const contexts = await Promise.all(present.map((b) => esbuild.context(optionsOf(b))));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`esbuild: watching ${present.length} bundles`);
    return;
  }
  const t0 = Date.now();
  await Promise.all(present.map((b) => esbuild.build(optionsOf(b))));
  if (existsSync(at('dist/cli.js'))) chmodSync(at('dist/cli.js'), 0o755);
  console.log(`esbuild: ${present.length} bundles${production ? ' (production)' : ''} in ${Date.now() - t0} ms`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
