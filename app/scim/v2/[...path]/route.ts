// The SCIM 2.0 service (RFC 7643/7644) identity providers provision districts' people into:
// /Users, /Groups and the discovery endpoints below /scim/v2/, each request authenticated by
// a district's Secret Token.
import { handleScim } from "@/lib/scim/handler";

const handle = (request: Request) => handleScim(request);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
