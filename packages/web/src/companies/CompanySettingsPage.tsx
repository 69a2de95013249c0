import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
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
        <Loading />
      ) : query.isError ? (
        <LoadFailed error={query.error} />
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
