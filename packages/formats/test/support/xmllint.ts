import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the official schemas are kept, beside the repository. */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../../../shared/reference');

let available: boolean | undefined;

/**
 * Whether libxml2's xmllint can be run. Without it schema checks are skipped with a
 * warning, unless NORDBOK_REQUIRE_XMLLINT=1 (as on CI), where its absence is an error.
 */
export function xmllintAvailable(): boolean {
  if (available !== undefined) return available;
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    available = true;
  } catch {
    if (process.env.NORDBOK_REQUIRE_XMLLINT === '1') throw new Error('xmllint is missing.');
    console.warn('xmllint is missing: XML files are not checked against their XSD.');
    available = false;
  }
  return available;
}

/**
 * Checks a document against an XSD with xmllint. Returns null when it is valid (or when
 * xmllint is missing and not required), else xmllint's complaint.
 */
export function schemaErrors(xml: string, xsd: string): string | null {
  if (!xmllintAvailable()) return null;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-xsd-')), 'document.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr;
    return stderr ? stderr.toString() : String(error);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
