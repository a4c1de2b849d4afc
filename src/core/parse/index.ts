// The parsing entry points of the core: tree-sitter loading, the Python front end with its
// incremental-edit helper, and notebooks flattened to one Python source.

export { initParsers, parserFor, type WasmLocation } from './treeSitter';
export { parsePython, editFromChange, pointAt } from './python';
export { notebookToSource, NotebookError, type NotebookCell, type NotebookSource } from './notebook';
