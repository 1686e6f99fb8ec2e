import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/**
 * Checks real responses against the served OpenAPI document with an independent JSON Schema
 * validator (Ajv, draft 2020-12, the dialect of OpenAPI 3.1): the schema of a response is the
 * one the document declares for that path, method and status, not one the test picks.
 */

type Document = { paths: Record<string, unknown>; components: unknown };

// ajv-formats is CommonJS with a default export; under ESM interop it may be nested once.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const DOCUMENT_ID = "urn:habeas:openapi";

const pointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

export function responseValidator(document: Document) {
  // strict: false because the document holds OpenAPI keywords besides JSON Schema ones.
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const compiled = new Map<string, ValidateFunction>();

  /** The errors of `body` against the document's schema for GET `path` answering `status`. */
  return function errorsOf(path: string, status: number, body: unknown, mediaType = "application/json") {
    const ref = `${DOCUMENT_ID}#/paths/${pointer(path)}/get/responses/${status}/content/${pointer(mediaType)}/schema`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []);
  };
}
