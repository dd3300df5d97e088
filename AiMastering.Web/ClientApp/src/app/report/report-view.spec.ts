import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Report } from '../core/models';
import { sampleAnalysis, sampleDecision, sampleReport } from '../testing/samples';
import { ReportView } from './report-view';

describe('ReportView', () => {
  let fixture: ComponentFixture<ReportView>;

  function render(inputs: { report?: unknown; analysis?: unknown; decision?: unknown }) {
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
    expect(root.querySelector('[data-testid="problems"]')?.textContent).toContain('clipping');
    expect(root.querySelector('[data-testid="loudness-chart"] path.series')).not.toBeNull();
  });
});
