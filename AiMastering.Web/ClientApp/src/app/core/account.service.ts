import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';

/** GET /api/account/me: how the service knows callers, and who this browser is signed in as. */
export interface Account {
  mode: 'none' | 'accounts';
  signedIn: boolean;
  userId?: string;
  email?: string;
  isAdmin: boolean;
  allowSignUp: boolean;
  singleSignOn?: string;
}

/**
 * The signed-in account. Reading /api/account/me also gives the browser its antiforgery cookie
 * (XSRF-TOKEN), which Angular's HttpClient sends back as X-XSRF-TOKEN on every state-changing call.
 */
@Injectable({ providedIn: 'root' })
export class AccountService {
  private readonly http = inject(HttpClient);
  readonly account = signal<Account | null>(null);

  load(): Observable<Account> {
    return this.http.get<Account>('/api/account/me').pipe(tap((a) => this.account.set(a)));
  }

  signIn(email: string, password: string): Observable<Account> {
    return this.http.post<Account>('/api/account/signin', { email, password }).pipe(tap((a) => this.account.set(a)));
  }

  signUp(email: string, password: string): Observable<Account> {
    return this.http.post<Account>('/api/account/signup', { email, password }).pipe(tap((a) => this.account.set(a)));
  }

  signOut(): Observable<unknown> {
    return this.http.post('/api/account/signout', null).pipe(tap(() => this.account.set(null)));
  }
}
