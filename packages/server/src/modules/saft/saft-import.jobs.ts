import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, type FieldError, statusFor } from '../../errors';
import { type ImportProgress, importSaft, type SaftImportReport } from './saft-import.service';

/**
 * An import started over HTTP runs after the upload's response, so the screen can show its
 * progress by asking for the job. Jobs live in this process's memory for an hour after
 * they end: a running import belongs to the server instance that received the file.
 */
export interface ImportJob {
  id: string;
  userId: number;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress | null;
  report: SaftImportReport | null;
  problem: { status: number; code: string; detail: string; errors: FieldError[] } | null;
}

const KEEP_MS = 60 * 60 * 1000;
const jobs = new Map<string, ImportJob & { endedAt: number | null }>();

function forget() {
  const now = Date.now();
  for (const [id, job] of jobs) {
    if (job.endedAt !== null && now - job.endedAt > KEEP_MS) jobs.delete(id);
  }
}

/** Starts importing an uploaded file; the file is removed when the import ends. */
export function startImportJob(
  db: Kysely<Database>,
  input: { file: string; fileName: string; companyId?: number | undefined; userId: number },
  log: (error: unknown) => void,
): ImportJob {
  forget();
  const job = {
    id: randomUUID(),
    userId: input.userId,
    state: 'running' as ImportJob['state'],
    progress: null as ImportProgress | null,
    report: null as SaftImportReport | null,
    problem: null as ImportJob['problem'],
    endedAt: null as number | null,
  };
  jobs.set(job.id, job);
  importSaft(db, { ...input, onProgress: (p) => (job.progress = p) })
    .then((report) => {
      job.report = report;
      job.state = 'done';
    })
    .catch((error: unknown) => {
      job.state = 'failed';
      if (error instanceof AppError) {
        job.problem = {
          status: statusFor(error.code),
          code: error.code,
          detail: error.message,
          errors: error.fields,
        };
      } else {
        log(error);
        job.problem = {
          status: 500,
          code: 'internal',
          detail: 'The import failed on the server; nothing was imported.',
          errors: [],
        };
      }
    })
    .finally(() => {
      job.endedAt = Date.now();
      fs.promises.rm(input.file, { force: true }).catch(() => {});
    });
  return view(job);
}

export function findImportJob(id: string, userId: number): ImportJob {
  const job = jobs.get(id);
  if (!job || job.userId !== userId) throw new AppError('not-found', `No import ${id}.`);
  return view(job);
}

function view(job: ImportJob): ImportJob {
  const { id, userId, state, progress, report, problem } = job;
  return { id, userId, state, progress, report, problem };
}
