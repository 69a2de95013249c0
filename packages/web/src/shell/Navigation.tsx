import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import {
  areaPages,
  areaPath,
  BUSINESS_AREAS,
  type BusinessArea,
  canSee,
  settingsPages,
} from './areas';
import { hrefFor, usePath } from './router';

const within = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/** The main menu: one entry per area the user may see in the current company. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  const path = usePath();
  const settings = settingsPages(company, user);
  const link = (to: string, label: string, active = path === to) => (
    <NavLink
      key={to}
      href={hrefFor(to)}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
  // An area's own screens are listed under it while the user works in that area.
  const areaLinks = (area: BusinessArea) => {
    const root = areaPath(area);
    const pages = within(path, root) ? areaPages(company, area) : [];
    return (
      <Stack key={root} gap={2}>
        {link(root, t(`areas.${area}`))}
        {pages.length > 0 ? (
          <Stack gap={2} pl="md" role="group" aria-label={t(`areas.${area}`)}>
            {pages.map((page) => link(page.path, t(page.label), within(path, page.path)))}
          </Stack>
        ) : null}
      </Stack>
    );
  };

  return (
    <Stack gap={2}>
      {link('/', t('shell.home'))}
      {BUSINESS_AREAS.filter((area) => canSee(company, area)).map(areaLinks)}
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
