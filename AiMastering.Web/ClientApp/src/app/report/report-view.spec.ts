import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Report } from '../core/models';
import { engineAnalysis, engineDecision, engineReport, sampleAnalysis, sampleDecision, sampleReport } from '../testing/samples';
import { ReportView } from './report-view';

describe('ReportView', () => {
  let fixture: ComponentFixture<ReportView>;

  function render(inputs: { report?: unknown; analysis?: unknown; decision?: unknown; masterAnalysis?: unknown }) {
    fixture = TestBed.createComponent(ReportView);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const rowTexts = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('[data-testid="figures"] tbody tr')).map((tr) =>
      Array.from(tr.children).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    );

  it('shows before, after and target for loudness, true peak, LRA and PLR', () => {
    const root = render({ report: sampleReport });
    expect(rowTexts(root)).toEqual([
      ['Integrated loudness (LUFS)', '-19.6', '-14.1 on target', '-14.0'],
      ['True peak (dBTP)', '-3.2', '-1.1 on target', '≤ -1.0'],
      ['Loudness range (LRA) (LU)', '8.4', '6.9', '—'],
      ['Peak-to-loudness ratio (PLR) (dB)', '16.4', '13.0', '—'],
    ]);
  });

  it('flags a master that missed its target', () => {
    const report: Report = { ...sampleReport, after: { ...sampleReport.after, integratedLufs: -16.5, truePeakDbtp: -0.2 } };
    const root = render({ report });
    const rows = rowTexts(root);
    expect(rows[0][2]).toBe('-16.5 off target');
    expect(rows[1][2]).toBe('-0.2 off target');
  });

  it('prints every explanation paragraph in order', () => {
    const root = render({ report: sampleReport });
    const paragraphs = Array.from(root.querySelectorAll('[data-testid="explanation"] p')).map((p) => p.textContent);
    expect(paragraphs).toEqual(sampleReport.explanation);
  });

  it('lists the reason of every rule, the warnings and the problems found, with their times', () => {
    const root = render({ report: sampleReport, analysis: sampleAnalysis, decision: sampleDecision });
    const reasons = Array.from(root.querySelectorAll('[data-testid="decisions"] .rule-reason')).map((e) => e.textContent);
    expect(reasons).toEqual(sampleDecision.rules!.map((r) => r.reason));
    expect(root.querySelector('[data-testid="warnings"]')?.textContent).toContain('clips at 1:05');
    const problems = root.querySelector('[data-testid="problems"]')!.textContent!;
    expect(problems).toContain('Build-up in the low mids (200–500 Hz).');
    expect(problems).toContain('at 0:03, 1:05');
  });

  it('draws the short-term loudness and the spectra as SVG lines with a target line', () => {
    const root = render({ report: sampleReport, analysis: sampleAnalysis });
    const loudness = root.querySelector('[data-testid="loudness-chart"]')!;
    expect(loudness.querySelectorAll('path.series')).toHaveLength(1);
    expect(loudness.querySelector('path.series')!.getAttribute('d')!.split('L')).toHaveLength(12);
    expect(loudness.textContent).toContain('Target -14.0 LUFS');
    const spectrum = root.querySelector('[data-testid="spectrum-chart"]')!;
    expect(spectrum.querySelectorAll('path.series')).toHaveLength(2);
    expect(spectrum.textContent).toContain('Your mix');
    expect(spectrum.textContent).toContain('Master');
    expect(spectrum.textContent).toContain('1k');
  });

  it('shows nothing for documents that are missing, and what exists of partial ones', () => {
    const empty = render({});
    expect(empty.querySelector('section')).toBeNull();

    const partial = render({ report: { explanation: 'Only words here.' } });
    expect(partial.querySelector('[data-testid="figures"]')).toBeNull();
    expect(partial.querySelector('[data-testid="loudness-chart"]')).toBeNull();
    expect(partial.querySelector('[data-testid="explanation"]')?.textContent?.trim()).toBe('Only words here.');
  });

  it('survives odd shapes without throwing', () => {
    const root = render({
      report: { before: { integratedLufs: null }, after: {}, spectra: { source: 'nope' }, explanation: [42, 'Fine.'] },
      analysis: { problems: [null, { code: 'clipping' }], series: { shortTerm: { intervalSeconds: 0.1, values: [-20, null, -18] } } },
      decision: { rules: [{}], chain: null },
    });
    expect(root.querySelector('[data-testid="explanation"]')?.textContent?.trim()).toBe('Fine.');
    expect(root.querySelector('[data-testid="problems"]')?.textContent).toContain('Clipping');
    expect(root.querySelector('[data-testid="loudness-chart"] path.series')).not.toBeNull();
  });

  describe('with the documents the engine writes', () => {
    const bandRows = (root: HTMLElement) =>
      Array.from(root.querySelectorAll('[data-testid="band-row"]')).map((tr) => ({
        name: tr.querySelector('.band-name')!.textContent!.trim(),
        values: Array.from(tr.querySelectorAll('.band-value')).map((v) => v.textContent!.trim()),
        fills: Array.from(tr.querySelectorAll<HTMLElement>('.fill')),
      }));

    it('names the five bands in words and shows how far each is from a neutral balance', () => {
      const root = render({ analysis: engineAnalysis() });
      const rows = bandRows(root);
      expect(rows.map((r) => r.name)).toEqual(['Sub', 'Bass', 'Low mids', 'High mids', 'Highs']);
      // A 440 Hz sine: everything sits in the low mids (+5.2 dB over neutral), nothing elsewhere.
      expect(rows.map((r) => r.values[0])).toEqual(['-99.4 dB', '-92.1 dB', '+5.2 dB', '-79.0 dB', '-73.0 dB']);
      expect(root.textContent).toContain('0 is a neutral balance');
    });

    it('draws tonal-balance bars from the centre: right for more, left for less, stopping at ±12 dB', () => {
      const analysis = engineAnalysis();
      analysis.spectrum!.bands![1].deviationDb = -3;
      const rows = bandRows(render({ analysis }));
      const lowMids = rows[2].fills[0];
      expect(lowMids.classList.contains('neg')).toBe(false);
      expect(parseFloat(lowMids.style.width)).toBeCloseTo((5.21 / 12) * 50, 1);
      const bass = rows[1].fills[0];
      expect(bass.classList.contains('neg')).toBe(true);
      expect(parseFloat(bass.style.width)).toBeCloseTo(12.5, 1);
      const sub = rows[0].fills[0];
      expect(sub.classList.contains('neg')).toBe(true);
      expect(sub.classList.contains('clamped')).toBe(true);
      expect(parseFloat(sub.style.width)).toBe(50);
    });

    it('compares the tonal balance of mix and master side by side', () => {
      const master = engineAnalysis();
      master.spectrum!.bands![2].deviationDb = 1.5;
      const root = render({ analysis: engineAnalysis(), masterAnalysis: master });
      const headers = Array.from(root.querySelectorAll('[data-testid="tonal-balance"] thead th')).map((th) => th.textContent!.trim());
      expect(headers).toEqual(['Range', 'Your mix', 'Master']);
      expect(bandRows(root)[2].values).toEqual(['+5.2 dB', '+1.5 dB']);
    });

    it('draws the short-term loudness curve from its start time, at its real level', () => {
      const root = render({ analysis: engineAnalysis() });
      const chart = root.querySelector('[data-testid="loudness-chart"]')!;
      const d = chart.querySelector('path.series')!.getAttribute('d')!;
      expect(d.match(/[ML]/g)).toHaveLength(71);
      // -41.8 LUFS must be on the scale, not flattened to a floor.
      const ticks = Array.from(chart.querySelectorAll('text.tick')).map((t) => Number(t.textContent));
      expect(Math.min(...ticks.filter((t) => t < 0))).toBeLessThanOrEqual(-41.76);
      const times = Array.from(chart.querySelectorAll('text.tick')).map((t) => t.textContent!).filter((t) => t.includes(':'));
      expect(times).toEqual(['0:04', '0:06', '0:08', '0:10']);
    });

    it('leaves silence as a gap in the loudness curve instead of drawing a line through it', () => {
      const analysis = engineAnalysis();
      analysis.series!.shortTerm = { startSeconds: 3, intervalSeconds: 1, valuesLufs: [-14, -14, null, null, -12, -12] };
      const d = render({ analysis }).querySelector('[data-testid="loudness-chart"] path.series')!.getAttribute('d')!;
      expect(d.match(/M/g)).toHaveLength(2);
      expect(d.match(/L/g)).toHaveLength(2);
    });

    it('lists facts about the mix a musician reads, mono-compatible and centred', () => {
      const facts = Array.from(render({ analysis: engineAnalysis() }).querySelectorAll('.facts div')).map((d) => `${d.querySelector('dt')!.textContent} ${d.querySelector('dd')!.textContent}`);
      expect(facts).toEqual(
        expect.arrayContaining(['Length 0:10', 'Loudness -41.8 LUFS', 'True peak -41.1 dBTP', 'Stereo correlation 1.00', 'Side vs. mid No side (mono)', 'Played in mono No loss', 'Left/right balance Centred']),
      );
    });

    it('says where a problem happens from its time ranges', () => {
      const analysis = engineAnalysis();
      analysis.problems = [
        { code: 'clipping', severity: 'error', message: 'The mix clips.', times: [{ startSeconds: 3.2, endSeconds: 3.9 }, { startSeconds: 65, endSeconds: 67.5 }], value: 12 },
        { code: 'dcOffset', severity: 'info', message: 'DC offset on the left channel.', times: [], value: 0.01 },
      ];
      const items = Array.from(render({ analysis }).querySelectorAll('[data-testid="problems"] li')).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(items).toEqual(['Serious The mix clips. (at 0:03, 1:05–1:07)', 'Note DC offset on the left channel. (throughout the track)']);
    });

    it('shows before/after figures, every loop pass and the explanation of report.json', () => {
      const root = render({ report: engineReport(), decision: engineDecision() });
      const rows = rowTexts(root);
      expect(rows[0]).toEqual(['Integrated loudness (LUFS)', '-19.0', '-14.0 on target', '-14.0']);
      expect(rows[1]).toEqual(['True peak (dBTP)', '-8.7', '-1.6 on target', '≤ -1.0']);
      expect(rows.map((r) => r[0])).toContain('Stereo correlation (-1…+1)');
      const passes = Array.from(root.querySelectorAll('[data-testid="iterations"] li')).map((li) => li.textContent!.trim());
      expect(passes).toEqual(['+5.9 dB into the limiter (ceiling -1.0 dBTP) → -14.0 LUFS, -1.6 dBTP; the limiter pulled peaks down by at most 0.0 dB']);
      expect(root.querySelector('[data-testid="explanation"] p')!.textContent).toContain('5.0 dB quieter than streaming platforms');
      expect(root.querySelector('[data-testid="target-note"]')!.textContent).toContain('Aimed for -14.0 LUFS with peaks at most -1.0 dBTP (streaming)');
    });

    it('says when the loudness asked for was not reached on purpose', () => {
      const decision = engineDecision();
      decision.target = { lufs: -11, truePeakDbtp: -1, source: 'custom', requestedLufs: -8 };
      const note = render({ report: engineReport(), decision }).querySelector('[data-testid="target-note"]')!.textContent!;
      expect(note).toContain('You asked for -8.0 LUFS; we stopped at -11.0 LUFS');
    });

    it('explains each decision with the step it set, its measured inputs and the chain in words', () => {
      const root = render({ report: engineReport(), decision: engineDecision() });
      const rules = Array.from(root.querySelectorAll('[data-testid="decisions"] li'));
      expect(rules).toHaveLength(4);
      expect(rules[0].querySelector('.rule-reason')!.textContent).toContain('dynamic EQ at 3.5 kHz');
      expect(rules[0].querySelector('.rule-inputs')!.textContent).toBe('Harsh high mids → Dynamic EQ, high mids: High mids excess +5.6 dB, High mids level -28.4 dBFS');
      const steps = Array.from(root.querySelectorAll('.chain li strong')).map((s) => s.textContent);
      const chain = Array.from(root.querySelectorAll('.chain li .muted')).map((s) => s.textContent!);
      expect(steps).toEqual([
        'Dynamic EQ, high mids',
        'Stereo width',
        'Gain',
        'True-peak limiter',
      ]);
      expect(chain[0]).toContain('Frequency 3.5 kHz');
      expect(chain[0]).toContain('Attack 5 ms');
      expect(chain[3]).toContain('Ceiling -1 dBTP');
      expect(chain[3]).toContain('Band limit on');
    });

    it('summarizes nested settings such as EQ bands, and shows warnings of both documents once', () => {
      const decision = engineDecision();
      decision.chain = [{ processor: 'toneShelves', type: 'StaticEqualizer', settings: { bands: [{ shape: 'LowShelf', frequencyHz: 120, gainDb: -1.5, q: 0.7 }] } }];
      decision.warnings = ['The mix clips before mastering.'];
      const report = engineReport();
      report.warnings = ['The mix clips before mastering.', 'The reference is mono.'];
      const root = render({ report, decision });
      expect(root.querySelector('.chain li strong')!.textContent).toBe('Tone shelves (EQ)');
      expect(root.querySelector('.chain li .muted')!.textContent).toBe('Bands: (Shape low shelf, Frequency 120 Hz, Gain -1.5 dB, Q 0.7)');
      // The reference-match prelude step of the engine.
      decision.chain = [{ processor: 'referenceMatch', type: 'ReferenceMatchEqualizer', settings: { amountPercent: 70, maxBoostDb: 4 } }];
      const withReference = render({ decision });
      expect(withReference.querySelector('.chain li strong')!.textContent).toBe('Reference match EQ');
      expect(withReference.querySelector('.chain li .muted')!.textContent).toBe('Amount 70%, Max boost +4 dB');
      expect(Array.from(root.querySelectorAll('[data-testid="warnings"] li')).map((li) => li.textContent)).toEqual([
        'The mix clips before mastering.',
        'The reference is mono.',
      ]);
    });

    it('draws the long-term spectra of mix and master on a frequency axis', () => {
      const spectrum = render({ report: engineReport() }).querySelector('[data-testid="spectrum-chart"]')!;
      expect(spectrum.querySelectorAll('path.series')).toHaveLength(2);
      expect(spectrum.querySelector('path.series')!.getAttribute('d')!.match(/[ML]/g)).toHaveLength(61);
      expect(spectrum.textContent).toContain('1k');
    });
  });
});
