import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { JobProgress } from '../core/models';
import { etaWords, JOB_STAGES } from '../core/stages';

/**
 * A running job's stages (done ones ticked, the current one highlighted), a bar over the whole job and the time left.
 * The bar moves through the list: each stage is an equal step, filled by the stage's own fraction.
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

  protected readonly stages = computed(() =>
    JOB_STAGES.filter((s) => this.hasReference() || s.code !== 'matching_reference'),
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
