// Bug classique : les scores calculés avec K au lieu de Kᵀ. mathjs lève une RangeError
// « Dimension mismatch in multiplication » : le tuteur la signale sur la ligne, avec la correction.
import * as math from 'mathjs';

const X = [
  [1.0, 0.0, 1.0, 0.0],
  [0.0, 2.0, 0.0, 2.0],
  [1.0, 1.0, 1.0, 1.0],
  [0.5, -1.0, 0.5, 0.0],
];
const W_Q = [[1, 0], [0, 1], [1, 0], [0, 1]];
const W_K = [[0, 1], [1, 0], [0, 1], [1, 0]];

const Q = math.multiply(X, W_Q);
const K = math.multiply(X, W_K);
const scores = math.divide(math.multiply(Q, K), Math.sqrt(2));
console.log(scores);
