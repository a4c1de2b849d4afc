// Imports every op module once so each registers itself in ./registry.ts. Adding an op is adding
// its file and one line here (append-only: several engineers add lines at once).

import './registry';
import './product/matmul';
import './product/dot';
import './product/inner';
import './product/outer';
import './shape/transpose';
import './shape/reshape';
import './shape/flat';
import './shape/dims';
import './shape/join';
import './shape/split';
import './shape/repeat';
import './shape/tri';
import './shape/broadcastTo';
import './random';
