import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from './models';

/** Plain-language wording of the API's closed set of error codes (wire form: snake_case). */
const CODE_MESSAGES: Record<string, string> = {
  unsupported_type: 'This file type is not supported. Use WAV, AIFF or FLAC.',
  extension_mismatch: "The file's name and its contents don't agree on the format.",
  file_too_large: 'The file is larger than the upload limit.',
  empty_upload: 'The upload was empty.',
  upload_missing: 'The uploaded file could not be found. Please upload it again.',
  upload_signature_invalid: 'The upload link was not accepted. Please try again.',
  upload_expired: 'The upload link expired. Please try again.',
  invalid_options: 'Some mastering options are not valid.',
  job_not_found: 'This job does not exist, or it belongs to someone else.',
  empty_file: 'The file is empty.',
  no_audio: 'The file contains no audio.',
  truncated_file: 'The file is cut short; please export it again.',
  not_audio: 'The file is not an audio file.',
  format_mismatch: "The file's contents don't match its format.",
  invalid_header: 'The file header is damaged; please export it again.',
  silent_audio: 'The mix is silent, so there is nothing to master.',
  too_short: 'The mix is too short to master.',
  too_many_channels: 'Only mono and stereo mixes are supported.',
  unsupported_format: 'This audio encoding is not supported. Export as 16/24-bit or 32-bit float PCM.',
  reference_silent: 'The reference track is silent.',
  reference_too_short: 'The reference track is too short.',
  reference_undecodable: 'The reference track could not be read.',
  storage_unavailable: 'Storage is unavailable right now. Please try again in a moment.',
  database_unavailable: 'The service is unavailable right now. Please try again in a moment.',
  worker_lost: 'Processing was interrupted.',
  processing_failed: 'Processing failed.',
  internal: 'Something went wrong on our side.',
  upload_used: 'This upload has already been mastered. Upload the file again to master it with other settings.',
  too_long: 'The track is longer than this service accepts.',
  too_many_jobs: 'You already have the most masters waiting or in progress. Start this one when one of them is done.',
  quota_exceeded: 'Your storage here is full. Delete older masters to make room.',
  rate_limited: 'Too many requests in a short time. Wait a minute and try again.',
  job_busy: 'This master is being made right now. Delete it when it is done.',
  sign_in_failed: 'The email address or the password is not right.',
  sign_up_closed: 'Sign-up is turned off here. Ask the person who runs this service for an account.',
  account_invalid: 'The account could not be created.',
  antiforgery_failed: 'This page is out of date. Reload it and try again.',
  token_not_found: 'There is no such token.',
  unsupported_sample_rate: 'The sample rate is outside 8–384 kHz; export the mix at a common rate such as 44.1 or 48 kHz.',
  non_finite_samples: 'The file holds invalid samples (not-a-number or infinite values); export it again.',
};

export function describeErrorCode(code: string | undefined | null): string | undefined {
  return code ? CODE_MESSAGES[code] : undefined;
}

/** Reads problem details out of whatever an API call failed with. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return { status: 0, title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' };
    }
    const body = parseBody(error.error);
    if (isProblemLike(body)) {
      return { status: error.status, ...body };
    }
    const what = error.statusText && error.statusText !== 'OK' ? ` (${error.statusText})` : '';
    return { status: error.status, title: `The server answered HTTP ${error.status}${what}.` };
  }
  if (error && typeof error === 'object' && ('detail' in error || 'title' in error)) {
    return error as Problem;
  }
  if (error instanceof Error) return { detail: error.message };
  return { detail: String(error) };
}

function isProblemLike(body: unknown): body is Problem {
  return !!body && typeof body === 'object' && !Array.isArray(body) && ['title', 'detail', 'code', 'errors'].some((k) => k in body);
}

function parseBody(body: unknown): unknown {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return null;
    }
  }
  return body;
}

/** One sentence a musician can act on: the server's detail first, then our wording of its code. */
export function problemMessage(problem: Problem, fallback = 'Something went wrong. Please try again.'): string {
  const parts: string[] = [];
  const main = problem.detail || describeErrorCode(problem.code) || problem.title || fallback;
  parts.push(main);
  if (problem.errors) {
    for (const messages of Object.values(problem.errors)) {
      for (const m of messages ?? []) if (m && !parts.includes(m)) parts.push(m);
    }
  }
  return parts.join(' ');
}
