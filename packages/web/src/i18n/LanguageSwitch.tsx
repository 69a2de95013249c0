import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { useUpdateProfile } from '../auth/session';
import { notifyError } from '../ui/notify';
import { errorText } from '../ui/problems';
import { changeLanguage, currentLanguage } from './index';

interface LanguageSwitchProps {
  value: Language;
  onChange: (language: Language) => void;
}

/** Each language is named in itself, so it can be found by someone who cannot read the other. */
export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={value}
      onChange={(next) => onChange(next === 'en' ? 'en' : 'nb')}
      data={[
        { value: 'nb', label: <span lang="nb">Norsk</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}

/** Before login the choice lasts only for this page; the user's stored language wins later. */
export function GuestLanguageSwitch() {
  const { i18n } = useTranslation();
  return <LanguageSwitch value={i18n.language === 'en' ? 'en' : 'nb'} onChange={changeLanguage} />;
}

/** For a signed-in user the choice is saved on the user, so it follows them everywhere. */
export function UserLanguageSwitch({ value }: { value: Language }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const choose = (language: Language) => {
    changeLanguage(language);
    update.mutate(
      { language },
      {
        onError: (error) => {
          changeLanguage(value);
          notifyError(t('language.saveFailed'), errorText(error, t));
        },
      },
    );
  };
  return <LanguageSwitch value={update.isPending ? currentLanguage() : value} onChange={choose} />;
}
