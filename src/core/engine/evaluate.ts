// `eval`: one mathjs-syntax expression evaluated by our own walk over mathjs's syntax tree, so
// each operator and function result becomes a step as it is computed (never recomputed apart).
// Arrays are Float64Array tensors throughout; mathjs's own functions are reached only through a
// whitelist. Every failure comes back as a typed, bilingual error — never a throw.

import type { MathNode } from './math';
import type { Step } from '../types';
import type { L10nText, Value } from '../values';
import { EngineError, argumentError, shapeError } from './errors';
import { Tensor } from './tensor';
import { StepRecorder, eq, isTensor } from './recorder';
import { binary, map, matmul, transposeLast2 } from './kernels';
import { BUILTINS, DISABLED, callBuiltin, disabledError, mathjs } from './math';
import { findTutorFunction, tutorFunctions, type EngineValue, type EngineRecord } from './tutor';
import { engineToValue } from './convert';
import { texOfNode } from './tex';
import { latexNumber } from '../latex/numbers';

export type EvalResult =
  | { ok: true; value: Value; engineValue: EngineValue; latex: string; steps: Step[] }
  | { ok: false; error: { kind: EngineError['kind']; message: L10nText } };

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI, Infinity, NaN, phi: (1 + Math.sqrt(5)) / 2 };

export function evalExpression(src: string): EvalResult {
  let node: MathNode;
  try {
    node = mathjs.parse(src);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { kind: 'syntax', message: { en: `syntax error: ${msg}`, fr: `erreur de syntaxe\u00a0: ${msg}` } } };
  }
  const rec = new StepRecorder();
  const scope = new Map<string, EngineValue>();
  try {
    const value = walk(node, scope, rec);
    return { ok: true, value: engineToValue(value), engineValue: value, latex: texOfNode(node), steps: rec.steps };
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, error: { kind: e.kind, message: e.text } };
    const msg = e instanceof Error ? e.message : String(e);
    // mathjs's own dimension errors (e.g. [[1,2]] * [[1,2,3]] in a builtin) are shape problems
    const kind = /dimension|size|mismatch/i.test(msg) ? 'shape' : 'evaluation';
    return { ok: false, error: { kind, message: { en: msg, fr: msg } } };
  }
}

