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
import { contractProblems, finish, isMain, readExpect as readExpectIn, root, syncGoldens } from './lib/goldens.mjs';

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
const NUMPY = { name: 'numpy', raised: 'raised', comment: '#' };

const groups = [
  { dir: fixtures, sub: '' },
  { dir: path.join(fixtures, 'buggy'), sub: 'buggy' },
];

/** `# expect: <code> line <N>` on the first line, or null. */
export const readExpect = (source) => readExpectIn(source, NUMPY.comment);

function run() {
  if (!fs.existsSync(oracle)) {
    console.error(`numpy oracle not found at ${oracle} (set NUMPY_ORACLE)`);
    process.exit(1);
  }
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
        produced.set(path.join(sub, `${stem}.json`), text);
        problems.push(...contractProblems({
          where: path.join(sub, f), buggy: sub === 'buggy', source: fs.readFileSync(path.join(dir, f), 'utf8'),
          outcome: JSON.parse(text), runtime: RUNTIME, oracle: NUMPY,
        }));
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  problems.push(...syncGoldens(goldenDir, produced, check, 'npm run goldens'));
  finish(problems, `${produced.size} fixtures`, check);
}

if (isMain(import.meta.url)) run();
