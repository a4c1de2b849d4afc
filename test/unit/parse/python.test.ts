// The Python front end: exact IR of representative snippets (written out in the compact form of
// irText.ts), exact locations, dense ids. Expectations are Python's own semantics (checked
// against CPython's `ast` where locations are concerned).
import * as assert from 'node:assert/strict';
import { parsePython } from '../../../src/core/parse/python';
import type { Expr, Stmt } from '../../../src/core/ir';
import { loadParsers } from '../helpers';
import { allExprs, st } from './irText';

const lower = (src: string): string[] => parsePython(src).program.body.map(st);
const one = (src: string): string => {
  const { program } = parsePython(src);
  assert.deepEqual(program.syntaxErrors, [], `unexpected syntax errors in ${JSON.stringify(src)}`);
  assert.equal(program.body.length, 1, `one statement expected in ${JSON.stringify(src)}`);
  return st(program.body[0]);
};

describe('parsePython: statements and expressions', () => {
  before(loadParsers);

  it('assignments: chained, tuple/list/starred targets, annotated, augmented', () => {
    assert.equal(one('a = b = 1'), 'a = b = 1');
    assert.equal(one('a, (b, *c) = x'), '(tuple a (tuple b *c)) = x');
    assert.equal(one('[a, b] = y'), '[a b] = y');
    assert.equal(one('n, d = X.shape'), '(tuple n d) = (. X shape)');
    assert.equal(one('x: int = 3'), 'x: int = 3');
    assert.equal(one('y: float'), 'declare y: float');
    assert.equal(one('self.W_Q = W'), '(. self W_Q) = W');
    assert.equal(one('A[0, :] = 1'), '(idx A (tuple 0 (: _ _ _))) = 1');
    const aug = ['+', '-', '*', '/', '//', '%', '**', '@', '&', '|', '^', '<<', '>>'];
    for (const op of aug) assert.equal(one(`x ${op}= W`), `x ${op}= W`);
  });

  it('operators, precedence, comparisons chains, not/and/or, conditional, walrus', () => {
    assert.equal(one('-a ** 2'), '(u- (** a 2))');
    assert.equal(one('Q @ K.T / np.sqrt(d_k)'), '(/ (@ Q (. K T)) (call (. np sqrt) d_k))');
    assert.equal(one('a // b % c'), '(% (// a b) c)');
    // tree-sitter-python 0.25 ranks ^ above &; Python ranks & above ^ (checked with ast)
    assert.equal(one('~m | n & k ^ j << 1 >> 2'), '(| (u~ m) (^ (& n k) (>> (<< j 1) 2)))');
    assert.equal(one('a ^ b & c'), '(^ a (& b c))');
    assert.equal(one('a & (b ^ c)'), '(& a (^ b c))');
    assert.equal(one('2 ** 3 ** 2 - 1'), '(- (** 2 (** 3 2)) 1)');
    assert.equal(one('a - b - c * d @ e'), '(- (- a b) (@ (* c d) e))');
    assert.equal(one('0 <= i < n'), '(cmp 0 <= i < n)');
    assert.equal(one('a not in b'), '(cmp a not in b)');
    assert.equal(one('a is not None'), '(cmp a is not None)');
    assert.equal(one('x == y != z'), '(cmp x == y != z)');
    assert.equal(one('not a and b or c'), '(or (and (unot a) b) c)');
    assert.equal(one('a and b and c'), '(and a b c)');
    assert.equal(one('(a and b) and c'), '(and (and a b) c)');
    assert.equal(one('x if y > 0 else -x'), '(if (cmp y > 0) x (u- x))');
    assert.equal(one('(n := len(s))'), '(:= n (call len s))');
    assert.equal(one('+x'), '(u+ x)');
  });

  it('calls with keywords, *args, **kwargs and a bare generator', () => {
    assert.equal(one('f(x, *args, axis=-1, **kw)'), '(call f x *args axis=(u- 1) **kw)');
    assert.equal(one('np.sum(x for x in y)'), '(call (. np sum) (gencomp x for x in y))');
    assert.equal(one('print("a", end="")'), '(call print "a" end="")');
    assert.equal(one('np.random.default_rng(0).normal(size=(2, 3))'), '(call (. (call (. (. np random) default_rng) 0) normal) size=(tuple 2 3))');
  });

  it('subscripts: slices, steps, tuples of slices, Ellipsis, None, trailing comma', () => {
    assert.equal(one('a[:, 0::2]'), '(idx a (tuple (: _ _ _) (: 0 _ 2)))');
    assert.equal(one('a[:, 1::2]'), '(idx a (tuple (: _ _ _) (: 1 _ 2)))');
    assert.equal(one('a[..., None]'), '(idx a (tuple ... None))');
    assert.equal(one('a[1,]'), '(idx a (tuple 1))');
    assert.equal(one('a[::-1]'), '(idx a (: _ _ (u- 1)))');
    assert.equal(one('a[:n]'), '(idx a (: _ n _))');
    assert.equal(one('a[i:]'), '(idx a (: i _ _))');
    assert.equal(one('a[1:2:3]'), '(idx a (: 1 2 3))');
    assert.equal(one('a[mask]'), '(idx a mask)');
    assert.equal(one('a[(0, 1)]'), '(idx a (tuple 0 1))');
    assert.equal(one('x[b, :, h * d:(h + 1) * d]'), '(idx x (tuple b (: _ _ _) (: (* h d) (* (+ h 1) d) _)))');
  });

  it('numbers: hex, underscores, exponents, complex unsupported', () => {
    assert.equal(one('0xFF'), '255');
    assert.equal(one('0o17 + 0b101'), '(+ 15 5)');
    assert.equal(one('1_000'), '1000');
    assert.equal(one('1e-9'), '1e-9f');
    assert.equal(one('.5 + 2.'), '(+ 0.5f 2f)');
    assert.equal(one('1e9'), '1000000000f');
    assert.equal(one('1j'), '(unsupported "1j")');
    assert.equal(one('10000.0 ** (2 * i / d_model)'), '(** 10000f (/ (* 2 i) d_model))');
  });

  it('strings: escapes, raw, concatenated, triple-quoted, bytes', () => {
    assert.equal(one(String.raw`'a\nb\t\x41\u00e9\'\\'`), JSON.stringify("a\nb\tAé'\\"));
    assert.equal(one(String.raw`r'a\nb'`), JSON.stringify('a\\nb'));
    assert.equal(one(`'Le chat' " noir"`), JSON.stringify('Le chat noir'));
    assert.equal(one(`"""ligne 1\nligne 2"""`), JSON.stringify('ligne 1\nligne 2'));
    assert.equal(one(String.raw`"\d+"`), JSON.stringify('\\d+'), 'unknown escapes stay as typed');
    assert.equal(one(`b'x'`), `(unsupported "b'x'")`);
    assert.equal(one(`''`), '""');
  });

  it('f-strings: parts and interpolations, format specs and conversions dropped, {{ }} and =', () => {
    assert.equal(one('f"a{x!r:.3f}b{{c}}{y=}"'), 'f["a" x "b{c}y=" y]');
    assert.equal(one(`f"{a}" " et " f'{b:>4}'`), 'f[a " et " b]');
    assert.equal(one(`f"poids {mot}: {w[i, j]:.2f}\\n"`), 'f["poids " mot ": " (idx w (tuple i j)) "\\n"]');
    assert.equal(one(`rf"\\d{n}"`), 'f["\\\\d" n]');
  });

  it('containers and splats', () => {
    assert.equal(one('[1, *xs, 2]'), '[1 *xs 2]');
    assert.equal(one('()'), '(tuple)');
    assert.equal(one('(1,)'), '(tuple 1)');
    assert.equal(one('{1, 2}'), '{set 1 2}');
    assert.equal(one('{"a": 1, **d}'), '{dict "a":1 **d}');
    assert.equal(one('{}'), '{dict}');
  });

  it('comprehensions of every kind', () => {
    assert.equal(one('{w: i for i, w in enumerate(mots)}'), '(dictcomp w:i for (tuple i w) in (call enumerate mots))');
    assert.equal(one('[x * y for x in a if x for y in b if y > 0 if y < 9]'), '(listcomp (* x y) for x in a if x for y in b if (cmp y > 0) if (cmp y < 9))');
    assert.equal(one('{len(m) for m in mots}'), '(setcomp (call len m) for m in mots)');
    assert.equal(one('(t ** 2 for t in range(3))'), '(gencomp (** t 2) for t in (call range 3))');
  });

  it('lambda and def: defaults, *args, **kwargs, keyword-only, positional-only; annotations ignored', () => {
    assert.equal(one('f = lambda x, y=2: x + y'), 'f = (lambda (x y=2) (+ x y))');
    assert.equal(one('lambda: 0'), '(lambda () 0)');
    assert.equal(
      one('def f(a, b: int, /, c, d=1, *args, e, g: float = 2.0, **kw) -> np.ndarray:\n    return a'),
      'def f(pos:a pos:b c d=1 *args kw:e kw:g=2f **kw) {return a}',
    );
    assert.equal(one('def g(x, *, axis=-1): pass'), 'def g(x kw:axis=(u- 1)) {pass}');
    assert.equal(one('@staticmethod\n@functools.lru_cache(None)\ndef h(): ...'), '@staticmethod @(call (. functools lru_cache) None) def h() {...}');
  });

  it('class with bases, methods and a keyword in the bases', () => {
    const src = [
      'class MultiHeadAttention(Base, metaclass=Meta):',
      '    """Doc."""',
      '    def __init__(self, d_model, n_heads):',
      '        self.d_k = d_model // n_heads',
      '',
      '    def forward(self, X):',
      '        return X @ self.W_Q',
    ].join('\n');
    assert.equal(one(src), 'class MultiHeadAttention(Base) {"Doc."; def __init__(self d_model n_heads) {(. self d_k) = (// d_model n_heads)}; def forward(self X) {return (@ X (. self W_Q))}}');
  });

  it('control flow: if/elif/else, for/else, while/else, break, continue, pass, return', () => {
    assert.equal(one('if a:\n  x = 1\nelif b:\n  x = 2\nelse:\n  x = 3'), 'if a {x = 1} else {if b {x = 2} else {x = 3}}');
    assert.equal(one('for i, w in enumerate(ws):\n  continue\nelse:\n  pass'), 'for (tuple i w) in (call enumerate ws) {continue} else {pass}');
    assert.equal(one('while t < 10:\n  t += 1\n  if t > 5: break\nelse:\n  done = True'), 'while (cmp t < 10) {t += 1; if (cmp t > 5) {break}} else {done = True}');
    assert.equal(one('def f():\n  return'), 'def f() {return}');
    assert.equal(one('def f():\n  return a, b'), 'def f() {return (tuple a b)}');
    assert.equal(one('if __name__ == "__main__":\n  main()'), 'if (cmp __name__ == "__main__") {(call main)}');
  });

  it('imports: aliases, dotted, from, relative, star, __future__', () => {
    assert.deepEqual(lower('import numpy as np, math\nimport numpy.linalg as la\nfrom numpy import zeros as z, ones\nfrom ..pkg.mod import f\nfrom . import g\nfrom numpy.random import *\nfrom __future__ import annotations'), [
      'import numpy as np, math',
      'import numpy.linalg as la',
      'from numpy import zeros as z, ones',
      'from ..pkg.mod import f',
      'from . import g',
      'from numpy.random import *',
      'from __future__ import annotations',
    ]);
  });

  it('try/except/else/finally, with, raise, assert, del, global, nonlocal', () => {
    assert.equal(
      one('try:\n  x = 1\nexcept (ValueError, TypeError) as e:\n  raise\nexcept KeyError:\n  pass\nexcept:\n  pass\nelse:\n  y = 2\nfinally:\n  z = 3'),
      'try {x = 1} except (tuple ValueError TypeError) as e {raise} except KeyError {pass} except _ {pass} else {y = 2} finally {z = 3}',
    );
    assert.equal(one('with open(p) as f, lock:\n  pass'), 'with (call open p) as f, lock {pass}');
    assert.equal(one('raise ValueError("d_model % n_heads != 0") from err'), 'raise (call ValueError "d_model % n_heads != 0")');
    assert.equal(one('assert Q.shape == (4, 2), f"shape {Q.shape}"'), 'assert (cmp (. Q shape) == (tuple 4 2)), f["shape " (. Q shape)]');
    assert.equal(one('del a, b[0]'), 'del a, (idx b 0)');
    assert.equal(one('global g, h'), 'global g, h');
    assert.equal(one('def f():\n  nonlocal n'), 'def f() {nonlocal n}');
  });

  it('print(...) is a call; `print x` is reported as Python 2 syntax', () => {
    assert.equal(one('print(f"{x}", sep="")'), '(call print f[x] sep="")');
    const { program } = parsePython('print "hi"\nz = 1\n');
    assert.deepEqual(program.body.map(st), ['<error "print \\"hi\\"">', 'z = 1']);
    assert.match(program.syntaxErrors[0].message, /Missing parentheses in call to 'print'/);
    assert.match(program.syntaxErrors[0].l10n!.fr, /Parenthèses manquantes/);
  });

  it('unknown constructs become unsupported with a reason', () => {
    const { program } = parsePython('async def f():\n  await g()\nx = [(yield)]\nmatch p:\n  case 1:\n    pass\n');
    const exprs = allExprs(program.body).filter((e) => e.k === 'unsupported') as Extract<Expr, { k: 'unsupported' }>[];
    assert.deepEqual(exprs.map((e) => e.reason).sort(), ['await (asynchronous code is not traced)', 'match statements are not traced', 'yield (generators are not traced)']);
  });
});

