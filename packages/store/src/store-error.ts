/** Problem codes the store reports; a closed union so callers can map them (e.g. to HTTP). */
export type StoreErrorCode = 'not_found' | 'conflict';

/** An expected failure of a store operation, carrying a {@link StoreErrorCode}. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The SQLSTATE of a database error, looking through Drizzle's wrapping; undefined otherwise. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = e.cause;
  }
  return undefined;
}
