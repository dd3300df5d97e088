import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { Observable, Subscription, catchError, exhaustMap, forkJoin, of, takeWhile, tap, timer } from 'rxjs';
import { ApiService } from '../core/api.service';
import { fmtDate } from '../core/format';
import { Analysis, Decision, Job, Report } from '../core/models';
import { text } from '../core/texts';
import { describeErrorCode, problemMessage, toProblem } from '../core/problem';
import { toWaveform } from '../core/series';
import { isTerminal, statusLine } from '../core/status';
import { ReportView } from '../report/report-view';
import { AbPlayer } from './ab-player';
import { JobProgressView } from './job-progress';

export const POLL_INTERVAL_MS = 1000;
/** Signed URLs expire; re-read the job this often once it is done so the links stay fresh. */
export const URL_REFRESH_MS = 4 * 60 * 1000;

interface Documents {
  report: Report | null;
  analysis: Analysis | null;
  decision: Decision | null;
  masterAnalysis: Analysis | null;
}

@Component({
  selector: 'app-job-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AbPlayer, ReportView, JobProgressView],
  templateUrl: './job-page.html',
  styleUrl: './job-page.scss',
})
export class JobPage {
  /** Route parameter :id (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(ApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly router = inject(Router);

  readonly confirmingDelete = signal(false);
  readonly deleting = signal(false);
  readonly deleteError = signal<string | null>(null);

  readonly job = signal<Job | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly notFound = signal(false);
  readonly docs = signal<Documents | null>(null);
  /** Media URLs are set once and only replaced when playback fails, so the player keeps its place. */
  readonly media = signal<{ preview?: string; source?: string } | null>(null);

  private polling?: Subscription;
  private refreshing?: Subscription;

  protected readonly fmtDate = fmtDate;
  protected readonly statusText = computed(() => {
    const j = this.job();
    return j ? statusLine(j) : 'Loading…';
  });
  protected readonly failure = computed(() => {
    const j = this.job();
    if (j?.status !== 'failed') return null;
    return j.error?.message || describeErrorCode(j.error?.code) || 'The job failed.';
  });
  /** Overviews of the mix and of the master (from the master's own analysis.json). */
  protected readonly waveform = computed(() => toWaveform(this.docs()?.analysis?.series?.waveform));
  protected readonly masterWaveform = computed(() => toWaveform(this.docs()?.masterAnalysis?.series?.waveform));
  protected readonly active = computed(() => {
    const s = this.job()?.status;
    return s === 'queued' || s === 'processing';
  });

  /** An earlier attempt failed and the job was queued again. */
  protected readonly retryNote = computed(() => {
    const j = this.job();
    if (!j || !this.active() || !j.error) return null;
    return j.error.message || describeErrorCode(j.error.code) || null;
  });

  constructor() {
    const title = inject(Title);
    // (Re)start whenever the route points at another job; the router may reuse this component.
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.refreshing?.unsubscribe();
        this.job.set(null);
        this.docs.set(null);
        this.media.set(null);
        this.notFound.set(false);
        this.loadError.set(null);
        if (id) this.startPolling();
      });
    });
    effect(() => {
      const j = this.job();
      title.setTitle(j ? `${this.statusText()} · ${j.fileName || 'Job'} — AI Mastering` : 'AI Mastering');
    });
    this.destroyRef.onDestroy(() => {
      this.polling?.unsubscribe();
      this.refreshing?.unsubscribe();
    });
  }

  /** True while the page still asks the server for news. */
  get isPolling(): boolean {
    return !!this.polling && !this.polling.closed;
  }

  private startPolling(): void {
    this.polling?.unsubscribe();
    this.polling = timer(0, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => this.fetchJob()),
        takeWhile((job) => !this.notFound() && !(job && isTerminal(job.status)), true),
      )
      .subscribe((job) => {
        if (!job) return;
        this.onJob(job);
      });
  }

  private fetchJob(): Observable<Job | null> {
    return this.api.getJob(this.id()).pipe(
      tap(() => this.loadError.set(null)),
      catchError((err: unknown) => {
        if (err instanceof HttpErrorResponse && err.status === 404) {
          this.notFound.set(true);
          this.loadError.set(problemMessage(toProblem(err), 'This job does not exist.'));
        } else {
          // A blip (network, 502 during a deploy): say so and keep trying.
          this.loadError.set(`${problemMessage(toProblem(err))} Retrying…`);
        }
        return of(null);
      }),
    );
  }

  private onJob(job: Job): void {
    const wasDone = this.job()?.status === 'done';
    this.job.set(job);
    if (job.status === 'done' && !wasDone) {
      this.media.set({ preview: job.artifacts?.preview, source: job.artifacts?.source });
      this.loadDocuments(job);
      this.keepUrlsFresh();
    }
  }

  private loadDocuments(job: Job): void {
    const a = job.artifacts ?? {};
    const get = <T>(url: string | undefined): Observable<T | null> =>
      url ? this.api.getDocument<T>(url).pipe(catchError(() => of(null))) : of(null);
    forkJoin({
      report: get<Report>(a.report),
      analysis: get<Analysis>(a.analysis),
      decision: get<Decision>(a.decision),
      masterAnalysis: get<Analysis>(a.masterAnalysis),
    }).subscribe((docs) => this.docs.set(docs));
  }

  private keepUrlsFresh(): void {
    this.refreshing?.unsubscribe();
    this.refreshing = timer(URL_REFRESH_MS, URL_REFRESH_MS)
      .pipe(exhaustMap(() => this.fetchJob()))
      .subscribe((job) => job && this.job.set(job));
  }

  /** The player's URL expired: fetch the job again and hand it fresh links. */
  protected onMediaError(): void {
    this.fetchJob().subscribe((job) => {
      if (!job) return;
      this.job.set(job);
      const next = { preview: job.artifacts?.preview, source: job.artifacts?.source };
      const now = this.media();
      if (next.preview !== now?.preview || next.source !== now?.source) this.media.set(next);
    });
  }

  protected optionsSummary(job: Job): string {
    const o = job.options;
    if (!o) return '';
    const parts: string[] = [];
    // A stored job's options are complete: a preset's numbers are filled in too.
    if (o.target) parts.push(`${text(`target.${o.target}`).replace('…', '')} ${o.lufs ?? '?'} LUFS / ${o.truePeakDbtp ?? '?'} dBTP`);
    if (o.style) parts.push(text(`style.${o.style}`).toLowerCase());
    if (o.intensity) parts.push(`${text(`intensity.${o.intensity}`).toLowerCase()} intensity`);
    if (o.bitDepth) parts.push(`${o.bitDepth}-bit`);
    if (o.width) parts.push('widened');
    return parts.join(' · ');
  }

  /** Deletes the job and all its files, then goes back to the start page. */
  protected deleteJob(): void {
    this.deleting.set(true);
    this.deleteError.set(null);
    this.polling?.unsubscribe();
    this.refreshing?.unsubscribe();
    this.api.deleteJob(this.id()).subscribe({
      next: () => void this.router.navigateByUrl('/'),
      error: (e: unknown) => {
        this.deleting.set(false);
        this.deleteError.set(problemMessage(toProblem(e)));
      },
    });
  }
}
