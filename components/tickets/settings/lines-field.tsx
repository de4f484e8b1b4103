"use client";

// A textarea holding a list, one entry per line (transition conditions, choice
// options). The form keeps the raw lines; the schema trims them and drops
// blank ones, so typing a new line never loses what is there.
import { Controller, type Control, type FieldValues, type Path } from "react-hook-form";
import { TextAreaField } from "@/components/ui/field";

export function LinesField<V extends FieldValues>({
  control,
  name,
  label,
  help,
  error,
  rows = 4,
}: {
  control: Control<V>;
  name: Path<V>;
  label: string;
  help?: string;
  error?: string;
  rows?: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextAreaField
          label={label}
          help={help}
          error={error}
          rows={rows}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={(field.value as string[]).join("\n")}
          onChange={(e) => field.onChange(e.target.value.split("\n"))}
        />
      )}
    />
  );
}
