// A line being typed must not make the lines after it wrong: what it was going to assign becomes
// unknown (never a NameError that Python, which would not run the file at all, could not raise).
import * as assert from 'node:assert/strict';
import { loadParsers } from '../helpers';
import { py } from './helpers';

describe('half-typed lines', () => {
  before(loadParsers);

  const prefix = 'import numpy as np\nQ = np.ones((4, 2))\nK = np.ones((4, 2))\n';

  for (const broken of ['scores = Q @ K.T / np.sqrt(', 'scores = Q @ K.', 'scores, extra = np.split(Q,', 'scores += Q @ (K.T']) {
    it(`'${broken}' leaves 'scores' unknown, with no false error after it`, () => {
      const t = py(`${prefix}${broken}\npoids = np.exp(scores) / np.exp(scores).sum(axis=-1, keepdims=True)\nz = Q.sum()\n`);
      const errors = t.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => [d.code, d.loc.line]), [['syntax', 4]]);
      const poids = t.bindings.find((b) => b.name === 'poids');
      assert.ok(poids, 'poids is still a binding');
      assert.equal(poids.shape, null);
      const z = t.bindings.find((b) => b.name === 'z');
      assert.deepEqual(z?.shape, []);
    });
  }

  it('a broken def still defines its name (unknown), so calls after it are not NameErrors', () => {
    const t = py(`${prefix}def attention(Q, K, V\ny = attention(Q, K, K)\n`);
    assert.ok(!t.diagnostics.some((d) => d.severity === 'error' && d.code !== 'syntax'), JSON.stringify(t.diagnostics.map((d) => d.code)));
  });

  it('a name nobody assigns is still a NameError when the file is otherwise fine', () => {
    const t = py(`${prefix}y = undefined_name + 1\n`);
    assert.ok(t.diagnostics.some((d) => d.severity === 'error' && /NameError|not defined/.test(d.message.en)));
  });
});
