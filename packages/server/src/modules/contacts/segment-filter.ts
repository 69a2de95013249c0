/**
 * The dynamic segments' filter language: a small JSON tree over contact fields, tags, lead
 * status and points, and purchase dates, compiled to one SQL condition on `parties`.
 *
 *   { "all": [f, …] } | { "any": [f, …] } | { "not": f }
 *   { "field": "leadPoints", "op": "gte", "value": 50 }
 *   { "field": "tag", "op": "eq", "value": "kafé" }
 *   { "field": "lastPurchase", "op": "withinDays", "value": 365 }
 *
 * Fields and the operators each takes:
 *   name, email, phone, orgNumber, city           eq, neq, contains, startsWith, exists
 *   kind ('organisation'|'person')                eq, neq
 *   isCustomer, isSupplier, isLead                eq (true/false)
 *   tag                                           eq (has the tag), neq (has not)
 *   leadStatus                                    eq, neq, in, exists
 *   leadPoints                                    eq, neq, gt, gte, lt, lte
 *   createdAt, leadSince, leadStatusChanged,
 *   firstPurchase, lastPurchase,
 *   subscriptionStart, subscriptionEnd,
 *   nextSubscriptionEnd                           withinDays, olderThanDays, withinNextDays,
 *                                                 exists, before, after
 *
 * "Purchase" is a customer invoice: a debit posting on a customer sub-ledger account with
 * the contact as party. Once sales documents exist it should read those instead.
 * Lead status, points and dates are the CRM module's (crm_leads and crm_lead_statuses).
 * Subscription dates are the contact's subscriptions': subscriptionStart is the latest start,
 * subscriptionEnd the latest end (a renewal moves it on), nextSubscriptionEnd the first end
 * on or after today. withinDays looks back from today, withinNextDays forward (today
 * included both ways).
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';

const leaf = z.strictObject({
  field: z.string(),
  op: z.string(),
  value: z.unknown().optional(),
});
export type Leaf = z.infer<typeof leaf>;
export type Filter = { all: Filter[] } | { any: Filter[] } | { not: Filter } | Leaf;

export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(filterSchema).min(1).max(50) }),
    z.strictObject({ any: z.array(filterSchema).min(1).max(50) }),
    z.strictObject({ not: filterSchema }),
    leaf,
  ]),
);

type EB = ExpressionBuilder<Database, 'parties'>;
const TEXT_FIELDS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  orgNumber: 'org_number',
} as const;
const DATE_FIELDS = [
  'createdAt',
  'leadSince',
  'leadStatusChanged',
  'firstPurchase',
  'lastPurchase',
  'subscriptionStart',
  'subscriptionEnd',
  'nextSubscriptionEnd',
];
const DATE_OPS = ['withinDays', 'olderThanDays', 'withinNextDays', 'exists', 'before', 'after'];
const OTHER_FIELDS = [
  'city',
  'kind',
  'isCustomer',
  'isSupplier',
  'isLead',
  'tag',
  'leadStatus',
  'leadPoints',
];
/** Every field a rule may name, for the message that refuses an unknown one. */
const KNOWN_FIELDS = [...Object.keys(TEXT_FIELDS), ...OTHER_FIELDS, ...DATE_FIELDS];

