// A stand-in for the API behind the front door, for trying the built app without the .NET back end:
//   npm run build && node scripts/mock-api.mjs [port]     (then open http://127.0.0.1:4300)
// Serves ../wwwroot (SPA fallback) and fakes /api: presign → PUT upload → jobs that walk through
// their stages in ~6 s and end done (or failed, for a file whose name contains "fail").
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomUUID } from 'node:crypto';

const port = Number(process.argv[2] ?? 4300);
const root = normalize(join(import.meta.dirname, '..', '..', 'wwwroot'));
const jobs = new Map();
const stages = ['decoding', 'analyzing', 'deciding', 'rendering', 'verifying', 'encoding'];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon', '.json': 'application/json' };

const send = (res, status, body, type = 'application/json') => {
  res.writeHead(status, { 'Content-Type': type });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
};
const problem = (res, status, code, detail) => send(res, status, { title: code, detail, status, code }, 'application/problem+json');
const readBody = (req) => new Promise((ok) => { const c = []; req.on('data', (d) => c.push(d)); req.on('end', () => ok(Buffer.concat(c))); });

function view(job) {
  const elapsed = (Date.now() - job.created) / 1000;
  const i = Math.floor(elapsed - 1);
  const base = { jobId: job.id, fileName: job.fileName, createdAt: new Date(job.created).toISOString(), updatedAt: new Date().toISOString(), attempts: 1, options: job.options, error: null, artifacts: {} };
  if (elapsed < 1) return { ...base, status: 'queued', attempts: 0, progress: null };
  if (i < stages.length) return { ...base, status: 'processing', progress: { stage: stages[i] } };
  if (job.fileName.includes('fail')) return { ...base, status: 'failed', progress: null, error: { code: 'silent_audio', message: 'The mix is silent from start to end.' } };
  const a = (n) => `/api/mock-artifacts/${job.id}/${n}`;
  return { ...base, status: 'done', progress: { stage: 'done' }, artifacts: { master: a('master.wav'), preview: a('preview.mp3'), source: a('source.wav'), analysis: a('analysis.json'), decision: a('decision.json'), report: a('report.json') } };
}

