import type { LegalMessages } from '../i18n/legal.nb';
import type { NaeringLine } from './types';

type CategoryKey = keyof LegalMessages['naering']['categories'];

/** The server's category names, as the tax form orders them: the result first, then balance. */
const ORDER: readonly [string, CategoryKey][] = [
  ['salgsinntekt', 'salgsinntekt'],
  ['annenDriftsinntekt', 'annenDriftsinntekt'],
  ['varekostnad', 'varekostnad'],
  ['loennskostnad', 'loennskostnad'],
  ['annenDriftskostnad', 'annenDriftskostnad'],
  ['finansinntekt', 'finansinntekt'],
  ['finanskostnad', 'finanskostnad'],
  ['skattekostnad', 'skattekostnad'],
  ['resultatDisponeringForSAF-T', 'disponering'],
  ['balanseverdiForAnleggsmiddel', 'balanseverdiForAnleggsmiddel'],
  ['balanseverdiForOmloepsmiddel', 'balanseverdiForOmloepsmiddel'],
  ['egenkapital', 'egenkapital'],
  ['langsiktigGjeld', 'langsiktigGjeld'],
  ['kortsiktigGjeld', 'kortsiktigGjeld'],
];
const KEYS = new Map(ORDER);
const RANK = new Map(ORDER.map(([category], index) => [category, index]));

/** The translation key of a category; none for one this version does not know. */
export const categoryKey = (category: string): CategoryKey | undefined => KEYS.get(category);

/** Lines by category in the form's order (unknown ones last), by code within a category. */
export function sortNaeringLines(lines: readonly NaeringLine[]): NaeringLine[] {
  const rank = (line: NaeringLine) => RANK.get(line.category) ?? ORDER.length;
  return [...lines].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}
