// A statement's Markdown as the statement pane shows it: without its leading "# Title" (the pane's header shows the title).
import type { ReactNode } from 'react';

export function statementBody(statement: string): string {
  return statement.replace(/^#\s+[^\n]*\n+/, '');
}

/** A statement's Markdown already rendered (on the server), with the source it was rendered from. */
export interface RenderedStatement {
  source: string;
  rendered: ReactNode;
}
