import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { fieldErrorsOf } from '../../ui/problems';
import type { Party, Subledger } from '../types';
import { useCreateParty } from './api';

interface NewPartyModalProps {
  /** The ledger the party is added from is ticked to begin with. */
  kind: Subledger;
  opened: boolean;
  onClose: () => void;
  onCreated?: (party: Party) => void;
}

const PLACED = ['name', 'orgNumber', 'customer', 'supplier'];

/** A new customer, supplier or both: a name is all that is needed. */
export function NewPartyModal({ kind, opened, onClose, onCreated }: NewPartyModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('subledger.newParty')} centered>
      {opened ? <NewPartyForm kind={kind} onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function NewPartyForm({ kind, onClose, onCreated }: Omit<NewPartyModalProps, 'opened'>) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const create = useCreateParty(company.id);
  const [name, setName] = useState('');
  const [orgNumber, setOrgNumber] = useState('');
  const [customer, setCustomer] = useState(kind === 'customer');
  const [supplier, setSupplier] = useState(kind === 'supplier');
  const errors = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const org = orgNumber.replace(/\s/g, '');
    const party = { name: name.trim(), customer, supplier, ...(org ? { orgNumber: org } : {}) };
    create.mutate(party, {
      onSuccess: (saved) => {
        notifySuccess(t('subledger.partyCreated', { name: saved.name }));
        onCreated?.(saved);
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={create.error} placedFields={PLACED} />
        <TextInput
          label={t('accounting.name')}
          required
          data-autofocus
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('subledger.orgNumber')}
          inputMode="numeric"
          value={orgNumber}
          error={errors.orgNumber}
          onChange={(event) => setOrgNumber(event.currentTarget.value)}
        />
        <Group gap="lg">
          <Checkbox
            label={t('subledger.isCustomer')}
            checked={customer}
            error={errors.customer}
            onChange={(event) => setCustomer(event.currentTarget.checked)}
          />
          <Checkbox
            label={t('subledger.isSupplier')}
            checked={supplier}
            error={errors.supplier}
            onChange={(event) => setSupplier(event.currentTarget.checked)}
          />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
