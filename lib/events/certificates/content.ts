// What a certificate says: the template's body with its
// placeholders filled. Dates are written in the event's time zone and the
// participant's language; the national id comes formatted for the installation
// (empty when it asks for none); unknown placeholders stay as typed.
import { appUrl } from "@/lib/app-url";
import { defaultLocale, isLocale } from "@/lib/i18n/config";

export const PLACEHOLDERS = ["participant", "cpf", "event", "start", "end", "hours", "code"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface CertificateFacts {
  participantName: string;
  /** The national id as printed: a formatted CPF, another number as typed, or "". */
  cpf: string;
  eventName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Workload in hours; null when the event has none. */
  hours: number | null;
  code: string;
  locale: string;
}

export function verificationUrl(code: string): string {
  return appUrl(`/certificates/verify/${encodeURIComponent(code)}`);
}

function formatCertificateDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(isLocale(locale) ? locale : defaultLocale, { dateStyle: "long", timeZone }).format(date);
}

function formatHours(hours: number | null, locale: string): string {
  if (hours === null) return "";
  return new Intl.NumberFormat(isLocale(locale) ? locale : defaultLocale, { maximumFractionDigits: 2 }).format(hours);
}

export function placeholderValues(facts: CertificateFacts): Record<Placeholder, string> {
  return {
    participant: facts.participantName,
    cpf: facts.cpf,
    event: facts.eventName,
    start: formatCertificateDate(facts.startsAt, facts.locale, facts.timeZone),
    end: formatCertificateDate(facts.endsAt, facts.locale, facts.timeZone),
    hours: formatHours(facts.hours, facts.locale),
    code: facts.code,
  };
}

/** "{participant} attended {event}" → "Ana Souza attended Onboarding". */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : match));
}

/** Sample facts for the template preview. */
export function sampleFacts(locale: string): CertificateFacts {
  return {
    participantName: "Ana Souza",
    cpf: "529.982.247-25",
    eventName: "Onboarding training",
    startsAt: new Date("2026-03-10T12:00:00Z"),
    endsAt: new Date("2026-03-12T15:00:00Z"),
    timeZone: "America/Sao_Paulo",
    hours: 8,
    code: "SAMPLE0000",
    locale,
  };
}
