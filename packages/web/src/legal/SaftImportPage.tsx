import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelectCompany, useSignedIn } from '../auth/session';
import { formatDateTime } from '../format';
import { navigate } from '../shell/router';
import { LoadFailed } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SaftImportReportView } from './SaftImportReport';
import { type ImportJob, useEarlierImports, useImportJob, useStartSaftImport } from './saftImport';

/**
 * SAF-T-import: another system's ledger brought in from its SAF-T file, into this company
 * while it is empty, or into a new company made from the file. The import runs on the
 * server; the screen follows it and shows its report.
 */
export function SaftImportPage() {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<'this' | 'new'>('this');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartSaftImport(company.id);
  const job = useImportJob(jobId, company.id);
  const running =
    start.isPending || (jobId !== null && job?.state !== 'done' && job?.state !== 'failed');

  const submit = () => {
    if (!file) return;
    setJobId(null);
    start.mutate({ file, intoNew: target === 'new' }, { onSuccess: (r) => setJobId(r.jobId) });
  };

  return (
    <Page title={t('legal.pages.saftImport')} intro={t('legal.saftImport.intro')} wide>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          {user.isInstallationAdmin ? (
            <SegmentedControl
              aria-label={t('legal.saftImport.target')}
              value={target}
              onChange={(v) => setTarget(v as 'this' | 'new')}
              data={[
                { value: 'this', label: t('legal.saftImport.intoThis', { name: company.name }) },
                { value: 'new', label: t('legal.saftImport.intoNew') },
              ]}
            />
          ) : null}
          <Text size="sm" c="dimmed">
            {t(target === 'new' ? 'legal.saftImport.newHint' : 'legal.saftImport.thisHint')}
          </Text>
          <FileInput
            label={t('legal.saftImport.file')}
            placeholder={t('legal.saftImport.choose')}
            accept=".xml,application/xml,text/xml"
            value={file}
            onChange={setFile}
            clearable
            maw={480}
          />
          <Group>
            <Button onClick={submit} disabled={!file || running} loading={running}>
              {t('legal.saftImport.start')}
            </Button>
          </Group>
          {start.error ? (
            <ProblemAlert error={start.error} title={t('legal.saftImport.failed')} />
          ) : null}
          {job ? <JobState job={job} /> : null}
        </Stack>
      </Paper>
      {job?.report ? <Opened job={job} /> : null}
      {job?.report ? <SaftImportReportView report={job.report} /> : null}
      <EarlierImports />
    </Page>
  );
}

function JobState({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.state === 'failed' && job.problem) {
    return (
      <Alert color="red" variant="light" role="alert" title={t('legal.saftImport.failed')}>
        {job.problem.detail}
        <Text size="sm" mt={4}>
          {t('legal.saftImport.nothingImported')}
        </Text>
      </Alert>
    );
  }
  if (job.state !== 'running') return null;
  const p = job.progress;
  const percent = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  const label = !p
    ? t('legal.saftImport.phases.waiting')
    : p.phase === 'importing'
      ? t('legal.saftImport.phases.importing', { done: p.done, total: p.total })
      : t(`legal.saftImport.phases.${p.phase}`, { percent });
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      <Progress value={p?.phase === 'checking' ? 100 : percent} animated aria-label={label} />
    </Stack>
  );
}

/** A new company made by the import is one click away. */
function Opened({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const select = useSelectCompany();
  const report = job.report!;
  if (report.companyId === company.id) return null;
  return (
    <Group>
      <Button
        variant="light"
        loading={select.isPending}
        onClick={() => select.mutate(report.companyId, { onSuccess: () => navigate('/') })}
      >
        {t('legal.saftImport.open', { name: report.companyName })}
      </Button>
    </Group>
  );
}

function EarlierImports() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const earlier = useEarlierImports(company.id);
  if (earlier.isError) return <LoadFailed error={earlier.error} />;
  const items = earlier.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('legal.saftImport.earlier')}</Text>
      <Table aria-label={t('legal.saftImport.earlier')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('legal.saftImport.when')}</Table.Th>
            <Table.Th>{t('legal.saftImport.file')}</Table.Th>
            <Table.Th>{t('legal.saftImport.version')}</Table.Th>
            <Table.Th ta="right">{t('legal.saftImport.vouchersColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{formatDateTime(i.importedAt)}</Table.Td>
              <Table.Td>{i.fileName}</Table.Td>
              <Table.Td>{i.version}</Table.Td>
              <Table.Td ta="right">{i.vouchers}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