const shortTerm = Array.from({ length: 120 }, (_, i) => -20 + 4 * Math.sin(i / 9) - (i < 8 ? 12 - i * 1.5 : 0));
const waveform = Array.from({ length: 400 }, (_, i) => +(Math.min(1, 0.15 + 0.55 * Math.abs(Math.sin(i / 23)) + 0.2 * Math.random()) * (i < 30 ? i / 30 : 1)).toFixed(3));
const spectrum = (tilt) => [31, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000].map((hz, i) => ({ hz, db: -12 - i * 2.2 + tilt * i + (hz === 250 ? 3 : 0) }));
const docs = {
  'analysis.json': { schemaVersion: 1, durationSeconds: 120, sampleRate: 48000, channels: 2, loudness: { integratedLufs: -19.6, rangeLu: 8.4, truePeakDbtp: -3.2 }, dynamics: { crestFactorDb: 14.2, dr: 9 }, stereo: { correlation: 0.42, sideToMidDb: -11.5 }, spectrum: { bands: [{ name: 'Sub', lowHz: 20, highHz: 60, relativeDb: -2.1 }, { name: 'Low mids', lowHz: 200, highHz: 500, relativeDb: 3.1 }, { name: 'Air', lowHz: 10000, highHz: 20000, relativeDb: -4.2 }] }, problems: [{ code: 'muddy_low_mids', severity: 'medium', message: 'Build-up in the low mids (200–500 Hz).', times: [12, 65] }, { code: 'clipping', severity: 'high', message: 'The mix clips (3 samples over 0 dBFS).', times: [65.2] }], series: { shortTerm, waveform } },
  'decision.json': { rules: [{ name: 'LowMidMud', inputs: { lowMidExcessDb: 3.1 }, reason: 'Low mids are 3.1 dB above the balanced curve, so a 1.5 dB cut at 250 Hz.', processor: 'eq' }, { name: 'LoudnessToTarget', inputs: { gapLu: 5.6 }, reason: 'The mix is 5.6 LU below the -14 LUFS target; the limiter adds the gain.' }], chain: [{ processor: 'eq', settings: { frequencyHz: 250, gainDb: -1.5, q: 1 } }, { processor: 'limiter', settings: { ceilingDbtp: -1, releaseMs: 80 } }], warnings: ['The mix clips at 1:05 before mastering; the limiter cannot undo that.'] },
  'report.json': { before: { integratedLufs: -19.6, truePeakDbtp: -3.2, rangeLu: 8.4, plrDb: 16.4 }, after: { integratedLufs: -14.1, truePeakDbtp: -1.1, rangeLu: 6.9, plrDb: 13.0 }, target: { lufs: -14, truePeakDbtp: -1 }, iterations: [{ iteration: 1, gainDb: 5.0, integratedLufs: -14.6, truePeakDbtp: -1.0 }, { iteration: 2, gainDb: 5.5, integratedLufs: -14.1, truePeakDbtp: -1.1 }], explanation: ['Your mix measured -19.6 LUFS, 5.6 LU quieter than the streaming target, so we raised it to -14.1 LUFS while keeping true peaks below -1 dBTP.', 'We measured a build-up between 200 and 500 Hz and cut 1.5 dB at 250 Hz to clear it.'], spectra: { source: spectrum(0), master: spectrum(0.2) } },
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  if (p.startsWith('/api/') && !req.headers['x-user-id'] && !p.startsWith('/api/mock-')) return problem(res, 400, 'missing_user', 'X-User-Id header is required.');
  if (req.method === 'POST' && p === '/api/uploads/presign') {
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    if (body.size > 500 * 1024 * 1024) return problem(res, 413, 'file_too_large', 'File is too large; the limit is 500 MB.');
    const key = `uploads/u/${randomUUID()}/${body.fileName}`;
    return send(res, 200, { objectKey: key, url: `/api/mock-upload?key=${encodeURIComponent(key)}`, method: 'PUT', fields: {}, headers: { 'Content-Type': body.contentType }, expiresAt: new Date(Date.now() + 9e5).toISOString() });
  }
  if (req.method === 'PUT' && p === '/api/mock-upload') { await readBody(req); return send(res, 200, ''); }
  if (req.method === 'POST' && p === '/api/jobs') {
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    const id = randomUUID();
    jobs.set(id, { id, created: Date.now(), fileName: body.objectKey.split('/').pop(), options: body.options });
    return send(res, 201, { jobId: id, status: 'queued' });
  }
  if (req.method === 'GET' && p === '/api/jobs') return send(res, 200, { jobs: [...jobs.values()].reverse().map(view) });
  const m = /^\/api\/jobs\/([^/]+)$/.exec(p);
  if (m) return jobs.has(m[1]) ? send(res, 200, view(jobs.get(m[1]))) : problem(res, 404, 'job_not_found', 'No such job.');
  const art = /^\/api\/mock-artifacts\/[^/]+\/(.+)$/.exec(p);
  if (art) return docs[art[1]] ? send(res, 200, docs[art[1]]) : send(res, 404, '');
  if (p.startsWith('/api/')) return problem(res, 404, 'not_found', 'No such endpoint.');
  const file = normalize(join(root, p === '/' ? 'index.html' : p));
  try {
    if (!file.startsWith(root)) throw new Error('outside');
    return send(res, 200, await readFile(file), types[extname(file)] ?? 'application/octet-stream');
  } catch {
    return send(res, 200, await readFile(join(root, 'index.html')), 'text/html');
  }
}).listen(port, '127.0.0.1', () => console.log(`mock API and app on http://127.0.0.1:${port}`));
