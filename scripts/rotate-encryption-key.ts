// `npm run rotate-encryption-key`: re-encrypts every secret stored in the database with
// ROLLCALL_ENCRYPTION_KEY, reading older ones with ROLLCALL_PREVIOUS_ENCRYPTION_KEYS. Run it
// once every Rollcall process runs with the new key (steps in docs/deploying.md); safe to
// run again, and while the app serves.
import { getConfig } from "@/lib/config";
import { reEncryptStoredSecrets } from "@/lib/crypto/key-rotation";
import type { EncryptionKeys } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";

const MAX_PASSES = 5;

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL, ROLLCALL_ENCRYPTION_KEY (the new key) and ROLLCALL_PREVIOUS_ENCRYPTION_KEYS (the old ones).");
    return 2;
  }
  const { encryptionKey } = getConfig();
  try {
    return await reEncryptUntilDone(encryptionKey);
  } finally {
    await db().$disconnect();
  }
}

async function reEncryptUntilDone(encryptionKey: EncryptionKeys): Promise<number> {
  // A pass that finds nothing left on an old key confirms the ones before it.
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const results = await reEncryptStoredSecrets(encryptionKey);
    for (const { name, reEncrypted, alreadyCurrent, changedMeanwhile } of results) {
      const changed = changedMeanwhile > 0 ? `, ${changedMeanwhile} changed by the app meanwhile` : "";
      console.log(`${name}: ${reEncrypted} re-encrypted, ${alreadyCurrent} already on the current key${changed}`);
    }
    if (results.every((result) => result.reEncrypted === 0 && result.changedMeanwhile === 0)) {
      console.log("Every stored secret is encrypted with ROLLCALL_ENCRYPTION_KEY; ROLLCALL_PREVIOUS_ENCRYPTION_KEYS can be removed.");
      return 0;
    }
  }
  console.error(
    `Secrets on an old key kept appearing after ${MAX_PASSES} passes: is a Rollcall process still running with the old ` +
      "ROLLCALL_ENCRYPTION_KEY? Restart it with the new key, then run this again.",
  );
  return 1;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  })
  .then((code) => process.exit(code));
