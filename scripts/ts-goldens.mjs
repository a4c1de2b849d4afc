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
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test/fixtures/typescript');
const goldenDir = path.join(fixtures, 'golden');
const check = process.argv.includes('--check');
const { traceFile } = createRequire(import.meta.url)(path.join(root, 'test/oracle/ts_oracle.cjs'));

/** Codes where mathjs (or the program) throws at run time; the others are warnings on code that runs. */
const RUNTIME = new Set(['matmul-mismatch', 'broadcast-mismatch', 'reshape-size', 'axis-out-of-range', 'concat-mismatch', 'not-elementwise', 'index-out-of-range', 'transpose-rank', 'divide-by-matrix', 'singular-matrix', 'ragged-array', 'linalg-square', 'linalg-dims', 'norm-order']);
const WARNING = new Set(['softmax-axis', 'missing-scale', 'keepdims-broadcast', 'mask-after-softmax']);

/** `// expect: <code> line <N>` on the first line, or null. */
export function readExpect(source) {
  const m = /^\/\/\s*expect:\s*([a-z-]+)\s+line\s+(\d+)\s*$/.exec(source.split('\n')[0] ?? '');
  return m ? { code: m[1], line: Number(m[2]) } : null;
}

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
      const rel = path.join(sub, f.replace(/\.ts$/, '.json'));
      produced.set(rel, goldenText(data));
      const where = path.join(sub, f);
      const expect = readExpect(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (sub === 'buggy') {
        if (!expect) problems.push(`${where}: no "// expect: <code> line <N>" header`);
        else if (RUNTIME.has(expect.code)) {
          if (data.status !== 'exception') problems.push(`${where}: expects ${expect.code} but node ran to the end`);
          else if (data.exception.line !== expect.line) problems.push(`${where}: node threw ${data.exception.type} on line ${data.exception.line}, header says ${expect.line}`);
        } else if (WARNING.has(expect.code)) {
          if (data.status !== 'ok') problems.push(`${where}: a warning fixture must run, node threw ${data.exception.type} line ${data.exception.line}`);
        } else problems.push(`${where}: unknown diagnostic code ${expect.code}`);
      } else if (data.status !== 'ok') {
        problems.push(`${where}: a correct fixture threw ${data.exception.type} on line ${data.exception.line}: ${data.exception.message}`);
      }
    }
  }
  const existing = listGoldens(goldenDir);
  if (check) {
    for (const [rel, text] of produced) {
      const file = path.join(goldenDir, rel);
      if (!fs.existsSync(file)) problems.push(`golden missing: ${rel} (run node scripts/ts-goldens.mjs)`);
      else if (fs.readFileSync(file, 'utf8') !== text) problems.push(`golden out of date: ${rel} (run node scripts/ts-goldens.mjs)`);
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
  console.log(`${produced.size} TypeScript fixtures, ${problems.length} problem(s)${check ? ' (check mode)' : ''}`);
  process.exit(problems.length ? 1 : 0);
}

function listGoldens(dir, sub = '') {
  if (!fs.existsSync(path.join(dir, sub))) return [];
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listGoldens(dir, path.join(sub, e.name)) : e.name.endsWith('.json') ? [path.join(sub, e.name)] : [],
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) run();
