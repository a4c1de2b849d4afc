// The one analysis every consumer reads (editor, CLI, bench): the Trace with bindings, numpy
// errors, formulas and the silent-bug warnings. trace() already merges the warnings in, so
// this module only gives the adapters a stable name for it.

export { trace as analyze, traceIncremental as analyzeIncremental } from './trace';
