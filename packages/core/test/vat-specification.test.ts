import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codesForSpecification,
  isVatSpecification,
  specificationsForCode,
  VAT_SPECIFICATIONS,
} from '../src/index';

const KODELISTER = path.resolve(
  import.meta.dirname,
  '../../../../shared/reference/mva-melding/kodelister',
);

/** The flag each specification has in mvaKodeSAFT.xml's kodetillegg. */
const FLAG = {
  uttak: 'uttak',
  tapPåKrav: 'tapPaaKrav',
  justering: 'justering',
  tilbakeføringAvInngåendeMerverdiavgift: 'tilbakefoeringAvInngaaendeMerverdiavgift',
} as const;

/** Code → the flags set to SANN on it, read from the official code list. */
function codeFlags(): Map<string, Set<string>> {
  const xml = fs.readFileSync(path.join(KODELISTER, 'mvaKodeSAFT.xml'), 'utf8');
  const flags = new Map<string, Set<string>>();
  for (const [, body = ''] of xml.matchAll(/<kode>([\s\S]*?)<\/kode>/g)) {
    const code = /<tekniskNavn>(.*?)<\/tekniskNavn>/.exec(body)?.[1] ?? '';
    flags.set(code, new Set([...body.matchAll(/<(\w+)>SANN</g)].map((m) => m[1] ?? '')));
  }
  return flags;
}

describe('the VAT specifications', () => {
  it('are names from mvaSpesifikasjon.xml', () => {
    const xml = fs.readFileSync(path.join(KODELISTER, 'mvaSpesifikasjon.xml'), 'utf8');
    const names = [...xml.matchAll(/<kode>\s*<tekniskNavn>(.*?)</g)].map((m) => m[1]);
    for (const s of VAT_SPECIFICATIONS) expect(names).toContain(s);
  });

  it('are allowed on exactly the codes mvaKodeSAFT.xml flags for them', () => {
    const flags = codeFlags();
    for (const s of VAT_SPECIFICATIONS) {
      const flagged = [...flags].filter(([, f]) => f.has(FLAG[s])).map(([code]) => code);
      expect([...codesForSpecification(s)].sort(), s).toEqual(flagged.sort());
    }
  });

  it('are listed per code and recognised by name', () => {
    expect(specificationsForCode('1')).toEqual([
      'tapPåKrav',
      'justering',
      'tilbakeføringAvInngåendeMerverdiavgift',
    ]);
    expect(specificationsForCode('3')).toEqual(['uttak']);
    expect(specificationsForCode('52')).toEqual([]);
    expect(isVatSpecification('uttak')).toBe(true);
    expect(isVatSpecification('kompensasjonsrett')).toBe(false);
  });
});
