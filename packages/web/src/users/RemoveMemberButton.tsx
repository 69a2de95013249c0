import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/types';
import { useSignedIn } from '../auth/session';
import { notifyError, notifySuccess } from '../ui/notify';
import { errorText } from '../ui/problems';
import { useRemoveMember } from './api';

/** Taking someone's access away is asked about once more, since it takes effect at once. */
export function RemoveMemberButton({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useRemoveMember(company.id);

  const confirm = () =>
    remove.mutate(member.userId, {
      onSuccess: () => {
        close();
        notifySuccess(t('users.removed', { name: member.name }));
      },
      onError: (error) => {
        close();
        notifyError(member.name, errorText(error, t));
      },
    });

  return (
    <>
      <Button variant="subtle" color="red" onClick={open}>
        {t('users.remove')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('users.confirmRemoveTitle')} centered>
        <Text>{t('users.confirmRemove', { name: member.name, company: company.name })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {t('users.remove')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
