import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isItem, type OpenItem, type SubledgerKind, subledger } from './open-item.service';
import { listParties, type Party } from './party.service';

/**
 * Customer and supplier reports (kundespesifikasjon, leverandørspesifikasjon), balance
 * lists and aged open items. Amounts keep the ledger's sign: a customer owes when
 * positive, a supplier is owed when negative.
 */
export interface PartyLedger {
  partyId: number;
  name: string;
  number: number | null;
  opening: number;
  debit: number;
  credit: number;
  closing: number;
  postings: (Omit<OpenItem, 'settlements'> & { balance: number })[];
}

function partyNumber(party: Party | undefined, kind: SubledgerKind) {
  return (kind === 'customer' ? party?.customerNumber : party?.supplierNumber) ?? null;
}

export async function partyLedgers(
  db: Kysely<Database>,
  companyId: number,
  filter: { kind: SubledgerKind; from: string; to: string; partyId?: number | undefined },
): Promise<PartyLedger[]> {
  const [items, parties] = await Promise.all([
    subledger(db, companyId, { kind: filter.kind, partyId: filter.partyId, at: filter.to }),
    listParties(db, companyId, { kind: filter.kind }),
  ]);
  const byParty = new Map<number, OpenItem[]>();
  for (const i of items) byParty.set(i.partyId, [...(byParty.get(i.partyId) ?? []), i]);
  return [...byParty]
    .map(([partyId, own]) => {
      const party = parties.find((p) => p.id === partyId);
      const opening = own.filter((i) => i.date < filter.from).reduce((s, i) => s + i.amount, 0);
      let balance = opening;
      const postings = own
        .filter((i) => i.date >= filter.from)
        .map(({ settlements: _s, ...i }) => {
          balance += i.amount;
          return { ...i, balance };
        });
      const debit = postings.filter((p) => p.amount > 0).reduce((s, p) => s + p.amount, 0);
      const credit = -postings.filter((p) => p.amount < 0).reduce((s, p) => s + p.amount, 0);
      const name = party?.name ?? '';
      return {
        partyId,
        name,
        number: partyNumber(party, filter.kind),
        opening,
        debit,
        credit,
        closing: balance,
        postings,
      };
    })
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

export interface AgedBalance {
  partyId: number;
  name: string;
  number: number | null;
  notDue: number;
  days0to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
}

const DAY_MS = 86_400_000;

/**
 * What is open per customer or supplier on a date, by how many days it is past its due
 * date (the posting date when it has none): not due, 0–30, 31–60, 61–90 and over 90 days.
 * Unapplied payments count as not due.
 */
export async function agedOpenItems(
  db: Kysely<Database>,
  companyId: number,
  filter: { kind: SubledgerKind; at: string },
): Promise<AgedBalance[]> {
  const [items, parties] = await Promise.all([
    subledger(db, companyId, { kind: filter.kind, at: filter.at }),
    listParties(db, companyId, { kind: filter.kind }),
  ]);
  const rows = new Map<number, AgedBalance>();
  for (const item of items.filter((i) => i.open !== 0)) {
    const party = parties.find((p) => p.id === item.partyId);
    const row = rows.get(item.partyId) ?? {
      partyId: item.partyId,
      name: party?.name ?? '',
      number: partyNumber(party, filter.kind),
      notDue: 0,
      days0to30: 0,
      days31to60: 0,
      days61to90: 0,
      over90: 0,
      total: 0,
    };
    row[bucket(item, filter.at, filter.kind)] += item.open;
    row.total += item.open;
    rows.set(item.partyId, row);
  }
  return [...rows.values()].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

function bucket(item: OpenItem, at: string, kind: SubledgerKind) {
  const due = item.dueDate ?? item.date;
  const late = Math.round((Date.parse(at) - Date.parse(due)) / DAY_MS);
  // A payment or credit left unapplied is not late: it is owed the other way.
  if (late <= 0 || !isItem(kind, item.amount)) return 'notDue';
  if (late <= 30) return 'days0to30';
  if (late <= 60) return 'days31to60';
  if (late <= 90) return 'days61to90';
  return 'over90';
}
