/**
 * The app's own words for the catalog's choices and stages, by the label keys GET /api/catalog sends ("style.warm"); a hint
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
  'stage.downloading': 'Fetching your upload',
  'stage.checking': 'Checking the audio',
  'stage.decoding': 'Decoding',
  'stage.analyzing': 'Analyzing',
  'stage.matching_reference': 'Matching the reference',
  'stage.deciding': 'Choosing the processing',
  'stage.rendering': 'Rendering the chain',
  'stage.limiting': 'Setting loudness and peaks',
  'stage.verifying': 'Verifying the master',
  'stage.writing': 'Writing the master',
  'stage.reporting': 'Writing the report',
  'stage.encoding_preview': 'Encoding the preview',
  'stage.saving': 'Saving the files',
};

/** The words for a label key; an unknown key (a choice newer than this app) still reads as words. */
export function text(key: string): string {
  return TEXTS[key] ?? words(key.slice(key.indexOf('.') + 1));
}

export function hint(key: string): string {
  return TEXTS[`${key}.hint`] ?? '';
}
