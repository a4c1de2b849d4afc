// `npm run bench`: prints the project's figures — the extension's activation time in a real
// extension host, the CLI's start-up, the parse time of a 1,000-line numpy file — then runs every
// test/bench/*.bench.ts (each may `export default async function`, or just run at import).
// It never fails on time; it exits 1 only when a benchmark crashes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { figure, measure, section } from './run.measure';
import { numpyProgram } from './run.numpy1000';
import { initParsers, parserFor } from '../../src/core/parse/treeSitter';
import { parsePython } from '../../src/core/parse/python';

const root = path.resolve(__dirname, '..', '..');

function activation(): void {
  section('Extension host');
  const file = path.join(root, 'test', 'e2e', 'out', 'in-host-results.json');
  if (!fs.existsSync(file)) {
    figure('activation (real extension host)', 'n/a', '', 'run `npm run test:e2e` first: it is measured in the in-host suite');
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { metrics?: { activationMs?: number }; vscodeVersion?: string };
  const when = fs.statSync(file).mtime.toISOString().replace('T', ' ').slice(0, 16);
  if (typeof r.metrics?.activationMs === 'number') {
    figure('activation (real extension host)', r.metrics.activationMs, 'ms', `VS Code ${r.vscodeVersion ?? '?'}, last e2e run ${when}`);
  } else {
    figure('activation (real extension host)', 'n/a', '', `the last e2e run (${when}) did not record it`);
  }
}

async function cli(): Promise<void> {
  section('CLI (node dist/cli.js, a fresh process per run)');
  const bundle = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(bundle)) throw new Error('dist/cli.js is missing: npm run build');
  const run = (...args: string[]) => () => {
    const r = spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: 'utf8' });
    if (r.status === null) throw new Error(`cli ${args.join(' ')} was killed`);
    return r.status;
  };
  await measure('node -e 0 (baseline: node itself)', () => spawnSync(process.execPath, ['-e', '0']), { runs: 10 });
  await measure('attention-tutor --version', run('--version'), { runs: 20 });
  const small = path.join('examples', 'tp4', 'exercise1.py');
  const status = run('trace', small, '--json')();
  await measure(`attention-tutor trace ${small} --json${status === 2 ? ' (tracer absent)' : ''}`, run('trace', small, '--json'), { runs: 10 });
}

async function parse(): Promise<void> {
  section('Parsing (in process)');
  const t0 = performance.now();
  await initParsers({
    runtime: path.join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'),
    python: path.join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
    typescript: path.join(root, 'node_modules/tree-sitter-typescript/tree-sitter-typescript.wasm'),
  });
  figure('tree-sitter start-up (runtime + 2 grammars)', performance.now() - t0, 'ms', '(once per process)');
  const source = numpyProgram(1000);
  await measure('tree-sitter parse, 1,000-line numpy file', () => parserFor('python').parse(source)?.delete());
  await measure('parsePython (tree + IR), 1,000-line numpy file', () => parsePython(source).tree.delete());
}

async function benchFiles(): Promise<number> {
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
  let crashed = 0;
  for (const f of files) {
    section(f.replace(/\.bench\.ts$/, ''));
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- bench files are found at run time
      const mod = require(path.join(dir, f)) as { default?: unknown };
      if (typeof mod.default === 'function') await (mod.default as () => unknown)();
    } catch (e) {
      crashed++;
      console.log(`  crashed: ${(e as Error)?.stack ?? e}`);
    }
  }
  if (!files.length) console.log('\n(no test/bench/*.bench.ts yet)');
  return crashed;
}

async function main(): Promise<void> {
  console.log(`Attention Tutor benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
  let crashed = 0;
  for (const part of [async () => activation(), cli, parse]) {
    try {
      await part();
    } catch (e) {
      crashed++;
      console.log(`  crashed: ${(e as Error)?.message ?? e}`);
    }
  }
  crashed += await benchFiles();
  process.exitCode = crashed ? 1 : 0;
}

void main();
