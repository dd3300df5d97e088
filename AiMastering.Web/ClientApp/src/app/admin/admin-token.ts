/** An admin's personal API token entered on the page (sent as a bearer token), kept for this browser tab only. */
export const ADMIN_TOKEN_KEY = 'aim.adminToken';

export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_KEY) || null;
  } catch {
    return null; // storage blocked: ask again each time
  }
}

export function storeAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(ADMIN_TOKEN_KEY, token);
    else sessionStorage.removeItem(ADMIN_TOKEN_KEY);
  } catch {
    // storage blocked: the token lives in memory only
  }
}
