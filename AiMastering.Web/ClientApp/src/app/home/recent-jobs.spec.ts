import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { job } from '../testing/samples';
import { RECENT_REFRESH_MS, RecentJobs } from './recent-jobs';

describe('RecentJobs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });
  afterEach(() => vi.useRealTimers());

  it('lists the jobs newest first with status words and links, and refreshes while one is running', () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RecentJobs);
    fixture.detectChanges();
    vi.advanceTimersByTime(0);
    http.expectOne('/api/jobs').flush({
      jobs: [
        job({ jobId: 'c', fileName: 'third.wav', status: 'processing', progress: { stage: 'limiting' } }),
        job({ jobId: 'b', fileName: 'second.aiff', status: 'failed' }),
        job({ jobId: 'a', fileName: 'first.flac', status: 'done' }),
      ],
    });
    fixture.detectChanges();
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="recent-jobs"] li'));
    expect(items.map((li) => li.querySelector('a')!.textContent)).toEqual(['third.wav', 'second.aiff', 'first.flac']);
    expect(items.map((li) => li.querySelector('.status')!.textContent)).toEqual(['Processing — Limiting', 'Failed', 'Done']);
    expect(items[0].querySelector('a')!.getAttribute('href')).toBe('/jobs/c');

    vi.advanceTimersByTime(RECENT_REFRESH_MS);
    http.expectOne('/api/jobs').flush({ jobs: [job({ jobId: 'c', fileName: 'third.wav', status: 'done' })] });
    fixture.detectChanges();
    vi.advanceTimersByTime(5 * RECENT_REFRESH_MS);
    http.expectNone('/api/jobs');
    http.verify();
  });
});
