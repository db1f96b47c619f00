import { healthResponse } from '@takehome/contracts';
import { request } from './http';

// 503 still carries a full report of which dependency is down.
export const fetchHealth = () => request(healthResponse, '/health', { acceptStatuses: [503] });
