// CPF, the Brazilian taxpayer id (a certificate is issued only with it on file).
// Stored as its 11 digits; valid only when both check digits match (modulo 11)
// and the number is not one digit repeated (000.000.000-00 passes the arithmetic).

/** Digits only, if the input is a CPF written with or without the usual punctuation; null otherwise. */
export function normalizeCpf(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[\d.\-\s]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  return digits.length === 11 ? digits : null;
}

function checkDigit(digits: string, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

/** True for a well-formed CPF whose two check digits are right. */
export function isValidCpf(input: string): boolean {
  const digits = normalizeCpf(input);
  if (!digits || /^(\d)\1{10}$/.test(digits)) return false;
  return checkDigit(digits, 9) === Number(digits[9]) && checkDigit(digits, 10) === Number(digits[10]);
}

/** The normalized (11 digits) CPF when valid, else null: what gets stored. */
export function parseCpf(input: string): string | null {
  return isValidCpf(input) ? normalizeCpf(input) : null;
}

/** 52998224725 -> 529.982.247-25 (input left as-is when it is not 11 digits). */
export function formatCpf(input: string): string {
  const digits = normalizeCpf(input);
  if (!digits) return input;
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
}
