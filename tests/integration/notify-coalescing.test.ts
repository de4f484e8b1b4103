// A web instance (no sender of its own) wakes the worker through pg-boss, but
// a burst of sign-ups must not cost one job per request: the first wake goes
// at once, the rest of the interval folds into one trailing wake, so the last
// message of a burst is never left for the next poll.
import { afterAll, describe, expect, it } from "vitest";
import { notifyOutbox } from "@/lib/jobs/notify";
import { QUEUES } from "@/lib/jobs/queues";
import { processJobs, startJobs, stopJobs, type Jobs } from "@/lib/jobs/worker";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let web: Jobs | undefined;
afterAll(async () => {
  if (web) await stopJobs(web);
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("waking the worker from a web instance", () => {
  it("sends one wake at once and one trailing wake for a burst, then wakes at once again after a quiet spell", async () => {
    web = await processJobs(() => startJobs(t, { work: false }));
    expect(web.sender).toBeNull();
    const wakes: string[] = [];
    const send = web.boss.send.bind(web.boss);
    web.boss.send = ((name: string, ...rest: unknown[]) => {
      wakes.push(name);
      return (send as (...args: unknown[]) => Promise<string | null>)(name, ...rest);
    }) as typeof web.boss.send;

    await Promise.all(Array.from({ length: 50 }, () => notifyOutbox(["message-id"])));
    expect(wakes).toEqual([QUEUES.emailWake]);
    await pause(400);
    expect(wakes).toEqual([QUEUES.emailWake, QUEUES.emailWake]);

    await notifyOutbox([undefined]); // nothing was written: nothing to wake
    await pause(300);
    await notifyOutbox(["another-id"]);
    expect(wakes).toHaveLength(3);
  });
});
