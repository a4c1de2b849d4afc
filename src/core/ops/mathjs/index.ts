// The mathjs 15 operations of TypeScript programs (registry keys `math.<name>` and
// `math.Matrix.<method>`), registered by importing this folder once from ../index.ts.

import './arith';
import './scalar';
import './reduce';
import './norm';
import './build';
import './access';
import './subset';
