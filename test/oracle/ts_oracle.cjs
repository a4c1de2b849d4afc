#!/usr/bin/env node
// The TypeScript oracle: runs a TypeScript program for real under node (with mathjs), and records
// for every declaration/assignment what it really produced — the twin of
// ../shared/tools/numpy_oracle.py, with the same JSON shape, so TS goldens never come from our
// own tracer. The file on disk is never changed: it is instrumented in memory with the
// TypeScript compiler API (typescript@5) and transpiled to CommonJS.
//
//   node test/oracle/ts_oracle.cjs prog.ts [more.ts ...] [--out DIR]
//
// Recorded: `const`/`let`/`var` declarations (each name of a destructuring pattern), `x = …`,
// `x += …`, `this.W = …` (name `this.W`), and for-of / for-in loop variables at the start of the
// body. Not recorded: element targets (`x[i] = …`), update expressions (`i++`).
// shape: math.size() of a mathjs Matrix, the nested lengths of a rectangular number array, [] for
// a number or boolean, null otherwise. dtype: 'float64' for numbers, 'bool' for booleans.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const MAX_ELEMS = 10000;
const MAX_DISTINCT = 20;

function clean(x) {
  if (Array.isArray(x)) return x.map(clean);
  if (typeof x === 'number') {
    if (Number.isNaN(x)) return 'NaN';
    if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
    return x;
  }
  return x;
}

/** nested lengths of a rectangular array of numbers/booleans, or null */
function arrayShape(v) {
  if (!Array.isArray(v)) return typeof v === 'number' || typeof v === 'boolean' ? [] : null;
  if (v.length === 0) return [0];
  const inner = arrayShape(v[0]);
  if (inner === null) return null;
  for (const e of v) {
    const s = arrayShape(e);
    if (s === null || s.length !== inner.length || s.some((d, i) => d !== inner[i])) return null;
  }
  return [v.length, ...inner];
}

function leafType(v) {
  while (Array.isArray(v)) v = v[0];
  return typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'float64' : null;
}

function describe(v) {
  if (v && typeof v === 'object' && v.isMatrix === true) {
    const arr = v.toArray();
    const shape = v.size();
    const n = shape.reduce((a, b) => a * b, 1);
    return { shape, dtype: leafType(arr) ?? 'float64', pytype: 'Matrix', value: n <= MAX_ELEMS ? clean(arr) : undefined };
  }
  const shape = arrayShape(v);
  if (shape === null) return { shape: null, dtype: null, pytype: Array.isArray(v) ? 'Array' : typeof v };
  const n = shape.reduce((a, b) => a * b, 1);
  const dtype = shape.length === 0 ? leafType(v) : leafType(v) ?? 'float64';
  return { shape, dtype, pytype: Array.isArray(v) ? 'Array' : typeof v, value: n <= MAX_ELEMS ? clean(v) : undefined };
}

class Recorder {
  constructor() {
    this.pairs = new Map();
  }
  record(line, col, name, value) {
    let d;
    try {
      d = describe(value);
    } catch {
      d = { shape: null, dtype: null, pytype: '?' };
    }
    const key = `${line}:${name}`;
    let p = this.pairs.get(key);
    if (!p) {
      p = { line, col, name, count: 0, n_distinct: 0, truncated: false, records: new Map() };
      this.pairs.set(key, p);
    }
    p.count++;
    const rec = { shape: d.shape, dtype: d.dtype, pytype: d.pytype };
    if (d.value !== undefined) rec.value = d.value;
    const k = JSON.stringify(rec);
    const seen = p.records.get(k);
    if (seen) {
      seen.count++;
      return;
    }
    p.n_distinct++;
    if (p.records.size >= MAX_DISTINCT) {
      p.truncated = true;
      return;
    }
    p.records.set(k, { ...rec, count: 1 });
  }
  dump() {
    return [...this.pairs.values()]
      .sort((a, b) => a.line - b.line || a.name.localeCompare(b.name))
      .map((p) => ({
        line: p.line, col: p.col, name: p.name, count: p.count, n_distinct: p.n_distinct,
        truncated: p.truncated, observations: [...p.records.values()],
      }));
  }
}

/** names bound by a declaration name or assignment target, with their positions */
function boundNames(node, sf, out = []) {
  if (ts.isIdentifier(node)) out.push({ node, text: node.text });
  else if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    out.push({ node, text: `this.${node.name.text}` });
  } else if (ts.isArrayBindingPattern(node) || ts.isObjectBindingPattern(node)) {
    for (const el of node.elements) if (!ts.isOmittedExpression(el)) boundNames(el.name, sf, out);
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const el of node.elements) boundNames(ts.isSpreadElement(el) ? el.expression : el, sf, out);
  }
  return out;
}

