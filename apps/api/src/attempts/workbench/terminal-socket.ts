import type { NestExpressApplication } from '@nestjs/platform-express';
import { CANDIDATE_SESSION_COOKIE } from '@takehome/contracts';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CandidateSessionsService } from '../../candidate-sessions/candidate-sessions.service';
import { TerminalService } from './terminal.service';

export const TERMINAL_SOCKET_PATH = '/api/candidate/workbench/terminal/socket';

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function refuse(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The terminal's WebSocket, beside the HTTP routes (Nest's guards do not see upgrades, so the same checks are
 * made here): the origin must be this site's (a WebSocket is not bound by CORS, so another site could open
 * one with the candidate's cookie otherwise), and the candidate session cookie must resolve.
 */
export function installTerminalSocket(app: NestExpressApplication, publicUrl: string): void {
  const publicOrigin = new URL(publicUrl).origin;
  const sessions = app.get(CandidateSessionsService);
  const terminal = app.get(TerminalService);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
  app.getHttpServer().on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== TERMINAL_SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    const origin = req.headers.origin;
    if (!origin || (origin !== publicOrigin && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`)) {
      return refuse(socket, 403, 'Forbidden');
    }
    const token = cookie(req, CANDIDATE_SESSION_COOKIE);
    void (token ? sessions.resolve(token) : Promise.resolve(null)).then(
      (session) => {
        if (!session) return refuse(socket, 401, 'Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => void terminal.bridge(ws, session.invitation));
      },
      () => refuse(socket, 503, 'Service Unavailable'),
    );
  });
}
