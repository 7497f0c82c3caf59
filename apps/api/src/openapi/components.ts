/**
 * Names of the schemas the OpenAPI document lists under `components.schemas`: a route declaring a
 * named schema gets a `$ref` to it, and a named schema inside another becomes a `$ref` too.
 * Requests are converted as inputs (a field with a default is optional), answers as outputs.
 */
import type { z } from 'zod';

export type SchemaRole = 'request' | 'answer';

const names = new Map<z.ZodType, { id: string; role: SchemaRole }>();
const ids = new Set<string>();

function register<S extends z.ZodType>(id: string, role: SchemaRole, schema: S): S {
  const known = names.get(schema);
  if (known !== undefined) {
    if (known.id !== id || known.role !== role) throw new Error(`schema ${id} is already named ${known.id}`);
    return schema;
  }
  if (ids.has(id)) throw new Error(`two schemas are named ${id}`);
  ids.add(id);
  names.set(schema, { id, role });
  return schema;
}

/** A request body the document names. */
export const requestSchema = <S extends z.ZodType>(id: string, schema: S): S =>
  register(id, 'request', schema);

/** An answer body the document names. */
export const answerSchema = <S extends z.ZodType>(id: string, schema: S): S => register(id, 'answer', schema);

export function componentName(schema: z.ZodType): { id: string; role: SchemaRole } | undefined {
  return names.get(schema);
}

export function namedComponents(): { id: string; role: SchemaRole; schema: z.ZodType }[] {
  return [...names].map(([schema, { id, role }]) => ({ id, role, schema }));
}
