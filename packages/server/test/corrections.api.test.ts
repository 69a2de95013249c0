import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.service';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();

const sale = (amount: number, day = '03-10') => ({
  date: `${YEAR}-${day}`,
  description: 'Kontantsalg',
  lines: [
    { account: '1920', amount },
    { account: '3000', amount: -amount, vatCode: '3' },
  ],
});

describeEachStore('correcting and deleting vouchers', (store) => {
  let api: ApiClient;
  let companyId: number;
  let base: string;

  const balance = async (account: string) => {
    const rows = (
      await api.get(`${base}/reports/trial-balance?from=${YEAR}-01-01&to=${YEAR}-12-31`)
    ).data.items;
    return rows.find((r: { account: string }) => r.account === account)?.closing ?? 0;
  };

  beforeAll(async () => {
    ({ api, companyId, base } = await adminWithCompany(store(), 'Rett AS'));
  });

  it('corrects a voucher: same number, new postings, balances follow, audit keeps before and after', async () => {
    const posted = (await api.post(`${base}/vouchers`, sale(12500))).data;
    const corrected = await api.put(`${base}/vouchers/${posted.id}`, sale(25000, '03-11'));
    expect(corrected.statusCode).toBe(200);
    expect(corrected.data).toMatchObject({ number: posted.number, date: `${YEAR}-03-11` });
    expect(await balance('2700')).toBe(-5000);

    const log = (await api.get(`${base}/audit-log?entity=voucher&id=${posted.id}`)).data.items;
    expect(log[0]).toMatchObject({ action: 'voucher.correct' });
    expect(log[0].before.postings[0]).toMatchObject({ account: '1920', amount: 12500 });
    expect(log[0].after.postings[0]).toMatchObject({ account: '1920', amount: 25000 });
  });

  it('deletes a voucher: its number stays as deleted and is never reused', async () => {
    const posted = (await api.post(`${base}/vouchers`, sale(40000))).data;
    const before = await balance('1920');
    const deleted = await api.delete(`${base}/vouchers/${posted.id}`);
    expect(deleted.data).toMatchObject({ status: 'deleted', number: posted.number, postings: [] });
    expect(await balance('1920')).toBe(before - 40000);
    const next = (await api.post(`${base}/vouchers`, sale(100))).data;
    expect(next.number).toBe(posted.number + 1);
    const journal = (await api.get(`${base}/vouchers?from=${YEAR}-01-01&to=${YEAR}-12-31`)).data
      .items;
    expect(journal).toContainEqual(
      expect.objectContaining({ number: posted.number, status: 'deleted' }),
    );
    expect((await api.delete(`${base}/vouchers/${posted.id}`)).statusCode).toBe(409);
  });

  it('refuses changes in a locked period and when the company forbids them', async () => {
    const posted = (await api.post(`${base}/vouchers`, sale(100, '05-05'))).data;
    await api.put(`${base}/fiscal-years/${YEAR}/periods/5/lock`, { locked: true });
    const locked = await api.delete(`${base}/vouchers/${posted.id}`);
    expect(locked.data.detail).toBe(`Period 5 of fiscal year ${YEAR} is locked.`);
    await api.put(`${base}/fiscal-years/${YEAR}/periods/5/lock`, { locked: false });

    await api.patch(base, { allowVoucherChanges: false });
    const forbidden = await api.put(`${base}/vouchers/${posted.id}`, sale(200, '05-05'));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.data.detail).toMatch(/does not allow posted vouchers to be changed/);
    await api.patch(base, { allowVoucherChanges: true });
  });

  it('keeps the audit log append-only and detects tampering behind its back', async () => {
    expect(await api.get(`${base}/audit-log/verify`).then((r) => r.data)).toMatchObject({
      ok: true,
    });
    const db = store().db;
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);

    if (store().dialect === 'sqlite') await sql`drop trigger audit_log_no_update`.execute(db);
    else await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set after = ${'{"forged":true}'} where company_id = ${companyId} and seq = 1`.execute(
      db,
    );
    expect(await verifyAuditChain(db, companyId)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: 'entry 1 was changed after it was written',
    });
  });
});
