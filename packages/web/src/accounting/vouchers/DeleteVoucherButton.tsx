import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { notifyError, notifySuccess } from '../../ui/notify';
import { errorText } from '../../ui/problems';
import { useDeleteVoucher } from '../api';
import type { Voucher } from '../types';

/** Deleting takes the postings out of the accounts at once, so it is asked about first. */
export function DeleteVoucherButton({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteVoucher(company.id);
  const name = { series: voucher.series, number: voucher.number };

  const confirm = () =>
    remove.mutate(voucher.id, {
      onSuccess: () => {
        close();
        notifySuccess(t('vouchers.deleted', name));
      },
      onError: (error) => {
        close();
        notifyError(t('vouchers.deleteFailed', name), errorText(error, t));
      },
    });

  return (
    <>
      <Button color="red" variant="light" onClick={open}>
        {t('vouchers.delete')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('vouchers.confirmDeleteTitle', name)}
        centered
      >
        <Text>{t('vouchers.confirmDelete')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {t('vouchers.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