function fail(path: string, message: string): never {
  throw AppError.field(`rule${path}`, message, 'rule');
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A compiled filter: a function that adds the condition, given "today". */
export function compileFilter(
  filter: unknown,
  companyId: number,
  today: string,
): (eb: EB) => Expression<SqlBool> {
  const parsed = filterSchema.safeParse(filter);
  if (!parsed.success) {
    fail('', 'A rule is {"all": […]}, {"any": […]}, {"not": …} or {"field", "op", "value"}.');
  }
  // Check the whole tree before anything runs, so a bad rule is refused with its place.
  const build = (f: Filter, path: string): ((eb: EB) => Expression<SqlBool>) => {
    if ('all' in f) {
      const parts = f.all.map((p, i) => build(p, `${path}.all.${i}`));
      return (eb) => eb.and(parts.map((p) => p(eb)));
    }
    if ('any' in f) {
      const parts = f.any.map((p, i) => build(p, `${path}.any.${i}`));
      return (eb) => eb.or(parts.map((p) => p(eb)));
    }
    if ('not' in f) {
      const inner = build(f.not, `${path}.not`);
      return (eb) => eb.not(inner(eb));
    }
    return leafCondition(f, path, companyId, today);
  };
  return build(parsed.data as Filter, '');
}

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const daysAfter = (today: string, days: number) => daysBefore(today, -days);

function leafCondition(
  f: Leaf,
  path: string,
  companyId: number,
  today: string,
): (eb: EB) => Expression<SqlBool> {
  const { field, op, value } = f;
  const string = () => {
    if (typeof value !== 'string' || value.length === 0 || value.length > 200)
      fail(`${path}.value`, `${field} ${op} needs a text value.`);
    return value;
  };
  const number = () => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      fail(`${path}.value`, `${field} ${op} needs a number.`);
    return value;
  };
  const boolean = () => {
    if (typeof value !== 'boolean') fail(`${path}.value`, `${field} needs true or false.`);
    return value;
  };
  const badOp = (ops: string[]): never =>
    fail(`${path}.op`, `${field} takes ${ops.join(', ')}, not "${op}".`);

  if (field in TEXT_FIELDS) {
    const column = `parties.${TEXT_FIELDS[field as keyof typeof TEXT_FIELDS]}` as const;
    if (op === 'exists') {
      const v = value === undefined ? true : boolean();
      return (eb) => eb(column, v ? 'is not' : 'is', null);
    }
    if (!['eq', 'neq', 'contains', 'startsWith'].includes(op)) {
      return badOp(['eq', 'neq', 'contains', 'startsWith', 'exists']);
    }
    const v = string();
    const pattern = op === 'contains' ? `%${v.toLowerCase()}%` : `${v.toLowerCase()}%`;
    // An empty field matches nothing (not unknown), so `not` and `neq` include it.
    return (eb) => {
      const matches = eb.and([
        eb(column, 'is not', null),
        op === 'eq' || op === 'neq'
          ? eb(column, '=', v)
          : eb(sql`lower(${sql.ref(column)})`, 'like', pattern),
      ]);
      return op === 'neq' ? eb.not(matches) : matches;
    };
  }
  switch (field) {
    case 'city': {
      if (op !== 'eq') return badOp(['eq']);
      const v = string();
      return (eb) =>
        eb.exists(
          eb
            .selectFrom('contact_addresses')
            .select('contact_addresses.id')
            .whereRef('contact_addresses.party_id', '=', 'parties.id')
            .where(sql`lower(contact_addresses.city)`, '=', v.toLowerCase()),
        );
    }
    case 'kind': {
      if (op !== 'eq' && op !== 'neq') return badOp(['eq', 'neq']);
      if (value !== 'organisation' && value !== 'person')
        fail(`${path}.value`, 'kind is "organisation" or "person".');
      return (eb) => eb('parties.kind', op === 'eq' ? '=' : '!=', value);
    }
    case 'isCustomer':
    case 'isSupplier': {
      if (op !== 'eq') return badOp(['eq']);
      const v = boolean();
      const column = field === 'isCustomer' ? 'parties.customer_number' : 'parties.supplier_number';
      return (eb) => eb(column, v ? 'is not' : 'is', null);
    }
    case 'isLead': {
      if (op !== 'eq') return badOp(['eq']);
      const v = boolean();
      return (eb) => {
        const lead = eb.or([eb('parties.is_lead', '=', 1), eb.exists(leadRow(eb, companyId))]);
        return v ? lead : eb.not(lead);
      };
    }
    case 'tag': {
      if (op !== 'eq' && op !== 'neq') return badOp(['eq', 'neq']);
      const v = string();
      return (eb) => {
        const has = eb.exists(
          eb
            .selectFrom('contact_tags')
            .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
            .select('contact_tags.party_id')
            .whereRef('contact_tags.party_id', '=', 'parties.id')
            .where('tags.name', '=', v),
        );
        return op === 'eq' ? has : eb.not(has);
      };
    }
    case 'leadStatus': {
      const statusOf = (eb: EB) =>
        eb
          .selectFrom('crm_leads')
          .innerJoin('crm_lead_statuses', 'crm_lead_statuses.id', 'crm_leads.status_id')
          .select('crm_lead_statuses.name')
          .whereRef('crm_leads.party_id', '=', 'parties.id')
          .where('crm_leads.company_id', '=', companyId);
      if (op === 'exists') {
        const v = value === undefined ? true : boolean();
        return (eb) =>
          v ? eb.exists(leadRow(eb, companyId)) : eb.not(eb.exists(leadRow(eb, companyId)));
      }
      if (op === 'in') {
        if (
          !Array.isArray(value) ||
          value.length === 0 ||
          !value.every((s) => typeof s === 'string')
        )
          fail(`${path}.value`, 'leadStatus in needs a list of status names.');
        const names = value as string[];
        return (eb) => eb.and([eb.exists(leadRow(eb, companyId)), eb(statusOf(eb), 'in', names)]);
      }
      if (op !== 'eq' && op !== 'neq') return badOp(['eq', 'neq', 'in', 'exists']);
      const v = string();
      return (eb) => {
        const is = eb.and([eb.exists(leadRow(eb, companyId)), eb(statusOf(eb), '=', v)]);
        return op === 'eq' ? is : eb.not(is);
      };
    }
    case 'leadPoints': {
      const ops = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
      if (!(op in ops)) return badOp(Object.keys(ops));
      const v = number();
      // A contact that is not a lead has no points: every comparison is false for it.
      return (eb) =>
        eb.and([
          eb.exists(leadRow(eb, companyId)),
          eb(
            eb
              .selectFrom('crm_leads')
              .select('crm_leads.points')
              .whereRef('crm_leads.party_id', '=', 'parties.id')
              .where('crm_leads.company_id', '=', companyId),
            ops[op as keyof typeof ops],
            v,
          ),
        ]);
    }
  }
  if (DATE_FIELDS.includes(field)) {
    if (!DATE_OPS.includes(op)) return badOp(DATE_OPS);
    let bound: string | null = null;
    let compare: '>=' | '<' = '>=';
    let upTo: string | null = null;
    if (op === 'withinDays' || op === 'olderThanDays' || op === 'withinNextDays') {
      const days = number();
      if (!Number.isInteger(days) || days < 0 || days > 36_500)
        fail(`${path}.value`, `${op} needs whole days from 0 to 36500.`);
      if (op === 'withinNextDays') {
        bound = today;
        upTo = daysAfter(today, days);
      } else {
        bound = daysBefore(today, days);
        compare = op === 'withinDays' ? '>=' : '<';
      }
    } else if (op === 'before' || op === 'after') {
      const v = string();
      if (!isoDate.test(v)) fail(`${path}.value`, `${op} needs a date as yyyy-mm-dd.`);
      bound = v;
      compare = op === 'after' ? '>=' : '<';
    }
    const exists = op === 'exists' ? (value === undefined ? true : boolean()) : true;
    return (eb) => {
      const date = dateOf(eb, field, companyId, today);
      if (bound === null) return eb(date, exists ? 'is not' : 'is', null);
      // Dates are ISO text in both databases; date-only bounds compare on the first 10 chars.
      // A missing date makes the comparison false (not unknown), so `not` works on it.
      const day = sql`substr(${date}, 1, 10)`;
      return eb.and([
        eb(date, 'is not', null),
        eb(day, compare, bound),
        ...(upTo === null ? [] : [eb(day, '<=', upTo)]),
      ]);
    };
  }
  return fail(`${path}.field`, `Unknown field "${field}". Fields: ${KNOWN_FIELDS.join(', ')}.`);
}

