import { Alert, Code, List, Text } from '@mantine/core';
import { ApiError } from '../../api/http';

/** The server's answer to a rejected package: each problem with the file and field it is in. */
export function ValidationIssues({ error, title = 'The challenge was not saved' }: { error: Error | null; title?: string }) {
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" title={title} role="alert">
      {issues.length === 0 ? (
        <Text size="sm">{error.message}</Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Problems found">
          {issues.map((issue, i) => (
            <List.Item key={i}>
              <Code>{issue.path}</Code> {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
