/**
 * Client-side checks before any upload: type (by extension and MIME) and size (the API's limit, from its catalog).
 * The extensions and MIME types here must be ones the API accepts: CatalogConsistencyTests compares them.
 */

const EXTENSION_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  wave: 'audio/wav',
  aif: 'audio/aiff',
  aiff: 'audio/aiff',
  flac: 'audio/flac',
};

/** MIME types browsers report for the formats we take, mapped to the family they belong to. */
const MIME_FAMILY: Record<string, 'wav' | 'aiff' | 'flac'> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/aiff': 'aiff',
  'audio/x-aiff': 'aiff',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
};

const EXTENSION_FAMILY: Record<string, 'wav' | 'aiff' | 'flac'> = {
  wav: 'wav',
  wave: 'wav',
  aif: 'aiff',
  aiff: 'aiff',
  flac: 'flac',
};

export const ACCEPT_ATTRIBUTE = [...Object.keys(EXTENSION_FAMILY).map((e) => `.${e}`), ...Object.keys(MIME_FAMILY)].join(',');

export interface FileLike {
  name: string;
  type: string;
  size: number;
}

export type ValidationResult = { ok: true; contentType: string } | { ok: false; message: string };

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** "812 MB", "1.2 GB", "950 KB" — decimal-free above 10 of a unit, as people read sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  const shown = value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${units[unit]}`;
}

/** Without <maxBytes> (catalog not loaded yet) the size is left to the API's own check. */
export function validateAudioFile(file: FileLike, maxBytes?: number): ValidationResult {
  const ext = fileExtension(file.name);
  const extFamily = EXTENSION_FAMILY[ext];
  const mime = (file.type || '').toLowerCase().split(';')[0].trim();

  if (!extFamily) {
    const shown = ext ? `.${ext} files are` : 'Files without an extension are';
    return { ok: false, message: `${shown} not supported. Choose a WAV, AIFF or FLAC file.` };
  }
  if (mime && !MIME_FAMILY[mime] && mime !== 'application/octet-stream') {
    return { ok: false, message: `"${file.name}" is reported as ${mime}, not WAV, AIFF or FLAC audio.` };
  }
  if (mime && MIME_FAMILY[mime] && MIME_FAMILY[mime] !== extFamily) {
    return { ok: false, message: `"${file.name}" is named .${ext} but reported as ${mime}. Check the file's format.` };
  }
  if (file.size <= 0) {
    return { ok: false, message: `"${file.name}" is empty.` };
  }
  if (maxBytes !== undefined && file.size > maxBytes) {
    return { ok: false, message: `File is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.` };
  }
  // Browsers often give no type at all: derive it from the extension.
  const contentType = mime && MIME_FAMILY[mime] ? mime : EXTENSION_TYPES[ext];
  return { ok: true, contentType };
}
