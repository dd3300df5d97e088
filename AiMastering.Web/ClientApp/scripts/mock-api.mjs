// A stand-in for the API behind the front door, for trying the built app without the .NET back end:
//   npm run build && node scripts/mock-api.mjs [port]     (then open http://127.0.0.1:4300)
// Serves ../wwwroot (SPA fallback) and fakes /api: presign → PUT upload → jobs that walk through
// their stages in ~6 s and end done (or failed, for a file whose name contains "fail"); /api/admin too
// (set MOCK_ADMIN_TOKEN to require X-Admin-Token). The documents are the engine's own shapes: the
// master's analysis.json of a real 5-minute track (mock-data/), decision/report.json from the test
// fixtures, and the mix's analysis derived from the master's (5 dB quieter, harsher high mids).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomUUID } from 'node:crypto';

const port = Number(process.argv[2] ?? 4300);
const root = normalize(join(import.meta.dirname, '..', '..', 'wwwroot'));
const jobs = new Map();
const adminToken = process.env.MOCK_ADMIN_TOKEN ?? '';
const json = async (path) => JSON.parse(await readFile(join(import.meta.dirname, path), 'utf8'));
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
  const base = { jobId: job.id, fileName: job.fileName, createdAt: new Date(job.created).toISOString(), updatedAt: new Date().toISOString(), attempts: 1, maxAttempts: 3, options: job.options, error: null, artifacts: {} };
  if (job.retried && elapsed < 1) return { ...base, status: 'queued', attempts: 0, progress: null };
  if (elapsed < 1) return { ...base, status: 'queued', attempts: 0, progress: null };
  if (i < stages.length) return { ...base, status: 'processing', progress: { stage: stages[i] } };
  if (job.fileName.includes('fail') && !job.retried) return { ...base, status: 'failed', attempts: 3, progress: { stage: 'analyzing' }, error: { code: 'silent_audio', message: 'The mix is silent from start to end.', at: new Date(job.created + 3000).toISOString() } };
  const a = (n) => `/api/mock-artifacts/${job.id}/${n}`;
  return { ...base, status: 'done', progress: { stage: 'done' }, artifacts: { master: a('master.wav'), preview: a('preview.mp3'), source: a('source.wav'), analysis: a('analysis.json'), masterAnalysis: a('master-analysis.json'), decision: a('decision.json'), report: a('report.json') } };
}

const masterAnalysis = await json('mock-data/master-analysis.json');
const quieter = (v) => (v === null ? null : +(v - 5).toFixed(2));
const mixAnalysis = structuredClone(masterAnalysis);
mixAnalysis.loudness = { ...mixAnalysis.loudness, integratedLufs: -19, truePeakDbtp: -8.69, samplePeakDbfs: -8.69, shortTermMaxLufs: quieter(mixAnalysis.loudness.shortTermMaxLufs), momentaryMaxLufs: quieter(mixAnalysis.loudness.momentaryMaxLufs) };
for (const curve of [mixAnalysis.series.shortTerm, mixAnalysis.series.momentary].filter(Boolean)) curve.valuesLufs = curve.valuesLufs.map(quieter);
mixAnalysis.series.waveform.min = mixAnalysis.series.waveform.min.map((v) => +(v * 0.37).toFixed(4));
mixAnalysis.series.waveform.max = mixAnalysis.series.waveform.max.map((v) => +(v * 0.37).toFixed(4));
mixAnalysis.spectrum.bands = mixAnalysis.spectrum.bands.map((b) => (b.name === 'highMids' ? { ...b, deviationDb: 5.6, relativeDb: -2.38 } : b));
mixAnalysis.stereo = { ...mixAnalysis.stereo, correlation: 0.536 };
mixAnalysis.problems = [
  { code: 'harshHighMids', severity: 'warning', message: 'The 2–6 kHz range is 5.6 dB above a balanced mix; it may sound harsh.', times: [], value: 5.6 },
  { code: 'interSampleOvers', severity: 'error', message: 'Inter-sample peaks over 0 dBTP (would distort after MP3/AAC encoding).', times: [{ startSeconds: 65.2, endSeconds: 65.9 }, { startSeconds: 188, endSeconds: 188.4 }], value: 0.4 },
];
const docs = {
  'analysis.json': mixAnalysis,
  'master-analysis.json': masterAnalysis,
  'decision.json': await json('../src/app/testing/decision.sample.json'),
  'report.json': await json('../src/app/testing/report.sample.json'),
};

// A few jobs of other users, so /admin has something to show.
const hour = 3600e3;
for (const [fileName, ago] of [['Other user - demo.wav', 2 * hour], ['Other user - fail take.wav', hour]]) {
  const id = randomUUID();
  jobs.set(id, { id, created: Date.now() - ago, fileName, options: { target: 'streaming', style: 'balanced', intensity: 'medium', bitDepth: 24, width: false }, mine: false });
}

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
  if (req.method === 'GET' && p === '/api/jobs') return send(res, 200, { jobs: [...jobs.values()].filter((j) => j.mine !== false).reverse().map(view) });
  if (p.startsWith('/api/admin/')) {
    if (adminToken && req.headers['x-admin-token'] !== adminToken) return send(res, 401, { title: 'Admin token required', status: 401 }, 'application/problem+json');
    if (req.method === 'GET' && p === '/api/admin/jobs') {
      const status = url.searchParams.get('status');
      if (status && !['queued', 'processing', 'done', 'failed'].includes(status)) return problem(res, 400, 'invalid_options', 'status must be queued, processing, done or failed.');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const all = [...jobs.values()].sort((x, y) => y.created - x.created).map(view);
      return send(res, 200, { jobs: all.filter((j) => !status || j.status === status).slice(0, limit) });
    }
    const retry = /^\/api\/admin\/jobs\/([^/]+)\/retry$/.exec(p);
    if (req.method === 'POST' && retry) {
      const job = jobs.get(retry[1]);
      if (!job) return problem(res, 404, 'job_not_found', 'There is no job with this id.');
      const now = view(job).status;
      if (now !== 'failed') return problem(res, 409, 'invalid_options', `Only failed jobs can be retried; this one is ${now}.`);
      Object.assign(job, { created: Date.now(), retried: true });
      res.writeHead(202, { Location: `/jobs/${job.id}` });
      return res.end();
    }
  }
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
