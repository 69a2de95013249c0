import { Alert, Anchor, Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { isAdministrator, voucherPath } from '../shell/areas';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useCloseVatTerm } from './api';
import type { VatReturn } from './types';

/**
 * Closing the term: the state for everyone, the button for administrators. The settlement
 * voucher is known only from the closing's answer, so its link is shown right after closing.
 */
export function VatCloseSection({ vat }: { vat: VatReturn }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const close = useCloseVatTerm(company.id);
  const [opened, { open, close: hide }] = useDisclosure(false);
  const voucher = close.data?.voucher;
  const confirm = () => {
    hide();
    close.mutate({ year: vat.year, term: vat.term });
  };

  if (vat.closed || close.isSuccess) {
    return (
      <Alert color="green" variant="light" title={t('legal.vat.closed')} role="status">
        <Text size="sm">{t('legal.vat.closedText')}</Text>
        {voucher ? (
          <Anchor size="sm" href={`#${voucherPath(voucher.id)}`}>
            {t('legal.vat.settlement', { voucher: `${voucher.series} ${voucher.number}` })}
          </Anchor>
        ) : null}
        {close.isSuccess && !voucher ? <Text size="sm">{t('legal.vat.noSettlement')}</Text> : null}
      </Alert>
    );
  }
  if (!isAdministrator(company)) return null;
  return (
    <>
      <ProblemAlert error={close.error} title={t('legal.vat.closeFailed')} />
      <Group>
        <Button color="red" variant="light" onClick={open} loading={close.isPending}>
          {t('legal.vat.close')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={hide}
        centered
        title={t('legal.vat.confirmCloseTitle', { term: vat.term, year: vat.year })}
      >
        <Text>{t('legal.vat.confirmClose')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={hide}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm}>
            {t('legal.vat.close')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
