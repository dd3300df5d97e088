import { Intensity, MasteringOptions, Style, Target } from './models';

export interface TargetPreset {
  value: Exclude<Target, 'custom'>;
  label: string;
  lufs: number;
  truePeakDbtp: number;
}

/** Same numbers as the API's TargetPresets. */
export const TARGET_PRESETS: TargetPreset[] = [
  { value: 'streaming', label: 'Streaming', lufs: -14, truePeakDbtp: -1 },
  { value: 'apple', label: 'Apple Music', lufs: -16, truePeakDbtp: -1 },
  { value: 'youtube', label: 'YouTube', lufs: -14, truePeakDbtp: -1 },
  { value: 'club', label: 'Club', lufs: -8, truePeakDbtp: -0.5 },
  { value: 'cd', label: 'CD', lufs: -10, truePeakDbtp: -0.3 },
];

export const STYLES: { value: Style; label: string; hint: string }[] = [
  { value: 'warm', label: 'Warm', hint: 'a little fuller lows, softer highs' },
  { value: 'balanced', label: 'Balanced', hint: 'neutral tonal balance' },
  { value: 'bright', label: 'Bright', hint: 'a little more air and presence' },
];

export const INTENSITIES: { value: Intensity; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

export const LUFS_RANGE = { min: -30, max: -5 };
export const TRUE_PEAK_RANGE = { min: -6, max: 0 };

export interface OptionsForm {
  target: Target;
  lufs: number;
  truePeakDbtp: number;
  style: Style;
  intensity: Intensity;
  bitDepth: 24 | 16;
  width: boolean;
  amount: number;
}

export const DEFAULT_OPTIONS: OptionsForm = {
  target: 'streaming',
  lufs: -14,
  truePeakDbtp: -1,
  style: 'balanced',
  intensity: 'medium',
  bitDepth: 24,
  width: false,
  amount: 100,
};

export function presetFor(target: Target): TargetPreset | undefined {
  return TARGET_PRESETS.find((p) => p.value === target);
}

/** Checks the custom fields; returns a message per bad field. */
export function validateOptions(form: OptionsForm): string[] {
  const problems: string[] = [];
  if (form.target === 'custom') {
    if (!Number.isFinite(form.lufs) || form.lufs < LUFS_RANGE.min || form.lufs > LUFS_RANGE.max) {
      problems.push(`Loudness target must be between ${LUFS_RANGE.min} and ${LUFS_RANGE.max} LUFS.`);
    }
    if (!Number.isFinite(form.truePeakDbtp) || form.truePeakDbtp < TRUE_PEAK_RANGE.min || form.truePeakDbtp > TRUE_PEAK_RANGE.max) {
      problems.push(`True-peak ceiling must be between ${TRUE_PEAK_RANGE.min} and ${TRUE_PEAK_RANGE.max} dBTP.`);
    }
  }
  if (!Number.isFinite(form.amount) || form.amount < 0 || form.amount > 100) {
    problems.push('Match amount must be between 0 and 100 %.');
  }
  return problems;
}

/** The wire options: lufs/truePeakDbtp only for custom (the API refuses them otherwise), amount only with a reference. */
export function toRequestOptions(form: OptionsForm, hasReference: boolean): MasteringOptions {
  const options: MasteringOptions = {
    target: form.target,
    style: form.style,
    intensity: form.intensity,
    bitDepth: form.bitDepth,
    width: form.width,
  };
  if (form.target === 'custom') {
    options.lufs = Number(form.lufs);
    options.truePeakDbtp = Number(form.truePeakDbtp);
  }
  if (hasReference) options.amount = Number(form.amount);
  return options;
}
