// The server-action wrapper: guard first, then the bound arguments and the
// input through their schemas, the run, and only after a success the sender
// wake-up, revalidation and redirect. Expected errors become translated form
// results; unexpected ones are logged once with a reference.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const calls = vi.hoisted(() => ({ revalidated: [] as string[], woken: [] as (string | undefined)[][], order: [] as string[] }));
vi.mock("next/cache", () => ({ revalidatePath: (path: string, type?: string) => void calls.revalidated.push(type ? `${path} (${type})` : path) }));
vi.mock("@/lib/jobs/notify", () => ({
  notifyOutbox: async (ids: (string | undefined)[]) => {
    calls.order.push("notify");
    calls.woken.push(ids);
  },
}));

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { ConflictError, ValidationError } from "@/lib/errors";

const inputSchema = z.object({ name: z.string().min(2, "common.tooShort") });
const run = vi.fn();
const action = defineAction({
  name: "test.save",
  guard: async () => {
    calls.order.push("guard");
    return { userId: "u1" };
  },
  args: [z.uuid()],
  input: inputSchema,
  run: async (context) => {
    calls.order.push("run");
    return run(context);
  },
  revalidate: ["/admin/things"],
});
const id = "4b0c7f5e-4f31-4bd2-9a39-8d5f0f0a3a11";

beforeEach(() => {
  calls.revalidated = [];
  calls.woken = [];
  calls.order = [];
  run.mockReset();
});
afterEach(() => vi.restoreAllMocks());

describe("defineAction", () => {
  it("runs guard, run, then wakes the sender and revalidates; returns data and message", async () => {
    run.mockResolvedValue({
      data: { id: "x" },
      message: { key: "common.saved" },
      emailIds: ["e1"],
      revalidate: [`/admin/things/${id}`, ["/portal", "layout"]],
    });
    const result = await action(id, { name: "Ada" });
    expect(result).toEqual({ ok: true, data: { id: "x" }, message: { key: "common.saved" } });
    expect(run).toHaveBeenCalledWith({ actor: { userId: "u1" }, args: [id], input: { name: "Ada" } });
    expect(calls.order).toEqual(["guard", "run", "notify"]);
    expect(calls.woken).toEqual([["e1"]]);
    expect(calls.revalidated).toEqual(["/admin/things", `/admin/things/${id}`, "/portal (layout)"]);
  });

  it("refuses a forged bound argument without running anything", async () => {
    const result = await action("not-an-id", { name: "Ada" });
    expect(result).toEqual({ ok: false, formError: { key: "common.genericError" } });
    expect(run).not.toHaveBeenCalled();
    expect(calls.revalidated).toEqual([]);
  });

  it("returns the schema's field errors as message keys and does not run", async () => {
    const result = await action(id, { name: "A" });
    expect(result).toEqual({ ok: false, fieldErrors: { name: "common.tooShort" }, formError: { key: "common.fixErrors" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("maps domain errors to form and field errors, with nothing revalidated", async () => {
    run.mockRejectedValueOnce(new ConflictError("things.taken", { name: "Ada" }));
    expect(await action(id, { name: "Ada" })).toEqual({ ok: false, formError: { key: "things.taken", values: { name: "Ada" } } });
    run.mockRejectedValueOnce(new ValidationError({ name: "things.nameTaken" }));
    expect(await action(id, { name: "Ada" })).toEqual({ ok: false, fieldErrors: { name: "things.nameTaken" }, formError: { key: "common.fixErrors" } });
    expect(calls.revalidated).toEqual([]);
    expect(calls.woken).toEqual([]);
  });

  it("logs an unexpected error once with a reference the user sees", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    run.mockRejectedValue(new Error("connection reset"));
    const result = await action(id, { name: "Ada" });
    expect(result.ok).toBe(false);
    const formError = !result.ok ? result.formError : undefined;
    expect(formError?.key).toBe("common.unexpectedError");
    const ref = String(formError?.values?.ref);
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toContain(`[action test.save] unexpected error (ref ${ref})`);
  });

  it("lets the guard's redirect through before validating anything", async () => {
    const guarded = defineAction({
      name: "test.guarded",
      guard: async () => redirect("/login"),
      input: inputSchema,
      run,
    });
    const error = await guarded({ name: "" }).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect(run).not.toHaveBeenCalled();
  });

  it("redirects after a success, and a redirect inside the run is navigation, not a failure", async () => {
    run.mockResolvedValueOnce({ redirectTo: "/admin/things/new-id", emailIds: ["e2"] });
    const error = await action(id, { name: "Ada" }).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect(calls.woken).toEqual([["e2"]]);
    expect(calls.revalidated).toEqual(["/admin/things"]);

    run.mockImplementationOnce(async () => redirect("/elsewhere"));
    expect(isRedirectError(await action(id, { name: "Ada" }).catch((e: unknown) => e))).toBe(true);
  });
});
