import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { userIdInterceptor } from '../core/user-id.interceptor';
import { doneArtifacts, job } from '../testing/samples';
import { ADMIN_REFRESH_MS, AdminPage } from './admin-page';
import { ADMIN_TOKEN_KEY } from './admin-token';

describe('AdminPage', () => {
  let fixture: ComponentFixture<AdminPage>;
  let http: HttpTestingController;

  const jobs = [
    job({ jobId: 'a', fileName: 'ballad.wav', status: 'processing', progress: { stage: 'rendering' }, attempts: 1, maxAttempts: 3 }),
    job({ jobId: 'b', fileName: 'banger.wav', status: 'done', attempts: 1, maxAttempts: 3, artifacts: doneArtifacts }),
    job({ jobId: 'c', fileName: 'broken.wav', status: 'failed', attempts: 3, maxAttempts: 3, error: { code: 'worker_lost', message: 'The worker stopped answering.' } }),
    job({ jobId: 'd', fileName: 'next.wav', status: 'queued' }),
  ];

  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([userIdInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    http.verify();
    vi.useRealTimers();
  });

  function start() {
    fixture = TestBed.createComponent(AdminPage);
    fixture.detectChanges();
    vi.advanceTimersByTime(0);
  }

  const el = () => fixture.nativeElement as HTMLElement;
  const all = (testId: string) => Array.from(el().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const list = () => http.expectOne((r) => r.url === '/api/admin/jobs');
  /** Lets a due refresh fire and answers it. */
  function answer(body: object, status = 200) {
    vi.advanceTimersByTime(0);
    const req = list();
    req.flush(body, status === 200 ? undefined : { status, statusText: 'Error' });
    fixture.detectChanges();
    return req;
  }

  it("lists every user's jobs with status, attempts, error and artifact links, and counts them per status", () => {
    start();
    const req = answer({ jobs });
    expect(req.request.params.get('status')).toBeNull();
    expect(req.request.params.get('limit')).toBe('200');

    const rows = all('admin-job-row');
    expect(rows.map((r) => r.querySelector('.file a')!.textContent)).toEqual(['ballad.wav', 'banger.wav', 'broken.wav', 'next.wav']);
    expect(all('admin-status').map((s) => s.textContent!.trim())).toEqual(['Processing — Rendering', 'Done', 'Failed', 'Pending']);
    expect(all('admin-attempts').map((s) => s.textContent!.trim())).toEqual(['1/3', '1/3', '3/3', '0']);
    expect(rows[2].querySelector('.error')!.textContent).toContain('worker_lost');
    expect(rows[2].querySelector('[data-testid="admin-job-error"]')!.textContent).toBe('The worker stopped answering.');
    const links = Array.from(rows[1].querySelectorAll<HTMLAnchorElement>('.files a'));
    expect(links.map((a) => a.textContent)).toContain('Master');
    expect(links.find((a) => a.textContent === 'Report')!.getAttribute('href')).toBe(doneArtifacts.report);

    const counts = Object.fromEntries(all('admin-filter').map((b) => [b.dataset['filter'], b.querySelector('.count')?.textContent]));
    expect(counts).toEqual({ all: '4', queued: '1', processing: '1', done: '1', failed: '1' });
  });

  it('offers Retry only for failed jobs, and queues the job again', () => {
    start();
    answer({ jobs });
    const buttons = all('admin-retry');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].closest('tr')!.textContent).toContain('broken.wav');

    buttons[0].click();
    fixture.detectChanges();
    expect((all('admin-retry')[0] as HTMLButtonElement).disabled).toBe(true);
    const retry = http.expectOne('/api/admin/jobs/c/retry');
    expect(retry.request.method).toBe('POST');
    retry.flush(null, { status: 202, statusText: 'Accepted' });
    // The list is read again at once and shows the job queued.
    answer({ jobs: jobs.map((j) => (j.jobId === 'c' ? { ...j, status: 'queued', attempts: 0 } : j)) });
    expect(all('admin-retry')).toHaveLength(0);
    expect(all('admin-status')[2].textContent!.trim()).toBe('Pending');
  });

  it("says why a retry was refused (409: the job isn't failed any more)", () => {
    start();
    answer({ jobs });
    all('admin-retry')[0].click();
    http
      .expectOne('/api/admin/jobs/c/retry')
      .flush(
        { title: 'Conflict', status: 409, code: 'invalid_options', detail: 'Only failed jobs can be retried; this one is queued.' },
        { status: 409, statusText: 'Conflict' },
      );
    answer({ jobs });
    expect(all('admin-notice')[0].textContent).toBe('Only failed jobs can be retried; this one is queued.');
  });

  it('filters by status on the server and keeps the other counts', () => {
    start();
    answer({ jobs });
    all('admin-filter').find((b) => b.dataset['filter'] === 'failed')!.click();
    fixture.detectChanges();
    vi.advanceTimersByTime(0);
    const req = answer({ jobs: [jobs[2]] });
    expect(req.request.params.get('status')).toBe('failed');
    expect(all('admin-job-row')).toHaveLength(1);
    const failed = all('admin-filter').find((b) => b.dataset['filter'] === 'failed')!;
    expect(failed.getAttribute('aria-pressed')).toBe('true');
    expect(failed.querySelector('.count')!.textContent).toBe('1');
    expect(all('admin-filter').find((b) => b.dataset['filter'] === 'done')!.querySelector('.count')!.textContent).toBe('1');
  });

  it('refreshes every 5 seconds and stops when left', () => {
    start();
    answer({ jobs });
    vi.advanceTimersByTime(ADMIN_REFRESH_MS);
    answer({ jobs: [...jobs, job({ jobId: 'e', fileName: 'new.wav', status: 'queued' })] });
    expect(all('admin-job-row')).toHaveLength(5);
    fixture.destroy();
    vi.advanceTimersByTime(3 * ADMIN_REFRESH_MS);
    http.expectNone((r) => r.url === '/api/admin/jobs');
  });

  it('asks for the operator token on 401, sends it as a bearer token and keeps it for the tab', () => {
    start();
    answer({ title: 'Admin token required', status: 401 }, 401);
    expect(all('admin-jobs')).toHaveLength(0);
    const input = el().querySelector<HTMLInputElement>('[data-testid="admin-token"]')!;
    input.value = 's3cret';
    el().querySelector('form')!.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    vi.advanceTimersByTime(0);
    const req = answer({ jobs });
    expect(req.request.headers.get('Authorization')).toBe('Bearer s3cret');
    expect(sessionStorage.getItem(ADMIN_TOKEN_KEY)).toBe('s3cret');
    expect(all('admin-job-row')).toHaveLength(4);
  });

  it('says when the token entered is wrong', () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, 'old');
    start();
    const req = answer({ title: 'Admin token required', status: 401 }, 401);
    expect(req.request.headers.get('Authorization')).toBe('Bearer old');
    expect(el().querySelector('[data-testid="admin-token-form"]')!.textContent).toContain('That token was not accepted.');
    // No requests while waiting for a token.
    vi.advanceTimersByTime(2 * ADMIN_REFRESH_MS);
    http.expectNone((r) => r.url === '/api/admin/jobs');
  });

  it('sends no admin token when none was entered', () => {
    start();
    expect(answer({ jobs: [] }).request.headers.has('Authorization')).toBe(false);
    expect(el().textContent).toContain('No jobs.');
  });
});
