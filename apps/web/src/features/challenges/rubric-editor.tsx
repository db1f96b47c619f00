import { Accordion, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { RubricView } from '@takehome/contracts';

type Criterion = RubricView['criteria'][number];

/** Edits titles, descriptions, weights and level wording; keys stay fixed because reviews refer to them. */
export function RubricEditor({ value, onChange }: { value: RubricView; onChange: (rubric: RubricView) => void }) {
  const update = (index: number, patch: Partial<Criterion>) =>
    onChange({ criteria: value.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const updateLevel = (index: number, score: number, patch: { label?: string; descriptor?: string }) =>
    update(index, { levels: value.criteria[index].levels.map((l) => (l.score === score ? { ...l, ...patch } : l)) });

  return (
    <Accordion variant="separated" multiple>
      {value.criteria.map((criterion, index) => (
        <Accordion.Item key={criterion.key} value={criterion.key}>
          <Accordion.Control>
            <Group justify="space-between" pr="sm">
              <Text fw={600}>{criterion.title || criterion.key}</Text>
              <Text size="sm" c="dimmed">
                weight {criterion.weight}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <TextInput label="Title" value={criterion.title} onChange={(e) => update(index, { title: e.currentTarget.value })} />
                <NumberInput
                  label="Weight"
                  min={1}
                  max={100}
                  value={criterion.weight}
                  onChange={(v) => update(index, { weight: typeof v === 'number' ? v : Number(v) || 0 })}
                />
              </Group>
              <Textarea label="Description" autosize minRows={2} value={criterion.description} onChange={(e) => update(index, { description: e.currentTarget.value })} />
              {criterion.levels.map((level) => (
                <Group key={level.score} align="flex-start" wrap="nowrap">
                  <TextInput
                    w={160}
                    label={`Level ${level.score}`}
                    value={level.label}
                    onChange={(e) => updateLevel(index, level.score, { label: e.currentTarget.value })}
                  />
                  <Textarea
                    style={{ flex: 1 }}
                    label={`Level ${level.score} evidence`}
                    autosize
                    minRows={1}
                    value={level.descriptor}
                    onChange={(e) => updateLevel(index, level.score, { descriptor: e.currentTarget.value })}
                  />
                </Group>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
