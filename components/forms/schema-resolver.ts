// A react-hook-form resolver that validates what the server will receive
// (the form's values turned into the action's input) with the action's own
// zod schema, while the form keeps its own shape for editing. The values are
// handed on unparsed (the server action parses them again), so a schema with
// defaults or transforms does not change the form's value types.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

export function schemaResolver<V extends FieldValues>(schema: z.ZodType<unknown, FieldValues>, toInput: (values: V) => unknown = (v) => v): Resolver<V> {
  const resolve = zodResolver(schema);
  return async (values, context, options) => {
    const result = await resolve(toInput(values) as FieldValues, context, options as never);
    return Object.keys(result.errors).length > 0 ? { values: {}, errors: result.errors as never } : { values, errors: {} };
  };
}
