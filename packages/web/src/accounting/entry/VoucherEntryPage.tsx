import { Alert } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatDate } from '../../format';
import { canWrite, voucherPath } from '../../shell/areas';
import { navigate } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { useAccounts, useDepartments, useProjects, useVoucher } from '../api';
import { todayIso } from '../input';
import type { Account, Voucher } from '../types';
import { draftFromVoucher, emptyDraft } from './draft';
import { VoucherEntryForm } from './VoucherEntryForm';

/** Bilagsregistrering: new vouchers, or (with an id) the correction of a posted one. */
export function VoucherEntryPage({ voucherId }: { voucherId?: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const title = voucherId ? t('entry.correctTitle') : t('accounting.pages.entry');
  if (!canWrite(company, 'accounting')) {
    return (
      <Page title={title}>
        <Alert color="yellow" variant="light">
          {t('accounting.readOnly')}
        </Alert>
      </Page>
    );
  }
  return voucherId ? <CorrectionPage voucherId={voucherId} /> : <NewVoucherPage />;
}

/** The chart and the dimensions; departments and projects are optional, so a failure is none. */
function useEntryData() {
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const departments = useDepartments(company.id);
  const projects = useProjects(company.id);
  const dimensionsSettled = !departments.isPending && !projects.isPending;
  return {
    accounts,
    ready: accounts.isSuccess && dimensionsSettled,
    departments: departments.data ?? [],
    projects: projects.data ?? [],
  };
}

function NewVoucherPage() {
  const { t } = useTranslation();
  const data = useEntryData();
  const initial = useMemo(() => emptyDraft('A', formatDate(todayIso())), []);
  return (
    <Page title={t('accounting.pages.entry')} intro={t('entry.intro')} wide>
      {data.accounts.isError ? <LoadFailed error={data.accounts.error} /> : null}
      {data.ready && data.accounts.data ? (
        <VoucherEntryForm
          initial={initial}
          accounts={data.accounts.data}
          departments={data.departments}
          projects={data.projects}
        />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function CorrectionPage({ voucherId }: { voucherId: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const data = useEntryData();
  const voucher = useVoucher(company.id, voucherId);
  const title = voucher.data
    ? t('entry.correctTitleOf', { series: voucher.data.series, number: voucher.data.number })
    : t('entry.correctTitle');
  const error = data.accounts.error ?? voucher.error;
  const onCorrected = (saved: Voucher) => {
    notifySuccess(t('entry.corrected', { series: saved.series, number: saved.number }));
    navigate(voucherPath(saved.id));
  };
  return (
    <Page title={title} intro={t('entry.correctIntro')} wide>
      {error ? <LoadFailed error={error} /> : null}
      {data.ready && data.accounts.data && voucher.data ? (
        <CorrectionForm
          voucher={voucher.data}
          accounts={data.accounts.data}
          data={data}
          onCorrected={onCorrected}
        />
      ) : error ? null : (
        <Loading />
      )}
    </Page>
  );
}

interface CorrectionFormProps {
  voucher: Voucher;
  accounts: Account[];
  data: ReturnType<typeof useEntryData>;
  onCorrected: (voucher: Voucher) => void;
}

function CorrectionForm({ voucher, accounts, data, onCorrected }: CorrectionFormProps) {
  const { t } = useTranslation();
  const initial = useMemo(
    () => draftFromVoucher(voucher, new Map(accounts.map((a) => [a.number, a]))),
    [voucher, accounts],
  );
  if (voucher.status === 'deleted') {
    return (
      <Alert color="yellow" variant="light">
        {t('vouchers.deletedCannotCorrect')}
      </Alert>
    );
  }
  return (
    <VoucherEntryForm
      initial={initial}
      accounts={accounts}
      departments={data.departments}
      projects={data.projects}
      correcting={voucher}
      onCorrected={onCorrected}
    />
  );
}
