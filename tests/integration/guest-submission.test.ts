// The public guest form: anyone with the link sends a request; only
// the configured fields are taken, validated on the server with the form's own
// schema; files are checked by their bytes; a honeypot, a signed form token
// with a timing check, a per-address rate limit and a proof of work whose
// difficulty rises with the last hour's submissions guard it; a retry creates
// one request; the receipt e-mail carries the private status link.
process.env.AUTH_SECRET ??= "guest-submission-test-secret-0123456789";
// Cheap challenges: these tests send hundreds of forms. The rise with load is relative.
process.env.POW_DIFFICULTY = "50";

import { createHash, createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { issueGuestFormToken } from "@/lib/guests/form-token";
import { regenerateGuestPortalLink } from "@/lib/guests/portal";
import { submitGuestRequest } from "@/lib/guests/submit-request";
import { difficultyFor, issueChallenge, powLoad, powSettings } from "@/lib/security/proof-of-work";
import { solveChallenge } from "../helpers/proof-of-work";
import { createActor } from "../helpers/factories";
import { enableGuestPortal, freshIp, guestFields, multipartRequest, PNG_BYTES, pngFile, seasonedFormToken, submit } from "../helpers/guest-fixtures";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";
import { received } from "@/tests/helpers/mail";

const t = withTestDatabase();
let storage: MemoryStorage;
let portalToken: string;
const valid = { title: "Broken window", description: "Room 12, second floor." };

beforeEach(async () => {
  storage = new MemoryStorage();
  portalToken = await enableGuestPortal(t.prisma);
  // Each test counts from zero.
  await t.prisma.rateLimitBucket.deleteMany();
  await t.prisma.guestRequest.deleteMany();
  await t.prisma.storedFile.deleteMany();
});
afterEach(() => {
  setClock(null);
  delete process.env.GUEST_RATE_LIMIT_PER_IP;
  delete process.env.GUEST_POW_LOAD_STEP;
  delete process.env.UPLOAD_MAX_BYTES;
});

const send = (entries: Parameters<typeof submit>[2], options: Partial<Parameters<typeof submit>[3]> = {}) =>
  submit(t.prisma, storage, entries, { portalToken, ...options });
const requestCount = () => t.prisma.guestRequest.count();

describe("a valid submission", () => {
  it("stores the request as CREATED with the configured fields, its files (no owner) and the visitor's language", async () => {
    await enableGuestPortal(
      t.prisma,
      guestFields((f) => (f.custom = [{ key: "f_room", label: "Room", kind: "shortText", shown: true, required: false }])),
    );
    portalToken = (await t.prisma.guestPortal.findUniqueOrThrow({ where: { id: "default" } })).token;
    const result = await send(
      {
        ...valid,
        requesterName: "Ana Souza",
        email: "ana@example.com",
        phone: "+55 11 5555-0101",
        location: "Building B",
        "custom.f_room": "12",
        files: pngFile(),
      },
      { locale: "pt-BR" },
    );
    expect(result.status).toBe(201);
    const body = result.body as { number: number; statusPath: string };
    const request = await t.prisma.guestRequest.findUniqueOrThrow({ where: { number: body.number }, include: { files: { include: { file: true } } } });
    expect(request).toMatchObject({
      status: "CREATED",
      requesterName: "Ana Souza",
      email: "ana@example.com",
      phone: "+55 11 5555-0101",
      location: "Building B",
      title: "Broken window",
      locale: "pt-BR",
      ticketId: null,
    });
    expect(request.customValues).toEqual([{ key: "f_room", label: "Room", value: "12" }]);
    expect(request.files).toHaveLength(1);
    const file = request.files[0].file;
    expect(file).toMatchObject({ ownerId: null, fileName: "photo.png", contentType: "image/png", size: PNG_BYTES.length });
    expect(storage.objects.get(file.storageKey)?.body).toEqual(new Uint8Array(PNG_BYTES));

    // The private link: HMAC(secret, "guest-status:" + id), only its SHA-256 stored.
    const token = createHmac("sha256", process.env.AUTH_SECRET!).update(`guest-status:${request.id}`).digest("base64url");
    expect(body.statusPath).toBe(`/g/status/${token}`);
    expect(request.statusTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(request.statusTokenHash).not.toContain(token);

    // The receipt, in the visitor's language, with the private link.
    expect(result.emailIds).toHaveLength(1);
    const mail = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: result.emailIds[0] } }).then(received);
    expect(mail).toMatchObject({ to: "ana@example.com", template: "guestRequestReceived", locale: "pt-BR", status: "QUEUED" });
    expect(mail.subject).toContain(`nº ${body.number}`);
    expect(mail.text).toContain(`/g/status/${token}`);
  });

  it("sends no receipt when no e-mail address was given", async () => {
    const result = await send(valid);
    expect(result.status).toBe(201);
    expect(result.emailIds).toEqual([]);
  });

  it("sends at most three receipts an hour to one address; the requests are still stored", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await send({ ...valid, email: "Victim@Example.com" }));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.emailIds.length)).toEqual([1, 1, 1, 0]);
  });

  it("takes only the configured fields: a hidden field's value is dropped", async () => {
    portalToken = await enableGuestPortal(
      t.prisma,
      guestFields((f) => (f.builtIn.location = { shown: false, required: true })),
    );
    const result = await send({ ...valid, location: "smuggled", asset: "smuggled too" });
    expect(result.status).toBe(201);
    const request = await t.prisma.guestRequest.findUniqueOrThrow({ where: { number: (result.body as { number: number }).number } });
    expect(request.location).toBeNull();
    expect(request.asset).toBeNull();
  });

  it("ignores files when the attachment field is hidden", async () => {
    portalToken = await enableGuestPortal(
      t.prisma,
      guestFields((f) => (f.builtIn.attachment.shown = false)),
    );
    const result = await send({ ...valid, files: pngFile() });
    expect(result.status).toBe(201);
    expect(storage.objects.size).toBe(0);
    expect(await t.prisma.guestRequestFile.count({ where: { request: { number: (result.body as { number: number }).number } } })).toBe(0);
  });
});