function walk(node: MathNode, scope: Map<string, EngineValue>, rec: StepRecorder): EngineValue {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
      throw argumentError('unsupported constant', 'constante non prise en charge');
    }
    case 'SymbolNode': {
      const name = n.name as string;
      if (scope.has(name)) return scope.get(name)!;
      if (name in CONSTANTS) return CONSTANTS[name];
      if (findTutorFunction(name) || BUILTINS.has(name)) throw argumentError(`${name} is a function: call it as ${name}(…)`, `${name} est une fonction : appelez-la ainsi ${name}(…)`);
      throw new EngineError('evaluation', { en: `undefined symbol ${name}`, fr: `symbole ${name} non défini` });
    }
    case 'ParenthesisNode':
      return walk(n.content as MathNode, scope, rec);
    case 'ArrayNode': {
      const items = (n.items as MathNode[]).map((c) => walk(c, scope, rec));
      const parts = items.map((v) => (typeof v === 'number' ? Tensor.scalar(v) : typeof v === 'boolean' ? Tensor.scalar(v ? 1 : 0) : isTensor(v) ? v : undefined));
      if (parts.some((p) => !p)) throw argumentError('matrix entries must be numbers', 'les éléments d’une matrice doivent être des nombres');
      const t = Tensor.stack(parts as Tensor[]);
      if (!t) throw argumentError('the matrix is ragged: every row must have the same length', 'la matrice est irrégulière : toutes les lignes doivent avoir la même longueur');
      return t;
    }
    case 'RangeNode': {
      const start = num(walk(n.start as MathNode, scope, rec)), end = num(walk(n.end as MathNode, scope, rec));
      const step = n.step ? num(walk(n.step as MathNode, scope, rec)) : 1;
      if (step === 0) throw argumentError('range step must not be 0', 'le pas d’un intervalle ne doit pas être 0');
      const vals: number[] = [];
      for (let x = start; step > 0 ? x <= end : x >= end; x += step) vals.push(x);
      return Tensor.of([vals.length], vals);
    }
    case 'ObjectNode': {
      const o: EngineRecord = {};
      for (const [k, v] of Object.entries(n.properties as Record<string, MathNode>)) o[k] = walk(v, scope, rec);
      return o;
    }
    case 'AccessorNode':
      return access(walk(n.object as MathNode, scope, rec), n.index as MathNode & Record<string, unknown>, scope, rec);
    case 'AssignmentNode': {
      const target = n.object as MathNode & Record<string, unknown>;
      if (target.type !== 'SymbolNode' || n.index) throw argumentError('only plain assignments `name = value` are supported', 'seules les affectations simples `nom = valeur` sont prises en charge');
      const name = target.name as string;
      if (findTutorFunction(name) || BUILTINS.has(name) || (DISABLED as readonly string[]).includes(name) || name in CONSTANTS) {
        throw argumentError(`${name} is a built-in name and cannot be reassigned`, `${name} est un nom prédéfini et ne peut pas être réaffecté`);
      }
      const v = walk(n.value as MathNode, scope, rec);
      scope.set(name, v);
      return v;
    }
    case 'BlockNode': {
      let last: EngineValue = 0;
      for (const b of n.blocks as { node: MathNode }[]) last = walk(b.node, scope, rec);
      return last;
    }
    case 'ConditionalNode': {
      const c = walk(n.condition as MathNode, scope, rec);
      return walk((truthy(c) ? n.trueExpr : n.falseExpr) as MathNode, scope, rec);
    }
    case 'OperatorNode':
      return operator(node, (n.args as MathNode[]).map((a) => walk(a, scope, rec)), rec);
    case 'FunctionNode':
      return call(node, scope, rec);
    default:
      throw argumentError(`${node.type} is not supported in tutor expressions`, `${node.type} n’est pas pris en charge dans les expressions du tuteur`);
  }
}

function num(v: EngineValue): number {
  if (typeof v === 'number') return v;
  if (isTensor(v) && v.data.length === 1) return v.data[0];
  throw argumentError('expected a number', 'nombre attendu');
}

function truthy(v: EngineValue): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  throw argumentError('a condition must be a number or a boolean', 'une condition doit être un nombre ou un booléen');
}

function asT(v: EngineValue, what: string): Tensor {
  if (typeof v === 'number') return Tensor.scalar(v);
  if (typeof v === 'boolean') return Tensor.scalar(v ? 1 : 0);
  if (isTensor(v)) return v;
  throw argumentError(`${what}: expected a number or a matrix`, `${what} : nombre ou matrice attendu`);
}

const scalarOut = (t: Tensor): EngineValue => (t.shape.length === 0 ? t.data[0] : t);

const ELEMENTWISE_OPS: Record<string, [(x: number, y: number) => number, L10nText]> = {
  add: [(x, y) => x + y, { en: 'Add', fr: 'Addition' }],
  subtract: [(x, y) => x - y, { en: 'Subtract', fr: 'Soustraction' }],
  dotMultiply: [(x, y) => x * y, { en: 'Elementwise product', fr: 'Produit élément par élément' }],
  dotDivide: [(x, y) => x / y, { en: 'Elementwise division', fr: 'Division élément par élément' }],
  dotPow: [(x, y) => Math.pow(x, y), { en: 'Elementwise power', fr: 'Puissance élément par élément' }],
  mod: [(x, y) => x - y * Math.floor(x / y), { en: 'Modulo', fr: 'Modulo' }],
  larger: [(x, y) => +(x > y), { en: 'Compare', fr: 'Comparer' }],
  smaller: [(x, y) => +(x < y), { en: 'Compare', fr: 'Comparer' }],
  largerEq: [(x, y) => +(x >= y), { en: 'Compare', fr: 'Comparer' }],
  smallerEq: [(x, y) => +(x <= y), { en: 'Compare', fr: 'Comparer' }],
  equal: [(x, y) => +(x === y), { en: 'Compare', fr: 'Comparer' }],
  unequal: [(x, y) => +(x !== y), { en: 'Compare', fr: 'Comparer' }],
};

