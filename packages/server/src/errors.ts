/**
 * The one error type the application throws on purpose. `code` is stable and maps to an
 * HTTP status in one place (statusFor); `message` is written for the person using Nordbok;
 * `fields` points at the input that was wrong, with paths as in the request body.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'read-only'
  | 'licence-limit'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'csrf';

export interface FieldError {
  field: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** One wrong field: the message is repeated as the field's message. */
  static field(field: string, message: string, code = 'invalid'): AppError {
    return new AppError('validation', message, [{ field, message, code }]);
  }
}

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'read-only': 403,
  'licence-limit': 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}
