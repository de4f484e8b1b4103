// Recording delivery results survives PostgreSQL breaking a deadlock: the
// failed write is repeated (an unrecorded result means a second send), while
// any other error is not retried.
import { describe, expect, it } from "vitest";
import { retryOnDeadlock } from "@/lib/email/sender";

const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

describe("recording delivery results", () => {
  it("writes again after a deadlock or a serialization failure", async () => {
    let calls = 0;
    const result = await retryOnDeadlock(async () => {
      calls++;
      if (calls === 1) throw failure("40P01");
      if (calls === 2) throw failure("40001");
      return "written";
    });
    expect(result).toBe("written");
    expect(calls).toBe(3);
  });

  it("gives up after its tries, and never retries other errors", async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw failure("40P01");
      }, 3),
    ).rejects.toMatchObject({ code: "40P01" });
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw failure("23505");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
  });
});
