import type { Schema } from './committeeOpenApiSchemas.js';

// The references and answers every path of the committee API's OpenAPI document is written with.

export const schema = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const json = (body: Schema) => ({ 'application/json': { schema: body } });
const oneOf = (...names: string[]): Schema =>
  names.length === 1 ? schema(names[0]) : { oneOf: names.map(schema) };
export const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

export function errors(description: string, ...names: string[]) {
  return { description, content: json(oneOf(...names)) };
}

export const COMMON_ERRORS = { '401': response('Unauthorized'), '429': response('TooManyRequests') };
export const INTERNAL = { '500': response('InternalError') };
