import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { userIdInterceptor } from '../core/user-id.interceptor';
import { doneArtifacts, job, sampleAnalysis, sampleDecision, sampleReport } from '../testing/samples';
import { JobPage, POLL_INTERVAL_MS } from './job-page';

describe('JobPage', () => {
  let fixture: ComponentFixture<JobPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([userIdInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(JobPage);
    fixture.componentRef.setInput('id', 'j-1');
    fixture.detectChanges();
  });

  afterEach(() => {
    // The progress view asks for the catalog's stage list; its own spec answers it.
    http.match('/api/catalog');
    http.verify();
    vi.useRealTimers();
  });

  const el = () => fixture.nativeElement as HTMLElement;
  const q = (testId: string) => el().querySelector(`[data-testid="${testId}"]`);
  const statusText = () => q('job-status')?.textContent?.trim();

  /** Lets the poll timer fire and answers the request it makes. */
  function answerPoll(body: object, advance = POLL_INTERVAL_MS) {
    vi.advanceTimersByTime(advance);
    const req = http.expectOne('/api/jobs/j-1');
    expect(req.request.headers.get('X-User-Id')).toMatch(/^[0-9a-f-]{36}$/);
    req.flush(body);
    fixture.detectChanges();
  }

  it('shows Pending, then Processing with the stage, then Done, asking once a second', () => {
    answerPoll(job({ status: 'queued' }), 0);
    expect(statusText()).toBe('Pending');

    answerPoll(job({ status: 'processing', progress: { stage: 'analyzing' } }));
    expect(statusText()).toBe('Processing — Analyzing');

    answerPoll(job({ status: 'processing', progress: { stage: 'rendering' } }));
    expect(statusText()).toBe('Processing — Rendering');

    answerPoll(job({ status: 'done', artifacts: {} }));
    expect(statusText()).toBe('Done');
  });

  it('stops asking once the job is done', () => {
    answerPoll(job({ status: 'done', artifacts: {} }), 0);
    vi.advanceTimersByTime(10 * POLL_INTERVAL_MS);
    http.expectNone('/api/jobs/j-1');
    expect(fixture.componentInstance.isPolling).toBe(false);
  });

  it('shows Failed with the error message and stops asking', () => {
    answerPoll(job({ status: 'failed', error: { code: 'silent_audio', message: 'The file is silent from start to end.' } }), 0);
    expect(statusText()).toBe('Failed');
    expect(q('job-error')?.textContent?.trim()).toBe('The file is silent from start to end.');
    vi.advanceTimersByTime(5 * POLL_INTERVAL_MS);
    http.expectNone('/api/jobs/j-1');
  });

  it('words a failure by its code when the server sends no message', () => {
    answerPoll(job({ status: 'failed', error: { code: 'too_many_channels' } }), 0);
    expect(q('job-error')?.textContent).toContain('Only mono and stereo mixes are supported.');
  });

  it('stops polling when the page is left', () => {
    answerPoll(job({ status: 'processing', progress: { stage: 'decoding' } }), 0);
    fixture.destroy();
    vi.advanceTimersByTime(10 * POLL_INTERVAL_MS);
    http.expectNone('/api/jobs/j-1');
  });

  it('keeps polling through a server blip and says it is retrying', () => {
    vi.advanceTimersByTime(0);
    http.expectOne('/api/jobs/j-1').flush('bad gateway', { status: 502, statusText: 'Bad Gateway' });
    fixture.detectChanges();
    expect(q('load-error')?.textContent).toContain('Retrying');
    answerPoll(job({ status: 'processing' }));
    expect(statusText()).toBe('Processing');
    expect(q('load-error')).toBeNull();
  });

  it('stops and says so when the job does not exist', () => {
    vi.advanceTimersByTime(0);
    http
      .expectOne('/api/jobs/j-1')
      .flush({ title: 'Not found', detail: 'No job j-1 for this user.', status: 404, code: 'job_not_found' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    expect(q('load-error')?.textContent).toContain('No job j-1 for this user.');
    vi.advanceTimersByTime(5 * POLL_INTERVAL_MS);
    http.expectNone('/api/jobs/j-1');
  });

  it('when done: download link, A/B player, and the report documents', () => {
    answerPoll(job({ status: 'done', artifacts: doneArtifacts }), 0);
    http.expectOne(doneArtifacts.report).flush(sampleReport);
    http.expectOne(doneArtifacts.analysis).flush(sampleAnalysis);
    http.expectOne(doneArtifacts.decision).flush(sampleDecision);
    fixture.detectChanges();

    const download = q('download-master') as HTMLAnchorElement;
    expect(download.getAttribute('href')).toBe(doneArtifacts.master);
    expect(download.hasAttribute('download')).toBe(true);

    const player = q('preview-player') as HTMLAudioElement;
    expect(player.tagName).toBe('AUDIO');
    expect(player.getAttribute('src')).toBe(doneArtifacts.preview);
    expect((q('original-player') as HTMLAudioElement).getAttribute('src')).toBe(doneArtifacts.source);

    expect(q('explanation')?.textContent).toContain('we raised it to -14.1 LUFS');
    expect(q('decisions')?.textContent).toContain('a 1.5 dB cut at 250 Hz');
  });

  it('does not send the caller id to storage URLs', () => {
    answerPoll(job({ status: 'done', artifacts: { report: doneArtifacts.report } }), 0);
    const req = http.expectOne(doneArtifacts.report);
    expect(req.request.headers.has('X-User-Id')).toBe(false);
    req.flush(sampleReport);
  });

  it('hides the report sections whose documents are missing or broken', () => {
    answerPoll(job({ status: 'done', artifacts: { master: doneArtifacts.master, preview: doneArtifacts.preview, report: doneArtifacts.report } }), 0);
    http.expectOne(doneArtifacts.report).flush('oops', { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();
    expect(q('download-master')).not.toBeNull();
    expect(q('explanation')).toBeNull();
    expect(q('decisions')).toBeNull();
    expect(q('original-player')).toBeNull();
  });

  it('says when an earlier attempt failed and the job is being retried', () => {
    answerPoll(job({ status: 'queued', attempts: 2, error: { code: 'worker_lost', message: 'The worker stopped.' } }), 0);
    expect(statusText()).toBe('Pending');
    expect(q('retry-note')?.textContent).toContain('The worker stopped.');
    expect(q('job-error')).toBeNull();
  });

  it('follows the route to another job', () => {
    answerPoll(job({ status: 'done', artifacts: {} }), 0);
    fixture.componentRef.setInput('id', 'j-2');
    fixture.detectChanges();
    vi.advanceTimersByTime(0);
    http.expectOne('/api/jobs/j-2').flush(job({ jobId: 'j-2', status: 'processing', progress: { stage: 'decoding' } }));
    fixture.detectChanges();
    expect(statusText()).toBe('Processing — Decoding');
  });

  it('puts the status in the tab title', () => {
    answerPoll(job({ status: 'processing', progress: { stage: 'analyzing' } }), 0);
    fixture.detectChanges();
    expect(document.title).toBe('Processing — Analyzing · song.wav — AI Mastering');
  });
});
