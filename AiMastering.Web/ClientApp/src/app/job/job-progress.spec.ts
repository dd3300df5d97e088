import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { JobProgress } from '../core/models';
import { CATALOG } from '../testing/samples';
import { JobProgressView } from './job-progress';

describe('JobProgressView', () => {
  let fixture: ComponentFixture<JobProgressView>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(JobProgressView);
    http.expectOne('/api/catalog').flush(CATALOG);
  });

  function show(progress: JobProgress, hasReference = false) {
    fixture.componentRef.setInput('progress', progress);
    fixture.componentRef.setInput('hasReference', hasReference);
    fixture.detectChanges();
  }

  const el = () => fixture.nativeElement as HTMLElement;
  const bar = () => el().querySelector('[data-testid="job-progress-bar"]') as HTMLProgressElement;
  const stage = (code: string) => el().querySelector(`li[data-stage="${code}"]`) as HTMLElement | null;

  it('ticks the stages done, highlights the current one and says how long is left', () => {
    show({ stage: 'rendering', fraction: 0.5, etaSeconds: 4.2 });

    expect(stage('decoding')!.classList).toContain('done');
    expect(stage('decoding')!.textContent).toContain('✓');
    expect(stage('rendering')!.classList).toContain('current');
    expect(stage('rendering')!.getAttribute('aria-current')).toBe('step');
    expect(stage('limiting')!.classList).not.toContain('done');
    expect(el().querySelector('[data-testid="job-eta"]')!.textContent!.trim()).toBe('about 4 s left');
  });

  it('fills the bar as the job moves through its stages and within a stage', () => {
    show({ stage: 'decoding', fraction: 0 });
    const atDecoding = bar().value;
    show({ stage: 'decoding', fraction: 0.9 });
    const later = bar().value;
    show({ stage: 'saving', fraction: 1 });

    expect(later).toBeGreaterThan(atDecoding);
    expect(bar().value).toBe(100);
    expect(bar().getAttribute('aria-valuenow')).toBe('100');
  });

  it('lists the catalog\'s stages in its order, in the app\'s words', () => {
    show({ stage: 'decoding' });
    const items = [...el().querySelectorAll('li')];

    expect(items.map((li) => li.getAttribute('data-stage'))).toEqual(
      CATALOG.stages.filter((s) => !s.referenceOnly).map((s) => s.id),
    );
    expect(stage('limiting')!.textContent).toContain('Setting loudness and peaks');
  });

  it('lists reference matching only for a job with a reference', () => {
    show({ stage: 'analyzing' });
    expect(stage('matching_reference')).toBeNull();

    show({ stage: 'analyzing' }, true);
    expect(stage('matching_reference')).not.toBeNull();
  });

  it('says nothing about time left while it is unknown, in minutes when long', () => {
    show({ stage: 'decoding', fraction: 0.1, etaSeconds: null });
    expect(el().querySelector('[data-testid="job-eta"]')!.textContent!.trim()).toBe('');

    show({ stage: 'decoding', fraction: 0.1, etaSeconds: 150 });
    expect(el().querySelector('[data-testid="job-eta"]')!.textContent!.trim()).toBe('about 3 min left');
  });
});
