// A react-hook-form resolver that checks the values with the form's zod schema
// but hands the form's own values on (the server action parses them again), so
// a schema with transforms does not change the form's value types.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

export function validateOnly<V extends FieldValues>(schema: z.ZodType): Resolver<V> {
  const check = zodResolver(schema as never);
  return async (values, context, options) => {
    const result = await check(values as never, context, options as never);
    return Object.keys(result.errors).length > 0 ? { values: {}, errors: result.errors as never } : { values, errors: {} };
  };
}
