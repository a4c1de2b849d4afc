// What the tracer does where running the program would have needed information it does not
// have: undecidable branches merged, loops widened, functions called with different shapes
// turned symbolic (named after the code), functions never called, unknown modules.
import * as assert from 'node:assert/strict';
import { loadParsers } from '../helpers';
import { binding, nested, py, reprOf, shapeText } from './helpers';

const errors = (t: ReturnType<typeof py>) => t.diagnostics.filter((d) => d.severity === 'error');

describe('interp: abstract interpretation', () => {
  before(loadParsers);

  describe('branches the tracer cannot decide', () => {
    const head = 'import numpy as np\nflag = input() == "oui"\n';
    it('same shape in both arms: the shape is kept, the differing values dropped', () => {
      const t = py(`${head}if flag:\n    x = np.zeros((3, 4))\nelse:\n    x = np.ones((3, 4))\ny = x\n`);
      const y = binding(t, 'y');
      assert.deepEqual(shapeText(y), [3, 4]);
      assert.equal(y.value, undefined);
      assert.equal(binding(t, 'x', 4).value?.kind, 'array', 'each arm keeps its own exact value');
    });
    it('differing dims become a symbol, equal dims stay', () => {
      const t = py(`${head}if flag:\n    x = np.zeros((3, 4))\nelse:\n    x = np.ones((3, 5))\ny = x @ np.ones((x.shape[1], 2))\n`);
      const y = binding(t, 'y');
      assert.equal(y.shape?.length, 2);
      assert.equal(y.shape?.[0], 3);
      assert.deepEqual(shapeText(y)?.[1], 2);
      assert.deepEqual(errors(t), [], 'x.shape[1] is symbolic, so the matmul is not a certain mismatch');
    });
    it('a variable set in one arm only keeps the value it has on the other path', () => {
      const t = py(`${head}n = 2\nif flag:\n    n = 2\nm = n * 3\n`);
      assert.equal(reprOf(binding(t, 'm').value), '6');
    });
    it('an undecidable `a or b` is one of them: shape kept when both agree', () => {
      const t = py(`${head}z = np.ones(3) if flag else np.zeros(3)\n`);
      assert.deepEqual(shapeText(binding(t, 'z')), [3]);
      assert.equal(binding(t, 'z').value, undefined);
    });
    it('a decided condition runs one arm only, exactly', () => {
      const t = py('import numpy as np\nd = 4\nif d % 2 == 0:\n    x = np.arange(d)\nelse:\n    x = None\ny = x * 2\n');
      assert.deepEqual(nested(binding(t, 'y').value), [0, 2, 4, 6]);
      assert.equal(t.bindings.filter((b) => b.name === 'x').length, 1, 'the else arm never ran');
    });
    it('a return in one undecided arm: the call gives the join of both returns', () => {
      const t = py(`${head}def f():\n    if flag:\n        return np.zeros((2, 3))\n    return np.ones((2, 3))\nr = f()\n`);
      assert.deepEqual(shapeText(binding(t, 'r')), [2, 3]);
      assert.equal(binding(t, 'r').value, undefined);
    });
  });

  describe('loops', () => {
    it('over an iterable of unknown length: values assigned in the body become unknown, shapes stay', () => {
      const t = py('import numpy as np\nmots = input().split()\nh = np.zeros(4)\ncount = 0\nfor m in mots:\n    h = h + 1\n    count += 1\nend_h = h\nend_c = count\n');
      assert.deepEqual(shapeText(binding(t, 'end_h')), [4]);
      assert.equal(binding(t, 'end_h').value, undefined);
      assert.equal(binding(t, 'end_c').value, undefined);
      assert.equal(binding(t, 'end_c').dtype, 'int64');
    });
    it('a growing array over unknown iterations gets a symbolic length', () => {
      const t = py('import numpy as np\nacc = np.zeros((0, 3))\nfor line in input().split():\n    acc = np.concatenate([acc, np.ones((1, 3))])\nfinal = acc\n');
      const f = binding(t, 'final');
      assert.equal(f.shape?.length, 2);
      assert.equal(typeof f.shape?.[0], 'object');
      assert.equal(f.shape?.[1], 3);
    });
    it('a break under an undecided condition: what the loop assigned loses its value', () => {
      const t = py('x = 0\nfor i in range(5):\n    x += 1\n    if input() == "q":\n        break\nend = x\n');
      assert.equal(binding(t, 'end').value, undefined);
      assert.equal(binding(t, 'end').dtype, 'int64');
    });
    it('`len` of a list of unknown length is a symbol that flows into shapes', () => {
      const t = py('import numpy as np\nmots = input().split()\nn = len(mots)\nX = np.zeros((len(mots), 4))\n');
      assert.deepEqual(shapeText(binding(t, 'X')), ['n', 4]);
    });
  });

  describe('functions called with different shapes', () => {
    it('body bindings are symbolic, named after the parameter that varied', () => {
      const t = py(
        'import numpy as np\ndef scores(Q, K, n):\n    S = Q @ K.T\n    return S\n' +
          'a = scores(np.ones((4, 2)), np.ones((4, 2)), 4)\nb = scores(np.ones((7, 2)), np.ones((7, 2)), 7)\n',
      );
      const s = binding(t, 'S', 3);
      assert.deepEqual(shapeText(s), ['n', 'n']);
      assert.equal(s.count, 2);
      assert.deepEqual(shapeText(binding(t, 'a')), [4, 4]);
      assert.deepEqual(shapeText(binding(t, 'b')), [7, 7]);
    });
    it('named after an int the body computes (d_k = K.shape[-1]) when that is what varied', () => {
      const t = py(
        'import numpy as np\ndef head(X, W):\n    d_k = W.shape[-1]\n    H = X @ W / np.sqrt(d_k)\n    return H\n' +
          'h1 = head(np.ones((5, 6)), np.ones((6, 2)))\nh2 = head(np.ones((5, 6)), np.ones((6, 3)))\n',
      );
      assert.deepEqual(shapeText(binding(t, 'H', 4)), [5, 'd_k']);
      assert.equal(binding(t, 'd_k', 3).value, undefined, 'd_k differs between the calls');
    });
    it('called twice with the same shapes: concrete, values kept when equal', () => {
      const t = py('import numpy as np\ndef f(x):\n    y = x * 2\n    return y\na = f(np.arange(3))\nb = f(np.arange(3))\n');
      const y = binding(t, 'y', 3);
      assert.deepEqual(shapeText(y), [3]);
      assert.deepEqual(nested(y.value), [0, 2, 4]);
      assert.equal(y.count, 2);
    });
    it('a function never called is traced with unknown parameters: bindings, no false errors', () => {
      const t = py('import numpy as np\ndef attention(Q, K, V):\n    d_k = K.shape[-1]\n    scores = Q @ K.T / np.sqrt(d_k)\n    w = np.exp(scores)\n    return w @ V\n');
      assert.deepEqual(errors(t), []);
      const s = binding(t, 'scores');
      assert.equal(s.count, 1);
      assert.equal(s.shape, null);
      assert.ok(s.why?.en, 'says why the shape is unknown');
    });
    it('an unknown shape gets one bilingual "shape unknown because …" hint per reason', () => {
      const t = py('import numpy as np\ndef f(Q, K):\n    S = Q @ K.T\n    T = S * 2\n    return T\n');
      const hints = t.diagnostics.filter((d) => d.code === 'shape-unknown');
      assert.equal(hints.length, 1);
      assert.equal(hints[0].severity, 'info');
      assert.equal(hints[0].loc.line, 3);
      assert.match(hints[0].message.en, /^shape of S unknown because Q is a parameter/);
      assert.match(hints[0].message.fr, /^forme de S inconnue/);
    });
    it('no "unknown because this line raises an error" hint on the lines after the error', () => {
      const t = py('import numpy as np\nQ = np.ones((4, 2))\nK = np.ones((4, 2))\nscores = Q @ K\nweights = np.exp(scores)\nout = weights @ K\n');
      assert.deepEqual(t.diagnostics.map((d) => `${d.loc.line}:${d.code}`), ['4:matmul-mismatch']);
    });
    it('an uncalled method is traced with the last instance as self', () => {
      const t = py('import numpy as np\nclass L:\n    def __init__(self):\n        self.W = np.ones((4, 2))\n    def forward(self, X):\n        Y = X @ self.W\n        return Y\nl = L()\n');
      assert.equal(binding(t, 'Y').count, 1);
      assert.deepEqual(errors(t), []);
    });
    it('arithmetic on symbolic sizes stays symbolic: n * 2, n // 2, n + 1', () => {
      const t = py('import numpy as np\nn = len(input().split())\nm = n * 2\nZ = np.zeros((m, n // 2, n + 1))\n');
      assert.deepEqual(shapeText(binding(t, 'Z')), ['n*2', 'n//2', 'n+1']);
      assert.deepEqual(shapeText(binding(t, 'm')), []);
      assert.equal(binding(t, 'm').value, undefined);
    });
    it('symbolic ints of uncalled functions: int defaults become named symbols', () => {
      const t = py('import numpy as np\ndef pe(n=4, d=6):\n    P = np.zeros((n, d))\n    return P\n');
      const p = binding(t, 'P');
      assert.equal(p.count, 1);
    });
    it('recursion is bounded: an endless recursion gives unknown, not a crash', () => {
      const t = py('def f(n):\n    return f(n + 1)\nr = f(0)\nafter = 2\n');
      assert.equal(binding(t, 'r').value, undefined);
      assert.equal(reprOf(binding(t, 'after').value), '2');
    });
  });

  describe('things the tracer does not model', () => {
    it('an op missing from the registry: unknown value and an info, never an error', () => {
      const t = py('import numpy as np\nx = np.this_function_does_not_exist(3)\ny = 1\n');
      assert.deepEqual(errors(t), []);
      assert.ok(t.diagnostics.some((d) => d.severity === 'info' && d.code === 'not-modelled'));
      assert.equal(binding(t, 'x').shape, null);
    });
    it('other modules (torch, matplotlib) give unknown values without errors', () => {
      const t = py('import torch\nimport matplotlib.pyplot as plt\nx = torch.randn(3, 4)\nplt.plot([1, 2])\ny = x.shape\n');
      assert.deepEqual(errors(t), []);
      assert.equal(binding(t, 'x').shape, null);
    });
    it('scipy.special.softmax without an op module is unknown', () => {
      const t = py('from scipy.special import softmax\nimport numpy as np\nw = softmax(np.ones(3))\n');
      assert.deepEqual(errors(t), []);
    });
  });
});
