import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { useCompany } from '../../companies/api';
import { formatDate } from '../../format';
import { ACCOUNTING_PATHS, canWrite, correctVoucherPath } from '../../shell/areas';
import { hrefFor } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { useVoucher } from '../api';
import type { Voucher } from '../types';
import { DeleteVoucherButton } from './DeleteVoucherButton';
import { PostingsTable } from './PostingsTable';
import { VoucherAttachments } from './VoucherAttachments';
import { VoucherHistory } from './VoucherHistory';

export function VoucherDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const voucher = useVoucher(company.id, id);
  const title = voucher.data
    ? t('vouchers.title', { series: voucher.data.series, number: voucher.data.number })
    : t('accounting.voucher');
  const back = (
    <Anchor href={hrefFor(ACCOUNTING_PATHS.vouchers)} size="sm">
      {t('vouchers.backToList')}
    </Anchor>
  );
  return (
    <Page
      title={title}
      intro={voucher.data ? <VoucherFacts voucher={voucher.data} /> : null}
      actions={voucher.data ? <VoucherActions voucher={voucher.data} /> : null}
      wide
    >
      {back}
      {voucher.isPending ? <Loading /> : null}
      {voucher.isError ? <LoadFailed error={voucher.error} /> : null}
      {voucher.data ? <VoucherBody voucher={voucher.data} /> : null}
    </Page>
  );
}

function VoucherFacts({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" component="span">
      <span>
        {formatDate(voucher.date)} · {voucher.description} ·{' '}
        {t('vouchers.period', { year: voucher.fiscalYear, period: voucher.period })}
      </span>
      {voucher.status === 'deleted' ? (
        <Badge color="gray" variant="filled">
          {t('accounting.deleted')}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * Correct and delete, for those who may change the accounts, while the voucher stands and the
 * company allows posted vouchers to be changed at all.
 */
function VoucherActions({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const settings = useCompany(company.id);
  if (!canWrite(company, 'accounting') || voucher.status === 'deleted') return null;
  if (settings.data?.allowVoucherChanges === false) {
    return (
      <Text c="dimmed" size="sm">
        {t('vouchers.changesNotAllowed')}
      </Text>
    );
  }
  return (
    <>
      <Button component="a" href={hrefFor(correctVoucherPath(voucher.id))} variant="default">
        {t('vouchers.correct')}
      </Button>
      <DeleteVoucherButton voucher={voucher} />
    </>
  );
}

function VoucherBody({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {voucher.status === 'deleted' ? (
        <Alert color="gray" variant="light">
          {t('vouchers.deletedNote')}
        </Alert>
      ) : (
        <PostingsTable postings={voucher.postings} />
      )}
      <VoucherAttachments voucherId={voucher.id} />
      <Stack gap="xs" component="section" aria-labelledby="voucher-history">
        <Text id="voucher-history" fw={700}>
          {t('vouchers.history')}
        </Text>
        <VoucherHistory voucherId={voucher.id} />
      </Stack>
    </Stack>
  );
}
