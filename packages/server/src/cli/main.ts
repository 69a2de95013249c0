import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { bootstrapInstallation } from '../bootstrap';
import { loadConfig } from '../config';
import { openStore, type Store } from '../db/database';
import { AppError } from '../errors';
import { type Command, commands, type Values } from './commands';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** Runs one CLI command; returns the exit code (0 ok, 1 refused, 2 wrong usage). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [group, action, ...rest] = argv;
  const command = commands.find((c) => c.group === group && c.action === action);
  if (!command) {
    io.stderr(
      group === undefined || group === 'help' ? usage() : `nordbok: unknown command\n${usage()}`,
    );
    return group === undefined || group === 'help' ? 0 : 2;
  }
  let values: Values;
  try {
    const parsed = parseArgs({
      args: rest,
      options: command.options,
      strict: true,
      allowPositionals: command.positional !== undefined,
    });
    values = parsed.values as Values;
    if (command.positional) {
      if (parsed.positionals.length > 1) throw new Error(`Give one ${command.positional}.`);
      values[command.positional] = parsed.positionals[0];
    }
  } catch (error) {
    io.stderr(`nordbok: ${(error as Error).message}\n`);
    return 2;
  }
  return run(command, values, io);
}

async function run(command: Command, values: Values, io: CliIo) {
  const json = values.json === true;
  let store: Store | undefined;
  try {
    const config = loadConfig(io.env);
    store = await openStore(config.database);
    const first = await bootstrapInstallation(store, config);
    if (first?.generatedPassword) {
      io.stderr(`Created the administrator ${first.email}, password: ${first.generatedPassword}\n`);
    }
    const result = await command.run(store, values, (line) => io.stderr(`nordbok: ${line}\n`));
    io.stdout(json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
    return 0;
  } catch (error) {
    io.stderr(`nordbok: ${reason(error, command)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

function reason(error: unknown, command: Command): string {
  const issue = error instanceof ZodError ? error.issues[0] : undefined;
  if (issue) {
    const field = issue.path.join('.');
    return `--${command.flags?.[field] ?? field}: ${issue.message}`;
  }
  const fieldError = error instanceof AppError ? error.fields[0] : undefined;
  if (fieldError)
    return `--${command.flags?.[fieldError.field] ?? fieldError.field}: ${fieldError.message}`;
  if (error instanceof AppError || error instanceof Error) return error.message;
  return String(error);
}

function usage(): string {
  const lines = commands.map((c) => `  nordbok ${c.group} ${c.action} ${c.synopsis}`);
  return [
    'Usage:',
    ...lines,
    '',
    'Every command takes --json. The database is the one the server uses:',
    'NORDBOK_DATA_DIR (SQLite, default ./data) or DATABASE_URL (PostgreSQL).',
    '',
  ].join('\n');
}
