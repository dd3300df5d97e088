import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { userIdInterceptor } from '../core/user-id.interceptor';
import { CATALOG } from '../testing/samples';
import { HomePage } from './home-page';
import { UploadService } from './upload.service';

/** Minimal XHR stand-in; the test answers it by hand. */
class FakeXhr {
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  body: unknown;
  status = 0;
  readyState = 0;
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.all.push(this);
  }
  open(m: string, u: string) {
    this.method = m;
    this.url = u;
  }
  setRequestHeader() {}
  getResponseHeader() {
    return null;
  }
  send(b: unknown) {
    this.body = b;
  }
  abort() {}
  respond(status: number) {
    this.status = status;
    this.readyState = 4;
    this.onload?.();
  }
}

const MB = 1024 * 1024;
function fileOf(name: string, type: string, size = 2048): File {
  const f = new File([new Uint8Array(16)], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    FakeXhr.all = [];
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([userIdInterceptor])), provideHttpClientTesting()],
    });
    TestBed.inject(UploadService).xhrFactory = () => new FakeXhr() as unknown as XMLHttpRequest;
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(HomePage);
    fixture.detectChanges();
    http.expectOne('/api/catalog').flush(CATALOG);
    await new Promise((r) => setTimeout(r, 0)); // the recent-jobs list loads on a timer(0)
    http.expectOne('/api/jobs').flush({ jobs: [] });
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const el = () => fixture.nativeElement as HTMLElement;
  const q = <T extends Element = HTMLElement>(id: string) => el().querySelector(`[data-testid="${id}"]`) as T | null;

  function pick(testId: string, file: File) {
    const input = q<HTMLInputElement>(testId)!;
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  async function flushMicrotasks() {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();
  }

  it('offers the test hooks a browser test relies on', () => {
    expect(q('dropzone')).not.toBeNull();
    expect(q<HTMLInputElement>('file-input')!.type).toBe('file');
    expect(q<HTMLInputElement>('reference-input')!.type).toBe('file');
    expect(q('submit')!.textContent).toContain('Master it');
    expect(q('recent-jobs')!.textContent).toContain('No jobs yet');
  });

  it('refuses a too-large file with a clear message and uploads nothing', async () => {
    pick('file-input', fileOf('huge.wav', 'audio/wav', 812 * MB));
    expect(q('upload-error')!.textContent!.trim()).toBe('File is 812 MB; the limit is 477 MB.');
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    http.expectNone('/api/uploads/presign');
    expect(FakeXhr.all).toHaveLength(0);
  });

  it('takes a mix dropped on the drop zone and shows its name and size', () => {
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [fileOf('dropped.aiff', '', 3 * MB)], types: ['Files'] } });
    q('dropzone')!.dispatchEvent(drop);
    fixture.detectChanges();
    expect(drop.defaultPrevented).toBe(true);
    expect(q('dropzone')!.textContent).toContain('dropped.aiff');
    expect(q('dropzone')!.textContent).toContain('3 MB');
    expect(q('upload-error')).toBeNull();
  });

  it('refuses an MP3 before any upload', () => {
    pick('file-input', fileOf('demo.mp3', 'audio/mpeg'));
    expect(q('upload-error')!.textContent).toContain('.mp3 files are not supported');
    http.expectNone('/api/uploads/presign');
  });

  it('asks for a file when Master it is pressed without one', async () => {
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    expect(q('upload-error')!.textContent).toContain('Choose a mix to master first');
  });

  it('presigns, uploads with a progress bar, creates the job and opens its page', async () => {
    pick('file-input', fileOf('song.wav', ''));
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();

    const presign = http.expectOne('/api/uploads/presign');
    expect(presign.request.body).toEqual({ fileName: 'song.wav', contentType: 'audio/wav', size: 2048, kind: 'source' });
    presign.flush({ objectKey: 'uploads/u/1/song.wav', url: '/api/uploads/blob?sig=1', method: 'PUT', headers: {}, fields: {} });
    await flushMicrotasks();

    const xhr = FakeXhr.all[0];
    expect(xhr.method).toBe('PUT');
    xhr.upload.onprogress!({ loaded: 1024, total: 2048, lengthComputable: true } as ProgressEvent);
    fixture.detectChanges();
    const bar = q<HTMLProgressElement>('upload-progress')!;
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.value).toBe(50);
    expect(q<HTMLButtonElement>('submit')!.disabled).toBe(true);

    xhr.respond(200);
    await flushMicrotasks();
    const create = http.expectOne('/api/jobs');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      objectKey: 'uploads/u/1/song.wav',
      fileName: 'song.wav',
      referenceObjectKey: undefined,
      referenceFileName: undefined,
      options: { target: 'streaming', style: 'balanced', intensity: 'medium', bitDepth: 24, width: false },
    });
    create.flush({ jobId: 'job-42', status: 'queued' }, { status: 201, statusText: 'Created' });
    await flushMicrotasks();
    expect(router.navigate).toHaveBeenCalledWith(['/jobs', 'job-42']);
  });

  it('uploads the reference too and sends the match amount', async () => {
    pick('file-input', fileOf('song.flac', 'audio/flac'));
    pick('reference-input', fileOf('ref.wav', 'audio/x-wav'));
    expect(q('match-amount')).not.toBeNull();
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();

    http.expectOne('/api/uploads/presign').flush({ objectKey: 'k-mix', url: 'https://s3/b', method: 'POST', fields: { key: 'k-mix' } });
    await flushMicrotasks();
    FakeXhr.all[0].respond(204);
    await flushMicrotasks();
    const refPresign = http.expectOne('/api/uploads/presign');
    expect(refPresign.request.body.kind).toBe('reference');
    expect(refPresign.request.body.contentType).toBe('audio/x-wav');
    refPresign.flush({ objectKey: 'k-ref', url: 'https://s3/b', method: 'POST', fields: { key: 'k-ref' } });
    await flushMicrotasks();
    FakeXhr.all[1].respond(204);
    await flushMicrotasks();
    const create = http.expectOne('/api/jobs');
    expect(create.request.body.referenceObjectKey).toBe('k-ref');
    expect(create.request.body.options.amount).toBe(100);
    create.flush({ jobId: 'j', status: 'queued' });
    await flushMicrotasks();
  });

  it("shows the server's problem detail and lets the musician try again", async () => {
    pick('file-input', fileOf('song.wav', 'audio/wav'));
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    http
      .expectOne('/api/uploads/presign')
      .flush(
        { title: 'Unsupported type', detail: 'Only WAV, AIFF and FLAC are accepted.', status: 415, code: 'unsupported_type' },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    await flushMicrotasks();
    expect(q('upload-error')!.textContent!.trim()).toBe('Only WAV, AIFF and FLAC are accepted.');
    expect(q<HTMLButtonElement>('submit')!.disabled).toBe(false);

    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    http.expectOne('/api/uploads/presign');
  });

  it('shows field errors of invalid options from the API', async () => {
    pick('file-input', fileOf('song.wav', 'audio/wav'));
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    http.expectOne('/api/uploads/presign').flush({ objectKey: 'k', url: '/api/up', method: 'PUT' });
    await flushMicrotasks();
    FakeXhr.all[0].respond(200);
    await flushMicrotasks();
    http.expectOne('/api/jobs').flush(
      {
        title: 'Invalid options',
        status: 400,
        code: 'invalid_options',
        errors: { 'options.lufs': ['Loudness target -40 LUFS is out of range; use -30 to -5 LUFS.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await flushMicrotasks();
    expect(q('upload-error')!.textContent).toContain('Loudness target -40 LUFS is out of range');
  });

  it('shows the preset figures and the custom fields only for a custom target', () => {
    expect(el().textContent).toContain('Integrated loudness -14 LUFS, true peak at most -1 dBTP.');
    const select = el().querySelector('#target') as HTMLSelectElement;
    select.value = 'club';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(el().textContent).toContain('Integrated loudness -8 LUFS, true peak at most -0.5 dBTP.');
    expect(q('custom-lufs')).toBeNull();
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(q('custom-lufs')).not.toBeNull();
    expect(q('custom-tp')).not.toBeNull();
  });

  it('stops a custom target that is out of range before uploading', async () => {
    fixture.componentInstance.options.update((o) => ({ ...o!, target: 'custom', lufs: -40, truePeakDbtp: -1 }));
    pick('file-input', fileOf('song.wav', 'audio/wav'));
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    expect(q('upload-error')!.textContent).toContain('Loudness target must be between -30 and -5 LUFS.');
    http.expectNone('/api/uploads/presign');
  });

  it('lets the musician cancel an upload and start again', async () => {
    pick('file-input', fileOf('song.wav', 'audio/wav'));
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    http.expectOne('/api/uploads/presign').flush({ objectKey: 'k', url: '/api/up', method: 'PUT' });
    await flushMicrotasks();
    const cancel = Array.from(el().querySelectorAll('button')).find((b) => b.textContent!.trim() === 'Cancel')!;
    cancel.click();
    await flushMicrotasks();
    expect(q('upload-error')!.textContent!.trim()).toBe('Upload cancelled.');
    expect(q('upload-progress')).toBeNull();
    expect(q<HTMLButtonElement>('submit')!.disabled).toBe(false);
    http.expectNone('/api/jobs');
  });

  it('renders the options from the catalog, labelled by its keys', () => {
    const targets = Array.from(el().querySelectorAll<HTMLOptionElement>('#target option')).map((o) => [o.value, o.textContent!.trim()]);
    expect(targets).toEqual([
      ['streaming', 'Streaming — -14 LUFS, -1 dBTP'],
      ['apple', 'Apple Music — -16 LUFS, -1 dBTP'],
      ['youtube', 'YouTube — -14 LUFS, -1 dBTP'],
      ['club', 'Club — -8 LUFS, -0.5 dBTP'],
      ['cd', 'CD — -10 LUFS, -0.3 dBTP'],
      ['custom', 'Custom…'],
    ]);
    const radios = (name: string) =>
      Array.from(el().querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)).map((r) => r.closest('label')!.textContent!.trim());
    expect(radios('style')).toEqual(['Warm', 'Balanced', 'Bright']);
    expect(radios('intensity')).toEqual(['Low', 'Medium', 'High']);
    expect(radios('bitDepth')).toEqual(['24-bit', '16-bit (dithered)']);
    expect(el().querySelector('input[name="style"]')!.closest('label')!.title).toBe('a little fuller lows, softer highs');
    expect(q('dropzone')!.textContent).toContain('WAV, AIFF or FLAC, up to 477 MB');
  });

  it('offers a choice the catalog adds, even before the app has words for it', async () => {
    const fresh = TestBed.createComponent(HomePage);
    fresh.componentInstance.catalog.set({ ...CATALOG, styles: [...CATALOG.styles, { id: 'dark', labelKey: 'style.dark' }] });
    fresh.componentInstance.options.set({ target: 'streaming', lufs: -14, truePeakDbtp: -1, style: 'dark', intensity: 'medium', bitDepth: 24, width: false, amount: 100 });
    fresh.detectChanges();
    await fresh.whenStable();
    fresh.detectChanges();
    const styles = Array.from((fresh.nativeElement as HTMLElement).querySelectorAll<HTMLInputElement>('input[name="style"]'));
    expect(styles.map((r) => r.closest('label')!.textContent!.trim())).toEqual(['Warm', 'Balanced', 'Bright', 'Dark']);
    expect(styles[3].checked).toBe(true);
  });

  it('takes the custom ranges from the catalog', async () => {
    const select = el().querySelector('#target') as HTMLSelectElement;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(q<HTMLInputElement>('custom-lufs')!.min).toBe('-30');
    expect(q<HTMLInputElement>('custom-tp')!.max).toBe('0');
    fixture.componentInstance.options.update((o) => ({ ...o!, truePeakDbtp: 0.5 }));
    pick('file-input', fileOf('song.wav', 'audio/wav'));
    q<HTMLButtonElement>('submit')!.click();
    await flushMicrotasks();
    expect(q('upload-error')!.textContent).toContain('True-peak ceiling must be between -6 and 0 dBTP.');
    http.expectNone('/api/uploads/presign');
  });
});

describe('HomePage without a catalog', () => {
  it('says the options could not be loaded and keeps the drop zones', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HomePage);
    fixture.detectChanges();
    http.expectOne('/api/catalog').flush({ title: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="catalog-error"]')!.textContent).toContain('could not be loaded');
    expect(el.querySelector('#target')).toBeNull();
    expect(el.querySelector('[data-testid="dropzone"]')).not.toBeNull();
  });
});
