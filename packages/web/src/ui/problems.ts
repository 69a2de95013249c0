import type { TFunction } from 'i18next';
import { ProblemError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** The server's field errors keyed by field path (e.g. "visitAddress.postalCode"). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ProblemError)) return {};
  const result: FieldErrors = {};
  for (const { field, message } of error.problem.errors ?? []) {
    result[field] ??= message;
  }
  return result;
}

/**
 * The sentence to show for a failed request. The server writes its `detail` for people, so it
 * is shown as is; only faults without a server answer get a message of our own.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ProblemError) {
    if (error.code === 'network') return t('errors.network');
    if (error.problem.detail) return error.problem.detail;
  }
  return t('errors.unexpected');
}

/**
 * The message for the top of a form: when every field error has its own place in the form,
 * a short hint suffices; otherwise the server's full detail, so nothing goes unseen.
 */
export function formErrorText(error: unknown, placed: readonly string[], t: TFunction): string {
  const fields = Object.keys(fieldErrorsOf(error));
  const allPlaced = fields.length > 0 && fields.every((field) => placed.includes(field));
  return allPlaced ? t('errors.checkFields') : errorText(error, t);
}
