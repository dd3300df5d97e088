import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { fmt, fmtHz, fmtTime } from '../core/format';
import { Analysis, Decision, LoudnessFigures, Report } from '../core/models';
import { toSpectrum, toTimeSeries } from '../core/series';
import { ChartLine, ChartSeries, LineChart } from './line-chart';

interface FigureRow {
  label: string;
  unit: string;
  before: string;
  after: string;
  target: string;
  verdict: '' | 'on target' | 'off target';
}

/** Everything a finished job tells the musician. Missing documents or fields hide their part. */
@Component({
  selector: 'app-report-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChart],
  templateUrl: './report-view.html',
  styleUrl: './report-view.scss',
})
export class ReportView {
  readonly report = input<Report | null>(null);
  readonly analysis = input<Analysis | null>(null);
  readonly decision = input<Decision | null>(null);
  readonly masterAnalysis = input<Analysis | null>(null);

  protected readonly fmt = fmt;
  protected readonly fmtTime = fmtTime;
  protected readonly fmtHz = fmtHz;

  protected readonly figures = computed<FigureRow[]>(() => {
    const r = this.report();
    if (!r || (!r.before && !r.after)) return [];
    const before: LoudnessFigures = r.before ?? {};
    const after: LoudnessFigures = r.after ?? {};
    const target = r.target ?? {};
    const rows: FigureRow[] = [
      {
        label: 'Integrated loudness',
        unit: 'LUFS',
        before: fmt(before.integratedLufs),
        after: fmt(after.integratedLufs),
        target: fmt(target.lufs),
        verdict: verdict(after.integratedLufs, target.lufs, (a, t) => Math.abs(a - t) <= 1),
      },
      {
        label: 'True peak',
        unit: 'dBTP',
        before: fmt(before.truePeakDbtp),
        after: fmt(after.truePeakDbtp),
        target: target.truePeakDbtp !== undefined ? `≤ ${fmt(target.truePeakDbtp)}` : '—',
        verdict: verdict(after.truePeakDbtp, target.truePeakDbtp, (a, t) => a <= t + 0.1),
      },
      { label: 'Loudness range (LRA)', unit: 'LU', before: fmt(before.rangeLu), after: fmt(after.rangeLu), target: '—', verdict: '' },
      { label: 'Peak-to-loudness ratio (PLR)', unit: 'dB', before: fmt(before.plrDb), after: fmt(after.plrDb), target: '—', verdict: '' },
    ];
    return rows.filter((row) => row.before !== '—' || row.after !== '—');
  });

  protected readonly explanation = computed(() => {
    const e = this.report()?.explanation;
    if (typeof e === 'string') return e.split(/\n\s*\n/).filter((p) => p.trim());
    return Array.isArray(e) ? e.filter((p) => typeof p === 'string' && p.trim()) : [];
  });

  protected readonly iterations = computed(() => (Array.isArray(this.report()?.iterations) ? this.report()!.iterations! : []));

  protected readonly rules = computed(() => (this.decision()?.rules ?? []).filter((r) => r && (r.reason || r.name)));
  protected readonly chain = computed(() => (this.decision()?.chain ?? []).filter((c) => c && c.processor));
  protected readonly warnings = computed(() => (this.decision()?.warnings ?? []).filter((w) => typeof w === 'string' && w));
  protected readonly problems = computed(() => (this.analysis()?.problems ?? []).filter((p) => p && (p.message || p.code)));

  protected readonly loudnessChart = computed(() => {
    const series: ChartSeries[] = [];
    const src = this.analysis();
    const master = this.masterAnalysis();
    const a = toTimeSeries(src?.series?.shortTerm, src?.durationSeconds);
    if (a.length > 1) series.push({ label: 'Your mix', points: a, tone: 'a' });
    const m = toTimeSeries(master?.series?.shortTerm, master?.durationSeconds ?? src?.durationSeconds);
    if (m.length > 1) series.push({ label: 'Master', points: m, tone: 'c' });
    const lines: ChartLine[] = [];
    const target = this.report()?.target?.lufs;
    if (typeof target === 'number' && Number.isFinite(target)) lines.push({ label: `Target ${fmt(target, 'LUFS')}`, y: target });
    return series.length ? { series, lines } : null;
  });

