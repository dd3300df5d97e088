import { Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import { Problem, PresignResponse } from '../core/models';
import { getUserId, isOwnApiUrl } from '../core/user-id';

export type UploadEvent = { type: 'progress'; loaded: number; total: number; fraction: number } | { type: 'done' };

/** Failure of the upload itself (the storage's answer, or the network). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The XHR constructor is the browser edge; tests swap it for a fake. */
export type XhrFactory = () => XMLHttpRequest;

/** Builds the multipart form of a presigned POST: every policy field first, the file last as "file". */
export function buildUploadForm(fields: Record<string, string> | undefined, file: Blob, fileName?: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields ?? {})) {
    form.append(name, value);
  }
  if (fileName !== undefined) form.append('file', file, fileName);
  else form.append('file', file);
  return form;
}

@Injectable({ providedIn: 'root' })
export class UploadService {
  /** Replaced in tests. */
  xhrFactory: XhrFactory = () => new XMLHttpRequest();

  /**
   * Sends the file where the presign said: PUT with the raw bytes and the given headers, or POST
   * as a multipart form. Emits progress, then 'done'; errors with an UploadError. Unsubscribing aborts.
   */
  upload(grant: PresignResponse, file: File): Observable<UploadEvent> {
    return new Observable<UploadEvent>((subscriber) => {
      const xhr = this.xhrFactory();
      const method = (grant.method || 'PUT').toUpperCase();
      xhr.open(method, grant.url, true);

      if (method === 'PUT') {
        for (const [name, value] of Object.entries(grant.headers ?? {})) {
          xhr.setRequestHeader(name, value);
        }
      }
      // Our own signed URL (embedded mode) is on the API; it may want to know who is uploading.
      if (isOwnApiUrl(grant.url)) xhr.setRequestHeader('X-User-Id', getUserId());

      xhr.upload.onprogress = (e: ProgressEvent) => {
        const total = e.lengthComputable && e.total > 0 ? e.total : file.size;
        subscriber.next({ type: 'progress', loaded: e.loaded, total, fraction: total > 0 ? Math.min(1, e.loaded / total) : 0 });
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          subscriber.next({ type: 'progress', loaded: file.size, total: file.size, fraction: 1 });
          subscriber.next({ type: 'done' });
          subscriber.complete();
        } else {
          subscriber.error(uploadErrorFrom(xhr));
        }
      };
      xhr.onerror = () =>
        subscriber.error(new UploadError('The upload failed: the storage could not be reached. Check your connection and try again.', 0));
      xhr.ontimeout = () => subscriber.error(new UploadError('The upload timed out. Please try again.', 0));
      xhr.onabort = () => subscriber.error(new UploadError('The upload was cancelled.', 0));

      const body = method === 'POST' ? buildUploadForm(grant.fields, file, file.name) : file;
      xhr.send(body);

      return () => {
        xhr.onabort = null;
        if (xhr.readyState !== 4) xhr.abort();
      };
    });
  }
}

/** Turns the storage's refusal (problem+json from our API, XML from S3, or nothing) into words. */
export function uploadErrorFrom(xhr: Pick<XMLHttpRequest, 'status' | 'responseText' | 'getResponseHeader'>): UploadError {
  const status = xhr.status;
  const text = safeText(xhr);
  const contentType = xhr.getResponseHeader('Content-Type') ?? '';
  if (text && (contentType.includes('json') || text.trimStart().startsWith('{'))) {
    try {
      const problem = JSON.parse(text) as Problem;
      const message = problem.detail || problem.title;
      if (message) return new UploadError(message, status, problem);
    } catch {
      /* not JSON after all */
    }
  }
  const s3Message = /<Message>([\s\S]*?)<\/Message>/i.exec(text)?.[1]?.trim();
  const s3Code = /<Code>([\s\S]*?)<\/Code>/i.exec(text)?.[1]?.trim();
  if (s3Code === 'EntityTooLarge') return new UploadError('The storage refused the file: it is larger than allowed.', status);
  if (s3Message) return new UploadError(`The storage refused the upload: ${s3Message}`, status);
  return new UploadError(`The upload failed (HTTP ${status}). Please try again.`, status);
}

function safeText(xhr: Pick<XMLHttpRequest, 'responseText'>): string {
  try {
    return xhr.responseText ?? '';
  } catch {
    return '';
  }
}
