import { MarkdownView } from '../markdown/markdown-view';

/** The prompt exactly as candidates will read it (the same renderer as their Task panel). */
export function PromptTab({ prompt }: { prompt: string }) {
  return <MarkdownView>{prompt}</MarkdownView>;
}
