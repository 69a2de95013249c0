import { isIsoDate, type Ore, toDecimalString } from '@nordbok/core';
import { isValidKid } from '../kid';
import { compactNumber, isValidBankAccount, isValidOrgNumber } from '../mod11';
import { escapeXml, truncate } from '../saft/xml';

/**
 * A remittance (remittering) as an ISO 20022 pain.001.001.03 credit transfer initiation:
 * one payment instruction from the company's account on the execution date, with one
 * credit transfer per supplier payment, all in NOK between Norwegian accounts.
 *
 * Accounts are written as BBAN (the 11-digit account number) under Othr. A KID goes in
 * the structured creditor reference with type SCOR; without a KID the text goes in the
 * unstructured remittance field. How each Norwegian bank wants the KID and the
 * organisation number is set in its own implementation guide (based on the banks' common
 * BSK guide); this file follows the schema and the common usage.
 */
export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export interface Pain001Payment {
  /** The payer's own reference, returned on the bank statement (camt.053) for matching. */
  endToEndId: string;
  amount: Ore;
  creditorName: string;
  creditorAccount: string;
  kid: string | null;
  text: string | null;
}

export interface Pain001Remittance {
  /** Unique per file sent to the bank. */
  messageId: string;
  /** When the file was made: an ISO date-time string or a Date. */
  createdAt: string | Date;
  debtor: {
    name: string;
    orgNumber: string;
    account: string;
    /** The debtor's bank's BIC, when the bank wants it. */
    bic?: string | null;
  };
  executionDate: string;
  payments: readonly Pain001Payment[];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

function reference(value: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < 1 || [...text].length > 35) {
    throw new RangeError(`The ${what} must be 1 to 35 characters, not "${value}".`);
  }
  return text;
}

function name(value: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new RangeError(`The ${what} is missing.`);
  return truncate(text, 140);
}

function account(value: string, what: string): string {
  const digits = compactNumber(typeof value === 'string' ? value : '');
  if (!isValidBankAccount(digits)) {
    throw new RangeError(
      `The ${what} "${value}" is not a valid Norwegian account number (11 digits with a valid check digit).`,
    );
  }
  return digits;
}

function createdAtText(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new RangeError('The file creation time is not a valid date.');
    return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (!DATE_TIME.test(value) || Number.isNaN(new Date(value).getTime())) {
    throw new RangeError(
      `The file creation time must be a date and time like 2026-03-01T09:30:00Z, not "${value}".`,
    );
  }
  return value;
}

/** A tiny element tree, written with two-space indentation. */
type Node = { tag: string; attrs?: Record<string, string>; children: (Node | string)[] };

const el = (tag: string, ...children: (Node | string | null)[]): Node => ({
  tag,
  children: children.filter((c): c is Node | string => c !== null),
});

function render(node: Node, depth: number): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0) return `${pad}<${node.tag}${attrs}/>\n`;
  if (node.children.every((c) => typeof c === 'string')) {
    return `${pad}<${node.tag}${attrs}>${escapeXml(node.children.join(''))}</${node.tag}>\n`;
  }
  const inner = node.children
    .map((c) => (typeof c === 'string' ? `${pad}  ${escapeXml(c)}\n` : render(c, depth + 1)))
    .join('');
  return `${pad}<${node.tag}${attrs}>\n${inner}${pad}</${node.tag}>\n`;
}

const bban = (digits: string) =>
  el('Id', el('Othr', el('Id', digits), el('SchmeNm', el('Cd', 'BBAN'))));

const organisation = (orgNumber: string) => el('Id', el('OrgId', el('Othr', el('Id', orgNumber))));