function operator(node: MathNode, args: EngineValue[], rec: StepRecorder): EngineValue {
  const fn = (node as unknown as { fn: string }).fn;
  const lhs = texOfNode(node);
  const done = (title: L10nText, v: Tensor): EngineValue => {
    rec.step(title, eq(lhs, v), v);
    return scalarOut(v);
  };
  if (args.length === 1) {
    const x = asT(args[0], fn);
    // -2 or -Infinity written in a matrix literal is a number, not a step worth showing
    const literal = (node as unknown as { args: MathNode[] }).args[0].type === 'ConstantNode' || (node as unknown as { args: (MathNode & { name?: string })[] }).args[0].name === 'Infinity';
    if (fn === 'unaryMinus' && literal) return scalarOut(map(x, (v) => -v));
    if (fn === 'unaryMinus') return done({ en: 'Negate', fr: 'Opposé' }, map(x, (v) => -v));
    if (fn === 'unaryPlus') return scalarOut(x);
    if (fn === 'ctranspose' || fn === 'transpose') return done({ en: 'Transpose', fr: 'Transposer' }, transposeLast2(x));
    if (fn === 'factorial') return done({ en: 'Factorial', fr: 'Factorielle' }, map(x, factorial));
    throw argumentError(`operator ${fn} is not supported`, `opérateur ${fn} non pris en charge`);
  }
  const [a, b] = [asT(args[0], fn), asT(args[1], fn)];
  if (fn === 'multiply') {
    // mathjs: A * B is the matrix product when both are matrices, scaling otherwise
    if (a.shape.length > 0 && b.shape.length > 0) {
      if (a.shape.length > 2 || b.shape.length > 2) throw shapeError('A * B needs vectors or matrices (use the tutor functions for batches)', 'A * B demande des vecteurs ou des matrices (utilisez les fonctions du tuteur pour les lots)');
      const product = matmul(a, b, 'A * B');
      return done({ en: 'Matrix product', fr: 'Produit matriciel' }, product);
    }
    return done({ en: 'Multiply', fr: 'Multiplication' }, binary(a, b, (x, y) => x * y, '*'));
  }
  if (fn === 'divide') {
    if (b.shape.length > 0 && b.data.length !== 1) throw shapeError('A / B with B a matrix means A·B⁻¹; for elementwise division write A ./ B', 'A / B avec B une matrice signifie A·B⁻¹ ; pour une division élément par élément écrivez A ./ B');
    return done({ en: 'Divide', fr: 'Division' }, binary(a, b, (x, y) => x / y, '/'));
  }
  if (fn === 'pow') {
    if (a.shape.length > 0) throw shapeError('A ^ p on a matrix is a matrix power; for elementwise powers write A .^ p', 'A ^ p sur une matrice est une puissance matricielle ; pour une puissance élément par élément écrivez A .^ p');
    return done({ en: 'Power', fr: 'Puissance' }, binary(a, b, Math.pow, '^'));
  }
  const op = ELEMENTWISE_OPS[fn];
  if (!op) throw argumentError(`operator ${fn} is not supported`, `opérateur ${fn} non pris en charge`);
  return done(op[1], binary(a, b, op[0], (node as unknown as { op: string }).op));
}

function factorial(x: number): number {
  if (!Number.isInteger(x) || x < 0) return NaN;
  let r = 1;
  for (let i = 2; i <= x; i++) r *= i;
  return r;
}

