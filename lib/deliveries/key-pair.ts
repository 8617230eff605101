// The ed25519 key pair Rollcall signs in to a vendor's SFTP server with, one per application:
// the private key is kept encrypted in FileDelivery.sftpPrivateKey, the public key shown to install.
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { ed25519KeyPair } from "@/lib/sftp/host-key";

/** The context the private key's ciphertext is bound to. */
export const DELIVERY_KEY_CONTEXT = "delivery-sftp-key";

/** A new ed25519 key pair for an application, the private key encrypted for FileDelivery.sftpPrivateKey. */
export function newDeliveryKeyPair(applicationName: string): { sealedPrivateKey: string; publicKey: string } {
  const pair = ed25519KeyPair(keyComment(applicationName));
  return { sealedPrivateKey: encryptSecret(pair.private, getConfig().encryptionKey, DELIVERY_KEY_CONTEXT), publicKey: pair.public.trim() };
}

/** The OpenSSH private key stored by newDeliveryKeyPair. */
export function openDeliveryPrivateKey(sealedPrivateKey: string): string {
  return decryptSecret(sealedPrivateKey, getConfig().encryptionKey, DELIVERY_KEY_CONTEXT);
}

/** "rollcall-reading-buddy": what a vendor's authorized_keys shows the key is for. */
function keyComment(applicationName: string): string {
  const slug = applicationName
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug ? `rollcall-${slug}` : "rollcall";
}
