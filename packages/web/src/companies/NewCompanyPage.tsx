import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../api/types';
import { useSelectCompany, useSignedIn } from '../auth/session';
import { navigate } from '../shell/router';
import { notifyError, notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { errorText } from '../ui/problems';
import { NewCompanyForm } from './NewCompanyForm';

export function NewCompanyPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [created, setCreated] = useState<Company | null>(null);

  if (!user.isInstallationAdmin) {
    return (
      <Page title={t('newCompany.title')}>
        <Text>{t('newCompany.onlyAdmins')}</Text>
      </Page>
    );
  }
  return (
    <Page title={t('newCompany.title')} intro={t('newCompany.intro')}>
      {created ? <CreatedOffer company={created} /> : <NewCompanyForm onCreated={setCreated} />}
    </Page>
  );
}

function CreatedOffer({ company }: { company: Company }) {
  const { t } = useTranslation();
  const select = useSelectCompany();
  const switchTo = () =>
    select.mutate(company.id, {
      onSuccess: () => {
        notifySuccess(t('shell.switched', { name: company.name }));
        navigate('/');
      },
      onError: (error) => notifyError(t('shell.switchFailed'), errorText(error, t)),
    });
  return (
    <Alert color="green" variant="light" title={t('newCompany.created', { name: company.name })}>
      <Group mt="sm">
        <Button onClick={switchTo} loading={select.isPending}>
          {t('newCompany.switchTo', { name: company.name })}
        </Button>
        <Button variant="default" onClick={() => navigate('/')}>
          {t('newCompany.notNow')}
        </Button>
      </Group>
    </Alert>
  );
}
