import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { fmt, fmtHz, fmtTime } from '../core/format';
import { Analysis, Decision, LoopIteration, LoudnessFigures, MixProblem, Report, SpectrumBand, TimeRange } from '../core/models';
import { drawable, toSpectrum, toTimeSeries } from '../core/series';
import { bandName, signedDb, settingsText, stepName, targetSourceName, words } from '../core/words';
import { ChartLine, ChartSeries, LineChart } from './line-chart';

interface FigureRow {
  label: string;
  unit: string;
  before: string;
  after: string;
  target: string;
  verdict: '' | 'on target' | 'off target';
}

/** Tonal-balance bars: ±BAND_RANGE_DB fills half the bar; beyond it the bar is clamped (and says so). */
export const BAND_RANGE_DB = 12;

interface BandBar {
  value: number;
  text: string;
  /** Percent of the whole bar, from the centre. */
  width: number;
  negative: boolean;
  clamped: boolean;
}

interface BandRow {
  name: string;
  range: string;
  mix: BandBar | null;
  master: BandBar | null;
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
      { label: 'Short-term punch (PSR)', unit: 'dB', before: fmt(before.psrDb), after: fmt(after.psrDb), target: '—', verdict: '' },
      { label: 'Stereo correlation', unit: '-1…+1', before: fmt(before.correlation, '', 2), after: fmt(after.correlation, '', 2), target: '—', verdict: '' },
    ];
    return rows.filter((row) => row.before !== '—' || row.after !== '—');
  });

  protected readonly explanation = computed(() => {
    const e = this.report()?.explanation;
    if (typeof e === 'string') return e.split(/\n\s*\n/).filter((p) => p.trim());
    return Array.isArray(e) ? e.filter((p) => typeof p === 'string' && p.trim()) : [];
  });

  protected readonly iterations = computed(() => list(this.report()?.iterations).filter((it) => it && typeof it === 'object'));

  /** "You asked for -9 LUFS; we aimed for -11 LUFS" when a rule stopped short of the request. */
  protected readonly targetNote = computed(() => {
    const t = this.decision()?.target;
    if (!t || typeof t.lufs !== 'number') return null;
    const source = t.source ? targetSourceName(t.source) : '';
    const aimed = `Aimed for ${fmt(t.lufs, 'LUFS')}${typeof t.truePeakDbtp === 'number' ? ` with peaks at most ${fmt(t.truePeakDbtp, 'dBTP')}` : ''}${source ? ` (${source})` : ''}.`;
    if (typeof t.requestedLufs === 'number' && Math.abs(t.requestedLufs - t.lufs) >= 0.05) {
      return `You asked for ${fmt(t.requestedLufs, 'LUFS')}; we stopped at ${fmt(t.lufs, 'LUFS')} to keep the master from being squashed. ${aimed}`;
    }
    return aimed;
  });

  protected readonly rules = computed(() =>
    list(this.decision()?.rules)
      .filter((r) => r && (r.reason || r.name))
      .map((r) => ({ title: words(r.name), reason: r.reason || words(r.name), step: r.processor ? stepName(r.processor) : '', inputs: settingsText(r.inputs) })),
  );
  protected readonly chain = computed(() =>
    list(this.decision()?.chain)
      .filter((c) => c && c.processor)
      .map((c) => ({ name: stepName(c.processor), settings: settingsText(c.settings) })),
  );
  /** Warnings of decision.json and report.json, each once. */
  protected readonly warnings = computed(() => [
    ...new Set([...list<unknown>(this.decision()?.warnings), ...list<unknown>(this.report()?.warnings)].filter((w): w is string => typeof w === 'string' && !!w.trim())),
  ]);
  protected readonly problems = computed(() => list(this.analysis()?.problems).filter((p) => p && (p.message || p.code)));

  protected readonly loudnessChart = computed(() => {
    const series: ChartSeries[] = [];
    const src = this.analysis();
    const master = this.masterAnalysis();
    const a = toTimeSeries(src?.series?.shortTerm, src?.durationSeconds);
    if (drawable(a)) series.push({ label: 'Your mix', points: a, tone: 'a' });
    const m = toTimeSeries(master?.series?.shortTerm, master?.durationSeconds ?? src?.durationSeconds);
    if (drawable(m)) series.push({ label: 'Master', points: m, tone: 'c' });
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

  /**
   * Tonal balance per band: deviation from a neutral (pink) balance, positive = more than neutral.
   * Older documents without deviationDb fall back to the level relative to the whole mix.
   */
  protected readonly bands = computed<BandRow[]>(() => {
    const mix = list(this.analysis()?.spectrum?.bands).filter((b) => b && typeof balanceOf(b) === 'number');
    const master = list(this.masterAnalysis()?.spectrum?.bands).filter((b) => b && typeof balanceOf(b) === 'number');
    const rows = (mix.length ? mix : master).map((b) => {
      const twin = (other: SpectrumBand[]) => other.find((o) => o.name === b.name && o.lowHz === b.lowHz);
      const m = mix.length ? b : undefined;
      const ms = mix.length ? twin(master) : b;
      return {
        name: bandName(b.name, b.lowHz, b.highHz),
        range: typeof b.lowHz === 'number' && typeof b.highHz === 'number' ? `${fmtHz(b.lowHz)}–${fmtHz(b.highHz)} Hz` : '',
        mix: m ? bar(balanceOf(m)!) : null,
        master: ms ? bar(balanceOf(ms)!) : null,
      };
    });
    return rows;
  });
  protected readonly hasMixBands = computed(() => this.bands().some((b) => b.mix));
  protected readonly hasMasterBands = computed(() => this.bands().some((b) => b.master));
  protected readonly bandRange = BAND_RANGE_DB;
  protected bandCells(b: BandRow): (BandBar | null)[] {
    return [...(this.hasMixBands() ? [b.mix] : []), ...(this.hasMasterBands() ? [b.master] : [])];
  }
  protected readonly words = words;
  protected readonly bandsNeutral = computed(() => list(this.analysis()?.spectrum?.bands).some((b) => typeof b?.deviationDb === 'number'));

  protected readonly facts = computed(() => {
    const a = this.analysis();
    if (!a) return [];
    const facts: { label: string; value: string }[] = [];
    const add = (label: string, value: string) => value !== '—' && facts.push({ label, value });
    if (typeof a.durationSeconds === 'number') add('Length', fmtTime(a.durationSeconds));
    if (a.sampleRate) add('Sample rate', `${+(a.sampleRate / 1000).toFixed(1)} kHz`);
    if (a.channels) add('Channels', a.channels === 1 ? 'Mono' : a.channels === 2 ? 'Stereo' : `${a.channels}`);
    add('Loudness', fmt(a.loudness?.integratedLufs, 'LUFS'));
    add('True peak', fmt(a.loudness?.truePeakDbtp, 'dBTP'));
    add('Loudest moment', fmt(a.loudness?.shortTermMaxLufs, 'LUFS'));
    add('Loudness range', fmt(a.loudness?.rangeLu, 'LU'));
    add('Crest factor', fmt(a.dynamics?.crestFactorDb, 'dB'));
    add('Dynamic range (DR)', fmt(a.dynamics?.dr, '', 0));
    add('Stereo correlation', fmt(a.stereo?.correlation, '', 2));
    if (a.channels === 2 || a.stereo?.sideToMidDb !== undefined) {
      add('Side vs. mid', a.stereo?.sideToMidDb === null ? 'No side (mono)' : fmt(a.stereo?.sideToMidDb, 'dB'));
    }
    const loss = a.stereo?.monoFoldDownLossDb;
    if (typeof loss === 'number') add('Played in mono', Math.abs(loss) < 0.05 ? 'No loss' : `${fmt(loss, 'dB')}`);
    const balance = a.stereo?.balanceDb;
    if (typeof balance === 'number') add('Left/right balance', Math.abs(balance) < 0.05 ? 'Centred' : `${fmt(Math.abs(balance), 'dB')} ${balance > 0 ? 'left' : 'right'}`);
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

  /** The engine's severities (info, warning, error) in a musician's words. */
  protected severityWord(severity: string | undefined): string {
    const s = (severity ?? '').toLowerCase();
    if (s === 'error' || s === 'high' || s === 'critical') return 'Serious';
    if (s === 'warning' || s === 'medium') return 'Worth a look';
    if (s === 'info' || s === 'low') return 'Note';
    return words(severity);
  }

  /** Where a problem happens: "at 0:03–0:05, 1:05"; time ranges or (older documents) plain seconds. */
  protected times(problem: MixProblem): string {
    const t = list<TimeRange | number>(problem.times)
      .map((x) => {
        if (typeof x === 'number') return Number.isFinite(x) ? fmtTime(x) : '';
        if (!x || typeof x !== 'object' || typeof x.startSeconds !== 'number') return '';
        const start = fmtTime(x.startSeconds);
        const end = typeof x.endSeconds === 'number' ? fmtTime(x.endSeconds) : start;
        return end === start ? start : `${start}–${end}`;
      })
      .filter((x) => x);
    if (!t.length) return Array.isArray(problem.times) && problem.times.length === 0 ? 'throughout the track' : '';
    const shown = t.slice(0, 6).join(', ');
    return t.length > 6 ? `at ${shown} and ${t.length - 6} more` : `at ${shown}`;
  }

  /** One pass of the loudness loop: "+5.86 dB into the limiter (ceiling -1.0 dBTP): -14.0 LUFS, -1.6 dBTP; limiter at most 0.0 dB". */
  protected iterationText(it: LoopIteration): string {
    let text = `${signedDb(it.gainDb)} into the limiter`;
    if (typeof it.ceilingDbtp === 'number') text += ` (ceiling ${fmt(it.ceilingDbtp, 'dBTP')})`;
    text += ` → ${fmt(it.integratedLufs, 'LUFS')}, ${fmt(it.truePeakDbtp, 'dBTP')}`;
    if (typeof it.limiterMaxGainReductionDb === 'number') text += `; the limiter pulled peaks down by at most ${fmt(it.limiterMaxGainReductionDb, 'dB')}`;
    return text;
  }


  protected readonly formatSeconds = (x: number) => fmtTime(x);
  protected readonly formatHz = (x: number) => fmtHz(x);
  protected readonly formatIndex = (x: number) => `${Math.round(x)}`;
}

/** The array, or nothing when the document has something else there. */
function list<T>(value: T[] | null | undefined): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function balanceOf(b: SpectrumBand): number | undefined {
  const v = typeof b.deviationDb === 'number' ? b.deviationDb : b.relativeDb;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function bar(db: number): BandBar {
  const clamped = Math.abs(db) > BAND_RANGE_DB;
  return { value: db, text: signedDb(db), width: (Math.min(Math.abs(db), BAND_RANGE_DB) / BAND_RANGE_DB) * 50, negative: db < 0, clamped };
}

function verdict(actual: number | null | undefined, target: number | null | undefined, ok: (a: number, t: number) => boolean): FigureRow['verdict'] {
  if (typeof actual !== 'number' || typeof target !== 'number' || !Number.isFinite(actual) || !Number.isFinite(target)) return '';
  return ok(actual, target) ? 'on target' : 'off target';
}
