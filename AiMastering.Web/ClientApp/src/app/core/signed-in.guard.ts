import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { AccountService } from './account.service';

/** In accounts mode, pages need a signed-in account: otherwise the sign-in page, coming back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const accounts = inject(AccountService);
  const router = inject(Router);
  return accounts.load().pipe(
    map((a) => (a.mode === 'none' || a.signedIn ? true : router.createUrlTree(['/signin'], { queryParams: { next: state.url } }))),
    // The API being down is the pages' own problem to show; do not hide them behind the sign-in page.
    catchError(() => of(true)),
  );
};
