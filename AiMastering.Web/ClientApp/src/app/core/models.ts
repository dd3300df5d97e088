/** Wire shapes of the AI Mastering API (all under /api). Every field the server may omit is optional. */

export type JobStatus = 'queued' | 'processing' | 'done' | 'failed';
export type UploadKind = 'source' | 'reference';
/** Ids of GET /api/catalog's presets (or its custom target), styles and intensities. */
export type Target = string;
export type Style = string;
export type Intensity = string;
export type BitDepth = number;

export interface PresignRequest {
  fileName: string;
  contentType: string;
  size: number;
  kind: UploadKind;
}

export interface PresignResponse {
  objectKey: string;
  url: string;
  method: 'PUT' | 'POST';
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  expiresAt?: string;
}

export interface MasteringOptions {
  target: Target;
  lufs?: number;
  truePeakDbtp?: number;
  style: Style;
  intensity: Intensity;
  bitDepth: BitDepth;
  width: boolean;
  amount?: number;
}

/** GET /api/catalog: the choices of the options form and the limits the API applies (AiMastering.Jobs/Model/Catalog). */
export interface Catalog {
  presets: CatalogPreset[];
  defaultTarget: Target;
  custom: { id: Target; lufs: ValueRange; truePeakDbtp: ValueRange; labelKey: string };
  referenceTarget: Target;
  styles: CatalogChoice[];
  defaultStyle: Style;
  intensities: CatalogChoice[];
  defaultIntensity: Intensity;
  bitDepths: BitDepth[];
  amount: ValueRange;
  uploads: { maxBytes: number; extensions: string[]; contentTypes: string[] };
  errorCodes: string[];
  artifacts: { name: string; fileName: string; contentType: string; referenceOnly: boolean }[];
  /** The stages a running job passes, in order; an id is a job's progress.stage. */
  stages: CatalogStage[];
}

export interface CatalogStage {
  id: string;
  labelKey: string;
  referenceOnly: boolean;
}

export interface CatalogPreset {
  id: Target;
  lufs: number;
  truePeakDbtp: number;
  labelKey: string;
}

export interface CatalogChoice {
  id: string;
  labelKey: string;
}

export interface ValueRange {
  min: number;
  max: number;
}

export interface CreateJobRequest {
  objectKey: string;
  /** The musician's own file name, used for download names ("My Song-master.wav"). */
  fileName?: string;
  referenceObjectKey?: string;
  referenceFileName?: string;
  options?: MasteringOptions;
}

export interface CreateJobResponse {
  jobId: string;
  status: JobStatus;
}

export interface JobArtifacts {
  master?: string;
  preview?: string;
  source?: string;
  analysis?: string;
  decision?: string;
  report?: string;
  referenceAnalysis?: string;
  masterAnalysis?: string;
}

/** Where a running job is: a stage code (one of the catalog's stages), 0..1 of that stage, the estimated seconds left. */
export interface JobProgress {
  stage?: string | null;
  fraction?: number | null;
  etaSeconds?: number | null;
}

export interface Job {
  jobId: string;
  status: JobStatus;
  fileName?: string;
  createdAt?: string;
  updatedAt?: string;
  referenceFileName?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  attempts?: number;
  maxAttempts?: number;
  progress?: JobProgress | null;
  error?: { code?: string; message?: string; at?: string } | null;
  options?: Partial<MasteringOptions> | null;
  /** Signed URLs by artifact name (source, master, preview, analysis, masterAnalysis, decision, report, …). */
  artifacts?: JobArtifacts | null;
}

export interface JobList {
  jobs: Job[];
}

/** RFC 9457 problem details, as the API sends them. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  code?: string;
  errors?: Record<string, string[]>;
}

// ---- Artifact documents (read defensively: any field may be missing) ----
// analysis.json: AiMastering.Engine/Analysis (docs/schemas/analysis.schema.json). null = -infinity (silence).
// decision.json / report.json: AiMastering.Engine/Mastering (MasteringJsonContext, camelCase).

type Num = number | null;

/** analysis.json `loudness` (LoudnessAnalysis). */
export interface AnalysisLoudness {
  integratedLufs?: Num;
  rangeLu?: Num;
  rangeLowLufs?: Num;
  rangeHighLufs?: Num;
  truePeakDbtp?: Num;
  samplePeakDbfs?: Num;
  momentaryMaxLufs?: Num;
  shortTermMaxLufs?: Num;
  channelTruePeaksDbtp?: Num[];
  channelSamplePeaksDbfs?: Num[];
}

/** analysis.json `dynamics` (DynamicsAnalysis). */
export interface AnalysisDynamics {
  rmsDbfs?: Num;
  crestFactorDb?: Num;
  plrDb?: Num;
  psrDb?: Num;
  psrDistributionDb?: { minDb?: Num; p10Db?: Num; medianDb?: Num; p90Db?: Num; maxDb?: Num } | null;
  dr?: Num;
  drExactDb?: Num;
}

