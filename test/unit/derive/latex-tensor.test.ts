import * as assert from 'node:assert/strict';
import katex from 'katex';
import { latexTensor } from '../../../src/core/latex/numbers';

describe('latexTensor for rank ≥ 3', () => {
  const data = Float64Array.from({ length: 3 * 2 * 2 }, (_, i) => i);

  it('writes the first and the last matrix of a batch and elides the middle one', () => {
    const tex = latexTensor([3, 2, 2], data);
    assert.ok(tex.includes('\\begin{bmatrix} 0 & 1 \\\\ 2 & 3 \\end{bmatrix}'), tex);
    assert.ok(tex.includes('\\begin{bmatrix} 8 & 9 \\\\ 10 & 11 \\end{bmatrix}'), tex);
    assert.ok(!tex.includes('4 & 5'), 'the middle slice is elided');
    assert.ok(tex.includes('\\cdots') && tex.endsWith('_{3 \\times 2 \\times 2}'), tex);
    katex.renderToString(tex, { throwOnError: true });
  });

  it('writes both matrices when there are only two', () => {
    const tex = latexTensor([2, 2, 2], data);
    assert.ok(tex.includes('4 & 5') && !tex.includes('\\cdots'), tex);
    katex.renderToString(tex, { throwOnError: true });
  });
});