  protected readonly spectrumChart = computed(() => {
    const s = this.report()?.spectra;
    if (!s) return null;
    const series: ChartSeries[] = [];
    const src = toSpectrum(s.source);
    const ref = toSpectrum(s.reference);
    const mst = toSpectrum(s.master);
    if (src.length > 1) series.push({ label: 'Your mix', points: src, tone: 'a' });
    if (ref.length > 1) series.push({ label: 'Reference', points: ref, tone: 'b' });
    if (mst.length > 1) series.push({ label: 'Master', points: mst, tone: 'c' });
    const hasHz = series.some((x) => x.points.some(([hz]) => hz >= 100));
    return series.length ? { series, logX: hasHz } : null;
  });

  protected readonly bands = computed(() => (this.analysis()?.spectrum?.bands ?? []).filter((b) => b && typeof b.relativeDb === 'number'));

  protected readonly facts = computed(() => {
    const a = this.analysis();
    if (!a) return [];
    const facts: { label: string; value: string }[] = [];
    if (a.durationSeconds !== undefined) facts.push({ label: 'Length', value: fmtTime(a.durationSeconds) });
    if (a.sampleRate) facts.push({ label: 'Sample rate', value: `${+(a.sampleRate / 1000).toFixed(1)} kHz` });
    if (a.channels) facts.push({ label: 'Channels', value: a.channels === 1 ? 'Mono' : a.channels === 2 ? 'Stereo' : `${a.channels}` });
    if (a.dynamics?.crestFactorDb !== undefined) facts.push({ label: 'Crest factor', value: fmt(a.dynamics.crestFactorDb, 'dB') });
    if (a.dynamics?.dr !== undefined) facts.push({ label: 'Dynamic range (DR)', value: fmt(a.dynamics.dr, '', 0) });
    if (a.stereo?.correlation !== undefined) facts.push({ label: 'Stereo correlation', value: fmt(a.stereo.correlation, '', 2) });
    if (a.stereo?.sideToMidDb !== undefined) facts.push({ label: 'Side to mid', value: fmt(a.stereo.sideToMidDb, 'dB') });
    return facts;
  });

  protected readonly hasAnything = computed(
    () =>
      this.figures().length > 0 ||
      this.explanation().length > 0 ||
      this.rules().length > 0 ||
      this.problems().length > 0 ||
      this.loudnessChart() !== null ||
      this.spectrumChart() !== null,
  );

  protected severityClass(severity: string | undefined): string {
    const s = (severity ?? '').toLowerCase();
    return s === 'high' || s === 'error' || s === 'critical' ? 'sev-high' : s === 'medium' || s === 'warning' ? 'sev-medium' : 'sev-low';
  }

  protected times(times: number[] | undefined): string {
    const t = (times ?? []).filter((x) => typeof x === 'number' && Number.isFinite(x));
    if (!t.length) return '';
    const shown = t.slice(0, 6).map(fmtTime).join(', ');
    return t.length > 6 ? `at ${shown} and ${t.length - 6} more` : `at ${shown}`;
  }

  protected inputsText(inputs: Record<string, unknown> | undefined): string {
    if (!inputs) return '';
    return Object.entries(inputs)
      .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `${k} = ${typeof v === 'number' ? +v.toFixed(2) : v}`)
      .join(', ');
  }

  protected settingsText(settings: Record<string, unknown> | undefined): string {
    return this.inputsText(settings);
  }

  /** Half the bar is ±20 dB. */
  protected barWidth(db: number): number {
    return Math.min(50, (Math.abs(db) / 20) * 50);
  }

  protected readonly formatSeconds = (x: number) => fmtTime(x);
  protected readonly formatHz = (x: number) => fmtHz(x);
  protected readonly formatIndex = (x: number) => `${Math.round(x)}`;
}

function verdict(actual: number | undefined, target: number | undefined, ok: (a: number, t: number) => boolean): FigureRow['verdict'] {
  if (typeof actual !== 'number' || typeof target !== 'number' || !Number.isFinite(actual) || !Number.isFinite(target)) return '';
  return ok(actual, target) ? 'on target' : 'off target';
}
