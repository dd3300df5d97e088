import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AccountService } from '../core/account.service';
import { problemMessage, toProblem } from '../core/problem';

/** Create an account (when the service allows sign-up) and start a session. */
@Component({
  selector: 'app-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink],
  template: `
    <section class="card narrow" aria-labelledby="signup-h">
      <h1 id="signup-h">Create an account</h1>
      <form (ngSubmit)="submit()" data-testid="signup-form">
        <label>Email <input name="email" type="email" autocomplete="username" required [(ngModel)]="email" data-testid="email" /></label>
        <label>Password (at least 10 characters)
          <input name="password" type="password" autocomplete="new-password" required minlength="10" [(ngModel)]="password" data-testid="password" />
        </label>
        @if (error(); as message) {
          <p class="alert error" role="alert" data-testid="signup-error">{{ message }}</p>
        }
        <button type="submit" class="button primary" [disabled]="busy()" data-testid="signup">Create account</button>
      </form>
      <p class="muted">Already have one? <a routerLink="/signin">Sign in</a>.</p>
    </section>
  `,
  styles: `
    .narrow { max-width: 26rem; margin: 0 auto; }
    form { display: grid; gap: .75rem; }
    label { display: grid; gap: .25rem; }
  `,
})
export class SignUpPage {
  private readonly accounts = inject(AccountService);
  private readonly router = inject(Router);
  protected email = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    if (!this.accounts.account()) this.accounts.load().subscribe({ error: () => undefined });
  }

  protected async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.accounts.signUp(this.email.trim(), this.password));
      await this.router.navigateByUrl('/');
    } catch (e) {
      this.error.set(problemMessage(toProblem(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
