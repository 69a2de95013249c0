import { divideRounded, type Ore, rateOn, type VatSpecification, vatCode } from '@nordbok/core';

/** One `mvaSpesifikasjonslinje`, amounts still in øre (rounded to kroner when written). */
export interface MvaLine {
  code: string;
  /** A specification line (uttak, tapPåKrav, justering, tilbakeføring …), mvaSpesifikasjon.xml. */
  specification?: VatSpecification;
  /** The accounting system's own name for the code (mvaKodeRegnskapsystem). */
  internalCode?: string;
  basis?: Ore;
  /** The rate as sats.xml spells it: `25`, `15`, `12`, `11,11`, `0`. */
  rate?: string;
  vat: Ore;
  remark?: MvaRemark;
}

/** A free-text remark or a selected one from merknad.xml. */
export type MvaRemark = { text: string } | { selected: string };

/** What the ledger holds for one VAT code in a term, in øre, signs as in the return. */
export interface CodeTotals {
  basis: Ore;
  /** Output VAT, positive when payable. */
  outputVat: Ore;
  /** Deductible VAT, negative. */
  inputVat: Ore;
}

/** 2500 basis points → `25`; 1111 → `11,11` (sats.xml writes the decimal comma). */
export function satsText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const cents = basisPoints % 100;
  return cents === 0 ? String(whole) : `${whole},${String(cents).padStart(2, '0')}`;
}

/**
 * The return's lines for one VAT code (NORWAY.md §3): input codes give one line with the
 * negative deduction and no basis or rate (R065); output codes basis, rate and VAT (R066);
 * zero-rated and exempt codes basis with rate 0; reverse-charge codes the output line and,
 * when deductible, the deduction line (R028–R037). SAF-T-only codes give nothing.
 * `date` picks the dated rate, normally the term's last day.
 */
export function mvaLinesFor(
  code: string,
  totals: CodeTotals,
  date: string,
  specification?: VatSpecification,
): MvaLine[] {
  const known = vatCode(code);
  if (!known?.reported) return [];
  // A specification line has the shape of its code; it only carries the extra element.
  const head: Pick<MvaLine, 'code' | 'specification'> = specification
    ? { code, specification }
    : { code };
  if (known.direction === 'input') return [{ ...head, vat: totals.inputVat }];
  if (known.direction === 'none') return [{ ...head, basis: totals.basis, rate: '0', vat: 0 }];
  const rate = satsText(rateOn(known.rateType, date));
  const output: MvaLine = { ...head, basis: totals.basis, rate, vat: totals.outputVat };
  if (known.direction === 'reverse' && known.deductible) {
    return [output, { ...head, vat: totals.inputVat }];
  }
  return [output];
}

/**
 * What tells the lines of a return apart: code, specification and whether it is the line
 * with the basis or the deduction line (reverse-charge codes have both). Remarks given for
 * a line are kept under this key, so they find their line again when the figures change.
 */
export function mvaLineKey(line: Pick<MvaLine, 'code' | 'specification' | 'basis'>): string {
  return `${line.code}|${line.specification ?? ''}|${line.basis === undefined ? 'vat' : 'basis'}`;
}

// The codes R020 and R021 look at (MVA forretningsregler).
// biome-ignore format: a list of codes reads best on one line
const OUTPUT_SIGN_CODES = new Set([
  ...['3', '6', '31', '32', '33', '51', '52'],
  ...['81', '82', '83', '84', '85', '86', '87', '88', '89', '91', '92'],
]);
const INPUT_SIGN_CODES = new Set(['1', '11', '12', '13', '14', '15', '81', '83', '86', '88', '91']);

/**
 * Whether the Tax Administration wants a remark on the line, judged on the whole kroner
 * written: a negative basis (R020), a deduction line with positive VAT (R021, except the
 * specification lines that are positive by nature), and every reversal of input VAT (R078).
 */
export function mvaRemarkRequired(line: MvaLine): boolean {
  if (line.specification === 'tilbakeføringAvInngåendeMerverdiavgift') return true;
  if (line.basis !== undefined) {
    return OUTPUT_SIGN_CODES.has(line.code) && divideRounded(BigInt(line.basis), 100n) < 0;
  }
  const positive = divideRounded(BigInt(line.vat), 100n) > 0;
  if (!positive || !INPUT_SIGN_CODES.has(line.code)) return false;
  if (line.specification === 'tapPåKrav') return false;
  return !(line.code === '1' && line.specification !== undefined);
}
