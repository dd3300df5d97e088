import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CATALOG } from '../testing/samples';
import { JobProgressView } from './job-progress';

describe('JobProgressView and the catalog', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  function showDecoding() {
    const fixture = TestBed.createComponent(JobProgressView);
    fixture.componentRef.setInput('progress', { stage: 'decoding', fraction: 0.5, etaSeconds: 10 });
    return fixture;
  }

  it('lists a stage the catalog adds, even before the app has words for it', () => {
    const fixture = showDecoding();
    http.expectOne('/api/catalog').flush({ ...CATALOG, stages: [...CATALOG.stages, { id: 'loudness_check', labelKey: 'stage.loudness_check', referenceOnly: false }] });
    fixture.detectChanges();

    const added = (fixture.nativeElement as HTMLElement).querySelector('li[data-stage="loudness_check"]');
    expect(added!.textContent).toContain('Loudness check');
  });

  it('still shows the bar and the time left when the catalog cannot be loaded', () => {
    const fixture = showDecoding();
    http.expectOne('/api/catalog').flush({ title: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('li').length).toBe(0);
    expect(el.querySelector('[data-testid="job-eta"]')!.textContent!.trim()).toBe('about 10 s left');
    expect(el.querySelector('[data-testid="job-progress-bar"]')).not.toBeNull();
  });
});
