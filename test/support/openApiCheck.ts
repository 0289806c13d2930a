import { Ajv2020, type ValidateFunction } from 'ajv2020/dist/2020.js';
import { default as addFormatsModule } from 'ajv-formats';
import { committeeOpenApi } from '../../committee/committeeOpenApi.js';
import { callApi, type ApiAnswer, type ApiRequest } from './committeeApiClient.js';

type Json = Record<string, unknown>;
const DOCUMENT_ID = 'urn:alize:committee-openapi';
/** The OpenAPI keywords of a document's root: no-ops for the JSON Schema validator that holds it. */
const OPENAPI_ROOT_KEYWORDS = ['openapi', 'info', 'jsonSchemaDialect', 'security', 'paths', 'components'];
/** Headers of ours a response must not carry unless the document describes them there. */
const API_HEADERS = ['etag', 'link', 'x-skipped-files', 'x-skipped-count', 'retry-after', 'www-authenticate'];

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
export const escapePointer = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');

/** Ajv for JSON Schema 2020-12, with the formats (date-time, uri…) checked. */
export function jsonSchema2020(options: { strict: boolean }): Ajv2020 {
  const ajv = new Ajv2020({ ...options, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** A JSON Schema 2020-12 validator holding the whole document, so that every `$ref` of its schemas resolves. */
export function documentValidator(document: Json): Ajv2020 {
  const ajv = jsonSchema2020({ strict: true });
  ajv.addVocabulary(OPENAPI_ROOT_KEYWORDS);
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

/** The value at a `#/…` pointer of the document, undefined when it leads nowhere. */
export function atPointer(document: Json, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  let value: unknown = document;
  for (const raw of pointer.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !(part in value)) return undefined;
    value = (value as Json)[part];
  }
  return value;
}

/**
 * Checks real answers against the document: the status is one the operation describes, the media type one of
 * that response's, the body valid against its schema, the headers it describes present when required and
 * valid, and no header of ours (ETag, Link, X-Skipped-*…) it does not describe.
 */
export class OpenApiChecker {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(private readonly document: Json) {
    this.ajv = documentValidator(document);
    this.templates = Object.keys(document.paths as Json)
      .map((template) => ({
        template,
        params: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
        ),
      }))
      .sort((a, b) => a.params - b.params);
  }

  problems(method: string, url: string, answer: ApiAnswer): string[] {
    const path = url.split('?')[0];
    const found = this.templates.find(({ pattern }) => pattern.test(path));
    if (!found) return [`${path}: no path of the document`];
    const operationPointer = `#/paths/${escapePointer(found.template)}/${method.toLowerCase()}`;
    if (atPointer(this.document, operationPointer) === undefined) {
      return [`${method} ${found.template}: no such operation`];
    }
    const where = `${method} ${found.template} → ${answer.status}`;
    const described = this.resolve(`${operationPointer}/responses/${answer.status}`);
    if (!described) return [`${where}: status not described`];
    return [...this.headerProblems(where, described, answer), ...this.bodyProblems(where, described, answer)];
  }

  assertConforms(method: string, url: string, answer: ApiAnswer): void {
    const problems = this.problems(method, url, answer);
    if (problems.length > 0) {
      throw new Error(`Answer not as the OpenAPI document says:\n${problems.join('\n')}\n${answer.text}`);
    }
  }

  /** Follows the Reference Objects ($ref outside schemas) to the pointer of the object itself. */
  private resolve(pointer: string): string | undefined {
    for (let hops = 0; hops < 10; hops++) {
      const value = atPointer(this.document, pointer) as Json | undefined;
      if (value === undefined) return undefined;
      if (typeof value.$ref !== 'string') return pointer;
      pointer = value.$ref;
    }
    return undefined;
  }

  private validatorAt(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate;
  }

  private schemaProblems(where: string, pointer: string, value: unknown): string[] {
    const validate = this.validatorAt(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${where}: ${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    );
  }

  private headerProblems(where: string, responsePointer: string, answer: ApiAnswer): string[] {
    const problems: string[] = [];
    const headers = (atPointer(this.document, `${responsePointer}/headers`) ?? {}) as Json;
    const describedNames = Object.keys(headers).map((name) => name.toLowerCase());
    for (const name of Object.keys(headers)) {
      const pointer = this.resolve(`${responsePointer}/headers/${escapePointer(name)}`);
      if (!pointer) {
        problems.push(`${where}: header ${name} does not resolve`);
        continue;
      }
      const header = atPointer(this.document, pointer) as { required?: boolean; schema?: Json };
      const value = answer.headers.get(name);
      if (value === null) {
        if (header.required === true) problems.push(`${where}: header ${name} missing`);
        continue;
      }
      const typed = header.schema?.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
      problems.push(...this.schemaProblems(`${where} header ${name}`, `${pointer}/schema`, typed));
    }
    for (const name of API_HEADERS) {
      if (answer.headers.has(name) && !describedNames.includes(name)) {
        problems.push(`${where}: header ${name} sent but not described`);
      }
    }
    return problems;
  }

  private bodyProblems(where: string, responsePointer: string, answer: ApiAnswer): string[] {
    const content = atPointer(this.document, `${responsePointer}/content`) as Json | undefined;
    const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!content) return answer.text === '' ? [] : [`${where}: a body where none is described`];
    if (!(mediaType in content)) return [`${where}: media type "${mediaType}" not described`];
    const body = mediaType.endsWith('json') ? answer.json : answer.text;
    return this.schemaProblems(where, `${responsePointer}/content/${escapePointer(mediaType)}/schema`, body);
  }
}

let shared: OpenApiChecker | undefined;
/** The checker of the document the server serves (the HTTP test of the route checks they are the same). */
export function committeeApiChecker(): OpenApiChecker {
  shared ??= new OpenApiChecker(committeeOpenApi());
  return shared;
}

/** callApi, then the answer checked against the document: a test fails on any answer it does not describe. */
export async function callCheckedApi(
  baseUrl: string,
  path: string,
  request: ApiRequest = {},
): Promise<ApiAnswer> {
  const answer = await callApi(baseUrl, path, request);
  committeeApiChecker().assertConforms(request.method ?? 'GET', path, answer);
  return answer;
}
