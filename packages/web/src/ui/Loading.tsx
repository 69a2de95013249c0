import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <ProblemAlert error={error} title={t('errors.loadFailed')} />;
}
