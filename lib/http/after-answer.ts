// Work that must not show in how long an answer takes: "forgot password",
// "e-mail me a sign-in link" and "send my link again" answer the same, in the
// same time, whether or not the address has an account. Next.js starts after()
// callbacks when its own response stream ends, which can be before the last
// bytes have been written to the socket; on the embedded database the work
// then runs on the very thread that still has to write them, and the answer
// to an address with an account came out tens of milliseconds later under
// load. Waiting first lets the answer leave the process and reach the client
// before the work competes with it for the CPU (50 ms was not enough on a
// busy 2-core machine: 25-40 ms slower). Nobody notices an e-mail leaving
// 0.3 s later.
import { after } from "next/server";

const ANSWER_HEAD_START_MS = 300;

export function afterAnswer(work: () => Promise<void>, label: string): void {
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, ANSWER_HEAD_START_MS));
    try {
      await work();
    } catch (error) {
      console.error(label, error);
    }
  });
}
