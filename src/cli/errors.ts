// The CLI's exit statuses and input error, kept apart from the core-loading modules so that main.ts can
// recognise it without loading them.

/** The FILE cannot be used: missing, unreadable, a directory, an unknown extension, a bad notebook. */
export class InputError extends Error {}

/** Exit statuses of the contract. */
export const EXIT = { ok: 0, foundError: 1, usage: 2 } as const;
