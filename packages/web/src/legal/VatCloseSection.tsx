import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { formatAmount } from '../format';
import { isAdministrator, voucherPath } from '../shell/areas';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useCloseVatTerm, useReopenVatTerm } from './api';
import type { VatReturn, VatReturnLine } from './types';
import { lineName } from './VatReturnTable';

/**
 * The term's state for everyone and what an administrator can do with it: close an open
 * term, reopen a closed one for correction, and close the correction again. Each closing
 * records a version, whose settlement voucher the server's answer lists in the history.
 */
export function VatCloseSection({ vat }: { vat: VatReturn }) {
  const { company } = useSignedIn();
  const admin = isAdministrator(company);
  if (vat.status === 'closed') return <ClosedNotice vat={vat} admin={admin} />;
  if (vat.status === 'correcting') {
    return (
      <>
        <CorrectingNotice vat={vat} />
        {admin ? <CloseTerm vat={vat} /> : null}
      </>
    );
  }
  return admin ? <CloseTerm vat={vat} /> : null;
}

function ClosedNotice({ vat, admin }: { vat: VatReturn; admin: boolean }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const reopen = useReopenVatTerm(company.id);
  const [opened, { open, close: hide }] = useDisclosure(false);
  const latest = vat.history.at(-1);
  const confirm = () => {
    hide();
    reopen.mutate({ year: vat.year, term: vat.term });
  };
  return (
    <>
      <Alert
        color="green"
        variant="light"
        title={t('legal.vat.closed', { version: vat.version })}
        role="status"
      >
        <Stack gap={4}>
          <Text size="sm">{t('legal.vat.closedText')}</Text>
          {latest?.voucher ? (
            <Anchor size="sm" href={`#${voucherPath(latest.voucher.id)}`}>
              {t('legal.vat.settlement', {
                voucher: `${latest.voucher.series} ${latest.voucher.number}`,
              })}
            </Anchor>
          ) : (
            <Text size="sm">{t('legal.vat.noSettlement')}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('legal.vat.nextTermHint')}
          </Text>
        </Stack>
      </Alert>
      <ProblemAlert error={reopen.error} title={t('legal.vat.reopenFailed')} />
      {admin ? (
        <Group>
          <Button variant="default" onClick={open} loading={reopen.isPending}>
            {t('legal.vat.reopen')}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={opened}
        onClose={hide}
        centered
        title={t('legal.vat.confirmReopenTitle', { term: vat.term, year: vat.year })}
      >
        <Text>{t('legal.vat.confirmReopen')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={hide}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm}>{t('legal.vat.reopen')}</Button>
        </Group>
      </Modal>
    </>
  );
}

function CorrectingNotice({ vat }: { vat: VatReturn }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('legal.vat.correcting')} role="status">
      <Stack gap={4}>
        <Text size="sm">{t('legal.vat.correctingText', { version: vat.version })}</Text>
        <Text size="sm" fw={500}>
          {t('legal.vat.unsettled', { amount: formatAmount(vat.unsettled) })}
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * Closing, or closing the correction: a confirmation with the remarks that go into the XML.
 * Lines the Tax Administration wants explained get a field each; what the latest closing
 * wrote is filled in, so a correction keeps it unless it is changed.
 */
function CloseTerm({ vat }: { vat: VatReturn }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const close = useCloseVatTerm(company.id);
  const [opened, { open, close: hide }] = useDisclosure(false);
  const correction = vat.status === 'correcting';
  const label = correction ? t('legal.vat.closeCorrection') : t('legal.vat.close');
  return (
    <>
      <ProblemAlert error={close.error} title={t('legal.vat.closeFailed')} />
      <Group>
        <Button color="red" variant="light" onClick={open} loading={close.isPending}>
          {label}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={hide}
        centered
        size="lg"
        title={
          correction
            ? t('legal.vat.confirmCorrectionTitle', { term: vat.term, year: vat.year })
            : t('legal.vat.confirmCloseTitle', { term: vat.term, year: vat.year })
        }
      >
        {opened ? (
          <CloseForm
            vat={vat}
            label={label}
            onCancel={hide}
            onConfirm={(remarks) => {
              hide();
              close.mutate({ year: vat.year, term: vat.term, remarks });
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

interface CloseFormProps {
  vat: VatReturn;
  label: string;
  onCancel: () => void;
  onConfirm: (remarks: { remark?: string; lineRemarks?: { key: string; text: string }[] }) => void;
}

function CloseForm({ vat, label, onCancel, onConfirm }: CloseFormProps) {
  const { t } = useTranslation();
  const correction = vat.status === 'correcting';
  const asked = vat.lines.filter((line) => line.remarkRequired);
  const [remark, setRemark] = useState(vat.remark ?? '');
  const [lineRemarks, setLineRemarks] = useState<Record<string, string>>(() =>
    Object.fromEntries(vat.lines.map((line) => [line.key, line.remark ?? ''])),
  );
  const confirm = () => {
    const given = Object.entries(lineRemarks)
      .map(([key, text]) => ({ key, text: text.trim() }))
      .filter((r) => r.text !== '');
    onConfirm({
      ...(remark.trim() ? { remark: remark.trim() } : {}),
      ...(given.length > 0 ? { lineRemarks: given } : {}),
    });
  };
  return (
    <Stack gap="sm">
      <Text>
        {correction
          ? t('legal.vat.confirmCorrection', { version: (vat.version ?? 0) + 1 })
          : t('legal.vat.confirmClose')}
      </Text>
      <Textarea
        label={t('legal.vat.remark')}
        description={t('legal.vat.remarkHint')}
        autosize
        minRows={2}
        maxLength={4000}
        value={remark}
        onChange={(event) => setRemark(event.currentTarget.value)}
      />
      {asked.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('legal.vat.lineRemarksTitle')}
          </Text>
          {asked.map((line) => (
            <LineRemarkInput
              key={line.key}
              line={line}
              value={lineRemarks[line.key] ?? ''}
              onChange={(text) => setLineRemarks((old) => ({ ...old, [line.key]: text }))}
            />
          ))}
        </Stack>
      ) : null}
      <Group justify="flex-end" mt="xs">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm}>
          {label}
        </Button>
      </Group>
    </Stack>
  );
}

interface LineRemarkInputProps {
  line: VatReturnLine;
  value: string;
  onChange: (text: string) => void;
}

function LineRemarkInput({ line, value, onChange }: LineRemarkInputProps) {
  const { t, i18n } = useTranslation();
  return (
    <TextInput
      size="sm"
      label={t('legal.vat.lineRemark', { code: line.code, name: lineName(line, i18n.language, t) })}
      maxLength={4000}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
