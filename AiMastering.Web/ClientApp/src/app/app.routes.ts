import { Routes } from '@angular/router';
import { SignInPage } from './account/sign-in-page';
import { SignUpPage } from './account/sign-up-page';
import { AdminPage } from './admin/admin-page';
import { signedInGuard } from './core/signed-in.guard';
import { HomePage } from './home/home-page';
import { JobPage } from './job/job-page';

export const routes: Routes = [
  { path: '', component: HomePage, title: 'AI Mastering', canActivate: [signedInGuard] },
  { path: 'jobs/:id', component: JobPage, title: 'Your master — AI Mastering', canActivate: [signedInGuard] },
  { path: 'admin', component: AdminPage, title: 'All jobs (operators) — AI Mastering', canActivate: [signedInGuard] },
  { path: 'signin', component: SignInPage, title: 'Sign in — AI Mastering' },
  { path: 'signup', component: SignUpPage, title: 'Create an account — AI Mastering' },
  { path: '**', redirectTo: '' },
];
