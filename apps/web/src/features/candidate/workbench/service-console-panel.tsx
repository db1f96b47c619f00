import { Alert, Badge, Button, Code, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { CONSOLE_METHODS, type ConsoleResponse, type ServiceState } from '@takehome/contracts';
import { useState } from 'react';
import { errorMessage } from '../../../api/http';
import { fetchServiceState, sendConsoleRequest, startService, stopService } from './workbench-api';

/** "Name: value" lines into a header map; a line without a colon is reported, never guessed at. */
function parseHeaders(text: string): { headers: Record<string, string>; bad?: string } {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf(':');
    if (at < 1) return { headers, bad: `Header line “${line}” needs the form Name: value.` };
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { headers };
}

/**
 * Starts the candidate's service from their saved files in the sandbox and sends it requests. Everything is
 * shown as plain text: the service's answer is the candidate's own output, never rendered as HTML.
 */
export function ServiceConsolePanel({ disabled, beforeStart }: { disabled: boolean; beforeStart: () => Promise<boolean> }) {
  const [service, setService] = useState<ServiceState | null>(null);
  const [busy, setBusy] = useState<'start' | 'stop' | 'send' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [method, setMethod] = useState<string>('GET');
  const [path, setPath] = useState('/health');
  const [headerText, setHeaderText] = useState('');
  const [body, setBody] = useState('');
  const [response, setResponse] = useState<ConsoleResponse | null>(null);

  const act = async (what: 'start' | 'stop' | 'send', fn: () => Promise<void>) => {
    setError(null);
    setBusy(what);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const start = () =>
    act('start', async () => {
      if (!(await beforeStart())) throw new Error('Some files are not saved yet; try again in a moment.');
      setService(await startService());
    });
  const stop = () => act('stop', async () => void (await stopService(), setService({ running: false, ready: false, output: '' })));
  const send = () =>
    act('send', async () => {
      const { headers, bad } = parseHeaders(headerText);
      if (bad) throw new Error(bad);
      setResponse(await sendConsoleRequest({ method: method as (typeof CONSOLE_METHODS)[number], path, headers, body }));
      // The service's log after the request: what it printed while handling it.
      setService(await fetchServiceState());
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed">Starts your service from your saved files in the sandbox (no network) and sends it requests. It stops after a few idle minutes.</Text>
        <Group gap="xs" wrap="nowrap">
          <Button onClick={start} loading={busy === 'start'} disabled={disabled}>{service?.running ? 'Restart service' : 'Start service'}</Button>
          {service?.running && <Button variant="default" onClick={stop} loading={busy === 'stop'}>Stop</Button>}
        </Group>
      </Group>
      {service && (
        <Group gap="xs" aria-live="polite">
          <Badge aria-label="Service status" color={service.running ? (service.ready ? 'green' : 'orange') : 'gray'}>
            {service.running ? (service.ready ? 'service running' : 'started, not answering') : 'service stopped'}
          </Badge>
        </Group>
      )}
      {error && <Alert color="orange" role="alert">{error}</Alert>}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select label="Request method" data={[...CONSOLE_METHODS]} value={method} onChange={(v) => setMethod(v ?? 'GET')} allowDeselect={false} w={140} />
        <TextInput label="Request URL" description="A path on your service, e.g. /health" value={path} onChange={(e) => setPath(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button onClick={send} loading={busy === 'send'} disabled={disabled || !service?.running}>Send</Button>
      </Group>
      <Textarea label="Request headers" description="One per line: Name: value" autosize minRows={1} maxRows={4} value={headerText} onChange={(e) => setHeaderText(e.currentTarget.value)} />
      <Textarea label="Request body" autosize minRows={2} maxRows={8} value={body} onChange={(e) => setBody(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
      {response && (
        <Stack gap={4} aria-live="polite" aria-label="Response">
          {response.ok ? (
            <>
              <Group gap="xs">
                <Badge aria-label="Response status" color={response.status < 400 ? 'green' : 'red'}>{response.status}</Badge>
                <Text size="xs" c="dimmed">{Math.round(response.durationMs)} ms{response.truncated ? ' · body cut at 256 KB' : ''}</Text>
              </Group>
              <Code block aria-label="Response headers">{response.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}</Code>
              <Code block aria-label="Response body" style={{ maxHeight: 300, overflow: 'auto', whiteSpace: 'pre-wrap' }}>{response.body || '(empty body)'}</Code>
            </>
          ) : (
            <Alert color="red" title="No response">{response.error}</Alert>
          )}
        </Stack>
      )}
      {service?.output && (
        <details>
          <summary>Your service's output</summary>
          <Code block style={{ maxHeight: 240, overflow: 'auto' }}>{service.output}</Code>
        </details>
      )}
    </Stack>
  );
}
