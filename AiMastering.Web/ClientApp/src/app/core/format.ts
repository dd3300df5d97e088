/** Number formatting for audio figures: "-14.0 LUFS", "—" when missing. */
export function fmt(value: unknown, unit = '', digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const text = value.toFixed(digits);
  const clean = text === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : text;
  return unit ? `${clean} ${unit}` : clean;
}

/** 83.4 → "1:23". */
export function fmtTime(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  const whole = Math.floor(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m}:${s.toString().padStart(2, '0')}`;
}

export function fmtHz(hz: number): string {
  return hz >= 1000 ? `${+(hz / 1000).toFixed(1)}k` : `${Math.round(hz)}`;
}

export function fmtDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
