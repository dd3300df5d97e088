import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, input, output, signal, viewChild } from '@angular/core';
import { fmt } from '../core/format';
import { Point } from '../core/series';

export type Side = 'master' | 'original';

/**
 * A/B comparison: the master preview and the original share one play position. Switching sides
 * keeps the time and the play state, so the musician hears the same bar both ways.
 */
@Component({
  selector: 'app-ab-player',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (sourceUrl()) {
      <div class="switch" role="group" aria-label="Listen to">
        <button type="button" [attr.aria-pressed]="active() === 'master'" (click)="switchTo('master')" data-testid="ab-master">Master</button>
        <button type="button" [attr.aria-pressed]="active() === 'original'" (click)="switchTo('original')" data-testid="ab-original">Original</button>
      </div>
    }
    @if (shownWaveform().length > 1) {
      <svg
        class="wave"
        viewBox="0 0 1000 100"
        preserveAspectRatio="none"
        role="slider"
        tabindex="0"
        [attr.aria-label]="'Play position (waveform of the ' + waveLabel() + ')'"
        [attr.data-wave]="waveLabel()"
        aria-valuemin="0"
        [attr.aria-valuemax]="duration()"
        [attr.aria-valuenow]="position()"
        data-testid="waveform"
        (click)="seekFromClick($event)"
        (keydown)="seekFromKey($event)"
      >
        <path class="wave-shape" [attr.d]="wavePath()" />
        <rect class="wave-played" x="0" y="0" height="100" [attr.width]="playedWidth()" />
        <line class="playhead" [attr.x1]="playedWidth()" [attr.x2]="playedWidth()" y1="0" y2="100" />
      </svg>
    }
    <audio
      #masterEl
      data-testid="preview-player"
      controls
      preload="metadata"
      [src]="masterUrl()"
      [hidden]="active() !== 'master'"
      aria-label="Master preview"
      (loadedmetadata)="restore('master')"
      (timeupdate)="tick('master')"
      (seeked)="tick('master')"
      (error)="failed('master')"
    ></audio>
    @if (sourceUrl()) {
      <audio
        #originalEl
        data-testid="original-player"
        controls
        preload="metadata"
        [src]="sourceUrl()"
        [hidden]="active() !== 'original'"
        aria-label="Original mix"
        (loadedmetadata)="restore('original')"
        (timeupdate)="tick('original')"
        (seeked)="tick('original')"
        (error)="failed('original')"
      ></audio>
    }
    <p class="now" aria-live="polite">Now playing: <strong>{{ active() === 'master' ? 'Master' : 'Original' }}</strong></p>
    @if (sourceUrl() && gapDb() !== null) {
      <label class="match">
        <input type="checkbox" [checked]="matched()" (change)="matched.set($any($event.target).checked)" data-testid="loudness-match" />
        Loudness-matched (turn the louder one down by {{ fmt(absGap(), 'dB') }} so you compare tone, not level)
      </label>
    }
  `,
  styleUrl: './ab-player.scss',
})
export class AbPlayer {
  readonly masterUrl = input.required<string>();
  readonly sourceUrl = input<string | undefined>(undefined);
  /** Integrated loudness of both, for the loudness-matched comparison. */
  readonly masterLufs = input<number | undefined>(undefined);
  readonly sourceLufs = input<number | undefined>(undefined);
  /**
   * Overviews, [min, max] per column, of the mix and of the master; the one of the side being heard
   * is drawn (else the other), on the same scale, so the louder master looks bigger.
   */
  readonly waveform = input<Point[]>([]);
  readonly masterWaveform = input<Point[]>([]);
  /** Track length, for seeking before the audio's metadata has loaded. */
  readonly durationSeconds = input<number | undefined>(undefined);
  /** A URL stopped working (signed URLs expire): the page fetches fresh ones. */
  readonly mediaError = output<Side>();

  readonly active = signal<Side>('master');
  readonly matched = signal(false);
  protected readonly fmt = fmt;

  private readonly masterEl = viewChild.required<ElementRef<HTMLAudioElement>>('masterEl');
  private readonly originalEl = viewChild<ElementRef<HTMLAudioElement>>('originalEl');
  private readonly pendingSeek: Partial<Record<Side, number>> = {};

  /** master minus original, in LU. */
  protected readonly gapDb = computed(() => {
    const m = this.masterLufs();
    const s = this.sourceLufs();
    return typeof m === 'number' && typeof s === 'number' && Number.isFinite(m) && Number.isFinite(s) ? m - s : null;
  });
  protected readonly absGap = computed(() => Math.abs(this.gapDb() ?? 0));

  readonly position = signal(0);
  private readonly mediaDuration = signal<number | null>(null);
  protected readonly duration = computed(() => this.mediaDuration() ?? this.durationSeconds() ?? 0);
  protected readonly playedWidth = computed(() => {
    const d = this.duration();
    return d > 0 ? Math.min(1000, (this.position() / d) * 1000) : 0;
  });
  protected readonly shownWaveform = computed(() => {
    const mix = this.waveform();
    const master = this.masterWaveform();
    const preferMaster = this.active() === 'master' || !this.sourceUrl();
    return (preferMaster ? (master.length > 1 ? master : mix) : mix.length > 1 ? mix : master);
  });
  protected readonly waveLabel = computed(() => (this.shownWaveform() === this.masterWaveform() ? 'master' : 'mix'));
  protected readonly wavePath = computed(() => {
    const w = this.shownWaveform();
    const n = w.length;
    if (n < 2) return '';
    const x = (i: number) => ((i / (n - 1)) * 1000).toFixed(1);
    const top = w.map(([, hi], i) => `${i ? 'L' : 'M'}${x(i)},${(50 - hi * 48).toFixed(1)}`).join('');
    const back = [...w].reverse().map(([lo], j) => `L${x(n - 1 - j)},${(50 - lo * 48).toFixed(1)}`).join('');
    return `${top}${back}Z`;
  });

  constructor() {
    effect(() => {
      const gap = this.gapDb();
      const on = this.matched() && gap !== null;
      const master = this.masterEl().nativeElement;
      const original = this.originalEl()?.nativeElement;
      master.volume = on && gap! > 0 ? Math.min(1, 10 ** (-gap! / 20)) : 1;
      if (original) original.volume = on && gap! < 0 ? Math.min(1, 10 ** (gap! / 20)) : 1;
    });
  }

  element(side: Side): HTMLAudioElement | undefined {
    return side === 'master' ? this.masterEl().nativeElement : this.originalEl()?.nativeElement;
  }

  switchTo(side: Side): void {
    const current = this.active();
    if (side === current) return;
    const from = this.element(current);
    const to = this.element(side);
    if (!from || !to) return;
    const time = from.currentTime;
    const wasPlaying = !from.paused && !from.ended;
    from.pause();
    try {
      to.currentTime = time;
    } catch {
      this.pendingSeek[side] = time; // not loaded yet: seek once metadata arrives
    }
    this.active.set(side);
    if (wasPlaying) void to.play()?.catch(() => undefined);
  }

  protected tick(side: Side): void {
    if (side !== this.active()) return;
    const el = this.element(side);
    if (!el) return;
    this.position.set(el.currentTime || 0);
    if (Number.isFinite(el.duration) && el.duration > 0) this.mediaDuration.set(el.duration);
  }

  /** Moves the shared play position (both sides follow it). */
  seek(seconds: number): void {
    const d = this.duration();
    const t = Math.max(0, d > 0 ? Math.min(d, seconds) : seconds);
    for (const side of ['master', 'original'] as const) {
      const el = this.element(side);
      if (!el) continue;
      try {
        el.currentTime = t;
      } catch {
        this.pendingSeek[side] = t;
      }
    }
    this.position.set(t);
  }

  protected seekFromClick(event: MouseEvent): void {
    const box = (event.currentTarget as Element).getBoundingClientRect();
    if (box.width <= 0) return;
    this.seek(((event.clientX - box.left) / box.width) * this.duration());
  }

  protected seekFromKey(event: KeyboardEvent): void {
    const step = event.shiftKey ? 10 : 5;
    if (event.key === 'ArrowRight') this.seek(this.position() + step);
    else if (event.key === 'ArrowLeft') this.seek(this.position() - step);
    else if (event.key === 'Home') this.seek(0);
    else return;
    event.preventDefault();
  }

  protected failed(side: Side): void {
    const el = this.element(side);
    if (el) this.pendingSeek[side] = el.currentTime;
    this.mediaError.emit(side);
  }

  protected restore(side: Side): void {
    const time = this.pendingSeek[side];
    const el = this.element(side);
    if (time !== undefined && el) {
      el.currentTime = time;
      delete this.pendingSeek[side];
    }
  }
}
