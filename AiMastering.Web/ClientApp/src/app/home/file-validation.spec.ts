import { formatBytes, validateAudioFile } from './file-validation';

const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

const MB = 1024 * 1024;
const file = (name: string, type: string, size = 10 * MB) => ({ name, type, size });

describe('validateAudioFile', () => {
  it.each([
    ['mix.wav', 'audio/wav'],
    ['mix.wav', 'audio/x-wav'],
    ['mix.wav', 'audio/wave'],
    ['mix.wav', 'audio/vnd.wave'],
    ['mix.wave', 'audio/wav'],
    ['mix.aif', 'audio/aiff'],
    ['mix.aiff', 'audio/x-aiff'],
    ['mix.flac', 'audio/flac'],
    ['MIX.WAV', 'audio/wav'],
  ])('accepts %s reported as %s and keeps that content type', (name, type) => {
    expect(validateAudioFile(file(name, type))).toEqual({ ok: true, contentType: type });
  });

  it.each([
    ['song.wav', 'audio/wav'],
    ['song.wave', 'audio/wav'],
    ['song.aif', 'audio/aiff'],
    ['song.aiff', 'audio/aiff'],
    ['song.flac', 'audio/flac'],
  ])('derives the type of %s from its extension when the browser gives none', (name, expected) => {
    expect(validateAudioFile(file(name, ''))).toEqual({ ok: true, contentType: expected });
  });

  it('refuses an MP3 by its extension, naming the formats it takes', () => {
    const r = validateAudioFile(file('demo.mp3', 'audio/mpeg'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('.mp3 files are not supported. Choose a WAV, AIFF or FLAC file.');
  });

  it('refuses a file without an extension', () => {
    const r = validateAudioFile(file('mixdown', ''));
    expect(!r.ok && r.message).toContain('Files without an extension are not supported');
  });

  it('refuses a .wav whose browser type says it is something else', () => {
    const r = validateAudioFile(file('notes.wav', 'text/plain'));
    expect(!r.ok && r.message).toContain('reported as text/plain');
  });

  it('refuses a .flac that the browser reports as WAV', () => {
    const r = validateAudioFile(file('mix.flac', 'audio/wav'));
    expect(!r.ok && r.message).toContain('named .flac but reported as audio/wav');
  });

  it('refuses an empty file', () => {
    const r = validateAudioFile(file('mix.wav', 'audio/wav', 0));
    expect(!r.ok && r.message).toBe('"mix.wav" is empty.');
  });

  it('says how big the file is and what the limit is', () => {
    const r = validateAudioFile(file('huge.wav', 'audio/wav', 812 * MB), MAX_UPLOAD_BYTES);
    expect(!r.ok && r.message).toBe('File is 812 MB; the limit is 500 MB.');
  });

  it('accepts a file of exactly 500 MB and refuses one byte more', () => {
    expect(validateAudioFile(file('a.wav', 'audio/wav', MAX_UPLOAD_BYTES), MAX_UPLOAD_BYTES).ok).toBe(true);
    expect(validateAudioFile(file('a.wav', 'audio/wav', MAX_UPLOAD_BYTES + 1), MAX_UPLOAD_BYTES).ok).toBe(false);
  });
});

describe('formatBytes', () => {
  it('reads like a person would say it', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(812 * MB)).toBe('812 MB');
    expect(formatBytes(1.25 * 1024 * MB)).toBe('1.3 GB');
  });
});
