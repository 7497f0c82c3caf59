/**
 * The signed-in user's editor settings: `GET /settings/editor` (the defaults until saved) and
 * `PUT /settings/editor` (replaces them). Anonymous visitors keep theirs in the browser.
 */
import { editorSettingsOrDefaults, type EditorSettingsResponse } from '@arbiter/contracts';
import { SESSION } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  EditorSettings,
  EditorSettingsResponse as EditorSettingsResponseSchema,
} from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

export function settingsRoutes(resources: Pick<ApiResources, 'db'>): RouteSpec[] {
  const { db } = resources;
  return [
    defineRoute({
      method: 'get',
      path: '/settings/editor',
      tag: 'Settings',
      summary: "The signed-in user's editor settings",
      description: 'Font size, tab size and key bindings; the defaults until the user saves any.',
      access: SESSION,
      action: 'read your settings',
      responses: { 200: { description: 'The settings.', body: EditorSettingsResponseSchema } },
      handle: async (_input, req, res) => {
        const user = requireUser(req, 'read your settings');
        const answer: EditorSettingsResponse = {
          settings: editorSettingsOrDefaults(await db.settings.getEditorSettings(user.id)),
        };
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/settings/editor',
      tag: 'Settings',
      summary: "Replaces the signed-in user's editor settings",
      access: SESSION,
      action: 'save your settings',
      body: EditorSettings,
      responses: {
        200: { description: 'The settings as saved.', body: EditorSettingsResponseSchema },
        400: {
          description: 'A field is missing, unknown or out of range; the message names it.',
          errors: ['INVALID_REQUEST', 'INVALID_JSON'],
        },
      },
      handle: async ({ body }, req, res) => {
        const user = requireUser(req, 'save your settings');
        await db.settings.putEditorSettings(user.id, body);
        const answer: EditorSettingsResponse = { settings: body };
        res.json(answer);
      },
    }),
  ];
}
