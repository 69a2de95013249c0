import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInstallation } from './support/cli';
import { DIALECTS } from './support/stores';

describe.each(DIALECTS)('nordbok inventory [%s]', (dialect) => {
  let env: Record<string, string>;
  let installation: Awaited<ReturnType<typeof cliInstallation>>;
  let companyId: number;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-items-'));

  beforeAll(async () => {
    installation = await cliInstallation(dialect, 'nordbok-inv-cli-');
    env = installation.env;
    const created = await cli(
      env,
      'company',
      'create',
      '--name',
      'Vare AS',
      '--orgnr',
      '923609016',
      '--json',
    );
    companyId = JSON.parse(created.stdout).id;
  });

  afterAll(async () => {
    await installation.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports items from CSV, refusing a file with a bad row', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Varenummer;Navn;Enhet\n1;Kopp;stk\n2;Boks;boks\n');
    const refused = await cli(
      env,
      'inventory',
      'import-items',
      '--company',
      String(companyId),
      '--file',
      bad,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/line 3: Unknown unit "boks"/);

    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(
      good,
      'Varenummer;Navn;Enhet;Salgspris\n1;Kopp;stk;99,00\n2;Kaffe 1 kg;kg;399,00\n',
    );
    const dry = await cli(
      env,
      'inventory',
      'import-items',
      '--company',
      String(companyId),
      '--file',
      good,
      '--dry-run',
    );
    expect(dry.stdout).toMatch(/2 new and 0 changed items \(dry run/);
    const done = await cli(
      env,
      'inventory',
      'import-items',
      '--company',
      String(companyId),
      '--file',
      good,
      '--json',
    );
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ created: 2, updated: 0 });
  });

  it('prints the stock list at a date', async () => {
    const list = await cli(
      env,
      'inventory',
      'stock-list',
      '--company',
      String(companyId),
      '--json',
    );
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ rows: [], totals: { value: 0 } });
    const wrong = await cli(
      env,
      'inventory',
      'stock-list',
      '--company',
      String(companyId),
      '--date',
      '31.12.2026',
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/--date must be a date/);
  });
});
