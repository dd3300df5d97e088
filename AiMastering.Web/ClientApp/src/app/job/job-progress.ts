import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import { CatalogService } from '../core/catalog.service';
import { CatalogStage, JobProgress } from '../core/models';
import { etaWords } from '../core/stages';
import { text } from '../core/texts';

/**
 * A running job's stages (done ones ticked, the current one highlighted), a bar over the whole job and the time left.
 * The stages and their order come from GET /api/catalog, their words from texts.ts by the catalog's label keys. The bar
 * moves through the list: each stage is an equal step, filled by the stage's own fraction. Without the catalog the bar
 * and the time left still show, the list does not.
 */
@Component({
  selector: 'app-job-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-progress.html',
  styleUrl: './job-progress.scss',
})
export class JobProgressView {
  readonly progress = input<JobProgress | null | undefined>(null);
  readonly hasReference = input(false);

  private readonly catalogStages = toSignal(
    inject(CatalogService)
      .load()
      .pipe(
        map((c) => c.stages),
        catchError(() => of([] as CatalogStage[])),
      ),
    { initialValue: [] as CatalogStage[] },
  );

  protected readonly stages = computed(() =>
    this.catalogStages()
      .filter((s) => this.hasReference() || !s.referenceOnly)
      .map((s) => ({ code: s.id, label: text(s.labelKey) })),
  );
  protected readonly current = computed(() => this.stages().findIndex((s) => s.code === this.progress()?.stage));
  /** 0..100 over the whole job; 0 before the first stage. */
  protected readonly percent = computed(() => {
    const index = this.current();
    if (index < 0) return 0;
    const fraction = Math.min(1, Math.max(0, this.progress()?.fraction ?? 0));
    return Math.round((100 * (index + fraction)) / this.stages().length);
  });
  protected readonly eta = computed(() => etaWords(this.progress()?.etaSeconds));
}
