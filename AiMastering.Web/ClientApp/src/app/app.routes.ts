import { Routes } from '@angular/router';
import { AdminPage } from './admin/admin-page';
import { HomePage } from './home/home-page';
import { JobPage } from './job/job-page';

export const routes: Routes = [
  { path: '', component: HomePage, title: 'AI Mastering' },
  { path: 'jobs/:id', component: JobPage, title: 'Your master — AI Mastering' },
  { path: 'admin', component: AdminPage, title: 'All jobs (operators) — AI Mastering' },
  { path: '**', redirectTo: '' },
];
