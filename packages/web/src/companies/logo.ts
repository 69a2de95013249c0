export const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg'];

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; reason: 'type' | 'size' };

/** Reads an image file into the data URL the API stores, refusing what the server would. */
export function readLogo(file: File): Promise<LogoResult> {
  if (!LOGO_TYPES.includes(file.type)) return Promise.resolve({ ok: false, reason: 'type' });
  if (file.size > MAX_LOGO_BYTES) return Promise.resolve({ ok: false, reason: 'size' });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ ok: true, dataUrl: String(reader.result) });
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
