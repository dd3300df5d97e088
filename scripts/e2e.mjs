#!/usr/bin/env node
// A musician's session over HTTP only, against a running app (the web front door):
// presign → upload → create the job → poll → download the master, then check the master with
// ffprobe/ffmpeg: it decodes, has the input's length, rate and channels, and measures the target
// loudness (FFmpeg's ebur128 filter as an independent meter).
// Usage: node scripts/e2e.mjs --base http://127.0.0.1:8080 --file mix.wav [--lufs -14] [--tolerance 1]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (v.startsWith('--') ? [...acc, [v.slice(2), a[i + 1]]] : acc), []));
const base = (args.base ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const file = args.file;
const targetLufs = Number(args.lufs ?? -14);
const tolerance = Number(args.tolerance ?? 1);
const timeoutS = Number(args.timeout ?? 300);
if (!file) throw new Error('--file is required');
const user = randomUUID();
const headers = { 'X-User-Id': user };
const t0 = performance.now();
const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);

async function json(method, path, body) {
  const res = await fetch(`${base}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return JSON.parse(text);
}

function probe(path) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a:0', '-count_packets', '-show_entries', 'stream=sample_rate,channels,duration_ts,codec_name', '-of', 'json', path]);
  return JSON.parse(out).streams[0];
}

function measure(path) {
  const res = runEbur128(path);
  const summary = res.slice(res.lastIndexOf('Summary:'));
  const i = Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)[1]);
  const tp = Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)[1]);
  return { i, tp };
}

function runEbur128(path) {
  // ffmpeg prints its meter on stderr.
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', path, '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return r.stderr;
}

const bytes = readFileSync(file);
const size = statSync(file).size;
const contentType = file.endsWith('.flac') ? 'audio/flac' : /\.aiff?$/.test(file) ? 'audio/aiff' : 'audio/wav';

const presign = await json('POST', '/api/uploads/presign', { fileName: basename(file), contentType, size, kind: 'source' });
const uploadUrl = new URL(presign.url, base).toString();
let up;
if (presign.method === 'POST') {
  const form = new FormData();
  for (const [k, v] of Object.entries(presign.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: contentType }), basename(file));
  up = await fetch(uploadUrl, { method: 'POST', body: form });
} else {
  up = await fetch(uploadUrl, { method: 'PUT', headers: presign.headers, body: bytes });
}
if (!up.ok) throw new Error(`upload → ${up.status}: ${await up.text()}`);
console.log(`[${seconds()} s] uploaded ${(size / 1e6).toFixed(1)} MB`);

const created = await json('POST', '/api/jobs', { objectKey: presign.objectKey, fileName: basename(file) });
console.log(`[${seconds()} s] job ${created.jobId} ${created.status}`);
let job;
let lastStage;
for (;;) {
  job = await json('GET', `/api/jobs/${created.jobId}`);
  const stage = `${job.status}/${job.progress?.stage}`;
  if (stage !== lastStage) console.log(`[${seconds()} s] ${stage}`);
  lastStage = stage;
  if (job.status === 'done' || job.status === 'failed') break;
  if ((performance.now() - t0) / 1000 > timeoutS) throw new Error(`job not finished after ${timeoutS} s`);
  await new Promise((r) => setTimeout(r, 1000));
}
if (job.status !== 'done') throw new Error(`job failed: ${JSON.stringify(job.error)}`);
const uploadToDone = seconds();

const dir = mkdtempSync(join(tmpdir(), 'aim-e2e-'));
const masterPath = join(dir, 'master.wav');
const res = await fetch(new URL(job.artifacts.master, base));
if (!res.ok) throw new Error(`download → ${res.status}`);
const disposition = res.headers.get('content-disposition') ?? '';
writeFileSync(masterPath, Buffer.from(await res.arrayBuffer()));

const inInfo = probe(file);
const outInfo = probe(masterPath);
const { i, tp } = measure(masterPath);
const checks = [
  ['master decodes as PCM WAV', outInfo.codec_name.startsWith('pcm_')],
  [`same sample rate (${inInfo.sample_rate})`, outInfo.sample_rate === inInfo.sample_rate],
  [`same channels (${inInfo.channels})`, outInfo.channels === inInfo.channels],
  [`same length (${inInfo.duration_ts} samples; master ${outInfo.duration_ts})`, outInfo.duration_ts === inInfo.duration_ts],
  [`loudness ${i} LUFS within ${targetLufs} ± ${tolerance}`, Math.abs(i - targetLufs) <= tolerance],
  [`download file name (${disposition})`, /master\.wav/.test(disposition)],
];
for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
console.log(`true peak ${tp} dBTP; upload → done ${uploadToDone} s`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`e2e: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
