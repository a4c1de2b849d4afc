// What the two golden generators share (scripts/goldens.mjs: Python fixtures under numpy;
// scripts/ts-goldens.mjs: TypeScript fixtures under node with mathjs): the `expect:` header of a
// buggy fixture, the contract every fixture keeps under its oracle, and writing or checking goldens.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Diagnostic codes that are warnings on code that runs to the end, in both languages. */
export const WARNING = new Set(['softmax-axis', 'missing-scale', 'keepdims-broadcast', 'mask-after-softmax']);

/** `<comment> expect: <code> line <N>` on the first line of `source` ('#' or '//'), or null. */
export function readExpect(source, comment) {
  const prefix = comment.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
  const m = new RegExp(`^${prefix}\\s*expect:\\s*([a-z-]+)\\s+line\\s+(\\d+)\\s*$`).exec(source.split('\n')[0] ?? '');
  return m ? { code: m[1], line: Number(m[2]) } : null;
}

/**
 * What is wrong with one fixture given what its oracle did (`outcome`: { status, exception }): a
 * correct fixture runs to the end; a buggy one raises on the line its header names when `runtime`
 * has its code, or runs to the end for a warning code. `oracle` names who ran it and how it fails:
 * { name: 'numpy', raised: 'raised', comment: '#' } or { name: 'node', raised: 'threw', comment: '//' }.
 */
export function contractProblems({ where, buggy, source, outcome, runtime, oracle }) {
  const { name, raised, comment } = oracle;
  const ex = outcome.exception;
  if (!buggy) {
    return outcome.status === 'ok' ? [] : [`${where}: a correct fixture ${raised} ${ex.type} on line ${ex.line}: ${ex.message}`];
  }
  const expect = readExpect(source, comment);
  if (!expect) return [`${where}: no "${comment} expect: <code> line <N>" header`];
  if (runtime.has(expect.code)) {
    if (outcome.status !== 'exception') return [`${where}: expects ${expect.code} but ${name} ran to the end`];
    if (ex.line !== expect.line) return [`${where}: ${name} ${raised} ${ex.type} on line ${ex.line}, header says ${expect.line}`];
    return [];
  }
  if (WARNING.has(expect.code)) {
    return outcome.status === 'ok' ? [] : [`${where}: a warning fixture must run, ${name} ${raised} ${ex.type} line ${ex.line}`];
  }
  return [`${where}: unknown diagnostic code ${expect.code}`];
}

/** Every golden under `dir`, as paths relative to it. */
export function listGoldens(dir, sub = '') {
  if (!fs.existsSync(path.join(dir, sub))) return [];
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listGoldens(dir, path.join(sub, e.name)) : e.name.endsWith('.json') ? [path.join(sub, e.name)] : [],
  );
}

/**
 * With `check`, the problems of the golden folder against `produced` (relative path → text):
 * missing, out of date, orphaned (`regen` is the command that fixes them). Without, writes
 * every produced golden and removes the orphans.
 */
export function syncGoldens(goldenDir, produced, check, regen) {
  const problems = [];
  const existing = listGoldens(goldenDir);
  if (check) {
    for (const [rel, text] of produced) {
      const file = path.join(goldenDir, rel);
      if (!fs.existsSync(file)) problems.push(`golden missing: ${rel} (run ${regen})`);
      else if (fs.readFileSync(file, 'utf8') !== text) problems.push(`golden out of date: ${rel} (run ${regen})`);
    }
    for (const rel of existing) if (!produced.has(rel)) problems.push(`golden without a fixture: ${rel}`);
  } else {
    for (const [rel, text] of produced) {
      fs.mkdirSync(path.dirname(path.join(goldenDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(goldenDir, rel), text);
    }
    for (const rel of existing) if (!produced.has(rel)) fs.rmSync(path.join(goldenDir, rel));
  }
  return problems;
}

/** Prints the problems and `<what>, N problem(s)`, then exits 1 when there is any. */
export function finish(problems, what, check) {
  for (const p of problems) console.error(p);
  console.log(`${what}, ${problems.length} problem(s)${check ? ' (check mode)' : ''}`);
  process.exit(problems.length ? 1 : 0);
}

/** Is this module the script node was started with (not imported)? */
export function isMain(metaUrl) {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}
