import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Point } from '../core/series';

export interface ChartSeries {
  label: string;
  points: Point[];
  /** CSS class giving the stroke colour: series-a, series-b, series-c. */
  tone: 'a' | 'b' | 'c';
}

export interface ChartLine {
  label: string;
  y: number;
}

const W = 640;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };

/** A small dependency-free SVG line chart (time or log-frequency on x). */
@Component({
  selector: 'app-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" role="img" [attr.aria-label]="title()" preserveAspectRatio="none">
        <title>{{ title() }}</title>
        @for (t of geometry().yTicks; track t.value) {
          <line class="grid" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="t.pos" [attr.y2]="t.pos" />
          <text class="tick" [attr.x]="pad.left - 6" [attr.y]="t.pos + 4" text-anchor="end">{{ t.label }}</text>
        }
        @for (t of geometry().xTicks; track t.value) {
          <text class="tick" [attr.x]="t.pos" [attr.y]="height - 10" text-anchor="middle">{{ t.label }}</text>
        }
        @for (l of geometry().lines; track l.label) {
          <line class="ref" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="l.pos" [attr.y2]="l.pos" />
          <text class="ref-label" [attr.x]="width - pad.right - 4" [attr.y]="l.pos - 4" text-anchor="end">{{ l.label }}</text>
        }
        @for (s of geometry().paths; track s.label) {
          <path [attr.class]="'series series-' + s.tone" [attr.d]="s.d" />
        }
      </svg>
      <figcaption>
        @for (s of series(); track s.label) {
          <span class="legend"><span [class]="'swatch series-' + s.tone"></span>{{ s.label }}</span>
        }
        @if (xLabel()) {
          <span class="axis-note">x: {{ xLabel() }}, y: {{ yLabel() }}</span>
        }
      </figcaption>
    </figure>
  `,
  styleUrl: './line-chart.scss',
})
export class LineChart {
  readonly title = input.required<string>();
  readonly series = input.required<ChartSeries[]>();
  readonly lines = input<ChartLine[]>([]);
  readonly logX = input(false);
  readonly xLabel = input('');
  readonly yLabel = input('');
  readonly formatX = input<(x: number) => string>((x) => `${Math.round(x)}`);
  /** x is seconds: ticks fall on whole seconds/minutes (0:30, 1:00…) instead of 100-second steps. */
  readonly timeX = input(false);
  /** Values below this are drawn at it (silence is -inf LUFS). */
  readonly yFloor = input<number | null>(null);

  protected readonly width = W;
  protected readonly height = H;
  protected readonly pad = PAD;

  protected readonly geometry = computed(() => {
    const log = this.logX();
    const floor = this.yFloor();
    const all = this.series()
      .flatMap((s) => s.points)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!log || x > 0));
    const xs = all.map(([x]) => (log ? Math.log10(x) : x));
    const ys = all.map(([, y]) => (floor !== null ? Math.max(floor, y) : y)).concat(this.lines().map((l) => l.y));
    let xMin = Math.min(...xs);
    let xMax = Math.max(...xs);
    let yMin = Math.min(...ys);
    let yMax = Math.max(...ys);
    if (!Number.isFinite(xMin)) [xMin, xMax] = [0, 1];
    if (!Number.isFinite(yMin)) [yMin, yMax] = [0, 1];
    if (xMax === xMin) xMax = xMin + 1;
    const yStep = niceStep((yMax - yMin) / 4 || 1);
    yMin = Math.floor(yMin / yStep) * yStep;
    yMax = Math.ceil(yMax / yStep) * yStep;
    if (yMax === yMin) yMax = yMin + yStep;

    const sx = (x: number) => PAD.left + (((log ? Math.log10(x) : x) - xMin) / (xMax - xMin)) * (W - PAD.left - PAD.right);
    const sy = (y: number) => PAD.top + (1 - (y - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);

    const paths = this.series().map((s) => ({
      label: s.label,
      tone: s.tone,
      d: pathOf(s.points, log, (x, y) => `${sx(x).toFixed(1)},${sy(floor !== null ? Math.max(floor, y) : y).toFixed(1)}`),
    }));

    const yTicks = [];
    for (let v = yMin; v <= yMax + 1e-9; v += yStep) yTicks.push({ value: v, pos: sy(v), label: `${+v.toFixed(1)}` });

    const fx = this.formatX();
    const xTicks = log ? logTicks(10 ** xMin, 10 ** xMax) : this.timeX() ? timeTicks(xMin, xMax) : linearTicks(xMin, xMax);
    return {
      paths,
      yTicks,
      xTicks: xTicks.map((v) => ({ value: v, pos: sx(v), label: fx(v) })),
      lines: this.lines().map((l) => ({ label: l.label, pos: sy(l.y) })),
    };
  });
}

/** An SVG path through the points; a point with a non-finite y (silence) breaks the line. */
function pathOf(points: Point[], log: boolean, at: (x: number, y: number) => string): string {
  let d = '';
  let pen = false;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || (log && x <= 0)) continue;
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${at(x, y)}`;
    pen = true;
  }
  return d;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function linearTicks(min: number, max: number): number[] {
  const step = niceStep((max - min) / 5);
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(v);
  return ticks;
}

const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

function timeTicks(min: number, max: number): number[] {
  const step = TIME_STEPS.find((s) => (max - min) / s <= 6) ?? 3600;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(v);
  return ticks;
}

function logTicks(min: number, max: number): number[] {
  return [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000].filter((v) => v >= min && v <= max);
}
