import { divideRounded } from '@nordbok/core';
import { z } from 'zod';

/**
 * Quantities are exact integer thousandths of the item's unit (0.125 kg is 125), so sums
 * never drift. The API speaks in units with at most three decimals.
 */
export const MILLI = 1000;

export function toMilli(units: number): number {
  return Math.round(units * MILLI);
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}

export const quantitySchema = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(n * MILLI - Math.round(n * MILLI)) < 1e-6, {
    message: 'A quantity has at most three decimals.',
  })
  .refine((n) => Math.abs(n) < 1e12, 'The quantity is too large.');

/** Value in øre of `milli` thousandths at `unitCost` øre per unit, half away from zero. */
export function stockValue(milli: number, unitCost: number): number {
  return divideRounded(BigInt(milli) * BigInt(unitCost), BigInt(MILLI));
}

/** `a × b / c` rounded half away from zero, exact for any safe integers. */
export function mulDiv(a: number, b: number, c: number): number {
  return divideRounded(BigInt(a) * BigInt(b), BigInt(c));
}

/** The units an item may be counted in; anything else is refused. */
export const UNITS = [
  'stk',
  'kg',
  'g',
  'l',
  'dl',
  'cl',
  'm',
  'pk',
  'kartong',
  'sekk',
  'time',
  'mnd',
  'kurs',
] as const;
export type Unit = (typeof UNITS)[number];
