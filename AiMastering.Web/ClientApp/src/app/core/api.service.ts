import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CreateJobRequest, CreateJobResponse, Job, JobList, PresignRequest, PresignResponse } from './models';

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

  /** Fetches a JSON artifact (analysis, decision, report) by its signed URL. */
  getDocument<T>(url: string): Observable<T> {
    return this.http.get<T>(url);
  }
}
