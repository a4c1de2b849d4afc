#!/usr/bin/env node
// Regenerates the numpy goldens of the Python fixture corpus: runs every fixture, unchanged,
// under real numpy (the shared oracle, /usr/bin/python3) and writes what numpy produced to
// test/fixtures/python/golden/[buggy/]<stem>.json. `--check` rewrites nothing and exits 1 when
// a golden is missing, stale or orphaned (CI). Either mode exits 1 when a fixture breaks its
// own contract: a correct program must run to the end, a buggy one must raise on the line its
// `# expect: <code> line <N>` header names (or, for a warning, run to the end).
//
//   node scripts/goldens.mjs [--check]
//   env: NUMPY_PYTHON (default /usr/bin/python3), NUMPY_ORACLE (default test/oracle/numpy_oracle.py, a copy of the team's shared oracle)

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test/fixtures/python');
const goldenDir = path.join(fixtures, 'golden');
const python = process.env.NUMPY_PYTHON ?? '/usr/bin/python3';
const oracle = process.env.NUMPY_ORACLE ?? path.join(root, 'test/oracle/numpy_oracle.py');
const check = process.argv.includes('--check');

/** Diagnostic codes where numpy raises at run time; the others are warnings on code that runs. */
const RUNTIME = new Set([
  'matmul-mismatch', 'broadcast-mismatch', 'reshape-size', 'axis-out-of-range', 'concat-mismatch',
  'head-split', 'index-out-of-range',
]);
const WARNING = new Set(['softmax-axis', 'missing-scale', 'keepdims-broadcast', 'mask-after-softmax']);

const groups = [
  { dir: fixtures, sub: '' },
  { dir: path.join(fixtures, 'buggy'), sub: 'buggy' },
];

/** `# expect: <code> line <N>` on the first line, or null. */
export function readExpect(source) {
  const m = /^#\s*expect:\s*([a-z-]+)\s+line\s+(\d+)\s*$/m.exec(source.split('\n')[0] ?? '');
  return m ? { code: m[1], line: Number(m[2]) } : null;
}

function run() {
  if (!fs.existsSync(oracle)) fail(`numpy oracle not found at ${oracle} (set NUMPY_ORACLE)`);
  const problems = [];
  const produced = new Map(); // golden relative path -> text
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'goldens-'));
  try {
    for (const { dir, sub } of groups) {
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort();
      if (files.length === 0) continue;
      const out = path.join(tmp, sub || 'top');
      execFileSync(python, [oracle, ...files.map((f) => path.join(dir, f)), '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
      for (const f of files) {
        const stem = f.slice(0, -3);
        const text = fs.readFileSync(path.join(out, `${stem}.json`), 'utf8');
        const golden = JSON.parse(text);
        const rel = path.join(sub, `${stem}.json`);
        produced.set(rel, text);
        const where = path.join(sub, f);
        const expect = readExpect(fs.readFileSync(path.join(dir, f), 'utf8'));
        if (sub === 'buggy') {
          if (!expect) problems.push(`${where}: no "# expect: <code> line <N>" header`);
          else if (RUNTIME.has(expect.code)) {
            if (golden.status !== 'exception') problems.push(`${where}: expects ${expect.code} but numpy ran to the end`);
            else if (golden.exception.line !== expect.line) {
              problems.push(`${where}: numpy raised ${golden.exception.type} on line ${golden.exception.line}, header says ${expect.line}`);
            }
          } else if (WARNING.has(expect.code)) {
            if (golden.status !== 'ok') problems.push(`${where}: a warning fixture must run, numpy raised ${golden.exception.type} line ${golden.exception.line}`);
          } else problems.push(`${where}: unknown diagnostic code ${expect.code}`);
        } else if (golden.status !== 'ok') {
          problems.push(`${where}: a correct fixture raised ${golden.exception.type} on line ${golden.exception.line}: ${golden.exception.message}`);
        }
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const existing = listGoldens(goldenDir);
  if (check) {
    for (const [rel, text] of produced) {
      const file = path.join(goldenDir, rel);
      if (!fs.existsSync(file)) problems.push(`golden missing: ${rel} (run npm run goldens)`);
      else if (fs.readFileSync(file, 'utf8') !== text) problems.push(`golden out of date: ${rel} (run npm run goldens)`);
    }
    for (const rel of existing) if (!produced.has(rel)) problems.push(`golden without a fixture: ${rel}`);
  } else {
    for (const [rel, text] of produced) {
      fs.mkdirSync(path.dirname(path.join(goldenDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(goldenDir, rel), text);
    }
    for (const rel of existing) if (!produced.has(rel)) fs.rmSync(path.join(goldenDir, rel));
  }
  for (const p of problems) console.error(p);
  console.log(`${produced.size} fixtures, ${problems.length} problem(s)${check ? ' (check mode)' : ''}`);
  process.exit(problems.length ? 1 : 0);
}

function listGoldens(dir, sub = '') {
  if (!fs.existsSync(path.join(dir, sub))) return [];
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listGoldens(dir, path.join(sub, e.name)) : e.name.endsWith('.json') ? [path.join(sub, e.name)] : [],
  );
}

function fail(msg) {
  console.error(msg);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) run();
