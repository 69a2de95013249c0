import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { companyPath } from '../accounting/api';
import { api, request } from '../api/client';
import { sessionKey } from '../api/queryClient';

/** What the server reports of a SAF-T import (see the import service for the meaning). */
export interface SaftImportReport {
  importId: number;
  companyId: number;
  companyName: string;
  createdCompany: boolean;
  file: {
    name: string;
    version: string;
    software: string;
    orgNumber: string;
    from: string;
    to: string;
  };
  importedBefore: boolean;
  counts: {
    accountsCreated: number;
    customersCreated: number;
    suppliersCreated: number;
    departmentsCreated: number;
    projectsCreated: number;
    seriesCreated: number;
    vouchersImported: number;
    vouchersAlreadyThere: number;
    lines: number;
  };
  series: { journal: string; series: string }[];
  contradictions: {
    kind: string;
    subject: string;
    stated: number;
    computed: number;
    difference: number;
    message: string;
  }[];
  unmapped: { kind: string; id: string; message: string; lines?: number }[];
  suspense: { account: string; amount: number } | null;
}

export interface ImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  progress: { phase: 'reading' | 'importing' | 'checking'; done: number; total: number } | null;
  report: SaftImportReport | null;
  problem: { status: number; code: string; detail: string } | null;
}

export interface EarlierImport {
  id: number;
  fileName: string;
  version: string;
  vouchers: number;
  importedAt: string;
  report: SaftImportReport;
}

const historyKey = (companyId: number) => ['companies', companyId, 'saft-imports'] as const;

export function useEarlierImports(companyId: number) {
  return useQuery({
    queryKey: historyKey(companyId),
    queryFn: ({ signal }) =>
      api.get<{ items: EarlierImport[] }>(companyPath(companyId, '/saft-imports'), signal),
  });
}

/**
 * Sends the file as it is (it may be large) into this company, or to a new company when
 * `intoNew`; the answer names the job to follow.
 */
export function useStartSaftImport(companyId: number) {
  return useMutation({
    mutationFn: ({ file, intoNew }: { file: File; intoNew: boolean }) => {
      const name = `?fileName=${encodeURIComponent(file.name)}`;
      const path = intoNew
        ? `/saft-imports${name}`
        : companyPath(companyId, `/saft-imports${name}`);
      return request<{ jobId: string }>('POST', path, {
        file: { content: file, contentType: 'application/xml' },
      });
    },
  });
}

/** Asks for the job twice a second until it ends; then the ledger's answers are stale. */
export function useImportJob(jobId: string | null, companyId: number) {
  const client = useQueryClient();
  const [job, setJob] = useState<ImportJob | null>(null);
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const next = await api.get<ImportJob>(`/saft-imports/${jobId}`).catch(() => null);
        if (stopped) return;
        if (next) setJob(next);
        if (next && next.state !== 'running') {
          void client.invalidateQueries({ queryKey: ['companies', companyId] });
          void client.invalidateQueries({ queryKey: sessionKey });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId, companyId, client]);
  return job;
}
