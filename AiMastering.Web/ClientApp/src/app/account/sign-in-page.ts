import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AccountService } from '../core/account.service';
import { problemMessage, toProblem } from '../core/problem';

/** Sign in with email and password (or single sign-on, when the service offers it). */
@Component({
  selector: 'app-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink],
  template: `
    <section class="card narrow" aria-labelledby="signin-h">
      <h1 id="signin-h">Sign in</h1>
      <form (ngSubmit)="submit()" data-testid="signin-form">
        <label>Email <input name="email" type="email" autocomplete="username" required [(ngModel)]="email" data-testid="email" /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" data-testid="password" /></label>
        @if (error(); as message) {
          <p class="alert error" role="alert" data-testid="signin-error">{{ message }}</p>
        }
        <button type="submit" class="button primary" [disabled]="busy()" data-testid="signin">Sign in</button>
      </form>
      @if (accounts.account()?.singleSignOn; as sso) {
        <p><a class="button" href="/api/account/oidc/signin" data-testid="sso">Sign in with {{ sso }}</a></p>
      }
      @if (ssoFailed()) {
        <p class="alert error" role="alert">Single sign-on did not work. Try again, or sign in with a password.</p>
      }
      @if (accounts.account()?.allowSignUp) {
        <p class="muted">No account yet? <a routerLink="/signup" data-testid="to-signup">Create one</a>.</p>
      }
    </section>
  `,
  styles: `
    .narrow { max-width: 26rem; margin: 0 auto; }
    form { display: grid; gap: .75rem; }
    label { display: grid; gap: .25rem; }
  `,
})
export class SignInPage {
  /** Where to go after signing in (query parameter). */
  readonly next = input<string>();
  /** Set by the single sign-on round trip when it failed. */
  readonly error$ = input<string | undefined>(undefined, { alias: 'error' });

  protected readonly accounts = inject(AccountService);
  private readonly router = inject(Router);
  protected email = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly ssoFailed = () => this.error$() === 'sso';

  constructor() {
    if (!this.accounts.account()) this.accounts.load().subscribe({ error: () => undefined });
  }

  protected async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.accounts.signIn(this.email.trim(), this.password));
      await this.router.navigateByUrl(safeNext(this.next()));
    } catch (e) {
      this.error.set(problemMessage(toProblem(e)));
    } finally {
      this.busy.set(false);
    }
  }
}

/** Only paths on this site: never send a signed-in browser to another origin. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
