import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef } from 'react';
import { terminalSocketUrl } from './workbench-api';

/**
 * xterm.js joined to the terminal's WebSocket: keystrokes go out as {type:'input'}, the shell's output comes
 * back as text, and size changes as {type:'resize'}. Closing the socket (unmount) ends this shell only.
 */
export function TerminalView({ onClosed }: { onClosed: (reason: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const term = new Terminal({ convertEol: false, cursorBlink: true, fontSize: 13, rows: 18, screenReaderMode: true });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    fit.fit();
    const ws = new WebSocket(terminalSocketUrl());
    const send = (message: object) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(message));
    ws.onopen = () => {
      send({ type: 'resize', cols: term.cols, rows: term.rows });
      term.focus();
    };
    ws.onmessage = (event) => term.write(String(event.data));
    ws.onclose = (event) => onClosed(event.reason || 'The terminal connection closed.');
    const input = term.onData((data) => send({ type: 'input', data }));
    const resize = term.onResize(({ cols, rows }) => send({ type: 'resize', cols, rows }));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(host.current!);
    return () => {
      observer.disconnect();
      input.dispose();
      resize.dispose();
      ws.onclose = null;
      ws.close();
      term.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <div ref={host} aria-label="Terminal screen" style={{ height: 340, background: '#000', padding: 4 }} />;
}
