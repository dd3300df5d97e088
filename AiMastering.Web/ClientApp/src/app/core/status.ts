import { Job, JobStatus } from './models';

const STATUS_WORDS: Record<JobStatus, string> = {
  queued: 'Pending',
  processing: 'Processing',
  done: 'Done',
  failed: 'Failed',
};

export function statusWord(status: JobStatus | string | undefined): string {
  return (status && STATUS_WORDS[status as JobStatus]) || 'Unknown';
}

export function isTerminal(status: JobStatus | string | undefined): boolean {
  return status === 'done' || status === 'failed';
}

/** "analyzing" → "Analyzing", "true_peak-limit" → "True peak limit". */
export function stageWords(stage: string | null | undefined): string {
  if (!stage) return '';
  const words = stage.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The status line a musician reads: "Pending", "Processing — Analyzing", "Done", "Failed". */
export function statusLine(job: Pick<Job, 'status' | 'progress'>): string {
  const word = statusWord(job.status);
  const stage = job.status === 'processing' ? stageWords(job.progress?.stage) : '';
  return stage ? `${word} — ${stage}` : word;
}
