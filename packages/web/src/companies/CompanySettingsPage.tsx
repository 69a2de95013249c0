import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useCompany } from './api';
import { CompanyForm } from './CompanyForm';

export function CompanySettingsPage() {
  const { t } = useTranslation();
  const { company: current, user } = useSignedIn();
  const query = useCompany(current.id);
  const readOnly = current.role === 'guest' || current.permissions.settings !== 'write';

  return (
    <Page title={t('company.title')}>
      {readOnly ? (
        <Alert color="blue" variant="light" role="status">
          {t('company.readOnly')}
        </Alert>
      ) : null}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : query.isError ? (
        <ProblemAlert error={query.error} title={t('errors.loadFailed')} />
      ) : (
        <CompanyForm
          key={query.data.id}
          company={query.data}
          readOnly={readOnly}
          mayChangeLicence={user.isInstallationAdmin}
        />
      )}
    </Page>
  );
}
