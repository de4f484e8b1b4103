// What the national-id forms send. Their schema follows the installation's
// national-id setting (lib/settings/national-id-schema.ts).
export interface CpfInput {
  cpf: string;
}
