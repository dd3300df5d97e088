import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Subscription, catchError, exhaustMap, map, of, takeWhile, timer } from 'rxjs';
import { ApiService } from '../core/api.service';
import { fmtDate } from '../core/format';
import { Job } from '../core/models';
import { problemMessage, toProblem } from '../core/problem';
import { isTerminal, statusLine } from '../core/status';

export const RECENT_REFRESH_MS = 5000;

/** "Your recent jobs": refreshed while any of them is still running. */
@Component({
  selector: 'app-recent-jobs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="card" aria-labelledby="recent-h" data-testid="recent-jobs">
      <h2 id="recent-h">Your recent jobs</h2>
      @if (error(); as e) {
        <p class="alert" role="alert">{{ e }}</p>
      }
      @if (jobs(); as list) {
        @if (list.length) {
          <ul class="jobs">
            @for (j of list; track j.jobId) {
              <li>
                <a [routerLink]="['/jobs', j.jobId]">{{ j.fileName || j.jobId }}</a>
                <span class="status" [attr.data-status]="j.status">{{ line(j) }}</span>
                <span class="muted when">{{ fmtDate(j.createdAt) }}</span>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">No jobs yet. Your masters will be listed here.</p>
        }
      } @else if (!error()) {
        <p class="muted">Loading…</p>
      }
    </section>
  `,
  styles: `
    .jobs { list-style: none; margin: 0; padding: 0; display: grid; }
    .jobs li { display: grid; grid-template-columns: 1fr auto; gap: .15rem 1rem; padding: .6rem 0; border-bottom: 1px solid var(--line); align-items: baseline; }
    .jobs li:last-child { border-bottom: 0; }
    .jobs a { font-weight: 600; overflow-wrap: anywhere; }
    .status { font-size: .85rem; font-weight: 600; text-align: right; }
    .status[data-status='done'] { color: var(--ok); }
    .status[data-status='failed'] { color: var(--err); }
    .when { grid-column: 1 / -1; font-size: .8rem; }
  `,
})
export class RecentJobs implements OnInit {
  private readonly api = inject(ApiService);
  private readonly destroyRef = inject(DestroyRef);
  readonly jobs = signal<Job[] | null>(null);
  readonly error = signal<string | null>(null);
  protected readonly fmtDate = fmtDate;
  protected readonly line = statusLine;
  private sub?: Subscription;

  ngOnInit(): void {
    this.sub = timer(0, RECENT_REFRESH_MS)
      .pipe(
        exhaustMap(() =>
          this.api.listJobs().pipe(
            map((jobs) => ({ jobs, error: null as string | null })),
            catchError((e: unknown) => of({ jobs: null, error: `Could not load your jobs: ${problemMessage(toProblem(e))}` })),
          ),
        ),
        takeWhile((r) => r.jobs === null || r.jobs.some((j) => !isTerminal(j.status)), true),
      )
      .subscribe((r) => {
        this.error.set(r.error);
        if (r.jobs) this.jobs.set(r.jobs);
      });
    this.destroyRef.onDestroy(() => this.sub?.unsubscribe());
  }
}
