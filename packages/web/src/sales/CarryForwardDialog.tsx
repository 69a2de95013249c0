import { Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { CLAIM_KINDS, type DocumentKind } from '@nordbok/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../accounting/input';
import { useSignedIn } from '../auth/session';
import { formatQuantity, parseQuantity } from '../inventory/parts';
import { navigate } from '../shell/router';
import { DateField } from '../ui/DateField';
import { notifySuccess } from '../ui/notify';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useCarryForward } from './api';
import { documentPath } from './kinds';
import type { Document } from './types';

interface CarryForwardDialogProps {
  document: Document;
  /** The kinds offered; the first is chosen. Null while the dialog is closed. */
  kinds: readonly DocumentKind[] | null;
  onClose: () => void;
}

/** "Overfør til …": the next document in the chain, from all or part of what remains. */
export function CarryForwardDialog({ document, kinds, onClose }: CarryForwardDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={kinds !== null}
      onClose={onClose}
      title={t('sales.carry.title', {
        kind: t(`sales.kinds.${document.kind}`),
        number: document.number,
      })}
      size="xl"
    >
      {kinds ? <CarryForwardForm document={document} kinds={kinds} onClose={onClose} /> : null}
    </Modal>
  );
}

const unitsText = (units: number) => formatQuantity(units).replace(/[\s\u00a0]/g, '');

function CarryForwardForm({
  document,
  kinds,
  onClose,
}: {
  document: Document;
  kinds: readonly DocumentKind[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const carry = useCarryForward(company.id, document.id);
  const [kind, setKind] = useState<DocumentKind>(kinds[0]!);
  const [date, setDate] = useState<string | null>(todayIso());
  const [dueDate, setDueDate] = useState<string | null>(null);
  // Each line starts with what remains of it; 0 leaves the line out.
  const [quantities, setQuantities] = useState<Record<number, string>>(() =>
    Object.fromEntries(
      document.lines.map((l) => [l.id, l.remaining ? unitsText(l.remaining) : '0']),
    ),
  );
  const [sentLines, setSentLines] = useState<number[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<number, string>>({});
  const serverErrors = fieldErrorsOf(carry.error);
  const lineError = (lineId: number) => {
    if (localErrors[lineId]) return localErrors[lineId];
    const sent = sentLines.indexOf(lineId);
    return sent === -1 ? undefined : serverErrors[`lines.${sent}.quantity`];
  };
  const placed = [
    'kind',
    'date',
    'dueDate',
    ...sentLines.map((_, i) => `lines.${i}.quantity`),
    ...sentLines.map((_, i) => `lines.${i}.lineId`),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget)) return;
    const problems: Record<number, string> = {};
    const lines: { lineId: number; quantity: number }[] = [];
    for (const line of document.lines) {
      const text = quantities[line.id]?.trim() ?? '';
      const quantity = text ? parseQuantity(text) : 0;
      if (quantity === null) problems[line.id] = t('sales.editor.badQuantity');
      else if (quantity !== 0) lines.push({ lineId: line.id, quantity });
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSentLines(lines.map((l) => l.lineId));
    carry.mutate(
      { kind, date: date ?? '', ...(dueDate ? { dueDate } : {}), lines },
      {
        onSuccess: (created) => {
          notifySuccess(
            t('sales.carry.done', {
              kind: t(`sales.kinds.${created.kind}`),
              number: created.number,
            }),
          );
          onClose();
          navigate(documentPath(created.kind, created.id));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group align="flex-start">
          <NativeSelect
            label={t('sales.carry.kind')}
            w={220}
            value={kind}
            data={kinds.map((k) => ({ value: k, label: t(`sales.kinds.${k}`) }))}
            onChange={(event) => setKind(event.currentTarget.value as DocumentKind)}
            error={serverErrors.kind}
          />
          <DateField
            label={t('sales.editor.date')}
            w={180}
            value={date}
            onChange={setDate}
            error={serverErrors.date}
          />
          {CLAIM_KINDS.includes(kind) ? (
            <DateField
              label={t('sales.editor.dueDate')}
              w={180}
              value={dueDate}
              onChange={setDueDate}
              error={serverErrors.dueDate}
            />
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('sales.carry.hint')}
        </Text>
        <Table verticalSpacing={4} aria-label={t('sales.carry.lines')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.editor.columns.description')}</Table.Th>
              <Table.Th ta="right">{t('sales.view.quantity')}</Table.Th>
              <Table.Th ta="right">{t('sales.view.carried')}</Table.Th>
              <Table.Th ta="right">{t('sales.view.remaining')}</Table.Th>
              <Table.Th w={140} ta="right">
                {t('sales.carry.take')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  {line.itemNumber ? `${line.itemNumber} ` : ''}
                  {line.description}
                </Table.Td>
                <Table.Td ta="right">
                  {formatQuantity(line.quantity)} {line.unit}
                </Table.Td>
                <Table.Td ta="right">{formatQuantity(line.carried)}</Table.Td>
                <Table.Td ta="right">{formatQuantity(line.remaining)}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('sales.carry.takeOf', { line: line.lineNo })}
                    value={quantities[line.id] ?? ''}
                    inputMode="decimal"
                    autoComplete="off"
                    styles={{ input: { textAlign: 'right' } }}
                    error={lineError(line.id)}
                    onFocus={(event) => event.currentTarget.select()}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setQuantities((old) => ({ ...old, [line.id]: value }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ProblemAlert error={carry.error} title={t('sales.carry.failed')} placedFields={placed} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sales.cancel')}
          </Button>
          <Button type="submit" loading={carry.isPending}>
            {t('sales.carry.submit', { kind: t(`sales.kinds.${kind}`).toLowerCase() })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
