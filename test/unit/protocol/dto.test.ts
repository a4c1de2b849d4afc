// What the panel receives for TP4's derivations: a heatmap's cells are clickable exactly when the
// heatmap is the derivation's result (explainCell answers for those), the DTOs pass the protocol's
// validators, and the saved panel state keeps the "Updated in N ms" figure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { explainCell, explainLine } from '../../../src/core/explain';
import { isDerivationDto, isPanelState } from '../../../src/protocol/messages';
import { derivationDto } from '../../../src/vscode/dto';
import { loadParsers, repoRoot } from '../helpers';

function derivationAt(rel: string, prefix: string) {
  const text = fs.readFileSync(path.join(repoRoot, 'examples', rel), 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
  const d = explainLine(analyze(text, 'python'), line);
  assert.ok(d, `a derivation at ${rel}:${line}`);
  return d;
}
const source = { uri: 'file:///examples/x.py', line: 1, label: 'x.py' };

describe('protocol: derivation DTOs for the panel', () => {
  before(loadParsers);

  it("exercise 1's softmax: the weights heatmap is the result, so its cells are explainable", () => {
    const d = derivationAt('tp4/exercise1.py', 'poids = ');
    const dto = derivationDto(d, source);
    assert.ok(isDerivationDto(dto));
    assert.equal(dto.heatmaps.length, 1);
    assert.equal(dto.heatmaps[0].explainable, true);
    assert.deepEqual(dto.heatmaps[0].rowLabels, ['Le', 'chat', 'noir', 'dort']);
    assert.ok(explainCell(d, [1, 2]), 'and explainCell answers for a cell of it');
  });

  it("exercise 2's multi-head block: one heatmap per head, not the (7, 6) result, so not clickable", () => {
    const dto = derivationDto(derivationAt('tp4/exercise2.py', 'concat = '), source);
    assert.ok(isDerivationDto(dto));
    assert.deepEqual(dto.heatmaps.map((h) => [h.title.en, h.matrix.shape, h.explainable]), [
      ['Head 1: attention weights', [7, 7], undefined],
      ['Head 2: attention weights', [7, 7], undefined],
    ]);
    assert.deepEqual(dto.heatmaps[1].colLabels, ['Le', 'soleil', 'brille', 'doucement', 'sur', 'la', 'rivière']);
  });

  it('keeps the elapsed time in the saved state, and refuses a malformed one', () => {
    assert.ok(isPanelState({ elapsedMs: 12 }));
    assert.ok(!isPanelState({ elapsedMs: '12' }));
  });
});
