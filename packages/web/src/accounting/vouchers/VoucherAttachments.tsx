import { Anchor, Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { formatDate } from '../../format';
import { canWrite } from '../../shell/areas';
import { LoadFailed, Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { Attachment } from '../types';
import {
  ATTACHMENT_ACCEPT,
  type AttachmentOwner,
  attachmentUrl,
  useAttach,
  useAttachments,
} from './attachments';

/** The receipts kept with a voucher, and a button to add one for those who may. */
export function VoucherAttachments({ voucherId }: { voucherId: number }) {
  const { company } = useSignedIn();
  return (
    <Attachments
      owner={{ kind: 'voucher', id: voucherId }}
      canAdd={canWrite(company, 'accounting')}
    />
  );
}

/** The receipts kept with a voucher or a document, and a button to add one when allowed. */
export function Attachments({ owner, canAdd }: { owner: AttachmentOwner; canAdd: boolean }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const attachments = useAttachments(company.id, owner);
  return (
    <Stack gap="xs" component="section" aria-labelledby="voucher-attachments">
      <Group justify="space-between">
        <Text id="voucher-attachments" fw={700}>
          {t('attachments.title')}
        </Text>
        {canAdd ? <AttachButton owner={owner} /> : null}
      </Group>
      {attachments.isPending ? <Loading /> : null}
      {attachments.isError ? <LoadFailed error={attachments.error} /> : null}
      {attachments.data?.length === 0 ? <Text c="dimmed">{t('attachments.none')}</Text> : null}
      <Group align="flex-start" gap="md">
        {attachments.data?.map((attachment) => (
          <AttachmentCard key={attachment.id} owner={owner} attachment={attachment} />
        ))}
      </Group>
    </Stack>
  );
}

/** Picks a file and sends it at once: there is nothing else to fill in. */
export function AttachButton({ owner, label }: { owner: AttachmentOwner; label?: string }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const attach = useAttach(company.id, owner);
  const upload = (file: File | null) => {
    if (!file) return;
    attach.mutate(file, {
      onSuccess: (saved) => notifySuccess(t('attachments.uploaded', { name: saved.fileName })),
    });
  };
  return (
    <Stack gap={4} align="flex-end">
      <FileButton onChange={upload} accept={ATTACHMENT_ACCEPT}>
        {(props) => (
          <Button {...props} variant="light" loading={attach.isPending}>
            {label ?? t('attachments.upload')}
          </Button>
        )}
      </FileButton>
      <Text size="xs" c="dimmed">
        {t('attachments.uploadHint')}
      </Text>
      <ProblemAlert error={attach.error} title={t('attachments.uploadFailed')} />
    </Stack>
  );
}

function AttachmentCard({ owner, attachment }: { owner: AttachmentOwner; attachment: Attachment }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const url = attachmentUrl(company.id, owner, attachment.id);
  const image = attachment.contentType === 'image/png' || attachment.contentType === 'image/jpeg';
  return (
    <Paper withBorder radius="md" p="sm" w={260}>
      <Stack gap={6}>
        {image ? (
          <Image
            src={url}
            alt={t('attachments.preview', { name: attachment.fileName })}
            h={160}
            fit="contain"
            bg="gray.0"
          />
        ) : null}
        <Anchor href={url} target="_blank" rel="noreferrer" fw={600} size="sm">
          {attachment.fileName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatDate(attachment.createdAt)} ·{' '}
          {t('attachments.size', { size: Math.max(1, Math.round(attachment.size / 1024)) })}
        </Text>
      </Stack>
    </Paper>
  );
}
