/** Wire shapes of the AI Mastering API (all under /api). Every field the server may omit is optional. */

export type JobStatus = 'queued' | 'processing' | 'done' | 'failed';
export type UploadKind = 'source' | 'reference';
export type Target = 'streaming' | 'apple' | 'youtube' | 'club' | 'cd' | 'custom';
export type Style = 'warm' | 'balanced' | 'bright';
export type Intensity = 'low' | 'medium' | 'high';

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
  bitDepth: 24 | 16;
  width: boolean;
  amount?: number;
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

export interface Job {
  jobId: string;
  status: JobStatus;
  fileName?: string;
  createdAt?: string;
  updatedAt?: string;
  attempts?: number;
  progress?: { stage?: string | null } | null;
  error?: { code?: string; message?: string } | null;
  options?: Partial<MasteringOptions> | null;
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

export interface LoudnessFigures {
  integratedLufs?: number;
  rangeLu?: number;
  truePeakDbtp?: number;
  samplePeakDbfs?: number;
  momentaryMaxLufs?: number;
  shortTermMaxLufs?: number;
  plrDb?: number;
  psrDb?: number;
  [key: string]: unknown;
}

export interface SpectrumBand {
  name?: string;
  lowHz?: number;
  highHz?: number;
  levelDb?: number;
  relativeDb?: number;
}

export interface MixProblem {
  code?: string;
  severity?: string;
  message?: string;
  times?: number[];
}

export interface Analysis {
  schemaVersion?: number;
  durationSeconds?: number;
  sampleRate?: number;
  channels?: number;
  loudness?: LoudnessFigures;
  dynamics?: { rmsDbfs?: number; crestFactorDb?: number; plrDb?: number; psrDb?: number; dr?: number };
  spectrum?: { bands?: SpectrumBand[]; ltas?: unknown };
  stereo?: { correlation?: number; sideToMidDb?: number; [key: string]: unknown };
  problems?: MixProblem[];
  series?: { shortTerm?: unknown; waveform?: unknown; [key: string]: unknown };
}

export interface DecisionRule {
  name?: string;
  inputs?: Record<string, unknown>;
  reason?: string;
  processor?: string;
}

export interface Decision {
  rules?: DecisionRule[];
  chain?: { processor?: string; settings?: Record<string, unknown> }[];
  warnings?: string[];
}

export interface Report {
  before?: LoudnessFigures;
  after?: LoudnessFigures;
  target?: { lufs?: number; truePeakDbtp?: number };
  iterations?: { iteration?: number; gainDb?: number; integratedLufs?: number; truePeakDbtp?: number }[];
  explanation?: string[] | string;
  spectra?: { source?: unknown; reference?: unknown; master?: unknown };
}
