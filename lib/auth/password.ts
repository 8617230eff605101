// Password hashing with bcrypt (bcryptjs: pure JavaScript, no native build).
import bcrypt from "bcryptjs";

const COST = 12;
// Compared against when the email is unknown, so both paths take the same time.
const UNKNOWN_USER_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO0p3WlG4l3K8xHn6bU0WPGSSmFvRFH1i";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? UNKNOWN_USER_HASH);
  return hash !== null && matches;
}
