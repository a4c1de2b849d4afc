// Registers the JavaScript built-ins of TypeScript programs (Array, String, Number, Object,
// Math extras, typed arrays). Imported once by src/core/interp/tsGlobals.ts.

import './array';
import './globals';
import './strings';