/** One band of analysis.json `spectrum.bands` (SpectrumBand). */
export interface SpectrumBand {
  /** sub | bass | lowMids | highMids | highs */
  name?: string;
  lowHz?: number;
  highHz?: number;
  levelDb?: Num;
  /** Band level relative to the whole mix. */
  relativeDb?: Num;
  /** The neutral (pink) reference's share of the band. */
  referenceRelativeDb?: Num;
  /** relativeDb - referenceRelativeDb: positive = more than a neutral tonal balance. */
  deviationDb?: Num;
}

export interface LtasPoint {
  frequencyHz?: number;
  levelDb?: Num;
  midDb?: Num;
  sideDb?: Num;
}

export interface StereoBand {
  name?: string;
  lowHz?: number;
  highHz?: number;
  correlation?: Num;
  sideToMidDb?: Num;
}

/** analysis.json `stereo` (StereoAnalysis). */
export interface AnalysisStereo {
  correlation?: Num;
  sideToMidDb?: Num;
  monoFoldDownLossDb?: Num;
  balanceDb?: Num;
  bands?: StereoBand[];
}

export interface TimeRange {
  startSeconds?: number;
  endSeconds?: number;
}

/** analysis.json `problems[]` (AnalysisProblem). Empty `times`: the whole track. */
export interface MixProblem {
  /** clipping | interSampleOvers | dcOffset | pumping | phaseProblem | silenceAtHead | silenceAtTail | excessiveLowEnd | harshHighMids */
  code?: string;
  /** info | warning | error */
  severity?: string;
  message?: string;
  /** Time ranges; older documents sent plain seconds. */
  times?: (TimeRange | number)[];
  value?: Num;
}

/** A loudness curve (LoudnessCurve): one value every intervalSeconds from startSeconds; null = silence. */
export interface LoudnessCurve {
  startSeconds?: number;
  intervalSeconds?: number;
  valuesLufs?: Num[];
}

/** Waveform overview (WaveformSeries): per bucket the lowest and highest sample, -1..1. */
export interface WaveformSeries {
  bucketSeconds?: number;
  min?: number[];
  max?: number[];
}

export interface Analysis {
  schemaVersion?: number;
  durationSeconds?: number;
  sampleRate?: number;
  channels?: number;
  loudness?: AnalysisLoudness;
  dynamics?: AnalysisDynamics;
  spectrum?: { referenceTilt?: string; bands?: SpectrumBand[]; ltas?: LtasPoint[] };
  stereo?: AnalysisStereo;
  problems?: MixProblem[];
  /** Fallbacks for other shapes are read by core/series.ts. */
  series?: { shortTerm?: LoudnessCurve | unknown; momentary?: LoudnessCurve | unknown; waveform?: WaveformSeries | unknown };
}

/** report.json `before` / `after` (Mastering/LoudnessFigures). */
export interface LoudnessFigures {
  integratedLufs?: Num;
  truePeakDbtp?: Num;
  rangeLu?: Num;
  plrDb?: Num;
  psrDb?: Num;
  crestFactorDb?: Num;
  samplePeakDbfs?: Num;
  correlation?: Num;
  problemCount?: number;
}

/** decision.json `rules[]` (DecisionRule). `processor` names the chain step it configured. */
export interface DecisionRule {
  name?: string;
  processor?: string;
  inputs?: Record<string, unknown>;
  reason?: string;
}

/** decision.json `chain[]` (ChainStep): step name, processor class, full settings (may nest). */
export interface ChainStep {
  processor?: string;
  type?: string;
  settings?: Record<string, unknown>;
}

/** decision.json `target` (DecisionTarget). `source`: preset name, custom or reference. */
export interface DecisionTarget {
  lufs?: number;
  truePeakDbtp?: number;
  source?: string;
  requestedLufs?: number;
}

export interface Decision {
  schemaVersion?: number;
  target?: DecisionTarget;
  rules?: DecisionRule[];
  chain?: ChainStep[];
  warnings?: string[];
}

/** report.json `iterations[]` (LoopIteration): one render of the closed loop. */
export interface LoopIteration {
  iteration?: number;
  gainDb?: number;
  ceilingDbtp?: number;
  integratedLufs?: number;
  truePeakDbtp?: number;
  limiterMaxGainReductionDb?: number;
}

/** report.json `spectra` (ReportSpectra): [{hz, db}] at 1/6 octave; other shapes read by core/series.ts. */
export interface ReportSpectra {
  source?: { hz?: number; db?: number }[] | unknown;
  reference?: { hz?: number; db?: number }[] | unknown | null;
  master?: { hz?: number; db?: number }[] | unknown;
}

export interface Report {
  schemaVersion?: number;
  before?: LoudnessFigures;
  after?: LoudnessFigures;
  target?: { lufs?: number; truePeakDbtp?: number };
  iterations?: LoopIteration[];
  /** Paragraphs; a single string is split on blank lines. */
  explanation?: string[] | string;
  warnings?: string[];
  spectra?: ReportSpectra | null;
}
