// Public surface of numpy's generators reproduced in TypeScript (see state.ts for how a trace
// holds them). Op modules under src/core/ops/random use only what is exported here.

export type { BitGen } from './bitgen';
export { MT19937 } from './mt19937';
export { PCG64 } from './pcg64';
export { LegacyCore, legacySeed, legacyGauss, checkLegacySeed } from './legacy';
export { entropyWords, seedSequencePool, generateState } from './seedSequence';
export { standardNormal, ZIGGURAT } from './ziggurat';
export { BitBuffer, boundedDraw, randomInterval, type IntWidth } from './bounded';
export * from './sampling';
export * from './state';
