/**
 * Normalizes the loosely specified series of the artifact documents into [x, y] points.
 * The documents are produced by another team and may change shape; read every plausible form.
 */
export type Point = [number, number];

const X_KEYS = ['t', 'time', 'timeSeconds', 'seconds', 'x', 'hz', 'frequencyHz', 'freqHz', 'freq', 'frequency', 'f'];
const Y_KEYS = ['lufs', 'v', 'value', 'y', 'db', 'levelDb', 'level', 'magnitudeDb', 'loudness'];

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function pick(o: Record<string, unknown>, keys: string[]): number | undefined {
  for (const k of keys) {
    const v = num(o[k]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * A loudness curve over time. The engine's shape is {startSeconds, intervalSeconds, valuesLufs: [...]};
 * null values are silence (-inf LUFS) and become gaps: [t, NaN], which charts leave undrawn.
 * Numbers alone are spread evenly over the track's duration.
 */
export function toTimeSeries(raw: unknown, durationSeconds?: number): Point[] {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const values = o['valuesLufs'] ?? o['values'] ?? o['lufs'] ?? o['data'] ?? o['points'];
    const step = num(o['intervalSeconds']) ?? num(o['stepSeconds']) ?? num(o['hopSeconds']) ?? num(o['periodSeconds']);
    const start = num(o['startSeconds']) ?? 0;
    if (Array.isArray(values) && step !== undefined && step > 0 && values.every((v) => typeof v === 'number' || v === null)) {
      return values.map((v, i) => [start + i * step, num(v) ?? NaN] as Point);
    }
    return Array.isArray(values) ? toTimeSeries(values, durationSeconds) : [];
  }
  if (!Array.isArray(raw) || raw.length === 0) return [];
  if (raw.every((v) => typeof v === 'number' || v === null)) {
    const n = raw.length;
    const step = durationSeconds && durationSeconds > 0 ? durationSeconds / n : 1;
    return raw.map((v, i) => [i * step, num(v) ?? NaN] as Point);
  }
  return toPairs(raw);
}

/** True when the series has at least two drawable points. */
export function drawable(points: Point[]): boolean {
  return points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).length > 1;
}

/** A spectrum: [{hz, db}], [[hz, db]], bands {lowHz, highHz, levelDb}, or {frequenciesHz:[], levelsDb:[]}. */
export function toSpectrum(raw: unknown): Point[] {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const xs = o['frequenciesHz'] ?? o['hz'] ?? o['frequencies'] ?? o['freqs'];
    const ys = o['levelsDb'] ?? o['db'] ?? o['levels'] ?? o['values'] ?? o['magnitudesDb'];
    if (Array.isArray(xs) && Array.isArray(ys)) {
      const points: Point[] = [];
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const x = num(xs[i]);
        const y = num(ys[i]);
        if (x !== undefined && y !== undefined && x > 0) points.push([x, y]);
      }
      return points;
    }
    if (Array.isArray(o['bands'])) return toSpectrum(o['bands']);
    return [];
  }
  if (!Array.isArray(raw) || raw.length === 0) return [];
  if (raw.every((v) => typeof v === 'number' || v === null)) {
    return raw.flatMap((v, i) => (num(v) !== undefined ? [[i + 1, v as number] as Point] : []));
  }
  return raw
    .map((item): Point | null => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const o = item as Record<string, unknown>;
        const low = num(o['lowHz']);
        const high = num(o['highHz']);
        const x = pick(o, X_KEYS) ?? (num(o['centerHz']) ?? (low !== undefined && high !== undefined ? Math.sqrt(Math.max(low, 1) * high) : undefined));
        const y = pick(o, Y_KEYS) ?? num(o['relativeDb']);
        return x !== undefined && y !== undefined ? [x, y] : null;
      }
      return pairOf(item);
    })
    .filter((p): p is Point => p !== null && p[0] > 0);
}

function toPairs(raw: unknown[]): Point[] {
  return raw
    .map((item): Point | null => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const o = item as Record<string, unknown>;
        const x = pick(o, X_KEYS);
        const y = pick(o, Y_KEYS);
        return x !== undefined && y !== undefined ? [x, y] : null;
      }
      return pairOf(item);
    })
    .filter((p): p is Point => p !== null);
}

function pairOf(item: unknown): Point | null {
  if (Array.isArray(item) && item.length >= 2) {
    const x = num(item[0]);
    const y = num(item[1]);
    return x !== undefined && y !== undefined ? [x, y] : null;
  }
  return null;
}

/** A waveform overview as [min, max] pairs in -1..1: peaks (linear or dBFS), pairs, or {min:[], max:[]}. */
export function toWaveform(raw: unknown): Point[] {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const mins = o['min'] ?? o['mins'];
    const maxs = o['max'] ?? o['maxs'];
    if (Array.isArray(mins) && Array.isArray(maxs)) {
      const n = Math.min(mins.length, maxs.length);
      return clampPairs(Array.from({ length: n }, (_, i) => [num(mins[i]) ?? 0, num(maxs[i]) ?? 0] as Point));
    }
    const values = o['peaks'] ?? o['values'] ?? o['data'];
    return Array.isArray(values) ? toWaveform(values) : [];
  }
  if (!Array.isArray(raw) || raw.length === 0) return [];
  if (raw.every((v) => typeof v === 'number' || v === null)) {
    const values = raw.map((v) => num(v) ?? 0);
    const decibels = values.some((v) => v < 0) && values.every((v) => v <= 0);
    return values.map((v) => {
      const peak = Math.min(1, Math.abs(decibels ? 10 ** (v / 20) : v));
      return [-peak, peak] as Point;
    });
  }
  return clampPairs(
    raw.map((item): Point => {
      if (Array.isArray(item)) return [num(item[0]) ?? 0, num(item[1]) ?? 0];
      if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        return [num(o['min']) ?? -(num(o['peak']) ?? 0), num(o['max']) ?? (num(o['peak']) ?? 0)];
      }
      return [0, 0];
    }),
  );
}

function clampPairs(points: Point[]): Point[] {
  return points.map(([lo, hi]) => [Math.max(-1, Math.min(lo, hi)), Math.min(1, Math.max(lo, hi))] as Point);
}