describe("validation as configured", () => {
  it("refuses a missing required field with its translated key and stores nothing", async () => {
    portalToken = await enableGuestPortal(
      t.prisma,
      guestFields((f) => (f.builtIn.phone.required = true)),
    );
    const before = await requestCount();
    const result = await send({ ...valid, files: pngFile() });
    expect(result).toMatchObject({ status: 422, body: { error: "common.fixErrors", fields: { phone: "validation.required" } } });
    expect(await requestCount()).toBe(before);
    expect(storage.objects.size).toBe(0);
  });

  it("refuses files of a forbidden type, a disguised type and over the size limit, storing nothing", async () => {
    const exe = new File([Buffer.from("MZ\x90\x00 not really a program")], "tool.exe");
    expect((await send({ ...valid, files: exe })).body).toMatchObject({ fields: { files: "files.errors.type_not_allowed" } });
    const fake = new File([Buffer.from("just text")], "photo.png");
    expect((await send({ ...valid, files: fake })).body).toMatchObject({ fields: { files: "files.errors.type_mismatch" } });
    process.env.UPLOAD_MAX_BYTES = "50";
    expect((await send({ ...valid, files: pngFile() })).body).toMatchObject({ fields: { "files.0.size": "guests.errors.fileTooLarge" } });
    expect((await send({ ...valid, files: [pngFile("a.png"), pngFile("b.png"), pngFile("c.png"), pngFile("d.png")] })).status).toBe(422);
    expect(storage.objects.size).toBe(0);
  });

  it("a required attachment must be given", async () => {
    portalToken = await enableGuestPortal(
      t.prisma,
      guestFields((f) => (f.builtIn.attachment.required = true)),
    );
    expect((await send(valid)).body).toMatchObject({ fields: { files: "validation.required" } });
    expect((await send({ ...valid, files: pngFile() })).status).toBe(201);
  });

  it("a text field carrying a file is invalid, not a crash", async () => {
    const result = await send({ ...valid, title: pngFile() });
    expect(result).toMatchObject({ status: 422, body: { fields: { title: "validation.invalid" } } });
  });
});

