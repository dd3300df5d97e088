import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Observable, Subscription, firstValueFrom } from 'rxjs';
import { ApiService } from '../core/api.service';
import { CatalogService } from '../core/catalog.service';
import { Catalog, UploadKind } from '../core/models';
import { OptionsForm, defaultOptions, presetFor, toRequestOptions, validateOptions } from '../core/options-form';
import { hint, text } from '../core/texts';
import { problemMessage, toProblem } from '../core/problem';
import { DropZone } from './drop-zone';
import { formatBytes, validateAudioFile } from './file-validation';
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
  /** The choices and limits of GET /api/catalog; the options appear once it has loaded. */
  readonly catalog = signal<Catalog | null>(null);
  readonly catalogFailed = signal(false);
  readonly options = signal<OptionsForm | null>(null);
  readonly error = signal<string | null>(null);
  readonly phase = signal<Phase>('idle');
  /** 0..1 over all bytes being uploaded. */
  readonly progress = signal(0);
  readonly progressText = signal('');

  protected readonly text = text;
  protected readonly hint = hint;
  protected readonly busy = computed(() => this.phase() !== 'idle');
  protected readonly selectedPreset = computed(() => {
    const catalog = this.catalog();
    const options = this.options();
    return catalog && options ? presetFor(catalog, options.target) : undefined;
  });
  protected readonly sizeLimit = computed(() => {
    const maxBytes = this.catalog()?.uploads.maxBytes;
    return maxBytes ? `, up to ${formatBytes(maxBytes)}` : '';
  });

  private current?: Subscription;

  constructor() {
    const destroy = inject(DestroyRef);
    destroy.onDestroy(() => this.current?.unsubscribe());
    const loading = inject(CatalogService)
      .load()
      .subscribe({
        next: (catalog) => {
          this.catalog.set(catalog);
          this.options.update((o) => o ?? defaultOptions(catalog));
        },
        error: () => this.catalogFailed.set(true),
      });
    destroy.onDestroy(() => loading.unsubscribe());
  }

  /** 16-bit masters are dithered. */
  protected bitDepthLabel(bits: number): string {
    return bits === 16 ? '16-bit (dithered)' : `${bits}-bit`;
  }

  protected presetLine(p: { lufs: number; truePeakDbtp: number }): string {
    return `${p.lufs} LUFS, ${p.truePeakDbtp} dBTP`;
  }

  protected setOption<K extends keyof OptionsForm>(key: K, value: OptionsForm[K]): void {
    this.options.update((o) => (o ? { ...o, [key]: value } : o));
  }

  /** Choosing a preset fills its numbers; custom starts from the numbers of the last preset. */
  protected onTarget(value: OptionsForm['target']): void {
    const catalog = this.catalog();
    const preset = catalog ? presetFor(catalog, value) : undefined;
    this.options.update((o) => (!o ? o : preset ? { ...o, target: value, lufs: preset.lufs, truePeakDbtp: preset.truePeakDbtp } : { ...o, target: value }));
  }

  onMix(file: File | null): void {
    this.error.set(null);
    if (!file) {
      this.mix.set(null);
      return;
    }
    const check = this.validateFile(file);
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
    const check = this.validateFile(file);
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
    const mixCheck = this.validateFile(mix);
    if (!mixCheck.ok) {
      this.error.set(mixCheck.message);
      return;
    }
    const reference = this.reference();
    const refCheck = reference ? this.validateFile(reference) : null;
    if (refCheck && !refCheck.ok) {
      this.error.set(`Reference track: ${refCheck.message}`);
      return;
    }
    const catalog = this.catalog();
    const options = this.options();
    if (!catalog || !options) {
      this.error.set('The mastering options have not loaded yet. Reload the page to try again.');
      return;
    }
    const optionProblems = validateOptions(options, catalog);
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
          options: toRequestOptions(options, !!referenceObjectKey, catalog),
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

  /** Type and size checks before any upload, with the API's size limit once the catalog has loaded. */
  private validateFile(file: File) {
    const maxBytes = this.catalog()?.uploads.maxBytes;
    return maxBytes ? validateAudioFile(file, maxBytes) : validateAudioFile(file);
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
