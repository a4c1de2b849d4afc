// Every TP4 snippet body, placeholders expanded to their defaults, parses as Python / TypeScript
// with no syntax error (tree-sitter, the grammars the tracer uses) and uses the course's notation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { parserFor } from '../../../src/core/parse/treeSitter';
import { loadParsers, repoRoot } from '../helpers';

interface Snippet { prefix: string; body: string[]; description: string }

/** Expand `${1:default}` to its default and `$1` to the same default, `$0` to nothing. */
export function expandSnippet(body: string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return text.replace(/\$\{(\d+):([^}]*)\}/g, (_, _n, d: string) => d).replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '');
}

function syntaxErrors(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'ERROR' || n.isMissing) out.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column}`);
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return out;
}

/** The names each building block must use, in the course's notation (TP4, Vaswani et al., Kingma & Ba). */
const NAMES: Record<'python' | 'typescript', Record<string, string[]>> = {
  python: {
    'tp4-embeddings': ['X', 'd_embedding', 'mots', 'np.random.randn'],
    'tp4-qkv': ['W_Q', 'W_K', 'W_V', 'Q = X @ W_Q', 'K = X @ W_K', 'V = X @ W_V', 'd_head'],
    'tp4-scores': ['Q @ K.T', 'np.sqrt(d_k)', 'scores'],
    'tp4-softmax': ['np.exp', 'np.max', 'axis=-1', 'keepdims=True', 'softmax'],
    'tp4-causal-mask': ['-np.inf', 'np.triu', 'scores + masque'],
    'tp4-attention': ['Q', 'K', 'V', 'np.sqrt(d_k)', 'poids @ V'],
    'tp4-split-heads': ['n_tetes', 'd_head = d_model // n_tetes', 'reshape', 'transpose(1, 0, 2)'],
    'tp4-merge-heads': ['concat', 'W_O', 'd_model'],
    'tp4-pe': ['PE', '10000', 'np.sin', 'np.cos', '0::2', '1::2'],
    'tp4-adam': ['beta1', 'beta2', 'eps', 'm_hat', 'v_hat', 'theta', '1 - beta1 ** t'],
    'tp4-layer-norm': ['eps', 'mu', 'var', 'axis=-1'],
  },
  typescript: {
    'tp4-embeddings': ['X', 'dEmbedding', 'mots'],
    'tp4-qkv': ['W_Q', 'W_K', 'W_V', 'math.multiply(X, W_Q)', 'dHead'],
    'tp4-scores': ['math.transpose(K)', 'math.sqrt(d_k)', 'scores'],
    'tp4-softmax': ['math.exp', 'math.max', 'softmax'],
    'tp4-causal-mask': ['-Infinity', 'masque'],
    'tp4-attention': ['Q', 'K', 'V', 'poids', 'math.multiply(poids, V)'],
    'tp4-split-heads': ['nTetes', 'dHead = dModel / nTetes'],
    'tp4-merge-heads': ['concat', 'W_O', 'dModel'],
    'tp4-pe': ['PE', '10000', 'Math.sin', 'Math.cos'],
    'tp4-adam': ['beta1', 'beta2', 'eps', 'm_hat', 'v_hat', 'theta', '1 - beta1 ** t'],
    'tp4-layer-norm': ['eps', 'mu', 'variance'],
  },
};

for (const lang of ['python', 'typescript'] as const) {
  const file = path.join(repoRoot, 'snippets', `${lang}.json`);
  const snippets: Record<string, Snippet> = JSON.parse(fs.readFileSync(file, 'utf8'));
  describe(`snippets/${lang}.json`, () => {
    before(loadParsers);
    it('has every TP4 building block, prefixed tp4-', () => {
      const prefixes = Object.values(snippets).map((s) => s.prefix);
      assert.deepEqual([...prefixes].sort(), Object.keys(NAMES[lang]).sort());
    });
    for (const [title, s] of Object.entries(snippets)) {
      it(`${s.prefix} parses without syntax errors and uses the course's names`, () => {
        const code = expandSnippet(s.body);
        assert.doesNotMatch(code, /\$\{?\d/, 'a placeholder was left unexpanded');
        const tree = parserFor(lang).parse(code);
        assert.ok(tree, title);
        assert.deepEqual(syntaxErrors(tree.rootNode), [], `${title}:\n${code}`);
        for (const name of NAMES[lang][s.prefix] ?? ['<unknown prefix>']) assert.ok(code.includes(name), `${s.prefix} lacks ${name}`);
        assert.ok(s.description.length > 10);
      });
    }
  });
}
