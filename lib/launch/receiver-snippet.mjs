// Verifies the launch token Rollcall adds to your launch URL (?launch_token=…) when a
// teacher or student opens your application from My apps. Needs the jose package (npm install jose).
import { createRemoteJWKSet, jwtVerify } from "jose";

const CLOCK_TOLERANCE_SECONDS = 10;

export function createLaunchVerifier({ jwksUrl, issuer, audience }) {
  const keys = createRemoteJWKSet(new URL(jwksUrl)); // fetched once, refreshed when Rollcall's key changes
  const used = new Map(); // jti → when it may be forgotten; keep this in your database if you run several servers

  return async function verify(token) {
    if (typeof token !== "string" || token === "") throw new Error("No launch token: open the application from My apps.");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ["RS256"],
        maxTokenAge: "60s",
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["jti", "sub", "iat", "exp"],
      }));
    } catch (error) {
      throw new Error(`Launch token refused: ${error.message}`); // bad signature, another audience, expired, …
    }

    const now = Math.floor(Date.now() / 1000);
    for (const [jti, forgetAfter] of used) if (forgetAfter < now) used.delete(jti);
    if (used.has(payload.jti)) throw new Error("Launch token refused: it was already used.");
    used.set(payload.jti, payload.exp + CLOCK_TOLERANCE_SECONDS);

    return payload; // { sub, districtGUID, role, given_name, family_name, name, email, … }
  };
}

// In your launch route (Express shown):
//
// const verify = createLaunchVerifier({ jwksUrl, issuer, audience }); // the values on your Sign-in tab
//
// app.get("/rollcall/launch", async (request, response) => {
//   try {
//     const person = await verify(request.query.launch_token);
//     // Find or create the user by person.districtGUID + person.sub, start your session, then:
//     response.redirect(303, "/");
//   } catch (error) {
//     response.status(401).send(error.message);
//   }
// });
