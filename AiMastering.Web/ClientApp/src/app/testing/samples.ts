import { Analysis, Catalog, Decision, Job, Report } from '../core/models';
import analysisDocument from './analysis.sample.json';
import decisionDocument from './decision.sample.json';
import reportDocument from './report.sample.json';

export const sampleReport: Report = {
  before: { integratedLufs: -19.6, truePeakDbtp: -3.2, rangeLu: 8.4, plrDb: 16.4 },
  after: { integratedLufs: -14.1, truePeakDbtp: -1.1, rangeLu: 6.9, plrDb: 13.0 },
  target: { lufs: -14, truePeakDbtp: -1 },
  iterations: [
    { iteration: 1, gainDb: 5.0, integratedLufs: -14.6, truePeakDbtp: -1.0 },
    { iteration: 2, gainDb: 5.5, integratedLufs: -14.1, truePeakDbtp: -1.1 },
  ],
  explanation: [
    'Your mix was 5.6 LU quieter than the streaming target, so we raised it to -14.1 LUFS.',
    'A gentle cut around 250 Hz clears some muddiness we measured in the low mids.',
  ],
  spectra: {
    source: [
      { hz: 50, db: -20 },
      { hz: 500, db: -18 },
      { hz: 5000, db: -30 },
    ],
    master: [
      { hz: 50, db: -19 },
      { hz: 500, db: -18 },
      { hz: 5000, db: -27 },
    ],
  },
};

export const sampleAnalysis: Analysis = {
  schemaVersion: 1,
  durationSeconds: 12,
  sampleRate: 48000,
  channels: 2,
  loudness: { integratedLufs: -19.6, rangeLu: 8.4, truePeakDbtp: -3.2 },
  dynamics: { crestFactorDb: 14.2, dr: 9 },
  stereo: { correlation: 0.42 },
  spectrum: { bands: [{ name: 'Low mids', lowHz: 200, highHz: 500, levelDb: -18, relativeDb: 3.1 }] },
  problems: [{ code: 'muddy_low_mids', severity: 'medium', message: 'Build-up in the low mids (200–500 Hz).', times: [3, 65] }],
  series: { shortTerm: [-30, -22, -20, -19, -18, -21, -24, -20, -19, -20, -22, -25] },
};

export const sampleDecision: Decision = {
  rules: [
    { name: 'LowMidMud', inputs: { lowMidExcessDb: 3.1 }, reason: 'Low mids are 3.1 dB above the balanced curve, so a 1.5 dB cut at 250 Hz.', processor: 'eq' },
    { name: 'LoudnessToTarget', inputs: { gapLu: 5.6 }, reason: 'The mix is 5.6 LU below the target.' },
  ],
  chain: [{ processor: 'eq', settings: { frequencyHz: 250, gainDb: -1.5 } }, { processor: 'limiter', settings: { ceilingDbtp: -1 } }],
  warnings: ['The mix clips at 1:05 before mastering; the limiter cannot undo that.'],
};

export function job(overrides: Partial<Job> = {}): Job {
  return {
    jobId: 'j-1',
    status: 'queued',
    fileName: 'song.wav',
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    attempts: 0,
    progress: null,
    error: null,
    options: { target: 'streaming', style: 'balanced', intensity: 'medium', bitDepth: 24, width: false },
    artifacts: {},
    ...overrides,
  };
}

/** GET /api/catalog as the API serves it (AiMastering.ApiService/Apis/CatalogDocument). */
export const CATALOG: Catalog = {
  presets: [
    { id: 'streaming', lufs: -14, truePeakDbtp: -1, labelKey: 'target.streaming' },
    { id: 'apple', lufs: -16, truePeakDbtp: -1, labelKey: 'target.apple' },
    { id: 'youtube', lufs: -14, truePeakDbtp: -1, labelKey: 'target.youtube' },
    { id: 'club', lufs: -8, truePeakDbtp: -0.5, labelKey: 'target.club' },
    { id: 'cd', lufs: -10, truePeakDbtp: -0.3, labelKey: 'target.cd' },
  ],
  defaultTarget: 'streaming',
  custom: { id: 'custom', lufs: { min: -30, max: -5 }, truePeakDbtp: { min: -6, max: 0 }, labelKey: 'target.custom' },
  referenceTarget: 'reference',
  styles: [
    { id: 'warm', labelKey: 'style.warm' },
    { id: 'balanced', labelKey: 'style.balanced' },
    { id: 'bright', labelKey: 'style.bright' },
  ],
  defaultStyle: 'balanced',
  intensities: [
    { id: 'low', labelKey: 'intensity.low' },
    { id: 'medium', labelKey: 'intensity.medium' },
    { id: 'high', labelKey: 'intensity.high' },
  ],
  defaultIntensity: 'medium',
  bitDepths: [24, 16],
  amount: { min: 0, max: 100 },
  uploads: { maxBytes: 500_000_000, extensions: ['.wav', '.wave', '.aif', '.aiff', '.flac'], contentTypes: ['audio/wav', 'audio/flac'] },
  errorCodes: ['invalid_options'],
  artifacts: [{ name: 'master', fileName: 'master.wav', contentType: 'audio/wav', referenceOnly: false }],
  stages: [
    'downloading', 'checking', 'decoding', 'analyzing', 'matching_reference', 'deciding', 'rendering', 'limiting',
    'verifying', 'writing', 'reporting', 'encoding_preview', 'saving',
  ].map((id) => ({ id, labelKey: `stage.${id}`, referenceOnly: id === 'matching_reference' })),
};

export const doneArtifacts = {
  master: 'https://storage.example/jobs/j-1/master.wav?sig=1',
  preview: 'https://storage.example/jobs/j-1/preview.mp3?sig=1',
  source: 'https://storage.example/uploads/song.wav?sig=1',
  analysis: 'https://storage.example/jobs/j-1/analysis.json?sig=1',
  decision: 'https://storage.example/jobs/j-1/decision.json?sig=1',
  report: 'https://storage.example/jobs/j-1/report.json?sig=1',
};

// ---- Documents as the engine writes them ----
// analysis.sample.json: a 10 s 440 Hz sine at about -41 LUFS (AiMastering.Engine/Analysis).
// decision/report.sample.json: a 5-minute mix mastered to -14 LUFS (AiMastering.Engine/Mastering).

/** Fresh copies, so a test may change them freely. */
export const engineAnalysis = (): Analysis => structuredClone(analysisDocument) as Analysis;
export const engineDecision = (): Decision => structuredClone(decisionDocument) as Decision;
export const engineReport = (): Report => structuredClone(reportDocument) as Report;