describe('parsePython: ids and locations', () => {
  before(loadParsers);

  it('ids are unique and dense 0..exprCount-1', () => {
    const src = 'import numpy as np\nX = np.eye(4)[[0, 1]]\nw = {m: i for i, m in enumerate("abc")}\ndef f(x, y=2 * 3):\n  return lambda z: x[z, ::2] @ y\nprint(f"{w!r}", f(X).sum(axis=-1, keepdims=True))\n';
    const { program } = parsePython(src);
    const ids = allExprs(program.body).map((e) => e.id).sort((a, b) => a - b);
    assert.deepEqual(ids, Array.from({ length: program.exprCount }, (_, i) => i));
  });

  it('a small program, exactly (ids, locs, every field)', () => {
    const { program } = parsePython('Q = X @ W_Q\n');
    const expected: Stmt[] = [{
      k: 'assign',
      targets: [{ id: 0, k: 'name', name: 'Q', loc: { line: 1, col: 0, endLine: 1, endCol: 1 } }],
      value: {
        id: 3, k: 'bin', op: '@',
        left: { id: 1, k: 'name', name: 'X', loc: { line: 1, col: 4, endLine: 1, endCol: 5 } },
        right: { id: 2, k: 'name', name: 'W_Q', loc: { line: 1, col: 8, endLine: 1, endCol: 11 } },
        loc: { line: 1, col: 4, endLine: 1, endCol: 11 },
      },
      loc: { line: 1, col: 0, endLine: 1, endCol: 11 },
    }];
    assert.deepEqual(program, { language: 'python', body: expected, exprCount: 4, syntaxErrors: [] });
  });

  it('locations follow Python ast: parentheses excluded, tuples included, multi-line spans', () => {
    const { program } = parsePython('y = (a + b)\nt = (1, 2)\nz = f(\n    x,\n    k=2)\nif c:\n  pass\nelif d:\n  pass\n');
    const [y, t, z, iff] = program.body as Extract<Stmt, { k: 'assign' | 'if' }>[];
    assert.deepEqual(y.k === 'assign' && y.value.loc, { line: 1, col: 5, endLine: 1, endCol: 10 });
    assert.deepEqual(t.k === 'assign' && t.value.loc, { line: 2, col: 4, endLine: 2, endCol: 10 });
    assert.deepEqual(z.k === 'assign' && z.value.loc, { line: 3, col: 4, endLine: 5, endCol: 8 });
    const elif = iff.k === 'if' ? iff.orelse[0] : undefined;
    assert.deepEqual(elif?.loc, { line: 8, col: 0, endLine: 9, endCol: 6 }, 'CPython puts an elif If at the elif keyword');
  });

  it('columns are UTF-16 code units on non-ASCII lines (not UTF-8 bytes)', () => {
    const src = 'phrase = "Le soleil brille doucement sur la rivière."; n = 7\ns = "😀"; m = len(s)\n';
    const { program } = parsePython(src);
    const [, n, , m] = program.body as Extract<Stmt, { k: 'assign' }>[];
    // "rivière" has one 2-byte character: the UTF-8 column of `n` would be one more.
    assert.equal(src.split('\n')[0].indexOf('n = 7'), 55);
    assert.deepEqual(n.targets[0].loc, { line: 1, col: 55, endLine: 1, endCol: 56 });
    // an astral character is two UTF-16 code units (and four UTF-8 bytes)
    assert.deepEqual(m.targets[0].loc, { line: 2, col: 10, endLine: 2, endCol: 11 });
    const first = program.body[0] as Extract<Stmt, { k: 'assign' }>;
    assert.equal(first.value.k === 'str' && first.value.value, 'Le soleil brille doucement sur la rivière.');
    assert.deepEqual(first.value.loc, { line: 1, col: 9, endLine: 1, endCol: 53 });
  });
});
