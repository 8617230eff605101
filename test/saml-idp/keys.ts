// A signing key pair and self-signed certificate for the test identity provider.
import { generate } from "selfsigned";

export type IdpKeys = { privateKey: string; certificate: string };

const DAY_MS = 86_400_000;

export async function createIdpKeys(options: { validFrom?: Date; validTo?: Date; commonName?: string } = {}): Promise<IdpKeys> {
  const validFrom = options.validFrom ?? new Date(Date.now() - DAY_MS);
  const validTo = options.validTo ?? new Date(validFrom.getTime() + 365 * DAY_MS);
  const pems = await generate([{ name: "commonName", value: options.commonName ?? "test-idp.rollcall.test" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: validFrom,
    notAfterDate: validTo,
  });
  return { privateKey: pems.private, certificate: pems.cert };
}
