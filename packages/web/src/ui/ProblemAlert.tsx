import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formErrorText } from './problems';

interface ProblemAlertProps {
  error: unknown;
  title?: string;
  /** Field paths that the surrounding form shows errors for, next to the field. */
  placedFields?: readonly string[];
}

/** The server's explanation of a failed request, announced to screen readers. */
export function ProblemAlert({ error, title, placedFields = [] }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {formErrorText(error, placedFields, t)}
    </Alert>
  );
}
