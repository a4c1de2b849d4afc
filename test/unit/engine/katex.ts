// Collects every LaTeX string a test produced and renders them all with KaTeX (throwOnError),
// so a derivation can never ship LaTeX the panel would fail to draw.
import * as assert from 'node:assert/strict';
import katex from 'katex';
import type { Step } from '../../../src/core/types';

const seen: { tex: string; where: string }[] = [];

export function collectTex(tex: string, where: string): string {
  seen.push({ tex, where });
  return tex;
}

export function collectSteps(steps: readonly Step[], where: string): void {
  for (const s of steps) collectTex(s.latex, `${where}: ${s.title.en}`);
}

/** An `it` to place last in a describe: renders everything collected so far. */
export function itRendersAllTex(): void {
  it('renders every collected LaTeX string with KaTeX (throwOnError)', () => {
    assert.ok(seen.length > 0, 'no LaTeX was collected');
    for (const { tex, where } of seen) {
      try {
        katex.renderToString(tex, { throwOnError: true, displayMode: true });
      } catch (e) {
        assert.fail(`${where}: ${(e as Error).message}\n${tex}`);
      }
    }
  });
}
