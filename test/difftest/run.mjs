#!/usr/bin/env node
// Differential run: generates seeded random numpy programs (gen.py), runs them under real numpy (the
// shared oracle) and through our trace(), and reports every disagreement by category, with the
// program, line and source. --minimize shrinks one program per distinct problem to a minimal repro.
//
//   node test/difftest/run.mjs --seed S --count N [--start K] [--out DIR] [--minimize] [--json FILE]
//                              [--freeze FILE] [--budget MS] [--quiet]
//   --out DIR      keep the programs, goldens and report there (default: a temporary directory)
//   --freeze FILE  write programs + numpy results as one JSON corpus (test/unit/difftest reads it)
//   env: NUMPY_PYTHON (default /usr/bin/python3), NUMPY_ORACLE (default ../shared/tools/numpy_oracle.py)

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const python = process.env.NUMPY_PYTHON ?? '/usr/bin/python3';
const oracle = process.env.NUMPY_ORACLE ?? path.resolve(root, '../shared/tools/numpy_oracle.py');

function parseArgs(argv) {
  const a = { seed: 1, count: 50, start: 0, budget: 5000, minimize: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => argv[++i];
    if (k === '--seed') a.seed = Number(next());
    else if (k === '--count') a.count = Number(next());
    else if (k === '--start') a.start = Number(next());
    else if (k === '--budget') a.budget = Number(next());
    else if (k === '--out') a.out = next();
    else if (k === '--json') a.json = next();
    else if (k === '--freeze') a.freeze = next();
    else if (k === '--minimize') a.minimize = true;
    else if (k === '--quiet') a.quiet = true;
    else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

/** Runs the oracle over `files` (one python process) and returns its results by file name. */
export function runOracle(files, dir) {
  const out = path.join(dir, 'golden');
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(python, [oracle, ...files, '--out', out], { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 28 });
  const res = new Map();
  for (const f of files) res.set(path.basename(f), JSON.parse(fs.readFileSync(path.join(out, path.basename(f).replace(/\.py$/, '.json')), 'utf8')));
  return res;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.out ? path.resolve(args.out) : fs.mkdtempSync(path.join(os.tmpdir(), 'difftest-'));
  fs.mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  execFileSync(python, [path.join(here, 'gen.py'), '--seed', String(args.seed), '--count', String(args.count), '--start', String(args.start), '--out', dir], { stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const files = manifest.map((m) => path.join(dir, m.file));
  const goldens = runOracle(files, dir);
  const tGen = Date.now() - t0;

  // the core is TypeScript, loaded as CommonJS the way mocha's tsx/cjs hook loads it for the tests
  register();
  const require = createRequire(import.meta.url);
  const { checkProgram, SOFT_KINDS } = require('./check.ts');
  const { loadParsers } = require('../unit/helpers.ts');
  const { analyze } = require('../../src/core/analyze.ts');
  const { minimize } = await import('./minimize.mjs');
  await loadParsers();

  const found = [];
  const t1 = Date.now();
  for (const m of manifest) {
    const source = fs.readFileSync(path.join(dir, m.file), 'utf8');
    const tr = analyze(source, 'python', { budgetMs: args.budget });
    for (const d of checkProgram(source, m, goldens.get(m.file), tr)) found.push({ file: m.file, ...d });
  }
  const tTrace = Date.now() - t1;

  const hard = found.filter((d) => !SOFT_KINDS.has(d.kind) && d.kind !== 'generator');
  const raising = manifest.filter((m) => m.raise).length;
  console.log(`difftest seed ${args.seed}: ${manifest.length} programs (${raising} raising), generated + numpy in ${tGen} ms, traced in ${tTrace} ms`);
  console.log(`programs in ${dir}`);
  report('Disagreements', hard, args.quiet);
  report('Coverage (unknown is not wrong)', found.filter((d) => SOFT_KINDS.has(d.kind)), true);
  report('Generator problems (numpy did not do what the generator meant)', found.filter((d) => d.kind === 'generator'), args.quiet);
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ seed: args.seed, count: args.count, disagreements: found }, null, 1));
  if (args.freeze) freeze(args, manifest, dir, goldens);

  if (args.minimize) {
    const seen = new Set();
    for (const d of hard) {
      const sig = `${d.kind}|${d.tag}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      const m = manifest.find((x) => x.file === d.file);
      const source = fs.readFileSync(path.join(dir, m.file), 'utf8');
      const min = minimize({ source, entry: m, target: d, dir, analyze, checkProgram, runOracle });
      console.log(`\n--- minimal repro: ${d.kind} (${d.tag}) from ${d.file}:${d.line} — ${d.text}\n${min}`);
    }
  }
  process.exit(hard.length ? 1 : 0);
}

function report(title, list, brief) {
  if (list.length === 0) {
    console.log(`${title}: none`);
    return;
  }
  const byKind = new Map();
  for (const d of list) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  const programs = new Set(list.map((d) => d.file)).size;
  console.log(`${title}: ${list.length} in ${programs} program(s)`);
  for (const [kind, ds] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    const tags = [...new Set(ds.map((d) => d.tag))].join(', ');
    console.log(`  ${String(ds.length).padStart(5)}  ${kind}  [${tags}]`);
    if (brief) continue;
    const shown = new Set();
    for (const d of ds) {
      const key = `${d.tag}|${d.text.replace(/[-\d.e]+/g, '#').slice(0, 60)}`;
      if (shown.has(key) || shown.size >= 8) continue;
      shown.add(key);
      console.log(`         ${d.file}:${d.line}  ${d.source}\n           ${d.name ? d.name + ': ' : ''}${d.text.slice(0, 300)}`);
    }
  }
}

function freeze(args, manifest, dir, goldens) {
  const programs = manifest.map((m) => ({ entry: m, source: fs.readFileSync(path.join(dir, m.file), 'utf8'), numpy: goldens.get(m.file) }));
  const data = { about: 'test/difftest/run.mjs --freeze: generated programs and what numpy 1.24 produced with them', seed: args.seed, start: args.start, count: args.count, programs };
  fs.writeFileSync(args.freeze, JSON.stringify(data) + '\n');
  console.log(`froze ${programs.length} programs into ${args.freeze}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
