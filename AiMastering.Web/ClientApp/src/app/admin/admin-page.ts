import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Subject, catchError, of, startWith, switchMap, timer } from 'rxjs';
import { ApiService } from '../core/api.service';
import { fmtDate } from '../core/format';
import { Job, JobStatus } from '../core/models';
import { describeErrorCode, problemMessage, toProblem } from '../core/problem';
import { stageWords, statusLine, statusWord } from '../core/status';
import { words } from '../core/words';
import { readAdminToken, storeAdminToken } from './admin-token';

export const ADMIN_REFRESH_MS = 5000;
export const ADMIN_LIMIT = 200;

type Filter = JobStatus | 'all';
const FILTERS: Filter[] = ['all', 'queued', 'processing', 'done', 'failed'];
const STATUSES: JobStatus[] = ['queued', 'processing', 'done', 'failed'];

/** /admin: every user's jobs for operators, refreshed every 5 s, with Retry for failed ones. */
@Component({
  selector: 'app-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './admin-page.html',
  styleUrl: './admin-page.scss',
})
export class AdminPage {
  private readonly api = inject(ApiService);

  readonly filter = signal<Filter>('all');
  readonly jobs = signal<Job[] | null>(null);
  /** Jobs per status, from the latest unfiltered list (and the filtered one for its own status). */
  readonly counts = signal<Partial<Record<JobStatus, number>>>({});
  readonly error = signal<string | null>(null);
  readonly needsToken = signal(false);
  readonly tokenRejected = signal(false);
  readonly notices = signal<Record<string, { text: string; ok: boolean }>>({});
  readonly retrying = signal<ReadonlySet<string>>(new Set());
  readonly updatedAt = signal<Date | null>(null);

  private token = readAdminToken();
  private readonly refresh$ = new Subject<void>();

  protected readonly filters = FILTERS;
  protected readonly fmtDate = fmtDate;
  protected readonly statusLine = statusLine;
  protected readonly stageWords = stageWords;
  protected readonly words = words;
  protected readonly total = computed(() => STATUSES.reduce((sum, s) => sum + (this.counts()[s] ?? 0), 0));

  constructor() {
    const sub = this.refresh$
      .pipe(
        startWith(undefined),
        switchMap(() => timer(0, ADMIN_REFRESH_MS)),
        switchMap(() => {
          if (this.needsToken()) return of(null);
          const filter = this.filter();
          return this.api.adminJobs(filter === 'all' ? null : filter, ADMIN_LIMIT, this.token).pipe(
            catchError((err: unknown) => {
              this.onError(err);
              return of(null);
            }),
          );
        }),
      )
      .subscribe((jobs) => jobs && this.onJobs(jobs));
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  protected filterLabel(f: Filter): string {
    return f === 'all' ? 'All' : statusWord(f);
  }

  protected countOf(f: Filter): string {
    const n = f === 'all' ? this.total() : this.counts()[f];
    if (n === undefined) return '';
    return f !== 'all' && n >= ADMIN_LIMIT ? `${ADMIN_LIMIT}+` : `${n}`;
  }

  protected setFilter(f: Filter): void {
    if (f === this.filter()) return;
    this.filter.set(f);
    this.jobs.set(null);
    this.refresh$.next();
  }

  protected submitToken(value: string): void {
    this.token = value.trim() || null;
    storeAdminToken(this.token);
    this.needsToken.set(false);
    this.refresh$.next();
  }

  protected attempts(job: Job): string {
    const a = job.attempts ?? 0;
    return typeof job.maxAttempts === 'number' ? `${a}/${job.maxAttempts}` : `${a}`;
  }

  protected errorText(job: Job): string {
    const e = job.error;
    if (!e) return '';
    return e.message || describeErrorCode(e.code) || '';
  }

  protected artifacts(job: Job): { name: string; url: string }[] {
    return Object.entries(job.artifacts ?? {})
      .filter((e): e is [string, string] => typeof e[1] === 'string' && !!e[1])
      .map(([name, url]) => ({ name: words(name), url }));
  }

  protected retry(job: Job): void {
    this.retrying.update((s) => new Set(s).add(job.jobId));
    this.api.adminRetry(job.jobId, this.token).subscribe({
      next: () => {
        this.finishRetry(job.jobId, { text: 'Queued again.', ok: true });
        this.refresh$.next();
      },
      error: (err: unknown) => {
        if (err instanceof HttpErrorResponse && err.status === 401) this.onError(err);
        this.finishRetry(job.jobId, { text: problemMessage(toProblem(err), 'The job could not be retried.'), ok: false });
        this.refresh$.next();
      },
    });
  }

  private finishRetry(jobId: string, notice: { text: string; ok: boolean }): void {
    this.retrying.update((s) => {
      const next = new Set(s);
      next.delete(jobId);
      return next;
    });
    this.notices.update((n) => ({ ...n, [jobId]: notice }));
  }

  private onJobs(jobs: Job[]): void {
    this.error.set(null);
    this.tokenRejected.set(false);
    this.jobs.set(jobs);
    this.updatedAt.set(new Date());
    const filter = this.filter();
    if (filter === 'all') {
      const counts: Partial<Record<JobStatus, number>> = {};
      for (const s of STATUSES) counts[s] = jobs.filter((j) => j.status === s).length;
      this.counts.set(counts);
    } else {
      this.counts.update((c) => ({ ...c, [filter]: jobs.length }));
    }
    // A notice stays while its job is still failed; once it moves on, its status says the rest.
    const notices = this.notices();
    if (Object.keys(notices).length) {
      const failed = new Set(jobs.filter((j) => j.status === 'failed').map((j) => j.jobId));
      this.notices.set(Object.fromEntries(Object.entries(notices).filter(([id]) => failed.has(id))));
    }
  }

  private onError(err: unknown): void {
    if (err instanceof HttpErrorResponse && err.status === 401) {
      this.tokenRejected.set(!!this.token);
      this.needsToken.set(true);
      this.error.set(null);
      return;
    }
    this.error.set(`${problemMessage(toProblem(err))} Retrying every ${ADMIN_REFRESH_MS / 1000} s…`);
  }
}
