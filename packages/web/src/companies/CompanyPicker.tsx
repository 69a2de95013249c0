import { Alert, Badge, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company, CompanySummary, Session } from '../api/types';
import { useLogout, useSelectCompany } from '../auth/session';
import { formatOrgNumber } from '../format';
import { UserLanguageSwitch } from '../i18n/LanguageSwitch';
import { CenteredLayout } from '../ui/CenteredLayout';
import { errorText } from '../ui/problems';
import classes from './CompanyPicker.module.css';
import { NewCompanyForm } from './NewCompanyForm';

/** Shown after login while the session has no current company. */
export function CompanyPicker({ session }: { session: Session }) {
  const { t } = useTranslation();
  const select = useSelectCompany();
  const logout = useLogout();
  const { user, companies } = session;
  const empty = companies.length === 0;

  const corner = (
    <Group gap="sm">
      <UserLanguageSwitch value={user.language} />
      <Button variant="subtle" size="xs" onClick={() => logout.mutate()}>
        {t('auth.logout')}
      </Button>
    </Group>
  );
  const intro = empty
    ? t(user.isInstallationAdmin ? 'picker.noneAdmin' : 'picker.none')
    : t('picker.intro');

  return (
    <CenteredLayout title={t('picker.title')} intro={intro} corner={corner} width={480}>
      <Text size="sm" c="dimmed">
        {t('picker.loggedInAs', { name: user.name })}
      </Text>
      {select.isError ? (
        <Alert color="red" variant="light" title={t('picker.selectFailed')}>
          {errorText(select.error, t)}
        </Alert>
      ) : null}
      {empty && user.isInstallationAdmin ? (
        <NewCompanyForm onCreated={(company: Company) => select.mutate(company.id)} />
      ) : (
        <CompanyList companies={companies} onSelect={(id) => select.mutate(id)} />
      )}
    </CenteredLayout>
  );
}

interface CompanyListProps {
  companies: CompanySummary[];
  onSelect: (companyId: number) => void;
}

function CompanyList({ companies, onSelect }: CompanyListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" className={classes.list}>
      {companies.map((company) => (
        <li key={company.id}>
          <UnstyledButton className={classes.item} onClick={() => onSelect(company.id)}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={600}>{company.name}</Text>
                <Text size="sm" c="dimmed">
                  {formatOrgNumber(company.orgNumber)}
                </Text>
              </Stack>
              <Badge variant="light" color="gray">
                {t(`roles.${company.role}`)}
              </Badge>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
