import { describe, expect, it } from 'vitest';
import { isValidKid, makeKid } from '../src/index';

describe('KID', () => {
  it.each([
    ['123456789', 'mod10', '1234567897'],
    ['12345678', 'mod10', '123456782'],
    ['0000000001', 'mod10', '00000000018'],
    ['123456789', 'mod11', '1234567892'],
    ['12345', 'mod11', '123455'],
  ] as const)('%s with %s → %s', (body, method, kid) => {
    expect(makeKid(body, method)).toBe(kid);
    expect(isValidKid(kid)).toBe(true);
  });

  it('writes a MOD11 remainder of 10 as a dash', () => {
    const body = [...Array(200).keys()].map(String).find((b) => makeKid(b, 'mod11').endsWith('-'));
    expect(body).toBeDefined();
    expect(isValidKid(makeKid(body!, 'mod11'))).toBe(true);
  });

  it.each(['', '1', '1234567890', '12a45', '12345678901234567890123456', '-'])(
    'refuses %j',
    (kid) => {
      expect(isValidKid(kid)).toBe(false);
    },
  );
});
