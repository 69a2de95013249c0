export { SAFT_FILE_NAME, saftFileName } from './file-name';
export * from './reader';
export type * from './types';
export { formatAmount, SAFT_NAMESPACE, SAFT_VERSION, SaftWriter } from './writer';
export { escapeXml } from './xml';
