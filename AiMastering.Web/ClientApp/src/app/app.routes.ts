import { Routes } from '@angular/router';
import { HomePage } from './home/home-page';
import { JobPage } from './job/job-page';

export const routes: Routes = [
  { path: '', component: HomePage, title: 'AI Mastering' },
  { path: 'jobs/:id', component: JobPage, title: 'Your master — AI Mastering' },
  { path: '**', redirectTo: '' },
];
