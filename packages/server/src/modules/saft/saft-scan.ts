import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  readSaft,
  type SaftFileAccount,
  type SaftFileAnalysis,
  type SaftFileHeader,
  type SaftFileParty,
  type SaftFileTaxCode,
  type SaftFileTotals,
  type SaftFileTransaction,
  SaftReadError,
} from '@nordbok/formats';
import { AppError } from '../../errors';

/**
 * The first reading of a SAF-T file: everything but the transactions is kept (the chart,
 * parties, tax table, analysis table — small), the transactions only counted and summed per
 * account and party, so the second reading can post them and the import can say where the
 * file contradicts itself. A fault anywhere stops here, before anything is written.
 */
export interface SaftScan {
  header: SaftFileHeader;
  sha256: string;
  bytes: number;
  accounts: SaftFileAccount[];
  parties: SaftFileParty[];
  taxCodes: Map<string, SaftFileTaxCode>;
  analysis: SaftFileAnalysis[];
  totals: SaftFileTotals;
  /** JournalID → its description, in file order. */
  journals: Map<string, string>;
  transactions: number;
  lines: number;
  debit: number;
  credit: number;
  firstDate: string | null;
  lastDate: string | null;
  /** A transaction's month and period, to tell the fiscal year's first month. */
  sample: { date: string; period: number } | null;
  /** File AccountID → the sum of its lines. */
  movement: Map<string, number>;
  /** `customer|ID|AccountID` → the sum of that party's lines on that account. */
  partyMovement: Map<string, number>;
  /** File AccountID → lines on it without a customer or supplier. */
  linesWithoutParty: Map<string, number>;
  /** Party ids lines name that the master files do not list. */
  unlistedParties: { kind: 'customer' | 'supplier'; id: string }[];
  /** AnalysisType → the ids lines use. */
  lineAnalysis: Map<string, Set<string>>;
}

export type ScanProgress = (bytesRead: number, bytesTotal: number) => void;

/** The key a transaction is known by across imports: year, journal and its id. */
export function transactionKey(t: SaftFileTransaction): string {
  return `${t.periodYear ?? t.date.slice(0, 4)}|${t.journalId}|${t.id}`;
}

export function partyKey(kind: 'customer' | 'supplier', id: string, accountId: string) {
  return `${kind}|${id}|${accountId}`;
}

/** Reads the file's chunks, counting bytes and hashing them on the way. */
async function* hashed(
  file: string,
  hash: ReturnType<typeof createHash>,
  onBytes: (n: number) => void,
) {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    onBytes(bytes.length);
    yield bytes;
  }
}

/** Turns a reader fault into the problem the user sees, naming the line. */
export function asImportError(error: unknown): never {
  if (error instanceof SaftReadError) {
    throw AppError.field('file', error.message, 'invalid-saft');
  }
  throw error;
}

export async function scanSaft(file: string, onProgress?: ScanProgress): Promise<SaftScan> {
  const size = fs.statSync(file).size;
  const hash = createHash('sha256');
  let read = 0;
  let reported = 0;
  const scan: Omit<SaftScan, 'header' | 'sha256'> & { header: SaftFileHeader | null } = {
    header: null,
    bytes: size,
    accounts: [],
    parties: [],
    taxCodes: new Map(),
    analysis: [],
    totals: { entries: null, debit: null, credit: null },
    journals: new Map(),
    transactions: 0,
    lines: 0,
    debit: 0,
    credit: 0,
    firstDate: null,
    lastDate: null,
    sample: null,
    movement: new Map(),
    partyMovement: new Map(),
    linesWithoutParty: new Map(),
    unlistedParties: [],
    lineAnalysis: new Map(),
  };
  const seen = new Map<string, number>();
  const partyIds = new Set<string>();
  const unlisted = new Set<string>();
  const onBytes = (n: number) => {
    read += n;
    if (onProgress && read - reported >= 1_000_000) {
      reported = read;
      onProgress(read, size);
    }
  };
  try {
    for await (const record of readSaft(hashed(file, hash, onBytes))) {
      switch (record.kind) {
        case 'header':
          scan.header = record.header;
          break;
        case 'account':
          scan.accounts.push(record.account);
          break;
        case 'party':
          scan.parties.push(record.party);
          partyIds.add(`${record.party.kind}|${record.party.id}`);
          break;
        case 'taxCode':
          scan.taxCodes.set(record.taxCode.code, record.taxCode);
          break;
        case 'analysis':
          scan.analysis.push(record.analysis);
          break;
        case 'totals':
          scan.totals = record.totals;
          break;
        case 'transaction': {
          const t = record.transaction;
          const key = transactionKey(t);
          const before = seen.get(key);
          if (before !== undefined) {
            throw new SaftReadError(
              `Transaction ${t.journalId}/${t.id} of ${key.split('|')[0]} appears twice (also on line ${before}).`,
              t.line,
            );
          }
          seen.set(key, t.line);
          if (!scan.journals.has(t.journalId)) scan.journals.set(t.journalId, t.journalDescription);
          scan.transactions += 1;
          if (!scan.firstDate || t.date < scan.firstDate) scan.firstDate = t.date;
          if (!scan.lastDate || t.date > scan.lastDate) scan.lastDate = t.date;
          if (!scan.sample && t.period !== null && t.period >= 1 && t.period <= 12) {
            scan.sample = { date: t.date, period: t.period };
          }
          for (const l of t.lines) {
            scan.lines += 1;
            if (l.amount > 0) scan.debit += l.amount;
            else scan.credit -= l.amount;
            add(scan.movement, l.accountId, l.amount);
            const kind = l.customerId ? 'customer' : l.supplierId ? 'supplier' : null;
            const id = l.customerId ?? l.supplierId;
            if (kind && id) {
              add(scan.partyMovement, partyKey(kind, id, l.accountId), l.amount);
              const known = `${kind}|${id}`;
              if (!partyIds.has(known) && !unlisted.has(known)) {
                unlisted.add(known);
                scan.unlistedParties.push({ kind, id });
              }
            } else {
              add(scan.linesWithoutParty, l.accountId, 1);
            }
            for (const a of l.analysis) {
              const ids = scan.lineAnalysis.get(a.type) ?? new Set<string>();
              ids.add(a.id);
              scan.lineAnalysis.set(a.type, ids);
            }
          }
          break;
        }
      }
    }
  } catch (error) {
    asImportError(error);
  }
  onProgress?.(size, size);
  if (!scan.header) throw AppError.field('file', 'The file has no SAF-T Header.', 'invalid-saft');
  return { ...scan, header: scan.header, sha256: hash.digest('hex') };
}

function add(map: Map<string, number>, key: string, amount: number) {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Streams the file's transactions again, for posting. */
export async function* transactionsOf(file: string): AsyncGenerator<SaftFileTransaction> {
  try {
    for await (const record of readSaft(fs.createReadStream(file, { highWaterMark: 256 * 1024 }))) {
      if (record.kind === 'transaction') yield record.transaction;
    }
  } catch (error) {
    asImportError(error);
  }
}
