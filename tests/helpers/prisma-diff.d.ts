// Types for scripts/prisma-diff.mjs (plain JS; the project does not allowJs).
declare module "@/scripts/prisma-diff.mjs" {
  /** SQL taking `fromSchema` (null: an empty database) to `toSchema`, both schema.prisma texts. */
  export function diffSchemas(fromSchema: string | null, toSchema: string): string;
}
