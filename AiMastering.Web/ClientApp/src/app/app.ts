import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { AccountService } from './core/account.service';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink],
  template: `
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <a routerLink="/" class="brand" aria-label="AI Mastering, home">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M2 12h2l2-6 3 12 3-9 2 6 2-3h6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>
        AI Mastering
      </a>
      @if (accounts.account(); as account) {
        @if (account.mode === 'accounts' && account.signedIn) {
          <span class="who">
            <span data-testid="signed-in-as">{{ account.email }}</span>
            <button type="button" class="button" (click)="signOut()" data-testid="sign-out">Sign out</button>
          </span>
        }
      }
    </header>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
    <footer class="foot muted">
      Self-hosted automatic mastering. Your files stay on this server.
      <a routerLink="/admin" class="admin-link" data-testid="admin-link">Operators</a>
    </footer>
  `,
  styles: `
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    .top { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 1rem clamp(1rem, 4vw, 2rem); border-bottom: 1px solid var(--line); background: var(--surface); }
    .who { display: inline-flex; align-items: center; gap: .75rem; font-size: .9rem; }
    .brand { display: inline-flex; align-items: center; gap: .5rem; font-weight: 700; color: var(--text); text-decoration: none; font-size: 1.1rem; }
    .brand svg { color: var(--accent); }
    main { flex: 1; width: 100%; max-width: 60rem; margin: 0 auto; padding: 1.5rem clamp(1rem, 4vw, 2rem) 3rem; box-sizing: border-box; outline: none; }
    .foot { text-align: center; padding: 1rem; font-size: .8rem; }
    .admin-link { color: inherit; margin-left: .75rem; opacity: .7; }
    .skip { position: absolute; left: -999px; top: 0; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--surface); padding: .5rem 1rem; z-index: 10; }
  `,
})
export class App {
  protected readonly accounts = inject(AccountService);
  private readonly router = inject(Router);

  protected signOut(): void {
    this.accounts.signOut().subscribe({ next: () => void this.router.navigateByUrl('/signin'), error: () => void this.router.navigateByUrl('/signin') });
  }
}
