import { Button, FileInput, Group, Image, Input, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LogoResult, readLogo } from './logo';

interface LogoFieldProps {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  companyName: string;
  serverError: string | undefined;
  disabled: boolean;
}

/** Picks a PNG or JPEG, checks it as the server will, and shows what will be stored. */
export function LogoField({ value, onChange, companyName, serverError, disabled }: LogoFieldProps) {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);

  const pick = async (picked: File | null) => {
    setFile(picked);
    setLocalError(null);
    if (!picked) return;
    const result = await readLogo(picked).catch((): LogoResult => ({ ok: false, reason: 'type' }));
    if (result.ok) return onChange(result.dataUrl);
    setLocalError(t(result.reason === 'size' ? 'company.logoTooLarge' : 'company.logoWrongType'));
  };
  const remove = () => {
    setFile(null);
    setLocalError(null);
    onChange(null);
  };

  const preview = value ? (
    <LogoPreview src={value} companyName={companyName} onRemove={disabled ? undefined : remove} />
  ) : null;
  // Someone who may not change the logo only needs to see it, if there is one.
  if (disabled) {
    return preview ? <Input.Wrapper label={t('company.logo')}>{preview}</Input.Wrapper> : null;
  }
  return (
    <Stack gap="xs">
      <FileInput
        label={t('company.logo')}
        description={t('company.logoHint')}
        placeholder={t('company.logoPlaceholder')}
        accept="image/png,image/jpeg"
        value={file}
        onChange={(picked) => void pick(picked)}
        error={localError ?? serverError}
        maw={420}
      />
      {preview}
    </Stack>
  );
}

interface LogoPreviewProps {
  src: string;
  companyName: string;
  onRemove: (() => void) | undefined;
}

function LogoPreview({ src, companyName, onRemove }: LogoPreviewProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end">
      <Paper withBorder p="xs" radius="sm">
        <Image
          src={src}
          alt={t('company.logoPreview', { name: companyName })}
          h={80}
          w="auto"
          fit="contain"
        />
      </Paper>
      {onRemove ? (
        <Button variant="subtle" color="red" onClick={onRemove}>
          {t('company.removeLogo')}
        </Button>
      ) : null}
    </Group>
  );
}
