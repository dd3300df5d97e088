import { TestBed } from '@angular/core/testing';
import { PresignResponse } from '../core/models';
import { getUserId } from '../core/user-id';
import { UploadError, UploadEvent, UploadService, buildUploadForm, uploadErrorFrom } from './upload.service';

/** A stand-in for the browser's XMLHttpRequest: the one edge the service talks to. */
class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  readyState = 0;
  responseText = '';
  responseHeaders: Record<string, string> = {};
  aborted = false;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  respond(status: number, text = '', headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = text;
    this.responseHeaders = headers;
    this.readyState = 4;
    this.onload?.();
  }
}

function setup() {
  const service = TestBed.inject(UploadService);
  service.xhrFactory = () => new FakeXhr() as unknown as XMLHttpRequest;
  return service;
}

const wav = () => new File([new Uint8Array(1000)], 'mix.wav', { type: 'audio/wav' });

describe('UploadService', () => {
  it('PUTs the raw file with the presigned headers', () => {
    const service = setup();
    const file = wav();
    const grant: PresignResponse = {
      objectKey: 'uploads/u/1/mix.wav',
      url: 'https://storage.example/bucket/uploads/u/1/mix.wav?X-Amz-Signature=abc',
      method: 'PUT',
      headers: { 'Content-Type': 'audio/wav' },
    };
    service.upload(grant, file).subscribe();
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe(grant.url);
    expect(xhr.body).toBe(file);
    expect(xhr.headers).toEqual({ 'Content-Type': 'audio/wav' });
  });

  it('POSTs a form with every policy field first and the file last as "file"', async () => {
    const service = setup();
    const file = wav();
    const grant: PresignResponse = {
      objectKey: 'uploads/u/1/mix.wav',
      url: 'https://storage.example/bucket',
      method: 'POST',
      fields: { key: 'uploads/u/1/mix.wav', 'Content-Type': 'audio/wav', Policy: 'eyJ...', 'X-Amz-Signature': 'sig' },
      headers: { 'X-Should-Not-Be-Sent': 'no' },
    };
    service.upload(grant, file).subscribe();
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('POST');
    const form = xhr.body as FormData;
    expect(Array.from(form.keys())).toEqual(['key', 'Content-Type', 'Policy', 'X-Amz-Signature', 'file']);
    expect(form.get('key')).toBe('uploads/u/1/mix.wav');
    const sent = form.get('file') as File;
    expect(sent.name).toBe('mix.wav');
    expect(sent.size).toBe(1000);
    // A browser sets the multipart boundary itself; no custom headers on a cross-origin form post.
    expect(xhr.headers).toEqual({});
  });

  it('sends the caller id only to our own root-relative upload URL', () => {
    const service = setup();
    service.upload({ objectKey: 'k', url: '/api/uploads/blob/k?sig=1', method: 'PUT', headers: {} }, wav()).subscribe();
    expect(FakeXhr.last.headers['X-User-Id']).toBe(getUserId());
  });

  it('reports progress as a fraction and finishes with done on 2xx', () => {
    const service = setup();
    const events: UploadEvent[] = [];
    let completed = false;
    service.upload({ objectKey: 'k', url: '/u', method: 'PUT' }, wav()).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    FakeXhr.last.progress(250, 1000);
    FakeXhr.last.progress(750, 1000);
    FakeXhr.last.respond(204);
    expect(events.filter((e) => e.type === 'progress').map((e) => (e as { fraction: number }).fraction)).toEqual([0.25, 0.75, 1]);
    expect(events.at(-1)).toEqual({ type: 'done' });
    expect(completed).toBe(true);
  });

  it("fails with the API's problem detail when our own upload endpoint refuses", () => {
    const service = setup();
    let error: UploadError | undefined;
    service.upload({ objectKey: 'k', url: '/api/uploads/blob/k', method: 'PUT' }, wav()).subscribe({ error: (e) => (error = e) });
    FakeXhr.last.respond(
      413,
      JSON.stringify({ title: 'Too large', detail: 'File is 812 MB; the limit is 500 MB.', status: 413, code: 'file_too_large' }),
      { 'Content-Type': 'application/problem+json' },
    );
    expect(error).toBeInstanceOf(UploadError);
    expect(error!.message).toBe('File is 812 MB; the limit is 500 MB.');
    expect(error!.status).toBe(413);
  });

  it("fails with S3's own message when the storage refuses", () => {
    const service = setup();
    let error: Error | undefined;
    service.upload({ objectKey: 'k', url: 'https://s3/b', method: 'POST', fields: {} }, wav()).subscribe({ error: (e) => (error = e) });
    FakeXhr.last.respond(
      403,
      '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Policy expired.</Message></Error>',
      { 'Content-Type': 'application/xml' },
    );
    expect(error!.message).toBe('The storage refused the upload: Policy expired.');
  });

  it('says the network failed when the request never got an answer', () => {
    const service = setup();
    let error: Error | undefined;
    service.upload({ objectKey: 'k', url: '/u', method: 'PUT' }, wav()).subscribe({ error: (e) => (error = e) });
    FakeXhr.last.onerror!();
    expect(error!.message).toContain('could not be reached');
  });

  it('aborts the request when the caller unsubscribes', () => {
    const service = setup();
    const sub = service.upload({ objectKey: 'k', url: '/u', method: 'PUT' }, wav()).subscribe({ error: () => undefined });
    sub.unsubscribe();
    expect(FakeXhr.last.aborted).toBe(true);
  });
});

describe('buildUploadForm', () => {
  it('works without fields', () => {
    const form = buildUploadForm(undefined, new Blob(['x']), 'a.wav');
    expect(Array.from(form.keys())).toEqual(['file']);
  });
});

describe('uploadErrorFrom', () => {
  it('falls back to the HTTP status', () => {
    const e = uploadErrorFrom({ status: 500, responseText: '', getResponseHeader: () => null });
    expect(e.message).toBe('The upload failed (HTTP 500). Please try again.');
  });
});
