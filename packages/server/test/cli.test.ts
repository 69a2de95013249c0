import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { openStore } from '../src/db/database';
import { postVoucher } from '../src/modules/accounting/voucher.service';
import { cli, cliInstallation } from './support/cli';
import { DIALECTS } from './support/stores';

describe.each(DIALECTS)('the nordbok command [%s]', (dialect) => {
  let env: Record<string, string>;
  let installation: Awaited<ReturnType<typeof cliInstallation>>;

  beforeAll(async () => {
    installation = await cliInstallation(dialect, 'nordbok-cli-');
    env = installation.env;
  });

  afterAll(() => installation.remove());

  it('creates and lists companies, with JSON on stdout and nothing else', async () => {
    const created = await cli(
      env,
      'company',
      'create',
      '--name',
      'Vestland Bygg AS',
      '--orgnr',
      '923609016',
      '--fiscal-year-start-month',
      '7',
      '--json',
    );
    expect(created.code).toBe(0);
    const company = JSON.parse(created.stdout);
    expect(company).toMatchObject({
      name: 'Vestland Bygg AS',
      orgNumber: '923609016',
      fiscalYearStartMonth: 7,
    });

    const listed = await cli(env, 'company', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toContainEqual({
      id: company.id,
      name: 'Vestland Bygg AS',
      orgNumber: '923609016',
    });
    const text = await cli(env, 'company', 'list');
    expect(text.stdout).toMatch(/923609016 {2}Vestland Bygg AS/);
  });

  it('creates a user and grants a role', async () => {
    const company = JSON.parse((await cli(env, 'company', 'list', '--json')).stdout)[0];
    const user = await cli(
      env,
      'user',
      'create',
      '--email',
      'siri@vestland.no',
      '--password',
      'passord-for-siri',
      '--json',
    );
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({
      email: 'siri@vestland.no',
      isInstallationAdmin: false,
    });

    const granted = await cli(
      env,
      'user',
      'grant',
      '--email',
      'siri@vestland.no',
      '--company',
      String(company.id),
      '--role',
      'guest',
      '--json',
    );
    expect(granted.code).toBe(0);
    expect(JSON.parse(granted.stdout)).toMatchObject({ role: 'guest' });
  });

  it.each([
    [
      ['company', 'create', '--name', 'Feil AS', '--orgnr', '923609017'],
      /^nordbok: --orgnr: Not a valid organisation number/,
    ],
    [['company', 'create', '--orgnr', '923609016'], /^nordbok: --name is required\.$/],
    [
      [
        'company',
        'create',
        '--name',
        'X',
        '--orgnr',
        '923609016',
        '--fiscal-year-start-month',
        '13',
      ],
      /--fiscal-year-start-month: .*12/,
    ],
    [
      ['user', 'grant', '--email', 'siri@vestland.no', '--company', '9999', '--role', 'user'],
      /^nordbok: Unknown company 9999\.$/,
    ],
    [
      ['user', 'grant', '--email', 'siri@vestland.no', '--company', '1', '--role', 'owner'],
      /--role must be administrator, user or guest/,
    ],
    [
      ['user', 'create', '--email', 'not-an-email', '--password', 'long-enough-pw'],
      /--email: Not a valid e-mail address/,
    ],
  ])('refuses %j with a one-line reason', async (argv, reason) => {
    const before = (await cli(env, 'company', 'list', '--json')).stdout;
    const result = await cli(env, ...argv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(reason);
    expect((await cli(env, 'company', 'list', '--json')).stdout).toBe(before);
  });

  it('prints the trial balance as CSV and JSON', async () => {
    const companies = JSON.parse((await cli(env, 'company', 'list', '--json')).stdout);
    const company = companies.find((c: { name: string }) => c.name === 'Vestland Bygg AS');
    const store = await openStore(loadConfig(env).database);
    const year = new Date().getUTCFullYear();
    const ctx = { companyId: company.id, userId: null };
    await postVoucher(store.db, ctx, {
      date: `${year}-08-15`,
      description: 'Kontantsalg, "stor" kunde',
      lines: [
        { account: '1920', amount: 1250050 },
        { account: '3000', amount: -1250050, vatCode: '3' },
      ],
    });
    await store.close();
    const args = [
      '--company',
      String(company.id),
      '--from',
      `${year}-07-01`,
      '--to',
      `${year + 1}-06-30`,
    ];
    const csv = await cli(env, 'report', 'trial-balance', ...args, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')).toEqual([
      'account,name,opening,debit,credit,closing',
      expect.stringMatching(/^1920,[^,]+,0\.00,12500\.50,0\.00,12500\.50$/),
      expect.stringMatching(/^2700,[^,]+,0\.00,0\.00,2500\.10,-2500\.10$/),
      '3000,"Salg, 25 % mva",0.00,0.00,10000.40,-10000.40',
      '',
    ]);
    const json = await cli(env, 'report', 'trial-balance', ...args, '--format', 'json');
    expect(JSON.parse(json.stdout)).toContainEqual(
      expect.objectContaining({ account: '1920', debit: 1250050, closing: 1250050 }),
    );
    const bad = await cli(
      env,
      'report',
      'trial-balance',
      ...args.slice(0, 4),
      '--to',
      '2026-13-01',
    );
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'nordbok: --to must be a date written YYYY-MM-DD.\n',
    });
  });

  it('verifies the audit chain', async () => {
    const company = JSON.parse((await cli(env, 'company', 'list', '--json')).stdout)[0];
    const result = await cli(env, 'audit', 'verify', '--company', String(company.id), '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, entries: 0 });
    const text = await cli(env, 'audit', 'verify', '--company', String(company.id));
    expect(text.stdout).toMatch(/^The audit log of .+ is intact: 0 entries\.\n$/);
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await cli(env, 'company', 'explode')).code).toBe(2);
    const option = await cli(env, 'company', 'list', '--colour');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--colour'/);
  });
});

it('runs as npx nordbok from the repository root', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-bin-'));
  const root = path.resolve(import.meta.dirname, '../../..');
  const run = promisify(execFile);
  const env: Record<string, string | undefined> = {
    ...process.env,
    NORDBOK_DATA_DIR: dir,
    NORDBOK_ADMIN_PASSWORD: 'first-admin-password',
  };
  delete env.DATABASE_URL;
  const { stdout } = await run('npx', ['nordbok', 'company', 'list', '--json'], { cwd: root, env });
  expect(JSON.parse(stdout)).toEqual([{ id: 1, name: 'Fjordkaffe AS', orgNumber: '921876548' }]);
  const failed = await run('npx', ['nordbok', 'company', 'create', '--name', 'X', '--orgnr', '1'], {
    cwd: root,
    env,
  }).catch((e) => e);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/^nordbok: --orgnr: /m);
  fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);