/** The pain.001.001.03 XML for a remittance; refuses input the bank would reject. */
export function writePain001(input: Pain001Remittance): string {
  const messageId = reference(input.messageId, 'message id');
  const createdAt = createdAtText(input.createdAt);
  if (!isIsoDate(input.executionDate)) {
    throw new RangeError(
      `The execution date must be written YYYY-MM-DD, not "${input.executionDate}".`,
    );
  }
  const debtorName = name(input.debtor.name, "company's name");
  const orgNumber = compactNumber(input.debtor.orgNumber ?? '');
  if (!isValidOrgNumber(orgNumber)) {
    throw new RangeError(
      `The organisation number "${input.debtor.orgNumber}" is not valid (9 digits with a valid check digit).`,
    );
  }
  const debtorAccount = account(input.debtor.account, "company's account number");
  const bic = input.debtor.bic?.trim().toUpperCase() || null;
  if (bic !== null && !BIC.test(bic)) {
    throw new RangeError(
      `"${input.debtor.bic}" is not a BIC (8 or 11 letters and digits, like DNBANOKK).`,
    );
  }
  if (input.payments.length === 0) throw new RangeError('A remittance needs at least one payment.');

  const seen = new Set<string>();
  let total = 0;
  const transfers = input.payments.map((p, i) => {
    const label = `payment ${i + 1}`;
    const endToEndId = reference(p.endToEndId, `end-to-end id of ${label}`);
    if (seen.has(endToEndId)) {
      throw new RangeError(
        `The end-to-end id "${endToEndId}" is used twice; each ` +
          `payment needs its own to be matched on the bank statement.`,
      );
    }
    seen.add(endToEndId);
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) {
      throw new RangeError(
        `The amount of ${label} (${endToEndId}) must be more than 0 øre, not ${p.amount}.`,
      );
    }
    total += p.amount;
    const creditorName = name(p.creditorName, `payee's name on ${label} (${endToEndId})`);
    const creditorAccount = account(
      p.creditorAccount,
      `payee's account number on ${label} (${endToEndId})`,
    );
    const kid = p.kid?.trim() || null;
    if (kid !== null && !isValidKid(kid)) {
      throw new RangeError(
        `The KID "${p.kid}" on ${label} (${endToEndId}) is not valid: ` +
          `check it against the invoice, or pay with a message instead.`,
      );
    }
    const text = p.text?.trim() || null;
    const remittance =
      kid !== null
        ? el(
            'RmtInf',
            el(
              'Strd',
              el('CdtrRefInf', el('Tp', el('CdOrPrtry', el('Cd', 'SCOR'))), el('Ref', kid)),
            ),
          )
        : text !== null
          ? el('RmtInf', el('Ustrd', truncate(text, 140)))
          : null;
    return el(
      'CdtTrfTxInf',
      el('PmtId', el('EndToEndId', endToEndId)),
      {
        tag: 'Amt',
        children: [
          { tag: 'InstdAmt', attrs: { Ccy: 'NOK' }, children: [toDecimalString(p.amount)] },
        ],
      },
      el('Cdtr', el('Nm', creditorName)),
      el('CdtrAcct', bban(creditorAccount)),
      remittance,
    );
  });
  const count = String(transfers.length);
  const controlSum = toDecimalString(total);

  const document: Node = {
    tag: 'Document',
    attrs: { xmlns: PAIN001_NAMESPACE },
    children: [
      el(
        'CstmrCdtTrfInitn',
        el(
          'GrpHdr',
          el('MsgId', messageId),
          el('CreDtTm', createdAt),
          el('NbOfTxs', count),
          el('CtrlSum', controlSum),
          el('InitgPty', el('Nm', debtorName), organisation(orgNumber)),
        ),
        el(
          'PmtInf',
          el('PmtInfId', messageId),
          el('PmtMtd', 'TRF'),
          el('NbOfTxs', count),
          el('CtrlSum', controlSum),
          el('ReqdExctnDt', input.executionDate),
          el('Dbtr', el('Nm', debtorName), organisation(orgNumber)),
          el('DbtrAcct', bban(debtorAccount), el('Ccy', 'NOK')),
          el('DbtrAgt', bic !== null ? el('FinInstnId', el('BIC', bic)) : el('FinInstnId')),
          ...transfers,
        ),
      ),
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(document, 0)}`;
}
