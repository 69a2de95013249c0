import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInstallation } from './support/cli';
import { DIALECTS } from './support/stores';

describe.each(DIALECTS)('nordbok crm [%s]', (dialect) => {
  let env: Record<string, string>;
  let installation: Awaited<ReturnType<typeof cliInstallation>>;
  let company: string;

  beforeAll(async () => {
    installation = await cliInstallation(dialect, 'nordbok-crm-cli-');
    env = installation.env;
    const created = await cli(
      env,
      'company',
      'create',
      '--name',
      'Trakt AS',
      '--orgnr',
      '923609016',
      '--json',
    );
    company = String(JSON.parse(created.stdout).id);
  });

  afterAll(() => installation.remove());

  it('prints the sales forecast as CSV, a line per month', async () => {
    const result = await cli(
      env,
      'crm',
      'forecast',
      '--company',
      company,
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'month,count,amount,weighted',
      '2026-01,0,0.00,0.00',
      '2026-02,0,0.00,0.00',
      '2026-03,0,0.00,0.00',
    ]);
  });

  it('prints the lead funnel as JSON and refuses an unknown kind', async () => {
    const result = await cli(
      env,
      'crm',
      'funnel',
      '--company',
      company,
      '--kind',
      'leads',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).steps.map((s: { toName: string }) => s.toName)).toEqual([
      'Lunken',
      'Varm',
      'Klar for salg',
    ]);
    const wrong = await cli(
      env,
      'crm',
      'funnel',
      '--company',
      company,
      '--kind',
      'x',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--kind must be leads or opportunities');
  });
});
