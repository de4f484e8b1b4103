// Expected errors of the domain. Their `key` is a message key (safe to show,
// translated by the UI); anything else is unexpected, logged and shown generically.
export class DomainError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = new.target.name;
  }
}
export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {}
/** Field errors: { fieldName: messageKey }. */
export class ValidationError extends DomainError {
  constructor(
    readonly fields: Record<string, string>,
    key = "common.fixErrors",
  ) {
    super(key);
  }
}
