// TP4, exercice 1 en TypeScript avec mathjs : self-attention à une tête sur « Le chat noir dort. »
// (d_embedding = 4, d_head = 2). Les matrices sont écrites en clair pour que chaque valeur soit
// connue sans exécuter le programme ; `math.multiply` est le produit matriciel.
import * as math from 'mathjs';

const mots = ['Le', 'chat', 'noir', 'dort'];
const dHead = 2;

const X = [
  [1.0, 0.0, 1.0, 0.0],
  [0.0, 2.0, 0.0, 2.0],
  [1.0, 1.0, 1.0, 1.0],
  [0.5, -1.0, 0.5, 0.0],
];
const W_Q = [
  [1.0, 0.0],
  [0.0, 1.0],
  [1.0, 0.0],
  [0.0, 1.0],
];
const W_K = [
  [0.0, 1.0],
  [1.0, 0.0],
  [0.0, 1.0],
  [1.0, 0.0],
];
const W_V = [
  [1.0, 2.0],
  [0.0, 1.0],
  [-1.0, 0.0],
  [0.5, 0.5],
];

const Q = math.multiply(X, W_Q); // (4, 2)
const K = math.multiply(X, W_K);
const V = math.multiply(X, W_V);

// Score_ij = Q_i · K_j / √d_k
const scores = math.divide(math.multiply(Q, math.transpose(K)), math.sqrt(dHead)) as number[][];

// Softmax de chaque ligne, maximum soustrait pour la stabilité numérique
const poids = scores.map((ligne) => {
  // mathjs 15 : `exp` ne s'applique plus aux tableaux, d'où `math.map`
  const decale = math.subtract(ligne, math.max(ligne)) as number[];
  const e = math.map(decale, (z: number) => math.exp(z));
  return math.divide(e, math.sum(e)) as number[];
});

const sortie = math.multiply(poids, V); // (4, 2)

console.log('Pondérations :', math.format(poids, { precision: 3 }));
mots.forEach((mot, i) => console.log(mot, math.format(sortie[i], { precision: 3 })));
