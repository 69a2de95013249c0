import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../ui/Page';
import type { BusinessArea } from './areas';

/** An area that this version does not have yet: said plainly, with nothing made up. */
export function NotAvailablePage({ area }: { area: BusinessArea }) {
  const { t } = useTranslation();
  const title = t(`areas.${area}`);
  return (
    <Page title={title}>
      <Text>{t('areas.notAvailable', { area: title })}</Text>
    </Page>
  );
}

export function NoAccessPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Alert color="yellow" variant="light">
        {t('areas.noAccess', { area: title })}
      </Alert>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('areas.notFound')}>
      <Text>{t('areas.notFoundText')}</Text>
    </Page>
  );
}