describe("abuse guards", () => {
  it("refuses a filled honeypot without storing anything", async () => {
    const result = await send({ ...valid, website: "http://spam.example" });
    expect(result).toMatchObject({ status: 400, body: { error: "common.genericError" } });
    expect(await requestCount()).toBe(0);
  });

  it("refuses a submission sooner than 3 seconds after the page was served, and one older than a day", async () => {
    const base = new Date("2026-03-01T12:00:00Z");
    const token = issueGuestFormToken(base);
    setClock(new Date(base.getTime() + 1_000));
    expect((await send(valid, { formToken: token })).body).toEqual({ error: "guests.errors.tooFast" });
    setClock(new Date(base.getTime() + 25 * 3600_000));
    expect((await send(valid, { formToken: token })).body).toEqual({ error: "guests.errors.formExpired" });
    setClock(new Date(base.getTime() + 4_000));
    expect((await send(valid, { formToken: token })).status).toBe(201);
  });

  it("refuses a forged or missing form token", async () => {
    const [nonce, issued] = seasonedFormToken().split(".");
    const forged = `${nonce}.${issued}.${"A".repeat(43)}`;
    expect((await send(valid, { formToken: forged })).body).toEqual({ error: "guests.errors.formInvalid" });
    // An older issue time under the original signature is refused too.
    const [n2, , sig] = seasonedFormToken().split(".");
    expect((await send(valid, { formToken: `${n2}.1.${sig}` })).body).toEqual({ error: "guests.errors.formInvalid" });
    const request = multipartRequest(valid);
    expect((await submitGuestRequest(t.prisma, storage, { portalToken, ip: freshIp(), locale: "en", request })).body).toEqual({
      error: "guests.errors.formInvalid",
    });
    expect(await requestCount()).toBe(0);
  });

  it("a double click or retry of one form creates one request and gets the same receipt", async () => {
    const formToken = seasonedFormToken();
    const [a, b] = await Promise.all([send({ ...valid, files: pngFile() }, { formToken }), send({ ...valid, files: pngFile() }, { formToken })]);
    const again = await send({ ...valid, files: pngFile() }, { formToken });
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
    expect(again).toMatchObject({ status: 200, body: a.body, emailIds: [] });
    expect(await requestCount()).toBe(1);
    // The losing copy's file was removed again: one stored object for one request.
    expect(storage.objects.size).toBe(1);
  });

  it("limits submissions per address: the 11th in 15 minutes is refused, another address still gets through", async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await send(valid, { ip })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    const refused = await send(valid, { ip });
    expect(refused).toMatchObject({ status: 429, body: { error: "guests.errors.rateLimited", values: { minutes: 15 } } });
    expect((await send(valid, { ip: freshIp() })).status).toBe(201);
    expect(await requestCount()).toBe(11);
  });

  it("refuses a submission without a proof of work, keeping nothing, and accepts one with it", async () => {
    expect(await send(valid, { altcha: "" })).toMatchObject({ status: 400, body: { error: "security.pow.missing" } });
    expect(await requestCount()).toBe(0);
    expect((await send(valid)).status).toBe(201);
  });

  it("refuses an invalid solution: garbage, a wrong counter, a forged signature, another form's challenge", async () => {
    const refused = (altcha: string) => send(valid, { altcha }).then((r) => r.body);
    expect(await refused("garbage")).toEqual({ error: "security.pow.invalid" });
    const good = JSON.parse(Buffer.from(await solveChallenge(t.prisma, "guest-request"), "base64").toString()) as {
      challenge: { signature: string; parameters: { data: Record<string, unknown> } };
      solution: { counter: number };
    };
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64");
    expect(await refused(encode({ ...good, solution: { ...good.solution, counter: good.solution.counter + 1 } }))).toEqual({ error: "security.pow.invalid" });
    expect(await refused(encode({ ...good, challenge: { ...good.challenge, signature: "0".repeat(64) } }))).toEqual({ error: "security.pow.invalid" });
    // Tampering with the signed parameters (an easier difficulty) breaks the signature.
    expect(
      await refused(
        encode({
          ...good,
          challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, data: { ...good.challenge.parameters.data, difficulty: 1 } } },
        }),
      ),
    ).toEqual({ error: "security.pow.invalid" });
    expect(await refused(await solveChallenge(t.prisma, "public-registration"))).toEqual({ error: "security.pow.invalid" });
    // The untouched one still works: refusals did not spend it.
    expect((await send(valid, { altcha: encode(good) })).status).toBe(201);
    expect(await requestCount()).toBe(1);
  });

  it("refuses an expired solution", async () => {
    const altcha = await solveChallenge(t.prisma, "guest-request");
    setClock(new Date(Date.now() + 31 * 60 * 1000));
    expect(await send(valid, { altcha, formToken: issueGuestFormToken(new Date(Date.now() + 30 * 60 * 1000)) })).toMatchObject({
      status: 400,
      body: { error: "security.pow.expired" },
    });
    expect(await requestCount()).toBe(0);
  });

  it("refuses a replayed solution, also under concurrency (one of two at once wins)", async () => {
    const altcha = await solveChallenge(t.prisma, "guest-request");
    expect((await send(valid, { altcha })).status).toBe(201);
    expect(await send(valid, { altcha })).toMatchObject({ status: 400, body: { error: "security.pow.invalid" } });
    const twin = await solveChallenge(t.prisma, "guest-request");
    const both = await Promise.all([send(valid, { altcha: twin }), send(valid, { altcha: twin })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(await requestCount()).toBe(2);
  });

  it("raises the difficulty with the last hour's submissions, all addresses together, up to the maximum", async () => {
    process.env.GUEST_POW_LOAD_STEP = "10";
    const settings = powSettings("guest-request");
    expect(difficultyFor(0, settings)).toBe(50);
    expect(difficultyFor(10, settings)).toBe(100);
    expect(difficultyFor(1e9, settings)).toBe(settings.max);
    const before = await issueChallenge(t.prisma, "guest-request");
    for (let i = 0; i < 20; i++) expect((await send(valid)).status).toBe(201);
    expect(await powLoad(t.prisma, "guest-request")).toBeGreaterThanOrEqual(20);
    const after = await issueChallenge(t.prisma, "guest-request");
    expect(before.parameters.data?.difficulty).toBe(50);
    expect(after.parameters.data?.difficulty).toBe(200);
    // Last hour's load still counts after the clock hour turns, fading out.
    setClock(new Date(Date.now() + 60 * 60 * 1000));
    expect(await powLoad(t.prisma, "guest-request")).toBeGreaterThan(0);
    setClock(new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(await powLoad(t.prisma, "guest-request")).toBe(0);
  });

  it("refuses an oversized body unread (declared) and stops reading an undeclared one at the limit", async () => {
    process.env.UPLOAD_MAX_BYTES = "1000";
    const declared = new Request("http://localhost/api/guest/x", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) },
      body: "--x--",
    });
    expect((await submitGuestRequest(t.prisma, storage, { portalToken, ip: freshIp(), locale: "en", request: declared })).status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const chunked = new Request("http://localhost/api/guest/x", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect((await submitGuestRequest(t.prisma, storage, { portalToken, ip: freshIp(), locale: "en", request: chunked })).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });
});

describe("the link", () => {
  it("a disabled portal, an unknown link and an old link after regeneration answer 404", async () => {
    expect((await send(valid, { portalToken: "x".repeat(43) })).status).toBe(404);
    const { actor: admin } = await createActor(t.prisma, "ADMIN");
    const fresh = await regenerateGuestPortalLink(t.prisma, admin);
    expect((await send(valid)).status).toBe(404);
    expect((await send(valid, { portalToken: fresh })).status).toBe(201);
    await enableGuestPortal(t.prisma, guestFields(), { enabled: false });
    const disabled = (await t.prisma.guestPortal.findUniqueOrThrow({ where: { id: "default" } })).token;
    expect((await send(valid, { portalToken: disabled })).status).toBe(404);
    expect(await requestCount()).toBe(1);
  });
});

describe("1,000 junk and oversized submissions", () => {
  it(
    "cause no server error, the per-address limit holds, nothing is stored, and a legitimate request from another address succeeds",
    { timeout: 90_000 },
    async () => {
      const attackers = Array.from({ length: 40 }, () => freshIp());
      const junk: (() => Request)[] = [
        () => multipartRequest({ ...valid, formToken: seasonedFormToken(), website: "spam" }),
        () => multipartRequest({ ...valid, formToken: "garbage" }),
        () => multipartRequest({ ...valid, formToken: issueGuestFormToken() }),
        () => multipartRequest({ title: "", description: "x".repeat(6000), email: "nope", formToken: seasonedFormToken() }),
        () => multipartRequest({ ...valid, files: new File([Buffer.from("MZ")], "x.exe"), formToken: seasonedFormToken() }),
        () => multipartRequest({ ...valid, "custom.x": pngFile(), requesterName: pngFile(), formToken: seasonedFormToken() }),
        () =>
          new Request("http://localhost/api/guest/x", {
            method: "POST",
            headers: { "content-type": "multipart/form-data; boundary=zz" },
            body: "--zz\r\nbroken",
          }),
        () => new Request("http://localhost/api/guest/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
        () => new Request("http://localhost/api/guest/x", { method: "POST" }),
        () =>
          new Request("http://localhost/api/guest/x", {
            method: "POST",
            headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "999999999" },
            body: "--x--",
          }),
      ];
      const byIp = new Map<string, number[]>();
      for (let i = 0; i < 1000; i++) {
        const ip = attackers[i % attackers.length];
        const result = await submitGuestRequest(t.prisma, storage, { portalToken, ip, locale: "en", request: junk[i % junk.length]() });
        expect(result.status, `request ${i}`).toBeGreaterThanOrEqual(400);
        expect(result.status, `request ${i}`).toBeLessThan(500);
        byIp.set(ip, [...(byIp.get(ip) ?? []), result.status]);
      }
      // Per address: at most 10 attempts got past the limit; all the others were refused with 429.
      for (const statuses of byIp.values()) {
        expect(statuses.filter((s) => s !== 429)).toHaveLength(10);
        expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      }
      expect(await requestCount()).toBe(0);
      expect(storage.objects.size).toBe(0);
      // Junk never counts towards the load, so it does not make the form dearer for people.
      expect(await powLoad(t.prisma, "guest-request")).toBe(0);

      const legitimate = await send({ ...valid, email: "real.person@example.com", files: pngFile() }, { ip: "203.0.113.7" });
      expect(legitimate.status).toBe(201);
    },
  );

  it(
    "a flood past the old overall cap (500 an hour) from 55 addresses makes solving dearer but never refuses a valid submission from a new address",
    { timeout: 300_000 },
    async () => {
      const attackers = Array.from({ length: 55 }, () => freshIp());
      const startDifficulty = (await issueChallenge(t.prisma, "guest-request")).parameters.data?.difficulty;
      let accepted = 0;
      for (let i = 0; i < 510; i++) if ((await send(valid, { ip: attackers[i % attackers.length] })).status === 201) accepted++;
      expect(accepted).toBe(510);
      const floodDifficulty = (await issueChallenge(t.prisma, "guest-request")).parameters.data?.difficulty;
      expect(floodDifficulty).toBeGreaterThanOrEqual(Number(startDifficulty) * 16);
      const legitimate = await send({ ...valid, email: "real.person@example.com" }, { ip: "203.0.113.9" });
      expect(legitimate.status).toBe(201);
    },
  );

  it("a flood from one address stops at its own limit and barely moves the difficulty for everyone else", async () => {
    const ip = freshIp();
    for (let i = 0; i < 200; i++) await send(valid, { ip });
    expect(await requestCount()).toBe(10);
    expect(await powLoad(t.prisma, "guest-request")).toBe(10);
    expect((await send(valid, { ip: "203.0.113.8" })).status).toBe(201);
  });
});
