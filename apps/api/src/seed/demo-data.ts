import type { UserRole } from '@takehome/db';

/** The demo organization `npm start` creates, and the logins it prints. Local use only. */
export const DEMO_PASSWORD = 'takehome-demo';

export const demoOrganization = { slug: 'demo', name: 'Demo Company' };

export const demoUsers: { email: string; name: string; role: UserRole }[] = [
  { email: 'admin@demo.takehome.test', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'lead@demo.takehome.test', name: 'Lena Lead', role: 'HIRING_LEAD' },
  { email: 'reviewer1@demo.takehome.test', name: 'Ravi Reviewer', role: 'REVIEWER' },
  { email: 'reviewer2@demo.takehome.test', name: 'Rosa Reviewer', role: 'REVIEWER' },
];
