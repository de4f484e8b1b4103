// CPF check digits (certificates need the participant's CPF on file).
import { describe, expect, it } from "vitest";
import { formatCpf, isValidCpf, normalizeCpf, parseCpf } from "@/lib/settings/cpf-number";

describe("CPF", () => {
  it.each(["529.982.247-25", "52998224725", "111.444.777-35", "123.456.789-09", "935.411.347-80", " 529 982 247 25 "])("accepts the valid CPF %s", (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each([
    ["529.982.247-24", "wrong second check digit"],
    ["529.982.247-15", "wrong first check digit"],
    ["123.456.789-00", "wrong check digits"],
    ["111.111.111-11", "one digit repeated (passes the arithmetic)"],
    ["000.000.000-00", "all zeros"],
    ["5299822472", "10 digits"],
    ["529982247250", "12 digits"],
    ["529.982.247-2a", "a letter"],
    ["", "empty"],
  ])("rejects %s (%s)", (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
    expect(parseCpf(cpf)).toBeNull();
  });

  it("repeated digits really pass the check-digit arithmetic, so the explicit rule matters", () => {
    // Why isValidCpf needs its own repeated-digit rule: modulo 11 alone accepts 111.111.111-11.
    const digits = "11111111111";
    const check = (len: number) =>
      ((digits
        .slice(0, len)
        .split("")
        .reduce((s, d, i) => s + Number(d) * (len + 1 - i), 0) *
        10) %
        11) %
      10;
    expect([check(9), check(10)]).toEqual([1, 1]);
  });

  it("normalizes punctuation and stores digits only", () => {
    expect(normalizeCpf("529.982.247-25")).toBe("52998224725");
    expect(parseCpf("529.982.247-25")).toBe("52998224725");
    expect(normalizeCpf("529/982/247-25")).toBeNull();
  });

  it("formats for display", () => {
    expect(formatCpf("52998224725")).toBe("529.982.247-25");
    expect(formatCpf("529.982.247-25")).toBe("529.982.247-25");
    expect(formatCpf("123")).toBe("123");
  });
});
