import { Alert, Button, Code, CopyButton, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useImportInvitations } from '../hooks/use-pipeline';

/**
 * Good rows are imported together and each bad one is reported by its line (as a spreadsheet numbers it),
 * so the lead fixes only those rows and uploads them again.
 */
export function CsvImportForm({ assessmentId }: { assessmentId: string }) {
  const upload = useImportInvitations(assessmentId);
  const [file, setFile] = useState<File | null>(null);
  const result = upload.data;

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <FileInput
          label="Candidates CSV"
          description={
            <>
              Columns <Code>name</Code>, <Code>email</Code> and optionally <Code>accommodation_minutes</Code>
            </>
          }
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          style={{ flex: 1 }}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          Import
        </Button>
      </Group>
      {upload.error && (
        <Alert color="red" title="The file was not imported" role="alert">
          {upload.error.message}
        </Alert>
      )}
      {result && (
        <section aria-label="Import result">
          <Alert color={result.problems.length ? 'yellow' : 'green'} title={`Imported ${result.imported.length} invitation${result.imported.length === 1 ? '' : 's'}`} role="status">
            {result.imported.length > 0 && (
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <Text size="sm" style={{ flex: 1 }}>
                  {result.imported.map((r) => r.name).join(', ')} {result.imported.length === 1 ? 'was' : 'were'} invited by email.
                </Text>
                {/* The links are shown only in this answer; copying them is the lead's one chance to keep them. */}
                <CopyButton value={result.imported.map((r) => `${r.name} <${r.email}>\t${r.link}`).join('\n')}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                      {copied ? 'Copied' : 'Copy links'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
            {result.problems.length > 0 && (
              <>
                <Text size="sm" mt="xs">
                  {result.problems.length} row{result.problems.length === 1 ? ' was' : 's were'} skipped:
                </Text>
                <Table aria-label="Import problems" withTableBorder mt={4} bg="var(--mantine-color-body)">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={80}>Line</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.problems.map((p) => (
                      <Table.Tr key={`${p.line}-${p.message}`}>
                        <Table.Td>{p.line}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Alert>
        </section>
      )}
    </Stack>
  );
}
