import { Alert, Anchor, Button, FileInput, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { voucherPath } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePayrollMapping, usePayrollPreview, usePostPayroll } from './api';
import { MappingFields } from './MappingFields';
import { PayrollPreviewTable } from './PayrollPreviewTable';
import type { PayrollImportInput, PayrollMapping } from './types';

/** Lønnsimport: the payroll system's file, previewed against the ledger, then posted. */
export function PayrollImportPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const mapping = usePayrollMapping(company.id);
  return (
    <Page title={t('legal.pages.payrollImport')} intro={t('legal.payroll.intro')} wide>
      {mapping.isPending ? <Loading /> : null}
      {mapping.isError ? <LoadFailed error={mapping.error} /> : null}
      {mapping.data ? <PayrollImportForm remembered={mapping.data} /> : null}
    </Page>
  );
}

/** Blank optional columns are left out, which tells the server the file has none. */
function cleanMapping(mapping: PayrollMapping): PayrollMapping {
  const entries = Object.entries(mapping).map(([key, value]) => [key, value?.trim() ?? '']);
  return Object.fromEntries(entries.filter(([, value]) => value !== '')) as PayrollMapping;
}

function PayrollImportForm({ remembered }: { remembered: PayrollMapping }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [mapping, setMapping] = useState<PayrollMapping>(remembered);
  const [description, setDescription] = useState('');
  const preview = usePayrollPreview(company.id);
  const post = usePostPayroll(company.id);

  const input = (): PayrollImportInput => {
    const body: PayrollImportInput = { csv, mapping: cleanMapping(mapping) };
    if (description.trim()) body.description = description.trim();
    return body;
  };
  // Any change makes the preview shown out of date, so it must be made again before posting.
  const changed = () => {
    preview.reset();
    post.reset();
  };
  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setCsv(chosen ? await chosen.text() : '');
    changed();
  };

  return (
    <Stack gap="md">
      <FileInput
        label={t('legal.payroll.file')}
        placeholder={t('legal.payroll.filePlaceholder')}
        accept=".csv,text/csv,text/plain"
        value={file}
        onChange={(chosen) => void chooseFile(chosen)}
        clearable
        maw={420}
      />
      <MappingFields
        value={mapping}
        onChange={(next) => {
          setMapping(next);
          changed();
        }}
      />
      <TextInput
        label={t('legal.payroll.description')}
        placeholder={t('legal.payroll.descriptionPlaceholder')}
        value={description}
        maw={420}
        onChange={(event) => {
          setDescription(event.currentTarget.value);
          changed();
        }}
      />
      <Group>
        <Button
          variant="light"
          disabled={!csv}
          loading={preview.isPending}
          onClick={() => preview.mutate(input())}
        >
          {t('legal.payroll.preview')}
        </Button>
        <Button
          disabled={!preview.data?.valid || post.isSuccess}
          loading={post.isPending}
          onClick={() => post.mutate(input())}
        >
          {t('legal.payroll.post')}
        </Button>
      </Group>
      <ProblemAlert error={preview.error} title={t('legal.payroll.failed')} />
      <ProblemAlert error={post.error} title={t('legal.payroll.postFailed')} />
      {post.data ? (
        <Alert color="green" variant="light" role="status">
          {t('legal.payroll.posted', { voucher: `${post.data.series} ${post.data.number}` })}{' '}
          <Anchor size="sm" href={`#${voucherPath(post.data.id)}`}>
            {t('legal.payroll.openVoucher')}
          </Anchor>
        </Alert>
      ) : null}
      {preview.data ? <PayrollPreviewTable preview={preview.data} /> : null}
    </Stack>
  );
}
