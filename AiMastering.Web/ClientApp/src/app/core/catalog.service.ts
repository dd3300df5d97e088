import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, shareReplay } from 'rxjs';
import { Catalog } from './models';

/** GET /api/catalog, fetched once per page load and shared (a failed fetch is tried again by the next caller). */
@Injectable({ providedIn: 'root' })
export class CatalogService {
  private readonly http = inject(HttpClient);
  private catalog?: Observable<Catalog>;

  load(): Observable<Catalog> {
    this.catalog ??= this.http.get<Catalog>('/api/catalog').pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.catalog;
  }
}
