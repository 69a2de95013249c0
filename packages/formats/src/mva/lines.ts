import { type Ore, rateOn, vatCode } from '@nordbok/core';

/** One `mvaSpesifikasjonslinje`, amounts still in øre (rounded to kroner when written). */
export interface MvaLine {
  code: string;
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
export function mvaLinesFor(code: string, totals: CodeTotals, date: string): MvaLine[] {
  const known = vatCode(code);
  if (!known?.reported) return [];
  if (known.direction === 'input') return [{ code, vat: totals.inputVat }];
  if (known.direction === 'none') return [{ code, basis: totals.basis, rate: '0', vat: 0 }];
  const rate = satsText(rateOn(known.rateType, date));
  const output: MvaLine = { code, basis: totals.basis, rate, vat: totals.outputVat };
  if (known.direction === 'reverse' && known.deductible) {
    return [output, { code, vat: totals.inputVat }];
  }
  return [output];
}
