/**
 * Musician-facing words for the engine's identifiers (band names, chain steps, rules, settings).
 * Unknown identifiers are still readable: camelCase is split into words.
 */
import { fmt, fmtHz, fmtTime } from './format';


const BANDS: Record<string, string> = {
  sub: 'Sub',
  bass: 'Bass',
  lowMids: 'Low mids',
  highMids: 'High mids',
  highs: 'Highs',
};

const STEPS: Record<string, string> = {
  referenceMatch: 'Reference match EQ',
  highPass: 'High-pass filter',
  toneShelves: 'Tone shelves (EQ)',
  dynamicEqLow: 'Dynamic EQ, low end',
  dynamicEqHighMids: 'Dynamic EQ, high mids',
  upwardExpander: 'Upward expander',
  multibandCompressor: 'Multiband compressor',
  glueCompressor: 'Glue compressor',
  stereoWidth: 'Stereo width',
  gain: 'Gain',
  limiter: 'True-peak limiter',
  dither: 'Dither',
};

const TARGET_SOURCES: Record<string, string> = {
  streaming: 'streaming',
  apple: 'Apple Music',
  youtube: 'YouTube',
  club: 'club',
  cd: 'CD',
  custom: 'your custom target',
  reference: 'your reference track',
};

/** "helloWorld_again" → "Hello world again". */
export function words(id: string | undefined | null): string {
  if (!id) return '';
  const text = id
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function bandName(name: string | undefined, lowHz?: number, highHz?: number): string {
  if (name && BANDS[name]) return BANDS[name];
  if (name) return words(name);
  return typeof lowHz === 'number' && typeof highHz === 'number' ? `${fmtHz(lowHz)}–${fmtHz(highHz)} Hz` : 'Band';
}

export function stepName(processor: string | undefined): string {
  return (processor && STEPS[processor]) || words(processor);
}

export function targetSourceName(source: string | undefined): string {
  return (source && TARGET_SOURCES[source]) || words(source).toLowerCase();
}

/** Units read from the end of a camelCase key: gainDb → dB, frequencyHz → Hz. Longest first. */
const UNITS: [suffix: string, unit: string][] = [
  ['Dbtp', 'dBTP'],
  ['Dbfs', 'dBFS'],
  ['Lufs', 'LUFS'],
  ['Lu', 'LU'],
  ['Db', 'dB'],
  ['Hz', 'Hz'],
  ['Ms', 'ms'],
  ['Seconds', 's'],
  ['Percent', '%'],
];

/** One named value as a musician reads it: ("gainDb", 5.858) → "Gain +5.86 dB". */
export function namedValue(key: string, value: unknown): string {
  const unit = UNITS.find(([suffix]) => key.endsWith(suffix) && key.length > suffix.length);
  const label = words(unit ? key.slice(0, -unit[0].length) : key);
  return `${label} ${valueText(value, unit?.[1] ?? '')}`.trim();
}

function valueText(value: unknown, unit: string): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return words(value).toLowerCase();
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  if (unit === 'Hz') return value >= 1000 ? `${+(value / 1000).toFixed(2)} kHz` : `${+value.toFixed(1)} Hz`;
  if (unit === 's') return fmtTime(value);
  const rounded = +value.toFixed(2);
  const signed = unit === 'dB' && rounded > 0 ? `+${rounded}` : `${rounded}`;
  if (unit === '%') return `${signed}%`;
  return unit ? `${signed} ${unit}` : signed;
}

/**
 * Settings or inputs as short text: "Frequency 3.5k Hz, Threshold -31 dB". Nested objects are
 * flattened one level; arrays of objects (EQ bands) become "Bands: (…); (…)".
 */
export function settingsText(settings: Record<string, unknown> | null | undefined): string {
  if (!settings || typeof settings !== 'object') return '';
  return Object.entries(settings)
    .map(([k, v]) => {
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) {
        const items = v.map((item) => (item && typeof item === 'object' ? `(${settingsText(item as Record<string, unknown>)})` : valueText(item, '')));
        return items.length ? `${words(k)}: ${items.join('; ')}` : '';
      }
      if (typeof v === 'object') {
        const inner = settingsText(v as Record<string, unknown>);
        return inner ? `${words(k)}: ${inner}` : '';
      }
      return namedValue(k, v);
    })
    .filter((t) => t)
    .join(', ');
}

/** A signed dB figure: +5.2 dB, -3.0 dB. */
export function signedDb(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const text = fmt(value, 'dB');
  return value > 0 && text !== '0.0 dB' ? `+${text}` : text;
}
