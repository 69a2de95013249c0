/**
 * Sending one SMS. Providers differ in everything but this; Link Mobility is the first.
 * A failure throws an Error whose message is the reason shown for that recipient.
 */
export interface SmsProvider {
  send(destination: string, text: string): Promise<{ messageId: string | null }>;
}

export interface LinkMobilityAccount {
  baseUrl: string;
  username: string;
  password: string | null;
  platformId: string;
  platformPartnerId: string;
  source: string;
}

/** Link Mobility answers a queued message with this result code. */
const QUEUED = 1005;

/**
 * Link Mobility's REST gateway: POST {baseUrl}/sms/send with basic authentication and a
 * JSON body naming the sender (source), the recipient in international form
 * (destination), the text (userData) and the account's platform ids.
 */
export function linkMobility(account: LinkMobilityAccount, timeoutMs = 15_000): SmsProvider {
  const url = `${account.baseUrl.replace(/\/+$/, '')}/sms/send`;
  const auth = Buffer.from(`${account.username}:${account.password ?? ''}`).toString('base64');
  return {
    async send(destination, text) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Basic ${auth}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({
            source: account.source,
            destination,
            userData: text,
            platformId: account.platformId,
            platformPartnerId: account.platformPartnerId,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(`The SMS provider could not be reached (${(error as Error).message}).`);
      }
      const body = (await response.json().catch(() => null)) as {
        messageId?: string;
        resultCode?: number;
        description?: string;
      } | null;
      if (!response.ok || (body?.resultCode !== undefined && body.resultCode !== QUEUED)) {
        const why = body?.description ?? response.statusText;
        throw new Error(`The SMS provider refused the message: ${response.status} ${why}`.trim());
      }
      return { messageId: body?.messageId ?? null };
    },
  };
}
