import { Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Prompts use GitHub-flavoured tables (e.g. the error cases of an API), which plain CommonMark leaves as raw pipes.
const plugins = [remarkGfm];

// A wide table scrolls inside its own box instead of widening a narrow pane; the box is focusable so keyboard users
// can scroll it too (WCAG 2.1.1).
const components: Components = {
  pre: ({ node: _node, ...props }) => <pre {...props} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />,
  table: ({ node: _node, ...props }) => (
    <div role="region" aria-label="Table" tabIndex={0} style={{ overflowX: 'auto', overflowWrap: 'normal' }}>
      <table {...props} />
    </div>
  ),
};

/**
 * The one Markdown renderer of the app: the lead's preview and the candidate's Task panel show a prompt exactly
 * alike. react-markdown renders no raw HTML, so nothing in a prompt runs; long words and code wrap.
 */
export function MarkdownView({ children }: { children: string }) {
  return (
    <Typography style={{ overflowWrap: 'anywhere' }}>
      <Markdown remarkPlugins={plugins} components={components}>
        {children}
      </Markdown>
    </Typography>
  );
}
