import { isIsoDate, MoneyError, parseAmount } from '@nordbok/core';

/**
 * Reading a payroll system's export: a header line, then one line per posting. The columns
 * are named by the user's mapping (remembered per company), the separator is found from
 * the header (`;`, `,` or tab), fields may be quoted with "" for a literal quote.
 */
export interface PayrollMapping {
  date: string;
  account: string;
  amount: string;
  department?: string | undefined;
  project?: string | undefined;
  text?: string | undefined;
}

export interface PayrollRow {
  /** The line in the file, counting the header as line 1. */
  line: number;
  date: string;
  account: string;
  department: string | null;
  project: string | null;
  amount: number;
  text: string;
  errors: string[];
}

export class PayrollFileError extends Error {
  override name = 'PayrollFileError';
}

export function parsePayrollCsv(text: string, mapping: PayrollMapping): PayrollRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [header, ...body] = lines;
  if (!header) throw new PayrollFileError('The file is empty.');
  const separator = [';', '\t', ','].find((s) => header.includes(s)) ?? ';';
  const names = splitLine(header, separator).map((n) => n.trim());
  const column = (name: string | undefined, required: boolean) => {
    if (!name) return -1;
    const index = names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (index < 0 && required) throw new PayrollFileError(`The file has no column "${name}".`);
    return index;
  };
  const at = {
    date: column(mapping.date, true),
    account: column(mapping.account, true),
    amount: column(mapping.amount, true),
    department: column(mapping.department, true),
    project: column(mapping.project, true),
    text: column(mapping.text, true),
  };
  return body.map((raw, i) => readRow(splitLine(raw, separator), at, i + 2));
}

function readRow(
  fields: string[],
  at: Record<keyof PayrollMapping, number>,
  line: number,
): PayrollRow {
  const value = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
  const errors: string[] = [];
  const date = readDate(value(at.date));
  if (!date) errors.push(`"${value(at.date)}" is not a date (YYYY-MM-DD or DD.MM.YYYY).`);
  let amount = 0;
  try {
    amount = parseAmount(value(at.amount));
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    errors.push(`"${value(at.amount)}" is not an amount.`);
  }
  const account = value(at.account);
  if (!/^\d{4,6}$/.test(account)) errors.push(`"${account}" is not an account number.`);
  return {
    line,
    date: date ?? '',
    account,
    department: value(at.department) || null,
    project: value(at.project) || null,
    amount,
    text: value(at.text),
    errors,
  };
}

function readDate(text: string): string | null {
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = norwegian
    ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`
    : text;
  return isIsoDate(iso) ? iso : null;
}

export function splitLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === separator && !quoted) {
      fields.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  fields.push(current);
  return fields;
}
