import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CreateJobRequest, CreateJobResponse, Job, JobList, JobStatus, PresignRequest, PresignResponse } from './models';

/** The API behind the front door. X-User-Id is added by userIdInterceptor. */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly http = inject(HttpClient);

  presign(request: PresignRequest): Observable<PresignResponse> {
    return this.http.post<PresignResponse>('/api/uploads/presign', request);
  }

  createJob(request: CreateJobRequest): Observable<CreateJobResponse> {
    return this.http.post<CreateJobResponse>('/api/jobs', request);
  }

  getJob(jobId: string): Observable<Job> {
    return this.http.get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`);
  }

  listJobs(): Observable<Job[]> {
    return this.http.get<JobList>('/api/jobs').pipe(map((r) => (Array.isArray(r?.jobs) ? r.jobs : [])));
  }

  /** Deletes the job and every file of it (owner or admin). */
  deleteJob(jobId: string): Observable<unknown> {
    return this.http.delete(`/api/jobs/${encodeURIComponent(jobId)}`);
  }

  /** Every user's jobs, newest first (operators). An admin's API token is sent only when one was entered. */
  adminJobs(status: JobStatus | null, limit: number, token: string | null): Observable<Job[]> {
    const params: Record<string, string> = { limit: `${limit}` };
    if (status) params['status'] = status;
    return this.http
      .get<JobList>('/api/admin/jobs', { params, headers: adminHeaders(token) })
      .pipe(map((r) => (Array.isArray(r?.jobs) ? r.jobs : [])));
  }

  /** Queues a failed job again (202); 409 problem+json when it is not failed. */
  adminRetry(jobId: string, token: string | null): Observable<unknown> {
    return this.http.post(`/api/admin/jobs/${encodeURIComponent(jobId)}/retry`, null, { headers: adminHeaders(token) });
  }

  /** Fetches a JSON artifact (analysis, decision, report) by its signed URL. */
  getDocument<T>(url: string): Observable<T> {
    return this.http.get<T>(url);
  }
}

/** A signed-in admin needs no token; a token entered on the page is an admin's personal API token. */
function adminHeaders(token: string | null): HttpHeaders {
  return token ? new HttpHeaders({ Authorization: `Bearer ${token}` }) : new HttpHeaders();
}
