// The panel protocol's validators: well-formed messages pass, anything malformed is refused.
import * as assert from 'node:assert/strict';
import { isFromWebview, isPanelState, isTensorDto, isToWebview, type DerivationDto } from '../../../src/protocol/messages';

const derivation: DerivationDto = {
  formula: 'softmax',
  name: { en: 'softmax', fr: 'softmax' },
  line: 31,
  general: '\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}',
  steps: [{ title: { en: 'Exponentiate', fr: 'Exponentier' }, latex: 'e^{z}', value: { shape: [1, 3], dtype: 'float64', data: [1, 0.5, 'Infinity'] } }],
  result: { shape: [1, 3], dtype: 'float64', data: [0.6652, 0.2447, 0.09] },
  heatmaps: [{ title: { en: 'Head 1', fr: 'Tête 1' }, matrix: { shape: [2, 2, 2], dtype: 'float64', data: [1, 0, 0, 1, 0.5, 0.5, 0.5, 0.5] }, rowLabels: ['Le', 'chat'], colLabels: ['Le', 'chat'] }],
  source: { uri: 'file:///x/exercise1.py', line: 31, label: 'exercise1.py' },
};

describe('panel protocol validators', () => {
  it('accepts every kind of message to the panel', () => {
    assert.ok(isToWebview({ type: 'init', locale: 'fr', strings: { title: 'Tuteur' } }));
    assert.ok(isToWebview({ type: 'derivation', derivation, elapsedMs: 12 }));
    assert.ok(isToWebview({ type: 'cell', cell: { index: [0, 1], steps: [], value: 'NaN' }, requestId: 3 }));
    assert.ok(isToWebview({ type: 'empty', reason: { en: 'a', fr: 'b' } }));
    assert.ok(isToWebview({ type: 'explanation', code: 'matmul-mismatch', title: { en: 'a', fr: 'b' }, paragraphs: [], latex: ['x'] }));
  });
  it('refuses malformed messages to the panel', () => {
    assert.ok(!isToWebview(null));
    assert.ok(!isToWebview({ type: 'init', locale: 'de', strings: {} }));
    assert.ok(!isToWebview({ type: 'derivation', derivation: { ...derivation, steps: [{ title: 'x', latex: 'y' }] } }));
    assert.ok(!isToWebview({ type: 'derivation', derivation: { ...derivation, source: { uri: 1 } } }));
    assert.ok(!isToWebview({ type: 'cell', cell: { index: [0.5], steps: [], value: 1 }, requestId: 1 }));
    assert.ok(!isToWebview({ type: 'unknown' }));
  });
  it('checks that tensor data fills the shape and has only JSON numbers', () => {
    assert.ok(isTensorDto({ shape: [2, 2], dtype: 'float64', data: [1, 2, 3, '-Infinity'] }));
    assert.ok(!isTensorDto({ shape: [2, 2], dtype: 'float64', data: [1, 2, 3] }));
    assert.ok(!isTensorDto({ shape: [1], dtype: 'float64', data: ['one'] }));
    assert.ok(!isTensorDto({ shape: [1], dtype: 'float64', data: [NaN] }));
    assert.ok(isTensorDto({ shape: ['n', 2], dtype: null }));
  });
  it('accepts the panel messages and refuses malformed ones', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'cell', index: [1, 2], heatmap: 0, requestId: 4 }));
    assert.ok(isFromWebview({ type: 'reveal', line: 3 }));
    assert.ok(isFromWebview({ type: 'cspViolation', directive: 'style-src', blocked: 'inline' }));
    assert.ok(!isFromWebview({ type: 'reveal', line: 0 }));
    assert.ok(!isFromWebview({ type: 'cell', index: '1', requestId: 1 }));
    assert.ok(!isFromWebview({ type: 'rendered', formula: 'softmax' }));
    assert.ok(!isFromWebview('ready'));
  });
  it('validates the saved panel state', () => {
    assert.ok(isPanelState({}));
    assert.ok(isPanelState({ derivation, slices: { 7: [1] }, locale: 'fr' }));
    assert.ok(!isPanelState({ derivation: { formula: 'softmax' } }));
    assert.ok(!isPanelState({ slices: { 7: ['a'] } }));
  });
});
