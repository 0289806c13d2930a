import { createRequire } from 'node:module';

/**
 * restify 11 loads spdy at start-up (we never use it), whose http-deceiver reads `process.binding('http_parser')`:
 * deprecated (DEP0111, a warning on every start on Node 20 and 22) and removed in Node 24, where loading restify
 * throws "No such module: http_parser" (restify/node-restify#1984; restify 12 fixes it but needs Node 22 or later).
 * Node's `_http_common` exports the same parser and methods on every version: hand those out under the old name.
 * Import this module before restify (jest.config.js runs it before each test file).
 */
type Binding = (name: string) => unknown;
const processWithBinding = process as unknown as { binding: Binding };
const original = processWithBinding.binding.bind(process);
const require = createRequire(import.meta.url);

processWithBinding.binding = (name: string): unknown => {
  if (name !== 'http_parser') return original(name);
  const { HTTPParser, methods } = require('_http_common') as { HTTPParser: unknown; methods: string[] };
  return { HTTPParser, methods };
};
