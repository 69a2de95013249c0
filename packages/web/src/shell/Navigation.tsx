import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { areaPath, BUSINESS_AREAS, canSee, settingsPages } from './areas';
import { hrefFor, usePath } from './router';

/** The main menu: one entry per area the user may see in the current company. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  const path = usePath();
  const settings = settingsPages(company, user);
  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      href={hrefFor(to)}
      label={label}
      active={path === to}
      aria-current={path === to ? 'page' : undefined}
      onClick={onNavigate}
    />
  );

  return (
    <Stack gap={2}>
      {link('/', t('shell.home'))}
      {BUSINESS_AREAS.filter((area) => canSee(company, area)).map((area) =>
        link(areaPath(area), t(`areas.${area}`)),
      )}
      {settings.length > 0 ? (
        <>
          <Divider my="sm" />
          <Text id="nav-settings" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
            {t('areas.settings')}
          </Text>
          <Stack gap={2} role="group" aria-labelledby="nav-settings">
            {settings.map((page) => link(page.path, t(`settings.${page.key}`)))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
