#!/usr/bin/env node
// Regenerates the node goldens of the TypeScript fixture corpus: runs every fixture, unchanged,
// under node with mathjs (test/oracle/ts_oracle.cjs) and writes what really happened to
// test/fixtures/typescript/golden/[buggy/]<stem>.json. `--check` rewrites nothing and exits 1 when
// a golden is missing, stale or orphaned. Either mode exits 1 when a fixture breaks its own
// contract: a correct program runs to the end; a buggy one throws on the line its
// `// expect: <code> line <N>` header names (or, for a warning, runs to the end).
//
//   node scripts/ts-goldens.mjs [--check]

import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contractProblems, finish, isMain, readExpect as readExpectIn, root, syncGoldens } from './lib/goldens.mjs';

const fixtures = path.join(root, 'test/fixtures/typescript');
const goldenDir = path.join(fixtures, 'golden');
const check = process.argv.includes('--check');
const { traceFile } = createRequire(import.meta.url)(path.join(root, 'test/oracle/ts_oracle.cjs'));

/** Codes where mathjs (or the program) throws at run time; the others are warnings on code that runs. */
const RUNTIME = new Set(['matmul-mismatch', 'broadcast-mismatch', 'reshape-size', 'axis-out-of-range', 'concat-mismatch', 'not-elementwise', 'index-out-of-range', 'transpose-rank', 'divide-by-matrix', 'singular-matrix', 'ragged-array', 'linalg-square', 'linalg-dims', 'norm-order']);
const NODE = { name: 'node', raised: 'threw', comment: '//' };

/** `// expect: <code> line <N>` on the first line, or null. */
export const readExpect = (source) => readExpectIn(source, NODE.comment);

/** The golden without what depends on the machine rather than the program (node's version). */
function goldenText(data) {
  const { node_version: _v, ...rest } = data;
  return JSON.stringify(rest) + '\n';
}

function run() {
  const problems = [];
  const produced = new Map();
  for (const sub of ['', 'buggy']) {
    const dir = path.join(fixtures, sub);
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
      const data = traceFile(path.join(dir, f));
      produced.set(path.join(sub, f.replace(/\.ts$/, '.json')), goldenText(data));
      problems.push(...contractProblems({
        where: path.join(sub, f), buggy: sub === 'buggy', source: fs.readFileSync(path.join(dir, f), 'utf8'),
        outcome: data, runtime: RUNTIME, oracle: NODE,
      }));
    }
  }
  problems.push(...syncGoldens(goldenDir, produced, check, 'node scripts/ts-goldens.mjs'));
  finish(problems, `${produced.size} TypeScript fixtures`, check);
}

if (isMain(import.meta.url)) run();
