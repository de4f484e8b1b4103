// The forgot-password action answers before any database work: the lookup of
// the account, the limits, the token and the e-mail run after the response
// (next/server's after()), so its time cannot tell whether an account exists.
// The request's headers, after() and the database are test doubles here; the
// scheduled work then runs for real against a test database.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => {
  process.env.AUTH_SECRET = "test-secret-for-password-reset-action-0123456789";
  return {
    db: null as unknown as Db,
    /** Database calls made while the action itself runs (should be none). */
    accesses: [] as string[],
    recording: false,
    scheduled: [] as (() => Promise<unknown> | unknown)[],
    ip: "203.0.113.1",
  };
});

vi.mock("@/lib/db", () => ({
  db: new Proxy(
    {},
    {
      get: (_t, property) => {
        if (state.recording) state.accesses.push(String(property));
        return Reflect.get(state.db as object, property);
      },
    },
  ),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void state.scheduled.push(task),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": state.ip }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));

import { forgotPasswordAction } from "@/lib/auth/actions";
import { seed } from "@/prisma/seed";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
beforeAll(async () => {
  await seed(t);
  state.db = t.prisma;
});
beforeEach(async () => {
  await t.prisma.rateLimitBucket.deleteMany();
  state.accesses = [];
  state.scheduled = [];
});

/** Runs the action alone (recording database use), then what it scheduled. */
async function submit(email: string) {
  state.recording = true;
  let result;
  try {
    result = await forgotPasswordAction({ email });
  } finally {
    state.recording = false;
  }
  const during = [...state.accesses];
  const tasks = state.scheduled.splice(0);
  for (const task of tasks) await task();
  return { result, during, scheduled: tasks.length };
}

const resetEmails = (to: string) => t.prisma.emailMessage.count({ where: { to, template: "passwordReset" } });

describe("forgot-password action", () => {
  it("answers alike for an existing and an unknown account, touching the database only after answering", async () => {
    const before = await resetEmails("student@portico.test");
    const known = await submit("student@portico.test");
    const unknown = await submit("nobody-here@portico.test");
    expect(known.result).toEqual({ ok: true, message: { key: "auth.resetLinkSent", values: { minutes: 60 } } });
    expect(unknown.result).toEqual(known.result);
    expect(known.during).toEqual([]);
    expect(unknown.during).toEqual([]);
    expect(known.scheduled).toBe(1);
    expect(unknown.scheduled).toBe(1);
    // The scheduled work did send the e-mail.
    expect(await resetEmails("student@portico.test")).toBe(before + 1);
  });

  it("4 requests for one address: 3 e-mails, the 4th answered the same and sends nothing", async () => {
    const before = await resetEmails("professor@portico.test");
    const answers = [];
    for (let i = 0; i < 4; i++) {
      state.ip = `203.0.113.${10 + i}`;
      answers.push((await submit("professor@portico.test")).result);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await resetEmails("professor@portico.test")).toBe(before + 3);
  });

  it("an invalid address is refused at once, with nothing scheduled", async () => {
    const { result, scheduled, during } = await submit("not-an-address");
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: "validation.email" } });
    expect(scheduled).toBe(0);
    expect(during).toEqual([]);
  });
});
