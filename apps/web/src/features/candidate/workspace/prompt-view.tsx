import { Typography } from '@mantine/core';
import ReactMarkdown from 'react-markdown';

/** The challenge prompt as rendered markdown; long lines and code wrap instead of widening the page. */
export function PromptView({ markdown }: { markdown: string }) {
  return (
    <Typography style={{ overflowWrap: 'anywhere' }}>
      <ReactMarkdown>{markdown}</ReactMarkdown>
    </Typography>
  );
}
