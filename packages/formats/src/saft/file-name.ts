/**
 * The file name the Tax Administration asks for:
 * `SAF-T Financial_<orgnr>_<yyyymmddhh24miss>_<n>_<total>.xml`, where n of total numbers the
 * files when one export is split. The time is the local time of the export in Norway.
 */
export function saftFileName(
  orgNumber: string,
  createdAt: Date,
  part: { n: number; total: number } = { n: 1, total: 1 },
): string {
  return `SAF-T Financial_${orgNumber}_${osloStamp(createdAt)}_${part.n}_${part.total}.xml`;
}

export const SAFT_FILE_NAME = /^SAF-T Financial_\d{9}_\d{14}_\d+_\d+\.xml$/;

/** yyyymmddhh24miss in Europe/Oslo, whatever the server's own time zone is. */
function osloStamp(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}`;
}
