"use client";

// The browser's half of the public forms' proof of work (lib/security/
// proof-of-work.ts): fetches a challenge as soon as the form shows and solves it
// in the background while the person types: SHA-256 through SubtleCrypto on the
// page itself, in short slices, so no worker (and no CSP change) is needed.
// take() hands the answer to a submission, waiting for it if need be, and starts
// on the next one: every answer works once.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PowForm } from "@/lib/security/proof-of-work";

interface Challenge {
  parameters: { algorithm: string; nonce: string; salt: string; keyPrefix: string; data?: { difficulty?: number; expires?: number } } & Record<string, unknown>;
  signature?: string;
}

export type PowStatus = "solving" | "ready" | "failed";

const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
const bytesToHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const BATCH = 200;
/** Answers this close to their expiry are not used; a new one is solved instead. */
const EXPIRY_MARGIN_MS = 60_000;

async function solve(challenge: Challenge, signal: AbortSignal, onProgress: (percent: number) => void): Promise<string | null> {
  const { salt, nonce, keyPrefix, data } = challenge.parameters;
  const saltBytes = hexToBytes(salt);
  const nonceBytes = hexToBytes(nonce);
  const prefix = hexToBytes(keyPrefix);
  const expected = Math.max(1, data?.difficulty ?? 50_000);
  const input = (counter: number) => {
    // ALTCHA v2 with SHA-256 and cost 1: SHA-256(salt ‖ nonce ‖ counter as big-endian uint32).
    const bytes = new Uint8Array(saltBytes.length + nonceBytes.length + 4);
    bytes.set(saltBytes, 0);
    bytes.set(nonceBytes, saltBytes.length);
    new DataView(bytes.buffer).setUint32(saltBytes.length + nonceBytes.length, counter, false);
    return bytes;
  };
  let sliceStart = performance.now();
  for (let start = 0; start <= 0xffffffff; start += BATCH) {
    if (signal.aborted) return null;
    const keys = await Promise.all(Array.from({ length: BATCH }, (_, i) => crypto.subtle.digest("SHA-256", input(start + i))));
    for (let i = 0; i < keys.length; i++) {
      const key = new Uint8Array(keys[i]);
      if (prefix.every((b, j) => key[j] === b)) {
        onProgress(100);
        const payload = {
          challenge: { parameters: challenge.parameters, signature: challenge.signature },
          solution: { counter: start + i, derivedKey: bytesToHex(key) },
        };
        return btoa(JSON.stringify(payload));
      }
    }
    // Let the page breathe (typing, rendering) every few dozen milliseconds.
    if (performance.now() - sliceStart > 40) {
      onProgress(Math.min(99, Math.floor((start / (expected * 1.5)) * 100)));
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return null;
}

interface Run {
  answer: Promise<string | null>;
  expiresAt: number;
  controller: AbortController;
}

export function useProofOfWork(form: PowForm, enabled = true) {
  const [status, setStatus] = useState<PowStatus>("solving");
  const [percent, setPercent] = useState(0);
  const [waiting, setWaiting] = useState(false);
  const run = useRef<Run | null>(null);

  const start = useCallback((): Run => {
    run.current?.controller.abort();
    const controller = new AbortController();
    const current: Run = { controller, expiresAt: Infinity, answer: Promise.resolve(null) };
    current.answer = (async () => {
      setStatus("solving");
      setPercent(0);
      try {
        const response = await fetch(`/api/pow/${form}`, { cache: "no-store", signal: controller.signal });
        if (!response.ok) throw new Error(`challenge: ${response.status}`);
        const challenge = (await response.json()) as Challenge;
        current.expiresAt = (challenge.parameters.data?.expires ?? Infinity) * 1000;
        const answer = await solve(challenge, controller.signal, (p) => {
          if (run.current === current) setPercent(p);
        });
        if (run.current === current && answer) setStatus("ready");
        return answer;
      } catch {
        if (run.current === current && !controller.signal.aborted) setStatus("failed");
        return null;
      }
    })();
    run.current = current;
    return current;
  }, [form]);

  useEffect(() => {
    if (!enabled) return;
    start();
    return () => run.current?.controller.abort();
  }, [enabled, start]);

  /** The answer for one submission ("" if none could be found: the server then says so), and a new one started. */
  const take = useCallback(async (): Promise<string> => {
    setWaiting(true);
    try {
      return await takeAnswer();
    } finally {
      setWaiting(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- takeAnswer only uses start
  }, [start]);

  async function takeAnswer(): Promise<string> {
    let current = run.current;
    if (!current || current.controller.signal.aborted || current.expiresAt - EXPIRY_MARGIN_MS < Date.now()) current = start();
    let answer = await current.answer;
    // Fetching the challenge failed (a network hiccup): one more try.
    if (answer === null && !current.controller.signal.aborted) answer = await start().answer;
    else if (current.expiresAt - EXPIRY_MARGIN_MS < Date.now()) answer = await start().answer;
    start();
    return answer ?? "";
  }

  /** waiting: a submission is waiting for the answer. */
  return { status, percent, waiting, take };
}

/** The check's state for everyone, screen readers included (a polite live region, no announcement per percent). */
export function ProofOfWorkStatus({ status, percent }: { status: PowStatus; percent: number }) {
  const t = useTranslations("security.pow");
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600" data-testid="pow-status" data-status={status}>
      <span role="status" aria-live="polite">
        {status === "solving" ? t("verifying") : status === "ready" ? t("verified") : t("failed")}
      </span>
      {status === "solving" ? <progress className="h-1.5 w-24" max={100} value={percent} aria-label={t("verifyingProgress", { percent })} /> : null}
    </div>
  );
}
