// Labelled form controls with help and error text wired for screen readers.
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:border-red-600";

interface FieldProps {
  label: ReactNode;
  error?: string;
  help?: ReactNode;
}

function FieldShell({ id, label, error, help, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {help && !error ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-600">
          {help}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A field's error under it, announced when it appears; nothing without one. */
export function FieldError({ id, error }: { id?: string; error?: ReactNode }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {error}
    </p>
  );
}

/** The id and attributes every labelled control shares: its error or help describes it. */
function useControl({ id, error, help, className }: Pick<FieldProps, "error" | "help"> & { id?: string; className: string }) {
  const generated = useId();
  const inputId = id ?? generated;
  return {
    inputId,
    control: {
      id: inputId,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${inputId}-error` : help ? `${inputId}-help` : undefined,
      className: `${controlClass} ${className}`,
    },
  };
}

export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { label, error, help, id, className = "", ...props },
  ref,
) {
  const { inputId, control } = useControl({ id, error, help, className });
  return (
    <FieldShell id={inputId} label={label} error={error} help={help}>
      <input ref={ref} {...control} {...props} />
    </FieldShell>
  );
});

export const SelectField = forwardRef<HTMLSelectElement, FieldProps & SelectHTMLAttributes<HTMLSelectElement>>(function SelectField(
  { label, error, help, id, className = "", children, ...props },
  ref,
) {
  const { inputId, control } = useControl({ id, error, help, className });
  return (
    <FieldShell id={inputId} label={label} error={error} help={help}>
      <select ref={ref} {...control} {...props}>
        {children}
      </select>
    </FieldShell>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(
  { label, error, help, id, className = "", ...props },
  ref,
) {
  const { inputId, control } = useControl({ id, error, help, className });
  return (
    <FieldShell id={inputId} label={label} error={error} help={help}>
      <textarea ref={ref} {...control} {...props} />
    </FieldShell>
  );
});

export const CheckboxField = forwardRef<HTMLInputElement, { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>>(function CheckboxField(
  { label, id, ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="flex items-center gap-2">
      <input ref={ref} id={inputId} type="checkbox" className="h-4 w-4 rounded border-slate-300 text-indigo-700 focus:ring-indigo-600" {...props} />
      <label htmlFor={inputId} className="text-sm text-slate-800">
        {label}
      </label>
    </div>
  );
});
