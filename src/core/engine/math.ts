// The private mathjs instance: created with only the functions the tutor uses, float64 numbers,
// and sandboxed as the mathjs security guide describes — the functions that could reach the
// parser or the instance itself (import, createUnit, evaluate, parse, simplify, derivative,
// resolve, reviver, compile, …) are replaced by ones that refuse with a clear message.

import type * as Mathjs from 'mathjs' with { 'resolution-mode': 'import' };
// mathjs ships one set of ESM types for its CJS and ESM builds, so TypeScript (node16, CJS
// output) calls this import an ESM import; every bundler and node itself resolve it to the CJS
// entry through the package's "require" condition.
// @ts-expect-error TS1479: mathjs's shared types are ESM; the runtime import is its CJS build
import * as M from 'mathjs';
import { EngineError } from './errors';

/** The mathjs functions the instance is built from (each brings its `<name>Dependencies` factory set). */
const FUNCTIONS = [
  'abs', 'add', 'ceil', 'concat', 'cos', 'cross', 'cumsum', 'det', 'diag', 'divide', 'dot', 'dotDivide', 'dotMultiply',
  'dotPow', 'erf', 'exp', 'floor', 'identity', 'inv', 'log', 'log10', 'log2', 'map', 'matrix', 'max', 'mean', 'min',
  'mod', 'multiply', 'norm', 'ones', 'parse', 'pow', 'prod', 'reshape', 'round', 'sign', 'sin', 'size', 'sqrt',
  'square', 'std', 'subtract', 'sum', 'tan', 'tanh', 'trace', 'transpose', 'unaryMinus', 'variance', 'zeros',
] as const;

const mathjsModule = M as typeof Mathjs;
const factories = Object.fromEntries(
  FUNCTIONS.map((name) => [`${name}Dependencies`, mathjsModule[`${name}Dependencies`]]),
) as Mathjs.FactoryFunctionMap;
type MathNode = Mathjs.MathNode;
const math = mathjsModule.create(factories, { number: 'number', matrix: 'Matrix', precision: 64 });

// Keep our own handle on the parser before the instance's copy is disabled.
const parseExpression = math.parse.bind(math) as (src: string) => MathNode;

/** Functions an expression must never reach (the security guide's list and the other entry points). */
export const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver', 'compile', 'chain', 'config', 'help', 'replacer', 'rationalize', 'parser'] as const;

const refusals: Record<string, () => never> = {};
for (const name of DISABLED) {
  refusals[name] = () => {
    throw disabledError(name);
  };
}
math.import(refusals, { override: true });

export function disabledError(name: string): EngineError {
  return new EngineError('disabled', {
    en: `${name}() is disabled in the tutor's sandbox: expressions may only compute with numbers and matrices`,
    fr: `${name}() est désactivée dans le bac à sable du tuteur\u00a0: une expression ne peut que calculer avec des nombres et des matrices`,
  });
}

/** mathjs functions applied elementwise through map (mathjs 15 no longer maps them over matrices itself). */
export const ELEMENTWISE = new Set(['abs', 'exp', 'log', 'log2', 'log10', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'erf', 'round', 'floor', 'ceil', 'sign', 'square']);

/** The whitelist of mathjs functions callable by name from an expression. */
export const BUILTINS = new Set([
  ...ELEMENTWISE,
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'dot', 'cross', 'det', 'inv', 'norm', 'transpose', 'size',
  'zeros', 'ones', 'identity', 'reshape', 'concat', 'diag', 'trace', 'sum', 'mean', 'max', 'min', 'prod', 'std',
  'variance', 'cumsum', 'dotMultiply', 'dotDivide', 'dotPow', 'matrix',
]);

/** Call a whitelisted mathjs function; `map` applies an elementwise one over a matrix. */
export function callBuiltin(name: string, args: unknown[]): unknown {
  const fn = (math as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
  if (ELEMENTWISE.has(name) && args.length === 1 && math.isMatrix(args[0])) {
    return math.map(args[0], (x: number) => fn(x) as number);
  }
  return fn(...args);
}

export type { MathNode };

export const mathjs = {
  parse: parseExpression,
  matrix: (data: unknown) => math.matrix(data as number[]),
  isMatrix: (x: unknown): x is { toArray(): unknown } => math.isMatrix(x),
  /** for the sandbox tests: the instance's own (disabled) entry points */
  instanceFunction: (name: string): unknown => (math as unknown as Record<string, unknown>)[name],
};
