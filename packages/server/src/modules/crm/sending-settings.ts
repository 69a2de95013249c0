import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { readSetting, saveSetting } from '../admin/settings.store';

/**
 * Where a company's e-mail and SMS go out: its SMTP server and its SMS provider account,
 * kept in company_settings. Passwords are stored for sending but never given back by the
 * API; the screen only learns whether one is set.
 */
const KEY = 'crm.sending';

const host = z
  .string()
  .trim()
  .min(1, 'Give the server name.')
  .max(255)
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'Give a host name or an IP address.');

export const smtpInputSchema = z.strictObject({
  host,
  port: z.number().int().min(1).max(65_535),
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean(),
  user: z.string().max(255).nullable(),
  /** Left out: keep the saved password; null: remove it. */
  password: z.string().max(500).nullable().optional(),
  from: z.email('Give the sender’s e-mail address.'),
  fromName: z.string().max(200).nullable(),
});

export const smsInputSchema = z.strictObject({
  provider: z.literal('linkmobility'),
  baseUrl: z
    .url('Give the address of the provider’s API, e.g. https://wsx.sp247.net.')
    .refine((u) => /^https?:\/\//.test(u), 'The address starts with https:// or http://.'),
  username: z.string().min(1).max(255),
  password: z.string().max(500).nullable().optional(),
  platformId: z.string().min(1).max(100),
  platformPartnerId: z.string().min(1).max(100),
  /** The sender shown on the phone: a number or up to 11 letters. */
  source: z.string().trim().min(1).max(16),
});

export const sendingSettingsInputSchema = z.strictObject({
  smtp: smtpInputSchema.nullable().optional(),
  sms: smsInputSchema.nullable().optional(),
});

type SmtpStored = Omit<z.output<typeof smtpInputSchema>, 'password'> & { password: string | null };
type SmsStored = Omit<z.output<typeof smsInputSchema>, 'password'> & { password: string | null };
export interface SendingSettings {
  smtp: SmtpStored | null;
  sms: SmsStored | null;
}

export const sendingSettingsSchema = z.object({
  smtp: smtpInputSchema.omit({ password: true }).extend({ passwordSet: z.boolean() }).nullable(),
  sms: smsInputSchema.omit({ password: true }).extend({ passwordSet: z.boolean() }).nullable(),
});
export type SendingSettingsView = z.infer<typeof sendingSettingsSchema>;

export async function readSendingSettings(
  db: Kysely<Database>,
  companyId: number,
): Promise<SendingSettings> {
  const saved = await readSetting<SendingSettings>(db, companyId, KEY);
  return { smtp: saved?.smtp ?? null, sms: saved?.sms ?? null };
}

export function viewOf(settings: SendingSettings): SendingSettingsView {
  const hide = <T extends { password: string | null }>(s: T | null) => {
    if (!s) return null;
    const { password, ...rest } = s;
    return { ...rest, passwordSet: Boolean(password) };
  };
  return { smtp: hide(settings.smtp), sms: hide(settings.sms) };
}

/** Saves what is given; a part left out stays as it was, null removes it. */
export async function saveSendingSettings(
  db: Kysely<Database>,
  companyId: number,
  input: z.output<typeof sendingSettingsInputSchema>,
): Promise<SendingSettingsView> {
  const current = await readSendingSettings(db, companyId);
  const keep = <T extends { password?: string | null | undefined }>(
    next: T | null | undefined,
    before: { password: string | null } | null,
  ) => {
    if (next === undefined) return before;
    if (next === null) return null;
    return {
      ...next,
      password: next.password === undefined ? (before?.password ?? null) : next.password,
    };
  };
  const settings = {
    smtp: keep(input.smtp, current.smtp) as SmtpStored | null,
    sms: keep(input.sms, current.sms) as SmsStored | null,
  };
  await saveSetting(db, companyId, KEY, settings);
  return viewOf(settings);
}
