import { HttpInterceptorFn } from '@angular/common/http';
import { getUserId, isOwnApiUrl } from './user-id';

/**
 * Adds the caller's identity to every request to our API. Never to storage URLs on other origins:
 * a custom header there would trigger a CORS preflight the bucket may refuse.
 */
export const userIdInterceptor: HttpInterceptorFn = (req, next) =>
  isOwnApiUrl(req.url) ? next(req.clone({ setHeaders: { 'X-User-Id': getUserId() } })) : next(req);
