import { candidateRun, ownTestsOverview, visibleTestCode } from '@takehome/contracts';
import { request } from '../../../api/http';

const base = '/api/candidate/workbench';

export const fetchOwnTests = () => request(ownTestsOverview, `${base}/own-tests`);
export const startOwnTests = () => request(candidateRun, `${base}/own-tests`, { method: 'POST' });
export const fetchVisibleTestCode = () => request(visibleTestCode, `${base}/test-code`);
