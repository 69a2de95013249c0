import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { useDepartments, useProjects } from '../api';
import type { DimensionTable } from './api';
import { DimensionList } from './DimensionList';

/** Avdelinger og prosjekter: both are trees of levels that postings can be tagged with. */
export function DimensionsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('accounting.pages.dimensions')} intro={t('dimensions.intro')} wide>
      <DimensionSection table="departments" />
      <DimensionSection table="projects" />
    </Page>
  );
}

function DimensionSection({ table }: { table: DimensionTable }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const departments = useDepartments(company.id);
  const projects = useProjects(company.id);
  const list = table === 'departments' ? departments : projects;
  const title = t(`dimensions.${table}`);
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadFailed error={list.error} /> : null}
      {list.data ? <DimensionList table={table} items={list.data} /> : null}
    </Stack>
  );
}
