import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSelectCompany, useSignedIn } from '../auth/session';
import { formatOrgNumber } from '../format';
import { notifyError, notifySuccess } from '../ui/notify';
import { errorText } from '../ui/problems';
import { SETTINGS_PATHS } from './areas';
import { navigate } from './router';

/** The current company's name, opening a list of the user's other companies to switch to. */
export function CompanySwitcher() {
  const { t } = useTranslation();
  const { session, company, user } = useSignedIn();
  const select = useSelectCompany();

  const switchTo = (companyId: number, name: string) =>
    select.mutate(companyId, {
      onSuccess: () => {
        notifySuccess(t('shell.switched', { name }));
        navigate('/');
      },
      onError: (error) => notifyError(t('shell.switchFailed'), errorText(error, t)),
    });

  return (
    <Menu position="bottom-start" width={300} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          loading={select.isPending}
          rightSection={<Chevron />}
          title={t('shell.switchCompany')}
          maw={{ base: 180, sm: 320 }}
        >
          <Text span truncate fw={600} size="sm">
            {company.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.companies')}</Menu.Label>
        {session.companies.map((c) => (
          <Menu.Item
            key={c.id}
            disabled={c.id === company.id}
            aria-current={c.id === company.id ? 'true' : undefined}
            onClick={() => switchTo(c.id, c.name)}
          >
            <Text size="sm" fw={c.id === company.id ? 700 : 500}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatOrgNumber(c.orgNumber)}
            </Text>
          </Menu.Item>
        ))}
        {user.isInstallationAdmin ? (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => navigate(SETTINGS_PATHS.newCompany)}>
              {t('shell.newCompany')}
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}

export function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
