// A software WebAuthn authenticator for integration tests: it makes real
// ES256 credentials and signatures (attestation "none"), exactly the bytes a
// browser would hand over, so the server's checks run unchanged.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export interface SoftCredential {
  id: string;
  userHandle: string;
  rpId: string;
  privateKey: KeyObject;
  counter: number;
}

function authData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

/** navigator.credentials.create() as an authenticator that verified the user. */
export function createCredential(
  options: PublicKeyCredentialCreationOptionsJSON,
  origin: string,
  { counter = 0 }: { counter?: number } = {},
): { credential: SoftCredential; response: RegistrationResponseJSON } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const cose = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
  const credentialId = randomBytes(16);
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, Buffer.from(cose)]);
  const rpId = options.rp.id!;
  const attestationObject = isoCBOR.encode(
    new Map<string, unknown>([
      ["fmt", "none"],
      ["attStmt", new Map()],
      ["authData", authData(rpId, UP | UV | AT, counter, attested)],
    ]) as never,
  );
  const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin, crossOrigin: false }));
  const id = b64url(credentialId);
  return {
    credential: { id, userHandle: options.user.id, rpId, privateKey, counter },
    response: {
      id,
      rawId: id,
      type: "public-key",
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ["internal"] },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    },
  };
}

/** navigator.credentials.get(): signs the challenge and moves the counter on by one (or to `counter`). */
export function getAssertion(
  credential: SoftCredential,
  options: PublicKeyCredentialRequestOptionsJSON,
  origin: string,
  { counter, userVerified = true }: { counter?: number; userVerified?: boolean } = {},
): AuthenticationResponseJSON {
  credential.counter = counter ?? credential.counter + 1;
  const data = authData(options.rpId ?? credential.rpId, UP | (userVerified ? UV : 0), credential.counter);
  const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin, crossOrigin: false }));
  const signature = sign("sha256", Buffer.concat([data, sha256(clientDataJSON)]), credential.privateKey);
  return {
    id: credential.id,
    rawId: credential.id,
    type: "public-key",
    response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(data), signature: b64url(signature), userHandle: credential.userHandle },
    clientExtensionResults: {},
    authenticatorAttachment: "platform",
  };
}
