import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Observable, Subscription, firstValueFrom } from 'rxjs';
import { ApiService } from '../core/api.service';
import { UploadKind } from '../core/models';
import {
  DEFAULT_OPTIONS,
  INTENSITIES,
  LUFS_RANGE,
  OptionsForm,
  STYLES,
  TARGET_PRESETS,
  TRUE_PEAK_RANGE,
  presetFor,
  toRequestOptions,
  validateOptions,
} from '../core/presets';
import { problemMessage, toProblem } from '../core/problem';
import { DropZone } from './drop-zone';
import { validateAudioFile } from './file-validation';
import { RecentJobs } from './recent-jobs';
import { UploadError, UploadEvent, UploadService } from './upload.service';

type Phase = 'idle' | 'uploading' | 'starting';

@Component({
  selector: 'app-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DropZone, RecentJobs],
  templateUrl: './home-page.html',
  host: {
    // A file dropped beside the zones must not make the browser open it and leave the page.
    '(document:dragover)': 'onStrayDrag($event)',
    '(document:drop)': 'onStrayDrag($event)',
    '(window:beforeunload)': 'onLeave($event)',
  },
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly api = inject(ApiService);
  private readonly uploads = inject(UploadService);
  private readonly router = inject(Router);

  readonly mix = signal<File | null>(null);
  readonly reference = signal<File | null>(null);
  readonly options = signal<OptionsForm>({ ...DEFAULT_OPTIONS });
  readonly error = signal<string | null>(null);
  readonly phase = signal<Phase>('idle');
  /** 0..1 over all bytes being uploaded. */
  readonly progress = signal(0);
  readonly progressText = signal('');

  protected readonly presets = TARGET_PRESETS;
  protected readonly styles = STYLES;
  protected readonly intensities = INTENSITIES;
  protected readonly lufsRange = LUFS_RANGE;
  protected readonly tpRange = TRUE_PEAK_RANGE;
  protected readonly busy = computed(() => this.phase() !== 'idle');
  protected readonly selectedPreset = computed(() => presetFor(this.options().target));

  private current?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.current?.unsubscribe());
  }

  protected presetLine(p: { lufs: number; truePeakDbtp: number }): string {
    return `${p.lufs} LUFS, ${p.truePeakDbtp} dBTP`;
  }

  protected setOption<K extends keyof OptionsForm>(key: K, value: OptionsForm[K]): void {
    this.options.update((o) => ({ ...o, [key]: value }));
  }

  /** Choosing a preset fills its numbers; custom starts from the numbers of the last preset. */
  protected onTarget(value: OptionsForm['target']): void {
    const preset = presetFor(value);
    this.options.update((o) => (preset ? { ...o, target: value, lufs: preset.lufs, truePeakDbtp: preset.truePeakDbtp } : { ...o, target: value }));
  }

  onMix(file: File | null): void {
    this.error.set(null);
    if (!file) {
      this.mix.set(null);
      return;
    }
    const check = validateAudioFile(file);
    if (!check.ok) {
      this.mix.set(null);
      this.error.set(check.message);
      return;
    }
    this.mix.set(file);
  }

  onReference(file: File | null): void {
    this.error.set(null);
    if (!file) {
      this.reference.set(null);
      return;
    }
    const check = validateAudioFile(file);
    if (!check.ok) {
      this.reference.set(null);
      this.error.set(`Reference track: ${check.message}`);
      return;
    }
    this.reference.set(file);
  }

  cancel(): void {
    this.current?.unsubscribe();
    this.current = undefined;
    this.phase.set('idle');
    this.progress.set(0);
    this.error.set('Upload cancelled.');
  }

  async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const mix = this.mix();
    if (!mix) {
      this.error.set('Choose a mix to master first (WAV, AIFF or FLAC).');
      return;
    }
    const mixCheck = validateAudioFile(mix);
    if (!mixCheck.ok) {
      this.error.set(mixCheck.message);
      return;
    }
    const reference = this.reference();
    const refCheck = reference ? validateAudioFile(reference) : null;
    if (refCheck && !refCheck.ok) {
      this.error.set(`Reference track: ${refCheck.message}`);
      return;
    }
    const optionProblems = validateOptions(this.options());
    if (optionProblems.length) {
      this.error.set(optionProblems.join(' '));
      return;
    }

    const totalBytes = mix.size + (reference?.size ?? 0);
    this.phase.set('uploading');
    this.progress.set(0);
    try {
      this.progressText.set(reference ? 'Uploading your mix…' : 'Uploading…');
      const objectKey = await this.send(mix, mixCheck.contentType, 'source', 0, totalBytes);
      let referenceObjectKey: string | undefined;
      if (reference && refCheck?.ok) {
        this.progressText.set('Uploading the reference…');
        referenceObjectKey = await this.send(reference, refCheck.contentType, 'reference', mix.size, totalBytes);
      }
      this.phase.set('starting');
      this.progressText.set('Starting the job…');
      const created = await firstValueFrom(
        this.api.createJob({
          objectKey,
          fileName: mix.name,
          referenceObjectKey,
          referenceFileName: referenceObjectKey ? reference?.name : undefined,
          options: toRequestOptions(this.options(), !!referenceObjectKey),
        }),
      );
      this.phase.set('idle');
      await this.router.navigate(['/jobs', created.jobId]);
    } catch (e) {
      this.phase.set('idle');
      this.error.set(e instanceof UploadError ? e.message : problemMessage(toProblem(e)));
    } finally {
      this.current = undefined;
    }
  }

  /** presign → upload, reporting progress over all bytes; resolves with the object key. */
  private async send(file: File, contentType: string, kind: UploadKind, offset: number, totalBytes: number): Promise<string> {
    const grant = await firstValueFrom(this.api.presign({ fileName: file.name, contentType, size: file.size, kind }));
    await this.run(this.uploads.upload(grant, file), (e) => {
      if (e.type === 'progress') this.progress.set(totalBytes > 0 ? Math.min(1, (offset + e.fraction * file.size) / totalBytes) : 1);
    });
    return grant.objectKey;
  }

  private run(source: Observable<UploadEvent>, onEvent: (e: UploadEvent) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.current = source.subscribe({ next: onEvent, error: reject, complete: resolve });
      // Cancelling unsubscribes; settle the promise so submit() finishes.
      this.current.add(() => reject(new UploadError('Upload cancelled.', 0)));
    });
  }

  protected onStrayDrag(event: DragEvent): void {
    if (event.dataTransfer?.types?.includes('Files')) event.preventDefault();
  }

  /** Warn before closing the tab in the middle of an upload. */
  protected onLeave(event: BeforeUnloadEvent): void {
    if (this.busy()) event.preventDefault();
  }

  protected percent(): number {
    return Math.round(this.progress() * 100);
  }
}
