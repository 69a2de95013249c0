import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from './api/types';
import { LoginPage } from './auth/LoginPage';
import { currentCompanyOf, type SignedIn, SignedInContext, useSessionQuery } from './auth/session';
import { CompanyPicker } from './companies/CompanyPicker';
import { changeLanguage } from './i18n';
import { Shell } from './shell/Shell';
import { errorText } from './ui/problems';

/** Chooses between login, the company picker and the app itself, from the session alone. */
export function App() {
  const session = useSessionQuery();
  const language = session.data?.user.language;

  useEffect(() => {
    if (language) changeLanguage(language);
  }, [language]);

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <FullPageError error={session.error} retry={session.refetch} />;
  if (!session.data) return <LoginPage />;
  return <SignedInApp session={session.data} />;
}

function SignedInApp({ session }: { session: Session }) {
  const company = currentCompanyOf(session);
  const value = useMemo<SignedIn | null>(
    () => (company ? { session, user: session.user, company } : null),
    [session, company],
  );
  if (!value) return <CompanyPicker session={session} />;
  return (
    <SignedInContext.Provider value={value}>
      <Shell />
    </SignedInContext.Provider>
  );
}

function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function FullPageError({ error, retry }: { error: unknown; retry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Stack align="center" gap="md">
        <Text role="alert">{errorText(error, t)}</Text>
        <Button onClick={() => void retry()}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}
