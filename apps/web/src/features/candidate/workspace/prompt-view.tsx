import { Paper, Text } from '@mantine/core';
import type { ChallengeService } from '@takehome/contracts';
import { MarkdownView } from '../../markdown/markdown-view';
import { ChallengeServicesList } from '../services/challenge-services-list';

/** The challenge prompt, rendered as the lead's preview renders it, under the services the code gets (if any). */
export function PromptView({ markdown, services = [] }: { markdown: string; services?: ChallengeService[] }) {
  return (
    <>
      {services.length > 0 && (
        <Paper component="section" withBorder p="xs" mb="sm" bg="gray.0" aria-label="Services">
          <Text size="sm" fw={600} mb={4}>Your service gets</Text>
          <ChallengeServicesList services={services} compact />
        </Paper>
      )}
      <MarkdownView>{markdown}</MarkdownView>
    </>
  );
}
