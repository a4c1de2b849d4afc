import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Expr, Stmt } from '../../../src/core/ir';
import { parseTypeScript } from '../../../src/core/parse/typescript';
import { loadParsers, repoRoot } from '../helpers';

const strip = (x: unknown): unknown =>
  JSON.parse(JSON.stringify(x, (k, v) => (k === 'loc' || k === 'nameLoc' || k === 'id' ? undefined : v)));

function one(src: string): Stmt {
  const { program } = parseTypeScript(src);
  assert.equal(program.body.length, 1, JSON.stringify(strip(program.body)));
  return program.body[0];
}

describe('TypeScript front end', () => {
  before(loadParsers);

  it('lowers const declarations with mathjs calls and keeps the target range', () => {
    const s = one('const Q = math.multiply(X, W_Q);');
    assert.equal(s.k, 'assign');
    if (s.k !== 'assign') return;
    assert.equal(s.decl, 'const');
    assert.deepEqual(s.targets[0].loc, { line: 1, col: 6, endLine: 1, endCol: 7 });
    assert.deepEqual(strip(s.value), {
      k: 'call',
      fn: { k: 'attr', obj: { k: 'name', name: 'math' }, name: 'multiply' },
      args: [{ value: { k: 'name', name: 'X' } }, { value: { k: 'name', name: 'W_Q' } }],
    });
  });

  it('maps JavaScript operators onto the IR', () => {
    const s = one('x = a === b && !c ? d ** 2 : e ?? f;');
    assert.deepEqual(strip(s), {
      k: 'assign',
      targets: [{ k: 'name', name: 'x' }],
      value: {
        k: 'cond',
        test: { k: 'boolop', op: 'and', values: [
          { k: 'cmp', ops: ['=='], operands: [{ k: 'name', name: 'a' }, { k: 'name', name: 'b' }] },
          { k: 'unary', op: 'not', operand: { k: 'name', name: 'c' } },
        ] },
        body: { k: 'bin', op: '**', left: { k: 'name', name: 'd' }, right: { k: 'num', value: 2, isInt: true } },
        orelse: { k: 'boolop', op: '??', values: [{ k: 'name', name: 'e' }, { k: 'name', name: 'f' }] },
      },
    });
  });

  it('turns a class into __init__ (field initialisers first) and methods with self', () => {
    const s = one('class A { W = zeros(2); constructor(d: number) { this.d = d; } f(x) { return this.W; } }');
    assert.equal(s.k, 'class');
    if (s.k !== 'class') return;
    const [init, f] = s.body as Extract<Stmt, { k: 'def' }>[];
    assert.equal(init.name, '__init__');
    assert.deepEqual(init.params.map((p) => p.name), ['self', 'd']);
    assert.deepEqual(init.body.map((b) => (b.k === 'assign' ? (b.targets[0] as Expr & { k: 'attr' }).name : b.k)), ['W', 'd']);
    assert.equal(f.name, 'f');
    assert.deepEqual(f.params.map((p) => p.name), ['self', 'x']);
  });

  it('lowers C-style and for-of loops, i++ and template strings', () => {
    const loop = one('for (let i = 0; i < n; i++) { s += `${i}`; }');
    assert.equal(loop.k, 'cfor');
    if (loop.k !== 'cfor') return;
    assert.equal(loop.update[0].k, 'augassign');
    assert.equal(loop.body[0].k, 'augassign');
    const forOf = one('for (const row of X) { out.push(row); }');
    assert.equal(forOf.k, 'for');
  });

  it('lowers Array.from with an arrow function and an object literal', () => {
    const s = one('const pe = Array.from({ length: n }, (_, i) => i * 2);');
    if (s.k !== 'assign') return assert.fail('not an assignment');
    const call = s.value as Expr & { k: 'call' };
    assert.equal(call.args[0].value.k, 'dict');
    assert.equal(call.args[1].value.k, 'func');
  });

  it('keeps going around broken code and reports it', () => {
    const { program } = parseTypeScript('const a = [1, 2];\nconst b = math.multiply(a,\nconst c = 3;\n');
    assert.ok(program.syntaxErrors.length > 0);
    const names = program.body.flatMap((s) => (s.k === 'assign' ? s.targets.map((t) => (t.k === 'name' ? t.name : '?')) : []));
    assert.ok(names.includes('a'));
  });

  it('parses every TypeScript example and fixture, and every prefix of them, without throwing', () => {
    const dirs = ['examples', 'test/fixtures'].map((d) => path.join(repoRoot, d));
    const files: string[] = [];
    const walk = (d: string) => {
      if (!fs.existsSync(d)) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    dirs.forEach(walk);
    assert.ok(files.length > 0, 'no TypeScript example found');
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      const lines = src.split('\n');
      for (let i = 0; i <= lines.length; i++) {
        const cut = lines.slice(0, i).join('\n');
        parseTypeScript(cut);
        parseTypeScript(cut + '\nconst z = math.');
      }
    }
  });
});
