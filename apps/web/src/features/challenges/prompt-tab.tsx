import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Prompts use GitHub-flavoured tables (e.g. the error cases of an API), which plain CommonMark leaves as text.
const plugins = [remarkGfm];

/** The prompt exactly as candidates will read it. react-markdown renders no raw HTML, so nothing in it runs. */
export function PromptTab({ prompt }: { prompt: string }) {
  return (
    <Typography>
      <Markdown remarkPlugins={plugins}>{prompt}</Markdown>
    </Typography>
  );
}
