import { Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { canManageUsers } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { AddMemberForm } from './AddMemberForm';
import { useMembers } from './api';
import { CreateUserForm } from './CreateUserForm';
import { MemberCard } from './MemberCard';

export function UsersPage() {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  // Shared so that a user just created can be given access without typing the address again.
  const [email, setEmail] = useState('');

  if (!canManageUsers(company)) {
    return (
      <Page title={t('users.title')}>
        <Text>{t('users.onlyAdmins')}</Text>
      </Page>
    );
  }
  return (
    <Page title={t('users.title')} intro={t('users.intro', { company: company.name })}>
      <MemberList companyId={company.id} />
      <Section title={t('users.addTitle')} intro={t('users.addIntro')}>
        <AddMemberForm email={email} onEmailChange={setEmail} />
      </Section>
      {user.isInstallationAdmin ? (
        <Section title={t('users.createTitle')} intro={t('users.createIntro')}>
          <CreateUserForm onCreated={(created) => setEmail(created.email)} />
        </Section>
      ) : null}
    </Page>
  );
}

function MemberList({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const members = useMembers(companyId);
  if (members.isPending) return <Loading />;
  if (members.isError) return <LoadFailed error={members.error} />;
  if (members.data.length === 0) return <Text>{t('users.none')}</Text>;
  return (
    <Stack gap="md">
      {members.data.map((member) => (
        // Keyed on the stored grant too, so a saved change resets the card's draft.
        <MemberCard
          key={`${member.userId}:${member.role}:${JSON.stringify(member.permissions)}`}
          member={member}
        />
      ))}
    </Stack>
  );
}

function Section({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
