import type { DocumentIssue } from '@weframe/core';

/** Error codes services raise; the HTTP layer maps each to a status in one table. */
export type ServiceErrorCode =
  | 'invalid_document'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'bad_request'
  | 'gone'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'csrf'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'unavailable';

/** A failure a service reports to its caller, with a code rather than an HTTP status. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly issues: readonly DocumentIssue[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** The one table from service error codes to HTTP statuses. */
export const STATUS_BY_CODE = {
  invalid_document: 400,
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unauthenticated: 401,
  csrf: 403,
  rate_limited: 429,
  unsupported_media_type: 415,
  unavailable: 503,
} as const satisfies Record<ServiceErrorCode, number>;
