import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { fieldErrorsOf } from '../../ui/problems';
import { accountLabel } from '../accounts';
import { useChangeAccount, useDeleteAccount } from '../api';
import type { Account } from '../types';
import { VatCodeInput } from './VatCodeInput';

/** Change and delete for one account, each in its own dialog. */
export function AccountActions({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const [editing, edit] = useDisclosure(false);
  const [deleting, remove] = useDisclosure(false);
  const label = accountLabel(account, i18n.language);
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={edit.open}
        aria-label={t('chart.editOf', { account: label })}
      >
        {t('chart.edit')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={remove.open}
        aria-label={t('chart.deleteOf', { account: label })}
      >
        {t('chart.delete')}
      </Button>
      <Modal opened={editing} onClose={edit.close} title={t('chart.editOf', { account: label })}>
        {editing ? <EditAccountForm account={account} onDone={edit.close} /> : null}
      </Modal>
      <Modal
        opened={deleting}
        onClose={remove.close}
        title={t('chart.deleteOf', { account: label })}
      >
        {deleting ? <DeleteAccount account={account} onDone={remove.close} /> : null}
      </Modal>
    </>
  );
}

function EditAccountForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const change = useChangeAccount(company.id);
  const [nameNb, setNameNb] = useState(account.nameNb);
  const [nameEn, setNameEn] = useState(account.nameEn);
  const [vatCode, setVatCode] = useState(account.vatCode ?? '');
  const [blocked, setBlocked] = useState(account.blocked);
  const errors = fieldErrorsOf(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { number: account.number, nameNb, nameEn, vatCode: vatCode.trim() || null, blocked },
      {
        onSuccess: (saved) => {
          notifySuccess(t('chart.saved', { number: saved.number }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {change.isError ? (
          <ProblemAlert error={change.error} placedFields={['nameNb', 'nameEn', 'vatCode']} />
        ) : null}
        <TextInput
          label={t('chart.nameNb')}
          value={nameNb}
          error={errors.nameNb}
          data-autofocus
          onChange={(event) => setNameNb(event.currentTarget.value)}
        />
        <TextInput
          label={t('chart.nameEn')}
          value={nameEn}
          error={errors.nameEn}
          onChange={(event) => setNameEn(event.currentTarget.value)}
        />
        <VatCodeInput value={vatCode} onChange={setVatCode} error={errors.vatCode} />
        <Switch
          label={t('chart.blockedLabel')}
          description={t('chart.blockedHint')}
          checked={blocked}
          onChange={(event) => setBlocked(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An account with postings cannot go; the server says so, and the dialog shows it. */
function DeleteAccount({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const remove = useDeleteAccount(company.id);
  const confirm = () =>
    remove.mutate(account.number, {
      onSuccess: () => {
        notifySuccess(t('chart.deleted', { number: account.number }));
        onDone();
      },
    });
  return (
    <Stack gap="md">
      {remove.isError ? (
        <ProblemAlert error={remove.error} />
      ) : (
        <Text>{t('chart.confirmDelete')}</Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          {remove.isError ? t('common.close') : t('common.cancel')}
        </Button>
        {remove.isError ? null : (
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {t('chart.delete')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
