import { Button, Group, Modal, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmount, todayIso } from '../accounting/input';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDateTime } from '../format';
import { DateField } from '../ui/DateField';
import { Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useCrmContacts, useOpportunity, useOwners, useSaveOpportunity, useStages } from './api';
import type { OpportunityDetail } from './types';

interface OpportunityModalProps {
  /** The opportunity to change, 'new' for a new one, null when closed. */
  target: number | 'new' | null;
  onClose: () => void;
  /** The contact a new opportunity is for, when it is started from the contact. */
  partyId?: number;
}

/** A new opportunity, or an existing one with the stages it has been through. */
export function OpportunityModal({ target, onClose, partyId }: OpportunityModalProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const existing = useOpportunity(company.id, typeof target === 'number' ? target : null);
  const title = target === 'new' ? t('crm.opportunities.new') : t('crm.opportunities.edit');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg" centered>
      {target === 'new' ? <OpportunityForm onClose={onClose} partyId={partyId} /> : null}
      {typeof target === 'number' && existing.isPending ? <Loading /> : null}
      {typeof target === 'number' && existing.data ? (
        <OpportunityForm key={existing.data.id} existing={existing.data} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

const PLACED = ['partyId', 'title', 'amount', 'expectedClose', 'ownerId', 'stageId'];

function OpportunityForm({
  existing,
  onClose,
  partyId: forParty,
}: {
  existing?: OpportunityDetail;
  onClose: () => void;
  partyId?: number | undefined;
}) {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  const contacts = useCrmContacts(company.id);
  const owners = useOwners(company.id);
  const stages = useStages(company.id);
  const save = useSaveOpportunity(company.id);
  const [partyId, setPartyId] = useState(
    existing ? String(existing.partyId) : forParty ? String(forParty) : null,
  );
  const [title, setTitle] = useState(existing?.title ?? '');
  const [amount, setAmount] = useState(existing ? formatAmount(existing.amount) : '');
  const [expectedClose, setExpectedClose] = useState<string | null>(
    existing?.expectedClose ?? todayIso(),
  );
  const [ownerId, setOwnerId] = useState<string | null>(
    existing ? (existing.ownerId === null ? null : String(existing.ownerId)) : String(user.id),
  );
  const [stageId, setStageId] = useState<string | null>(existing ? String(existing.stageId) : null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const errors = fieldErrorsOf(save.error);
  const firstOpen = stages.data?.find((s) => s.outcome === 'open');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget as HTMLFormElement)) return;
    const ore = parseAmount(amount);
    if (ore === null || ore < 0) {
      setAmountError(t('crm.opportunities.badAmount'));
      return;
    }
    setAmountError(null);
    const chosenStage = stageId ?? (firstOpen ? String(firstOpen.id) : null);
    save.mutate(
      {
        ...(existing ? { id: existing.id } : {}),
        partyId: Number(partyId),
        title: title.trim(),
        amount: ore,
        // Left empty, the server names the missing date under the field.
        expectedClose: expectedClose ?? '',
        ownerId: ownerId ? Number(ownerId) : null,
        stageId: Number(chosenStage),
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('crm.opportunities.saved', { title: saved.title }));
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('crm.opportunities.form')}>
      <Stack gap="sm">
        <ProblemAlert error={save.error} placedFields={PLACED} />
        <Select
          label={t('crm.contact')}
          searchable
          required
          disabled={Boolean(existing)}
          data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={partyId}
          onChange={setPartyId}
          error={errors.partyId}
          data-autofocus={existing ? undefined : true}
        />
        <TextInput
          label={t('crm.opportunities.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus={existing ? true : undefined}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('crm.opportunities.amount')}
            required
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amountError ?? errors.amount}
          />
          <DateField
            label={t('crm.opportunities.expectedClose')}
            required
            value={expectedClose}
            onChange={setExpectedClose}
            error={errors.expectedClose}
          />
          <Select
            label={t('crm.opportunities.stage')}
            data={(stages.data ?? []).map((s) => ({
              value: String(s.id),
              label: `${s.name} (${s.probability} %)`,
            }))}
            value={stageId ?? (firstOpen ? String(firstOpen.id) : null)}
            onChange={setStageId}
            allowDeselect={false}
            error={errors.stageId}
          />
          <Select
            label={t('crm.opportunities.owner')}
            clearable
            data={(owners.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
            value={ownerId}
            onChange={setOwnerId}
            error={errors.ownerId}
          />
        </SimpleGrid>
        {existing ? (
          <Table withTableBorder striped aria-label={t('crm.opportunities.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('crm.opportunities.stage')}</Table.Th>
                <Table.Th>{t('crm.opportunities.entered')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {existing.history.map((h) => (
                <Table.Tr key={`${h.stageId}-${h.enteredAt}`}>
                  <Table.Td>{h.stageName}</Table.Td>
                  <Table.Td>{formatDateTime(h.enteredAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
