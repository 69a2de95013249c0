import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';

const account = z.string().regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.');
const series = z.string().min(1).max(4);

/** How a company sells and buys: KID layout, terms, voucher series and default accounts. */
export const salesSettingsSchema = z.strictObject({
  kidMethod: z.enum(['mod10', 'mod11']),
  /** Digits of the customer number at the front of the KID; 0 leaves it out. */
  kidCustomerDigits: z.number().int().min(0).max(12),
  kidInvoiceDigits: z.number().int().min(1).max(15),
  paymentTermsDays: z.number().int().min(0).max(365),
  salesSeries: series,
  purchaseSeries: series,
  paymentSeries: series,
  customerAccount: account,
  supplierAccount: account,
  salesAccount: account,
  purchaseAccount: account,
  bankAccount: account,
  cashAccount: account,
  feeAccount: account,
  interestAccount: account,
  exchangeGainAccount: account,
  exchangeLossAccount: account,
  writeOffAccount: account,
  /** Øre per reminder; at most 1/20 of the inkassosats (the rates table holds it). */
  reminderFee: z.number().int().min(0),
  /** Days after the due date before the first reminder, and between reminders. */
  reminderDays: z.number().int().min(14).max(365),
});
export type SalesSettings = z.infer<typeof salesSettingsSchema>;

export const DEFAULT_SALES_SETTINGS: SalesSettings = {
  kidMethod: 'mod10',
  kidCustomerDigits: 0,
  kidInvoiceDigits: 7,
  paymentTermsDays: 14,
  salesSeries: 'S',
  purchaseSeries: 'K',
  paymentSeries: 'B',
  customerAccount: '1500',
  supplierAccount: '2400',
  salesAccount: '3000',
  purchaseAccount: '4000',
  bankAccount: '1920',
  cashAccount: '1900',
  feeAccount: '3900',
  interestAccount: '8050',
  exchangeGainAccount: '8060',
  exchangeLossAccount: '8160',
  writeOffAccount: '7790',
  reminderFee: 3500,
  reminderDays: 14,
};

export async function getSalesSettings(
  db: Kysely<Database>,
  companyId: number,
): Promise<SalesSettings> {
  const r = await db
    .selectFrom('sales_settings')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (!r) return DEFAULT_SALES_SETTINGS;
  return {
    kidMethod: r.kid_method === 'mod11' ? 'mod11' : 'mod10',
    kidCustomerDigits: r.kid_customer_digits,
    kidInvoiceDigits: r.kid_invoice_digits,
    paymentTermsDays: r.payment_terms_days,
    salesSeries: r.sales_series,
    purchaseSeries: r.purchase_series,
    paymentSeries: r.payment_series,
    customerAccount: r.customer_account,
    supplierAccount: r.supplier_account,
    salesAccount: r.sales_account,
    purchaseAccount: r.purchase_account,
    bankAccount: r.bank_account,
    cashAccount: r.cash_account,
    feeAccount: r.fee_account,
    interestAccount: r.interest_account,
    exchangeGainAccount: r.exchange_gain_account,
    exchangeLossAccount: r.exchange_loss_account,
    writeOffAccount: r.write_off_account,
    reminderFee: Number(r.reminder_fee),
    reminderDays: r.reminder_days,
  };
}

export async function saveSalesSettings(
  db: Kysely<Database>,
  companyId: number,
  s: SalesSettings,
): Promise<SalesSettings> {
  const row = {
    kid_method: s.kidMethod,
    kid_customer_digits: s.kidCustomerDigits,
    kid_invoice_digits: s.kidInvoiceDigits,
    payment_terms_days: s.paymentTermsDays,
    sales_series: s.salesSeries,
    purchase_series: s.purchaseSeries,
    payment_series: s.paymentSeries,
    customer_account: s.customerAccount,
    supplier_account: s.supplierAccount,
    sales_account: s.salesAccount,
    purchase_account: s.purchaseAccount,
    bank_account: s.bankAccount,
    cash_account: s.cashAccount,
    fee_account: s.feeAccount,
    interest_account: s.interestAccount,
    exchange_gain_account: s.exchangeGainAccount,
    exchange_loss_account: s.exchangeLossAccount,
    write_off_account: s.writeOffAccount,
    reminder_fee: s.reminderFee,
    reminder_days: s.reminderDays,
  };
  await db
    .insertInto('sales_settings')
    .values({ company_id: companyId, ...row })
    .onConflict((oc) => oc.column('company_id').doUpdateSet(row))
    .execute();
  return getSalesSettings(db, companyId);
}
