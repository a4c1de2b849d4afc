// TP4, exercice 2 en TypeScript avec mathjs : attention à 2 têtes avec encodage positionnel
// sinusoïdal sur « Le soleil brille doucement sur la rivière. » (7 tokens, d_model = 6, d_head = 3).
// Les poids viennent d’un générateur à graine écrit dans le fichier : toutes les valeurs sont connues.
import { create, all } from 'mathjs';

const math = create(all);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(2024);
const randn = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rand() - 0.5));

const tokens = 'Le soleil brille doucement sur la rivière .'.split(' ').slice(0, 7);
const n = tokens.length;
const dModel = 6;
const nHeads = 2;
const dHead = dModel / nHeads;

const PE = Array.from({ length: n }, (_, pos) =>
  Array.from({ length: dModel }, (_, j) => {
    const angle = pos / Math.pow(10000, (2 * Math.floor(j / 2)) / dModel);
    return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  }),
);
const emb = randn(n, dModel);
const X = math.add(emb, PE) as number[][];

const heads: number[][][] = [];
for (let h = 0; h < nHeads; h++) {
  const Wq = randn(dModel, dHead);
  const Wk = randn(dModel, dHead);
  const Wv = randn(dModel, dHead);
  const Q = math.multiply(X, Wq);
  const K = math.multiply(X, Wk);
  const V = math.multiply(X, Wv);
  const S = math.divide(math.multiply(Q, math.transpose(K)), Math.sqrt(dHead)) as number[][];
  const A = S.map((r) => {
    const m = Math.max(...r);
    const e = r.map((x) => Math.exp(x - m));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  });
  heads.push(math.multiply(A, V));
}
const concat = math.concat(heads[0], heads[1]) as number[][];
const W_O = randn(dModel, dModel);
const out = math.multiply(concat, W_O);
const outSize = math.size(out);
console.log(out, outSize);
