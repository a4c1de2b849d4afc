#!/usr/bin/env node
// Runs every snippet of cases.cjs under node (TypeScript transpiled by the compiler API, mathjs
// from node_modules) and writes what `r` really is — or the error it throws — to expected.json.
//   node test/unit/ts/gen_expected.cjs
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const math = require('mathjs');

const clean = (x) => {
  if (x && typeof x === 'object' && x.isMatrix) return clean(x.toArray());
  if (Array.isArray(x)) return x.map(clean);
  if (typeof x === 'number' && !Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  return x;
};

const out = {};
for (const [name, source, code] of require('./cases.cjs')) {
  const js = ts.transpileModule(`${source}\nexports.__r = r;`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exp = {};
  try {
    new Function('require', 'exports', js)((m) => (m === 'mathjs' ? math : require(m)), exp);
    if (code) throw new Error(`${name}: expected ${code} but node ran`);
    out[name] = { value: clean(exp.__r) };
  } catch (e) {
    if (!code) throw new Error(`${name}: node threw ${e.message}`);
    out[name] = { error: e.name, message: e.message, code };
  }
}
fs.writeFileSync(path.join(__dirname, 'expected.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${Object.keys(out).length} cases`);
