import { BitDepth, Catalog, CatalogPreset, Intensity, MasteringOptions, Style, Target } from './models';

/** The options form's state; its choices and ranges come from the catalog (GET /api/catalog). */
export interface OptionsForm {
  target: Target;
  lufs: number;
  truePeakDbtp: number;
  style: Style;
  intensity: Intensity;
  bitDepth: BitDepth;
  width: boolean;
  amount: number;
}

/** The catalog's defaults; the custom fields start from the default preset's numbers. */
export function defaultOptions(catalog: Catalog): OptionsForm {
  const preset = presetFor(catalog, catalog.defaultTarget);
  return {
    target: catalog.defaultTarget,
    lufs: preset?.lufs ?? catalog.custom.lufs.max,
    truePeakDbtp: preset?.truePeakDbtp ?? catalog.custom.truePeakDbtp.max,
    style: catalog.defaultStyle,
    intensity: catalog.defaultIntensity,
    bitDepth: catalog.bitDepths[0],
    width: false,
    amount: catalog.amount.max,
  };
}

export function presetFor(catalog: Catalog, target: Target): CatalogPreset | undefined {
  return catalog.presets.find((p) => p.id === target);
}

/** Checks the custom fields against the catalog's ranges; returns a message per bad field. */
export function validateOptions(form: OptionsForm, catalog: Catalog): string[] {
  const problems: string[] = [];
  const within = (value: number, range: { min: number; max: number }) => Number.isFinite(value) && value >= range.min && value <= range.max;
  const { lufs, truePeakDbtp } = catalog.custom;
  if (form.target === catalog.custom.id) {
    if (!within(form.lufs, lufs)) {
      problems.push(`Loudness target must be between ${lufs.min} and ${lufs.max} LUFS.`);
    }
    if (!within(form.truePeakDbtp, truePeakDbtp)) {
      problems.push(`True-peak ceiling must be between ${truePeakDbtp.min} and ${truePeakDbtp.max} dBTP.`);
    }
  }
  if (!within(form.amount, catalog.amount)) {
    problems.push(`Match amount must be between ${catalog.amount.min} and ${catalog.amount.max} %.`);
  }
  return problems;
}

/** The wire options: lufs/truePeakDbtp only for custom (the API refuses them otherwise), amount only with a reference. */
export function toRequestOptions(form: OptionsForm, hasReference: boolean, catalog: Catalog): MasteringOptions {
  const options: MasteringOptions = {
    target: form.target,
    style: form.style,
    intensity: form.intensity,
    bitDepth: form.bitDepth,
    width: form.width,
  };
  if (form.target === catalog.custom.id) {
    options.lufs = Number(form.lufs);
    options.truePeakDbtp = Number(form.truePeakDbtp);
  }
  if (hasReference) options.amount = Number(form.amount);
  return options;
}
