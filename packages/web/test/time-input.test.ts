import { describe, expect, it } from 'vitest';
import { parseTimeInput } from '../src/ui/timeInput';

describe('parseTimeInput', () => {
  it('reads the short forms typed on a Norwegian keyboard', () => {
    expect(parseTimeInput('930')).toBe('09:30');
    expect(parseTimeInput('0930')).toBe('09:30');
    expect(parseTimeInput('9:30')).toBe('09:30');
    expect(parseTimeInput('9.30')).toBe('09:30');
    expect(parseTimeInput('09:30')).toBe('09:30');
    expect(parseTimeInput(' 1415 ')).toBe('14:15');
    expect(parseTimeInput('14 15')).toBe('14:15');
  });

  it('takes a bare hour as the whole hour', () => {
    expect(parseTimeInput('9')).toBe('09:00');
    expect(parseTimeInput('14')).toBe('14:00');
    expect(parseTimeInput('0')).toBe('00:00');
  });

  it('uses the 24-hour clock', () => {
    expect(parseTimeInput('2359')).toBe('23:59');
    expect(parseTimeInput('00:00')).toBe('00:00');
    expect(parseTimeInput('24:00')).toBeNull();
    expect(parseTimeInput('2400')).toBeNull();
    expect(parseTimeInput('9:60')).toBeNull();
    expect(parseTimeInput('960')).toBeNull();
  });

  it('refuses what is not a time of day', () => {
    expect(parseTimeInput('')).toBeNull();
    expect(parseTimeInput('9:3')).toBeNull();
    expect(parseTimeInput('9 pm')).toBeNull();
    expect(parseTimeInput('12345')).toBeNull();
    expect(parseTimeInput('-9:30')).toBeNull();
    expect(parseTimeInput('9:30:00')).toBeNull();
  });
});
