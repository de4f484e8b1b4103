"use client";

// The check-in page's scanner, made for a phone at the door. A code comes from
// the camera (the browser's BarcodeDetector where it has one, else jsQR on
// video frames) or is typed. Every scan is first written to a queue in
// localStorage with an id made here, then sent; a scan leaves the queue only
// when the server has answered it. So a network loss, a reload or a closed tab
// loses nothing, and a scan sent twice (its answer lost on the way back) is
// recognised by its id on the server and counted once.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CheckInOutcome } from "@/lib/events/check-in-schemas";

interface QueuedScan {
  scanId: string;
  code: string;
  scannedAt: string;
}

type Shown = { scanId: string; code: string; outcome: CheckInOutcome | { result: "queued" } | { result: "refused"; reason: string } };

/** The same camera frame holds the same code for a while: one scan per code per this long. */
const SAME_CODE_PAUSE_MS = 4000;
const RETRY_MS = 5000;
const SHOWN_SCANS = 8;

function newScanId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Phones on plain http (a local network) have no randomUUID: a v4 id from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function readQueue(key: string): QueuedScan[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? (parsed as QueuedScan[]) : [];
  } catch {
    return [];
  }
}

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}

export function CheckInScanner({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const t = useTranslations("events.checkIn");
  const format = useFormatter();
  const inputId = useId();
  const queueKey = `portico.checkIn.${eventId}`;
  const [code, setCode] = useState("");
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(true);
  const [shown, setShown] = useState<Shown[]>([]);
  const [camera, setCamera] = useState<"off" | "starting" | "on" | "failed">("off");
  const [signedOut, setSignedOut] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const sending = useRef(false);
  const lastCode = useRef<{ code: string; at: number } | null>(null);

  const show = useCallback((entry: Shown) => {
    setShown((list) => [entry, ...list.filter((s) => s.scanId !== entry.scanId)].slice(0, SHOWN_SCANS));
  }, []);

  /** Sends the queue in order; stops at the first scan that could not be delivered, to try again later. */
  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (;;) {
        const [next] = readQueue(queueKey);
        if (!next) break;
        let response: Response;
        try {
          response = await fetch(`/api/check-ins/${eventId}`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(next),
            cache: "no-store",
          });
        } catch {
          setOnline(false);
          break;
        }
        setOnline(true);
        if (response.status === 401) {
          setSignedOut(true);
          break;
        }
        // The server's or a proxy's trouble: the scan stays queued and is sent again.
        if (response.status >= 500 || response.status === 429) break;
        const outcome: CheckInOutcome | { error: string } = await response.json().catch(() => ({ error: "invalid" }));
        localStorage.setItem(queueKey, JSON.stringify(readQueue(queueKey).filter((s) => s.scanId !== next.scanId)));
        show({ scanId: next.scanId, code: next.code, outcome: "result" in outcome ? outcome : { result: "refused", reason: outcome.error } });
      }
    } finally {
      setWaiting(readQueue(queueKey).length);
      sending.current = false;
    }
  }, [eventId, queueKey, show]);

  const submit = useCallback(
    (raw: string) => {
      const value = raw.trim();
      if (!value) return;
      const scan: QueuedScan = { scanId: newScanId(), code: value, scannedAt: new Date().toISOString() };
      localStorage.setItem(queueKey, JSON.stringify([...readQueue(queueKey), scan]));
      setWaiting(readQueue(queueKey).length);
      show({ scanId: scan.scanId, code: scan.code, outcome: { result: "queued" } });
      void flush();
    },
    [flush, queueKey, show],
  );

  // Scans left from before a reload are shown as waiting and sent.
  useEffect(() => {
    // After the first paint: the server rendered the page without the phone's queue.
    const restore = window.setTimeout(() => {
      const left = readQueue(queueKey);
      setWaiting(left.length);
      setOnline(navigator.onLine);
      for (const scan of left) show({ scanId: scan.scanId, code: scan.code, outcome: { result: "queued" } });
      void flush();
    }, 0);
    const back = () => {
      setOnline(true);
      void flush();
    };
    const gone = () => setOnline(false);
    window.addEventListener("online", back);
    window.addEventListener("offline", gone);
    const timer = window.setInterval(() => {
      if (readQueue(queueKey).length) void flush();
    }, RETRY_MS);
    return () => {
      window.clearTimeout(restore);
      window.removeEventListener("online", back);
      window.removeEventListener("offline", gone);
      window.clearInterval(timer);
    };
  }, [flush, queueKey, show]);

  const stopCamera = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setCamera("off");
  }, []);

  useEffect(() => stopCamera, [stopCamera]);

  const startCamera = async () => {
    setCamera("starting");
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      stream.current = media;
      const element = video.current!;
      element.srcObject = media;
      await element.play();
      setCamera("on");
      void scanFrames(element);
    } catch {
      stopCamera();
      setCamera("failed");
    }
  };

  const scanFrames = async (element: HTMLVideoElement) => {
    const BarcodeDetectorClass = (window as unknown as { BarcodeDetector?: new (options: { formats: string[] }) => Detector }).BarcodeDetector;
    let detector: Detector | null = null;
    if (BarcodeDetectorClass) {
      try {
        detector = new BarcodeDetectorClass({ formats: ["qr_code"] });
      } catch {
        detector = null;
      }
    }
    const jsQR = detector ? null : (await import("jsqr")).default;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const tick = async () => {
      if (!stream.current) return;
      let found: string | null = null;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth) {
        if (detector) {
          found = (await detector.detect(element).catch(() => []))[0]?.rawValue ?? null;
        } else if (jsQR && context) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0);
          const frame = context.getImageData(0, 0, canvas.width, canvas.height);
          found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data ?? null;
        }
      }
      const at = Date.now();
      if (found && !(lastCode.current && lastCode.current.code === found && at - lastCode.current.at < SAME_CODE_PAUSE_MS)) {
        lastCode.current = { code: found, at };
        navigator.vibrate?.(80);
        submit(found);
      }
      window.setTimeout(() => void tick(), 200);
    };
    void tick();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(code);
    setCode("");
  };

  const time = (iso: string) => format.dateTime(new Date(iso), { timeStyle: "short", timeZone });

  return (
    <div className="mx-auto w-full max-w-md space-y-4">
      <p
        role="status"
        data-testid="check-in-connection"
        className={`rounded-md px-3 py-2 text-sm ${online ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900"}`}
      >
        {online ? (waiting ? t("sending", { count: waiting }) : t("allSent")) : t("offline", { count: waiting })}
      </p>
      {signedOut ? <Alert tone="error">{t("signedOut")}</Alert> : null}
      <div className="space-y-2">
        <video
          ref={video}
          muted
          playsInline
          aria-label={t("cameraView")}
          className={camera === "on" ? "aspect-square w-full rounded-lg bg-black object-cover" : "hidden"}
        />
        {camera === "on" ? (
          <Button variant="secondary" className="w-full" onClick={stopCamera}>
            {t("stopCamera")}
          </Button>
        ) : (
          <Button className="w-full py-3 text-base" onClick={() => void startCamera()} disabled={camera === "starting"} aria-busy={camera === "starting"}>
            {t("startCamera")}
          </Button>
        )}
        {camera === "failed" ? <Alert tone="warning">{t("cameraFailed")}</Alert> : null}
      </div>
      <form onSubmit={onSubmit} className="space-y-2">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {t("typeCode")}
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            placeholder="57-K7QXM2PA9T"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-3 font-mono text-base uppercase"
          />
          <Button type="submit" className="px-4 py-3 text-base" disabled={!code.trim()}>
            {t("checkIn")}
          </Button>
        </div>
      </form>
      <section aria-labelledby={`${inputId}-results`}>
        <h2 id={`${inputId}-results`} className="mb-2 text-sm font-medium text-slate-800">
          {t("latestScans")}
        </h2>
        {shown.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noScans")}</p>
        ) : (
          <ul className="space-y-2" aria-live="polite" data-testid="check-in-results">
            {shown.map((s) => (
              <li key={s.scanId}>
                <ScanResult shown={s} time={time} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ScanResult({ shown, time }: { shown: Shown; time: (iso: string) => string }) {
  const t = useTranslations("events.checkIn");
  const ts = useTranslations("events.registrationStatus");
  const { outcome } = shown;
  const box = (tone: string, title: string, detail?: string) => (
    <div className={`rounded-lg border px-4 py-3 ${tone}`} data-result={outcome.result}>
      <p className="text-base font-semibold">{title}</p>
      {detail ? <p className="text-sm">{detail}</p> : null}
      <p className="font-mono text-xs opacity-70">{shown.code}</p>
    </div>
  );
  switch (outcome.result) {
    case "queued":
      return box("border-slate-300 bg-white text-slate-800", t("queued"));
    case "checkedIn":
      return box("border-green-400 bg-green-50 text-green-950", outcome.name, t("checkedInAt", { time: time(outcome.attendedAt), status: ts(outcome.status) }));
    case "alreadyCheckedIn":
      return box(
        "border-amber-400 bg-amber-50 text-amber-950",
        outcome.name,
        t("alreadyCheckedInAt", { time: time(outcome.attendedAt), status: ts(outcome.status) }),
      );
    case "notRegistered":
      return box("border-red-400 bg-red-50 text-red-950", outcome.name, t("notRegistered", { status: ts(outcome.status) }));
    case "notConfirmed":
      return box("border-red-400 bg-red-50 text-red-950", outcome.name, t("notConfirmed"));
    case "otherEvent":
      return box("border-red-400 bg-red-50 text-red-950", t("otherEvent", { number: outcome.eventNumber }));
    case "eventCancelled":
      return box("border-red-400 bg-red-50 text-red-950", t("eventCancelled"));
    case "unknownCode":
      return box("border-red-400 bg-red-50 text-red-950", t("unknownCode"));
    case "refused":
      return box("border-red-400 bg-red-50 text-red-950", outcome.reason === "forbidden" ? t("forbidden") : t("refused"));
  }
}