function instrument(sf) {
  const f = ts.factory;
  const recCall = (entry) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(entry.node.getStart(sf));
    const ref = entry.text.startsWith('this.')
      ? f.createPropertyAccessExpression(f.createThis(), entry.text.slice(5))
      : f.createIdentifier(entry.text);
    return f.createExpressionStatement(
      f.createCallExpression(f.createIdentifier('__rec__'), undefined, [
        f.createNumericLiteral(line + 1), f.createNumericLiteral(character), f.createStringLiteral(entry.text), ref,
      ]),
    );
  };
  const recordsFor = (stmt) => {
    if (ts.isVariableStatement(stmt)) {
      return stmt.declarationList.declarations.filter((d) => d.initializer).flatMap((d) => boundNames(d.name, sf)).map(recCall);
    }
    if (ts.isExpressionStatement(stmt) && ts.isBinaryExpression(stmt.expression)) {
      const op = stmt.expression.operatorToken.kind;
      const isAssign = op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
      if (isAssign) return boundNames(stmt.expression.left, sf).map(recCall);
    }
    return [];
  };
  return (context) => {
    // `__at__(line)` before every statement: the line an exception is thrown on is the last one
    // announced (the innermost running statement, as the numpy oracle's innermost frame)
    const at = (s) => f.createExpressionStatement(
      f.createCallExpression(f.createIdentifier('__at__'), undefined, [f.createNumericLiteral(sf.getLineAndCharacterOfPosition(s.getStart(sf)).line + 1)]),
    );
    const visitStatements = (stmts) => {
      const out = [];
      for (const s of stmts) {
        const hoisted = ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isImportDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s);
        if (!hoisted) out.push(at(s));
        out.push(ts.visitNode(s, visit));
        out.push(...recordsFor(s));
      }
      return out;
    };
    const asBlock = (s) => (s && !ts.isBlock(s) ? f.createBlock(visitStatements([s]), true) : ts.visitNode(s, visit));
    const visit = (node) => {
      if (ts.isSourceFile(node)) return f.updateSourceFile(node, visitStatements(node.statements));
      if (ts.isBlock(node)) return f.updateBlock(node, visitStatements(node.statements));
      if (ts.isIfStatement(node)) {
        return f.updateIfStatement(node, ts.visitNode(node.expression, visit), asBlock(node.thenStatement), node.elseStatement && asBlock(node.elseStatement));
      }
      if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
        const init = node.initializer;
        const names = ts.isVariableDeclarationList(init) ? init.declarations.flatMap((d) => boundNames(d.name, sf)) : boundNames(init, sf);
        const body = asBlock(node.statement);
        const newBody = f.updateBlock(body, [...names.map(recCall), ...body.statements]);
        return ts.isForOfStatement(node)
          ? f.updateForOfStatement(node, node.awaitModifier, init, ts.visitNode(node.expression, visit), newBody)
          : f.updateForInStatement(node, init, ts.visitNode(node.expression, visit), newBody);
      }
      if (ts.isForStatement(node) || ts.isWhileStatement(node)) {
        const body = asBlock(node.statement);
        return ts.isForStatement(node)
          ? f.updateForStatement(node, node.initializer, node.condition, node.incrementor, body)
          : f.updateWhileStatement(node, node.expression, body);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => visit(root);
  };
}

function traceFile(file) {
  const src = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const printer = ts.createPrinter();
  const instrumented = ts.transform(sf, [instrument(sf)]).transformed[0];
  const js = ts.transpileModule(printer.printFile(instrumented), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const rec = new Recorder();
  let exception = null;
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file)).concat(Module._nodeModulePaths(__dirname));
  const log = console.log;
  console.log = () => {};
  let current = null;
  globalThis.__rec__ = (line, col, name, value) => rec.record(line, col, name, value);
  globalThis.__at__ = (line) => {
    current = line;
  };
  try {
    m._compile(js, file);
  } catch (e) {
    exception = { type: (e && e.name) || 'Error', message: String((e && e.message) || e).split('\n')[0], line: current };
  } finally {
    console.log = log;
    delete globalThis.__rec__;
    delete globalThis.__at__;
  }
  return { file: path.basename(file), language: 'typescript', node_version: process.version, status: exception ? 'exception' : 'ok', exception, pairs: rec.dump() };
}

function main(argv) {
  const outIdx = argv.indexOf('--out');
  const out = outIdx >= 0 ? argv[outIdx + 1] : undefined;
  const files = argv.filter((a, i) => a !== '--out' && (outIdx < 0 || i !== outIdx + 1));
  if (files.length === 0) {
    process.stderr.write('usage: ts_oracle.cjs FILE.ts [...] [--out DIR]\n');
    return 2;
  }
  if (out) fs.mkdirSync(out, { recursive: true });
  for (const f of files) {
    const data = traceFile(path.resolve(f));
    const text = JSON.stringify(data);
    if (out) fs.writeFileSync(path.join(out, path.basename(f).replace(/\.ts$/, '.json')), text + '\n');
    else process.stdout.write(text + '\n');
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { traceFile };
