/**
 * The stages a running job passes, in order, with the words the job page shows. The codes are the API's
 * (`JobStages` in AiMastering.Jobs/Model); `matching_reference` only happens when a reference was uploaded.
 */
export const JOB_STAGES: readonly { code: string; label: string }[] = [
  { code: 'downloading', label: 'Fetching your upload' },
  { code: 'checking', label: 'Checking the audio' },
  { code: 'decoding', label: 'Decoding' },
  { code: 'analyzing', label: 'Analyzing' },
  { code: 'matching_reference', label: 'Matching the reference' },
  { code: 'deciding', label: 'Choosing the processing' },
  { code: 'rendering', label: 'Rendering the chain' },
  { code: 'limiting', label: 'Setting loudness and peaks' },
  { code: 'verifying', label: 'Verifying the master' },
  { code: 'writing', label: 'Writing the master' },
  { code: 'reporting', label: 'Writing the report' },
  { code: 'encoding_preview', label: 'Encoding the preview' },
  { code: 'saving', label: 'Saving the files' },
];

/** "about 4 s left", "about 2 min left"; empty while unknown. */
export function etaWords(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return 'almost done';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
