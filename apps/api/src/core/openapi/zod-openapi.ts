import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from '@fenji/shared';

type JsonSchema = Record<string, unknown>;

/** The OpenAPI form of a shared zod schema: the same source of truth the validation uses. */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  delete json.$schema;
  return json;
}

export const ApiZodBody = (schema: z.ZodType) => ApiBody({ schema: toOpenApiSchema(schema) as never });

export const ApiZodResponse = (status: number, schema: z.ZodType, description = '') =>
  ApiResponse({ status, description, schema: toOpenApiSchema(schema, 'output') as never });

/** Documents each property of an object query schema as a query parameter. */
export function ApiZodQuery(schema: z.ZodObject) {
  const props = (toOpenApiSchema(schema).properties ?? {}) as Record<string, JsonSchema>;
  return applyDecorators(
    ...Object.entries(props).map(([name, s]) => ApiQuery({ name, required: false, schema: s as never })),
  );
}