function call(node: MathNode, scope: Map<string, EngineValue>, rec: StepRecorder): EngineValue {
  const fnNode = (node as unknown as { fn: MathNode & { name?: string } }).fn;
  if (fnNode.type !== 'SymbolNode') throw argumentError('only named functions can be called', 'seules les fonctions nommées peuvent être appelées');
  const name = fnNode.name!;
  if ((DISABLED as readonly string[]).includes(name)) throw disabledError(name);
  const argNodes = (node as unknown as { args: MathNode[] }).args;
  const tutor = findTutorFunction(name);
  if (tutor) {
    const args = argNodes.map((a) => walk(a, scope, rec));
    if (!tutor.arity.includes(args.length)) {
      const want = tutor.arity.join(' or ');
      throw argumentError(`${name} takes ${want} arguments, got ${args.length}`, `${name} prend ${tutor.arity.join(' ou ')} arguments, reçu ${args.length}`);
    }
    return tutor.call(args, rec);
  }
  if (BUILTINS.has(name)) {
    const args = argNodes.map((a) => walk(a, scope, rec));
    const res = fromMath(callBuiltin(name, args.map(toMath)));
    const lhs = texOfNode(node);
    if (isTensor(res)) rec.step({ en: name, fr: name }, eq(lhs, res), res);
    else if (typeof res === 'number') rec.step({ en: name, fr: name }, `${lhs} = ${latexNumber(res)}`, Tensor.scalar(res));
    return res;
  }
  const known = tutorFunctions().map((f) => f.name).join(', ');
  throw new EngineError('unknown-function', {
    en: `unknown function ${name}; the tutor functions are ${known}, plus mathjs's ${[...BUILTINS].slice(0, 12).join(', ')}, …`,
    fr: `fonction inconnue ${name}\u00a0; les fonctions du tuteur sont ${known}, ainsi que celles de mathjs ${[...BUILTINS].slice(0, 12).join(', ')}, …`,
  });
}

function access(obj: EngineValue, index: MathNode & Record<string, unknown>, scope: Map<string, EngineValue>, rec: StepRecorder): EngineValue {
  const dims = (index.dimensions as MathNode[]).map((d) => walk(d, scope, rec));
  if (index.dotNotation || (dims.length === 1 && typeof dims[0] === 'string')) {
    const key = String(dims[0]);
    if (typeof obj === 'object' && !isTensor(obj) && Object.prototype.hasOwnProperty.call(obj, key)) return (obj as EngineRecord)[key];
    throw argumentError(`no property ${key}`, `pas de propriété ${key}`);
  }
  // mathjs indices are 1-based: A[i, j]
  let t = asT(obj, 'index');
  for (const d of dims) {
    const i = num(d);
    const n = t.shape[0];
    if (t.shape.length === 0 || !Number.isInteger(i) || i < 1 || i > n) {
      throw argumentError(`index ${i} is out of range (mathjs indices start at 1; this axis has ${n ?? 0})`, `indice ${i} hors limites (les indices mathjs commencent à 1 ; cet axe en a ${n ?? 0})`);
    }
    const inner = Tensor.size(t.shape.slice(1));
    t = { shape: t.shape.slice(1), data: t.data.slice((i - 1) * inner, i * inner) };
  }
  return scalarOut(t);
}

function toMath(v: EngineValue): unknown {
  if (isTensor(v)) return v.shape.length === 0 ? v.data[0] : mathjs.matrix(Tensor.toNested(v));
  return v;
}

function fromMath(v: unknown): EngineValue {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (mathjs.isMatrix(v)) return Tensor.fromNested(v.toArray());
  if (Array.isArray(v)) return Tensor.fromNested(v);
  throw argumentError('the result is not a number or a matrix', 'le résultat n’est ni un nombre ni une matrice');
}