function leadRow(eb: EB, companyId: number) {
  return eb
    .selectFrom('crm_leads')
    .select('crm_leads.party_id')
    .whereRef('crm_leads.party_id', '=', 'parties.id')
    .where('crm_leads.company_id', '=', companyId);
}

function dateOf(eb: EB, field: string, companyId: number, today: string) {
  switch (field) {
    case 'subscriptionStart':
    case 'subscriptionEnd':
    case 'nextSubscriptionEnd': {
      const subscriptions = eb
        .selectFrom('subscriptions')
        .whereRef('subscriptions.party_id', '=', 'parties.id')
        .where('subscriptions.company_id', '=', companyId);
      if (field === 'subscriptionStart')
        return subscriptions.select((e) => e.fn.max('subscriptions.start_date').as('d'));
      if (field === 'subscriptionEnd')
        return subscriptions.select((e) => e.fn.max('subscriptions.end_date').as('d'));
      return subscriptions
        .where('subscriptions.end_date', '>=', today)
        .select((e) => e.fn.min('subscriptions.end_date').as('d'));
    }
    case 'createdAt':
      return eb.ref('parties.created_at');
    case 'leadSince':
    case 'leadStatusChanged':
      return eb
        .selectFrom('crm_leads')
        .select(field === 'leadSince' ? 'crm_leads.created_at' : 'crm_leads.status_since')
        .whereRef('crm_leads.party_id', '=', 'parties.id')
        .where('crm_leads.company_id', '=', companyId);
    default: {
      const postings = eb
        .selectFrom('postings')
        .innerJoin('accounts', (j) =>
          j
            .onRef('accounts.company_id', '=', 'postings.company_id')
            .onRef('accounts.number', '=', 'postings.account'),
        )
        .whereRef('postings.party_id', '=', 'parties.id')
        .where('postings.company_id', '=', companyId)
        .where('accounts.subledger', '=', 'customer')
        .where('postings.amount', '>', 0);
      return field === 'firstPurchase'
        ? postings.select((e) => e.fn.min('postings.date').as('d'))
        : postings.select((e) => e.fn.max('postings.date').as('d'));
    }
  }
}
