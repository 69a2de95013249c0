import table from './grouping-codes.json' with { type: 'json' };

/**
 * The næringsspesifikasjon grouping codes that SAF-T 1.30 requires on every account
 * (GroupingCategory + GroupingCode), from the Tax Administration's code list.
 * Each row: category, code, Norwegian description, English description.
 */
export interface GroupingCode {
  category: string;
  code: string;
  nameNb: string;
  nameEn: string;
}

export const GROUPING_CODES: readonly GroupingCode[] = (table as string[][]).map(
  ([category = '', code = '', nameNb = '', nameEn = '']) => ({ category, code, nameNb, nameEn }),
);

const KEYS = new Set(GROUPING_CODES.map((g) => `${g.category}/${g.code}`));

export function isGroupingCode(category: string, code: string): boolean {
  return KEYS.has(`${category}/${code}`);
}
