import { candidateRun, type ConsoleRequestBody, consoleResponse, ownTestsOverview, serviceState, terminalFiles, terminalState, visibleTestCode } from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

const base = '/api/candidate/workbench';

export const fetchOwnTests = () => request(ownTestsOverview, `${base}/own-tests`);
export const startOwnTests = () => request(candidateRun, `${base}/own-tests`, { method: 'POST' });
export const fetchVisibleTestCode = () => request(visibleTestCode, `${base}/test-code`);

export const fetchServiceState = () => request(serviceState, `${base}/service`);
export const startService = () => request(serviceState, `${base}/service`, { method: 'POST' });
export const stopService = () => request(z.unknown(), `${base}/service`, { method: 'DELETE' });
export const sendConsoleRequest = (body: ConsoleRequestBody) => request(consoleResponse, `${base}/service/requests`, { method: 'POST', json: body });
export const fetchTerminalState = () => request(terminalState, `${base}/terminal`);
export const startTerminal = () => request(terminalState, `${base}/terminal`, { method: 'POST' });
export const stopTerminal = () => request(z.unknown(), `${base}/terminal`, { method: 'DELETE' });
export const fetchTerminalFiles = () => request(terminalFiles, `${base}/terminal/files`);
export const terminalSocketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${base}/terminal/socket`;
