/**
 * A user's editor settings (`GET` / `PUT /settings/editor`): font size, tab size and key bindings,
 * kept per account by the API and in the browser's localStorage for anonymous visitors.
 */
import { z } from 'zod';
import {
  EDITOR_FONT_SIZE_MAX,
  EDITOR_FONT_SIZE_MIN,
  EDITOR_TAB_SIZE_MAX,
  EDITOR_TAB_SIZE_MIN,
  KEY_BINDINGS,
  type EditorSettings,
} from './editor-defaults.js';

export * from './editor-defaults.js';

export const editorSettingsSchema = z
  .object({
    fontSize: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(EDITOR_FONT_SIZE_MIN, `must be at least ${EDITOR_FONT_SIZE_MIN}`)
      .max(EDITOR_FONT_SIZE_MAX, `must be at most ${EDITOR_FONT_SIZE_MAX}`)
      .describe('Font size in CSS pixels.'),
    tabSize: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(EDITOR_TAB_SIZE_MIN, `must be at least ${EDITOR_TAB_SIZE_MIN}`)
      .max(EDITOR_TAB_SIZE_MAX, `must be at most ${EDITOR_TAB_SIZE_MAX}`)
      .describe('Spaces one indentation step inserts.'),
    keyBindings: z
      .enum(KEY_BINDINGS, { error: `must be one of ${KEY_BINDINGS.join(', ')}` })
      .describe('`default` (Monaco’s own), `vim` or `emacs`.'),
  })
  .strict() satisfies z.ZodType<EditorSettings>;

export const editorSettingsResponseSchema = z.object({ settings: editorSettingsSchema });
export type EditorSettingsResponse = z.infer<typeof editorSettingsResponseSchema>;
