import { AppError } from '../../errors';

/**
 * The merge fields a template may use, written {{navn}}. The list is the documentation:
 * the template editor shows it, and a template naming anything else is refused.
 */
export const MERGE_FIELDS = {
  navn: 'The contact’s name',
  kontaktperson: 'The first contact person’s name (the contact’s name for a person)',
  kundenummer: 'The customer number',
  orgnr: 'The organisation number',
  epost: 'The e-mail address',
  telefon: 'The phone number',
  adresse: 'The street address (first address line)',
  postnummer: 'The postal code',
  poststed: 'The postal town',
  firma: 'The sending company’s name',
  dato: 'Today’s date, dd.mm.yyyy',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
export type MergeValues = Record<MergeField, string>;

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The merge fields a text names, in order of first use. */
export function fieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1] ?? ''))];
}

/** Refuses a text with a field that is not in the list, naming the field. */
export function checkMergeFields(text: string, path: string) {
  const unknown = fieldsIn(text).filter((f) => !(f in MERGE_FIELDS));
  if (unknown.length > 0) {
    const names = unknown.map((f) => `{{${f}}}`).join(', ');
    throw AppError.field(
      path,
      `Unknown merge field ${names}. Known fields: ${Object.keys(MERGE_FIELDS)
        .map((f) => `{{${f}}}`)
        .join(', ')}.`,
      'unknown-merge-field',
    );
  }
}

export function merge(text: string, values: MergeValues): string {
  return text.replace(FIELD, (_all, name: string) => values[name as MergeField] ?? '');
}
