// LaTeX of a mathjs expression through the shared symbol table: tutor functions as operators
// (\mathrm{softmax}), user names as the course writes them (W_Q → W^{Q}).

import type { MathNode } from './math';
import { latexCall, latexName } from '../latex/symbols';
import { findTutorFunction } from './tutor';

const MATHJS_SYMBOLS = new Set(['pi', 'e', 'tau', 'Infinity', 'NaN', 'phi', 'i']);

export function texOfNode(node: MathNode): string {
  const handler = (n: MathNode & Record<string, unknown>, options: object): string | undefined => {
    if (n.type === 'FunctionNode') {
      const fn = n.fn as MathNode & { name?: string };
      if (fn.type === 'SymbolNode' && fn.name && findTutorFunction(fn.name)) {
        return latexCall(fn.name, (n.args as MathNode[]).map((a) => a.toTex(options)));
      }
      return undefined;
    }
    if (n.type === 'OperatorNode' && (n.fn === 'ctranspose' || n.fn === 'transpose')) {
      return `{${(n.args as MathNode[])[0].toTex(options)}}^{\\top}`;
    }
    // braced: mathjs glues operators to operands (\cdot + W_{1} would read as \cdotW)
    if (n.type === 'SymbolNode' && !MATHJS_SYMBOLS.has(n.name as string)) return `{${latexName(n.name as string)}}`;
    return undefined;
  };
  return node.toTex({ parenthesis: 'keep', implicit: 'hide', handler } as never);
}
