// The participants export: CSV in UTF-8 with a BOM so
// spreadsheets open accents right, RFC 4180 quoting, one column per question
// taken from the answers' own snapshots (a later template edit changes nothing).
import { formatInZone } from "./zoned-time";
import { answerText, type ParticipantRow } from "./participants";

export interface CsvLabels {
  name: string;
  email: string;
  status: string;
  reservePosition: string;
  source: string;
  registeredAt: string;
  attendedAt: string;
  cancelledAt: string;
  /** The header of the sessions column, given how many sessions count. */
  sessionsAttended: (total: number) => string;
  statusNames: Record<string, string>;
  sourceNames: Record<string, string>;
  yes: string;
  no: string;
}

/** Quotes when needed; a leading =, +, -, @ is neutralised so a cell never runs as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function participantsCsv(rows: ParticipantRow[], timeZone: string, labels: CsvLabels): string {
  // Questions in first-seen order, keyed by their stable id; the header is the label as it was asked.
  const questions = new Map<string, string>();
  for (const row of rows) for (const a of row.answers) if (a?.question?.id && !questions.has(a.question.id)) questions.set(a.question.id, a.question.label);
  // Events with sessions get how many each person attended (a plain number, so spreadsheets can sum and sort it).
  const sessionCount = rows[0]?.sessionCount ?? 0;
  const header = [
    labels.name,
    labels.email,
    labels.status,
    labels.reservePosition,
    labels.source,
    labels.registeredAt,
    labels.attendedAt,
    labels.cancelledAt,
    ...(sessionCount > 0 ? [labels.sessionsAttended(sessionCount)] : []),
    ...questions.values(),
  ];
  const lines = [header];
  for (const row of rows) {
    const byId = new Map(row.answers.map((a) => [a?.question?.id, a.value]));
    lines.push([
      row.name,
      row.email,
      labels.statusNames[row.status] ?? row.status,
      row.reservePosition === null ? "" : String(row.reservePosition),
      labels.sourceNames[row.source] ?? row.source,
      formatInZone(row.registeredAt, timeZone),
      formatInZone(row.attendedAt, timeZone),
      formatInZone(row.cancelledAt, timeZone),
      ...(sessionCount > 0 ? [String(row.sessionsAttended)] : []),
      ...[...questions.keys()].map((id) => answerText(byId.get(id) ?? null, labels)),
    ]);
  }
  return "\uFEFF" + lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
