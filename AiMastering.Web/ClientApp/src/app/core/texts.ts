/**
 * The app's own words for the catalog's choices, by the label keys GET /api/catalog sends ("style.warm"); a hint
 * is the label key + ".hint". AiMastering.Tests/Jobs/CatalogConsistencyTests checks every catalog key has its words.
 */
import { words } from './words';

export const TEXTS: Record<string, string> = {
  'target.streaming': 'Streaming',
  'target.apple': 'Apple Music',
  'target.youtube': 'YouTube',
  'target.club': 'Club',
  'target.cd': 'CD',
  'target.custom': 'Custom…',
  'style.warm': 'Warm',
  'style.warm.hint': 'a little fuller lows, softer highs',
  'style.balanced': 'Balanced',
  'style.balanced.hint': 'neutral tonal balance',
  'style.bright': 'Bright',
  'style.bright.hint': 'a little more air and presence',
  'intensity.low': 'Low',
  'intensity.medium': 'Medium',
  'intensity.high': 'High',
};

/** The words for a label key; an unknown key (a choice newer than this app) still reads as words. */
export function text(key: string): string {
  return TEXTS[key] ?? words(key.slice(key.indexOf('.') + 1));
}

export function hint(key: string): string {
  return TEXTS[`${key}.hint`] ?? '';
}
