import { MarkdownView } from '../../markdown/markdown-view';

/** The challenge prompt, rendered as the lead's preview renders it. */
export function PromptView({ markdown }: { markdown: string }) {
  return <MarkdownView>{markdown}</MarkdownView>;
}
