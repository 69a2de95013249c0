import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../src/api/client';
import type { Problem } from '../src/api/types';
import { errorText, fieldErrorsOf, formErrorText } from '../src/ui/problems';

const t = ((key: string) => `t:${key}`) as unknown as TFunction;

function problem(extra: Partial<Problem>): ProblemError {
  return new ProblemError({
    type: 'about:blank',
    title: 'Invalid request',
    status: 400,
    detail: 'visitAddress.postalCode: Too long.',
    code: 'validation',
    ...extra,
  });
}

describe('fieldErrorsOf', () => {
  it('keys messages by the dotted field path, first message winning', () => {
    const error = problem({
      errors: [
        { field: 'visitAddress.postalCode', message: 'Too long.' },
        { field: 'visitAddress.postalCode', message: 'Second.' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ 'visitAddress.postalCode': 'Too long.' });
  });

  it('is empty for anything but a problem', () => {
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});

describe('errorText and formErrorText', () => {
  it("shows the server's detail as written", () => {
    expect(errorText(problem({ status: 429, detail: 'Too many attempts.' }), t)).toBe(
      'Too many attempts.',
    );
  });

  it('uses its own words for network faults and unknown errors', () => {
    expect(errorText(problem({ code: 'network', status: 0 }), t)).toBe('t:errors.network');
    expect(errorText(new Error('boom'), t)).toBe('t:errors.unexpected');
  });

  it('asks to check the fields when each error has its place in the form', () => {
    const error = problem({ errors: [{ field: 'visitAddress.postalCode', message: 'Too long.' }] });
    expect(formErrorText(error, ['visitAddress.postalCode'], t)).toBe('t:errors.checkFields');
    expect(formErrorText(error, ['name'], t)).toBe('visitAddress.postalCode: Too long.');
  });
});
