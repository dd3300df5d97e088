import { HttpErrorResponse } from '@angular/common/http';
import { problemMessage, toProblem } from './problem';
import { statusLine } from './status';
import { engineAnalysis } from '../testing/samples';
import { toSpectrum, toTimeSeries, toWaveform } from './series';

describe('problem details', () => {
  it('prefers the detail, then our wording of the code, then the title', () => {
    expect(problemMessage({ detail: 'D', code: 'internal', title: 'T' })).toBe('D');
    expect(problemMessage({ code: 'upload_expired', title: 'T' })).toBe('The upload link expired. Please try again.');
    expect(problemMessage({ title: 'T' })).toBe('T');
  });

  it('reads a problem+json body sent as text', () => {
    const e = new HttpErrorResponse({ status: 400, error: '{"detail":"Bad file","code":"not_audio"}' });
    expect(problemMessage(toProblem(e))).toBe('Bad file');
  });

  it('says the server could not be reached on a network error', () => {
    const e = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    expect(problemMessage(toProblem(e))).toContain('could not be reached');
  });
});

describe('statusLine', () => {
  it.each([
    ['queued', null, 'Pending'],
    ['processing', null, 'Processing'],
    ['processing', 'true_peak_limiting', 'Processing — True peak limiting'],
    ['done', 'encoding', 'Done'],
    ['failed', null, 'Failed'],
  ] as const)('%s/%s reads "%s"', (status, stage, text) => {
    expect(statusLine({ status, progress: { stage } })).toBe(text);
  });
});

describe('series readers', () => {
  it('spreads plain numbers over the duration and keeps silence as a gap', () => {
    expect(toTimeSeries([-20, null, -18, -16], 8)).toEqual([
      [0, -20],
      [2, NaN],
      [4, -18],
      [6, -16],
    ]);
  });

  it("reads the engine's loudness curve: a value every interval from the start, null as silence", () => {
    expect(toTimeSeries({ startSeconds: 3, intervalSeconds: 0.1, valuesLufs: [-14, null, -13.5] })).toEqual([
      [3, -14],
      [3.1, NaN],
      [3.2, -13.5],
    ]);
    const curve = toTimeSeries(engineAnalysis().series!.shortTerm);
    expect(curve).toHaveLength(71);
    expect(curve[0]).toEqual([3, -41.76]);
    expect(curve[70][0]).toBeCloseTo(10, 6);
  });

  it('reads objects and pairs', () => {
    expect(toTimeSeries([{ t: 0.5, lufs: -12 }])).toEqual([[0.5, -12]]);
    expect(toSpectrum([[100, -3]])).toEqual([[100, -3]]);
    expect(toSpectrum({ frequenciesHz: [20, 40], levelsDb: [-1, -2] })).toEqual([
      [20, -1],
      [40, -2],
    ]);
    expect(toSpectrum([{ lowHz: 100, highHz: 400, levelDb: -6 }])).toEqual([[200, -6]]);
  });

  it('reads waveform peaks in linear or dB form and as min/max pairs', () => {
    expect(toWaveform([0.5, 1.2])).toEqual([
      [-0.5, 0.5],
      [-1, 1],
    ]);
    expect(toWaveform([-6.0206])[0][1]).toBeCloseTo(0.5, 3);
    expect(toWaveform({ min: [-0.25], max: [0.75] })).toEqual([[-0.25, 0.75]]);
  });

  it("reads the engine's waveform (min/max per bucket) as it is, without normalizing a quiet mix", () => {
    const wave = toWaveform(engineAnalysis().series!.waveform);
    expect(wave).toHaveLength(1000);
    expect(wave[500]).toEqual([-0.0088, 0.0088]);
  });
});
