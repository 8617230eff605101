import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { SsoConnection } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { getAs } from "@/lib/oneroster/test-fixtures";
import { DEFAULT_ACCOUNT_TYPE_RULES } from "@/lib/sso/account-type-rules";
import { DEFAULT_ATTRIBUTE_MAPPING } from "@/lib/sso/attributes";
import { findTestSignIn, listSsoEvents } from "@/lib/sso/events";
import { completeSignIn, recordRefusal, recordTestSignIn } from "@/lib/sso/sign-in";
import type { ReceivedAssertion } from "@/lib/sso/types";
import { createDistrictAdmin } from "@/test/factories";

const GIVEN = "urn:oid:2.5.4.42";
const SN = "urn:oid:2.5.4.4";
const MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
const UID = "urn:oid:0.9.2342.19200300.100.1.1";
const AFFILIATION = "urn:oid:1.3.6.1.4.1.5923.1.1.1.9";

let districtId: string;
let adminId: string;

beforeEach(async () => {
  const admin = await createDistrictAdmin();
  districtId = admin.districtId!;
  adminId = admin.id;
});

async function connect(options: { jitEnabled: boolean }): Promise<SsoConnection> {
  return db().ssoConnection.create({
    data: {
      districtId,
      idpEntityId: "https://idp.springfield.k12.us",
      idpSsoUrl: "https://idp.springfield.k12.us/sso",
      idpCertificates: [],
      attributeMapping: DEFAULT_ATTRIBUTE_MAPPING,
      accountTypeRules: DEFAULT_ACCOUNT_TYPE_RULES,
      scopeDomains: ["springfield.k12.us"],
      signInEnabled: true,
      jitEnabled: options.jitEnabled,
    },
  });
}

function assertion(attributes: Record<string, string[]>): ReceivedAssertion {
  return {
    assertionId: `_${randomUUID()}`,
    issuer: "https://idp.springfield.k12.us",
    nameId: "edna@springfield.k12.us",
    attributes,
    friendlyNames: { [GIVEN]: "givenName" },
    notOnOrAfter: new Date("2030-01-01T00:00:00Z"),
  };
}

const edna = (overrides: Record<string, string[]> = {}) =>
  assertion({
    [GIVEN]: ["Edna"],
    [SN]: ["Krabappel"],
    [MAIL]: ["edna@springfield.k12.us"],
    [UID]: ["ekrabappel"],
    [AFFILIATION]: ["member@springfield.k12.us", "faculty@springfield.k12.us"],
    ...overrides,
  });

async function person(data: { givenName: string; email?: string; netid?: string; status?: "active" | "tobedeleted"; enabledUser?: boolean }) {
  const sourcedId = randomUUID();
  return db().rosterUser.create({ data: { districtId, sourcedId, username: sourcedId, familyName: "Known", role: "student", source: "spreadsheet", ...data } });
}

const people = () => db().rosterUser.findMany({ where: { districtId }, orderBy: { givenName: "asc" } });
const events = async () => (await listSsoEvents(districtId)).rows;

describe("completeSignIn", () => {
  it("refuses everyone of a suspended district, known or not, and creates nobody", async () => {
    const connection = await connect({ jitEnabled: true });
    const known = await person({ givenName: "Edna", netid: "ekrabappel" });
    await db().district.update({ where: { id: districtId }, data: { suspendedAt: new Date() } });

    const outcome = await completeSignIn({ id: districtId }, connection, edna(), { idpInitiated: false });
    expect(outcome).toEqual({ kind: "refused", reason: expect.stringContaining("suspended") });
    const stranger = await completeSignIn({ id: districtId }, connection, edna({ [UID]: ["nobody"], [MAIL]: ["new@springfield.k12.us"] }), { idpInitiated: false });
    expect(stranger.kind).toBe("refused");
    expect(await people()).toEqual([known]);
    expect(await events()).toMatchObject([{ outcome: "refused" }, { outcome: "refused" }]);

    await db().district.update({ where: { id: districtId }, data: { suspendedAt: null } });
    expect(await completeSignIn({ id: districtId }, connection, edna(), { idpInitiated: false })).toMatchObject({ kind: "signed_in" });
  });

  it("signs a known person in without changing them, even when the attributes differ", async () => {
    const connection = await connect({ jitEnabled: true });
    const known = await person({ givenName: "Edna", email: "edna.old@springfield.k12.us", netid: "ekrabappel" });

    const outcome = await completeSignIn({ id: districtId }, connection, edna({ [GIVEN]: ["Eddie"], [AFFILIATION]: ["student@springfield.k12.us"] }), { idpInitiated: true });

    expect(outcome).toEqual({ kind: "signed_in", person: { id: known.id, districtId, sourcedId: known.sourcedId } });
    expect(await people()).toEqual([known]);
    expect(await events()).toMatchObject([{ outcome: "signed_in", sourcedId: known.sourcedId, email: "edna@springfield.k12.us", nameId: "edna@springfield.k12.us", idpInitiated: true }]);
  });

  it("matches by netid before email", async () => {
    const connection = await connect({ jitEnabled: false });
    const byNetid = await person({ givenName: "Edna", netid: "ekrabappel" });
    const byEmail = await person({ givenName: "Seymour", email: "seymour@springfield.k12.us" });
    await person({ givenName: "Namesake", email: "EDNA@springfield.k12.us" });

    // Two people share the email: the netid tells them apart.
    const sharing = await person({ givenName: "Edna", email: "edna@springfield.k12.us", netid: "ekrabappel2" });

    const first = await completeSignIn({ id: districtId }, connection, edna({ [UID]: ["ekrabappel2"] }), { idpInitiated: false });
    const second = await completeSignIn({ id: districtId }, connection, edna({ [MAIL]: ["nobody@springfield.k12.us"] }), { idpInitiated: false });
    const third = await completeSignIn({ id: districtId }, connection, edna({ [UID]: ["nobody"], [MAIL]: ["Seymour@springfield.k12.us"] }), { idpInitiated: false });

    expect(first).toMatchObject({ kind: "signed_in", person: { id: sharing.id } });
    expect(second).toMatchObject({ kind: "signed_in", person: { id: byNetid.id } });
    expect(third).toMatchObject({ kind: "signed_in", person: { id: byEmail.id } });
  });

  it("creates an unknown person when just-in-time provisioning is on, with the role from a CONTAINS rule, visible to OneRoster", async () => {
    const connection = await connect({ jitEnabled: true });

    const outcome = await completeSignIn({ id: districtId }, connection, edna(), { idpInitiated: false });

    expect(outcome.kind).toBe("created");
    if (outcome.kind !== "created") return;
    const [created] = await people();
    expect(created).toMatchObject({
      id: outcome.person.id,
      sourcedId: outcome.person.sourcedId,
      givenName: "Edna",
      familyName: "Krabappel",
      email: "edna@springfield.k12.us",
      netid: "ekrabappel",
      username: "ekrabappel",
      role: "teacher",
      source: "sso",
      status: "active",
      enabledUser: true,
    });
    const oneRoster = await getAs(districtId, `/users/${outcome.person.sourcedId}`);
    expect(oneRoster.status).toBe(200);
    expect(oneRoster.body.user).toMatchObject({ sourcedId: outcome.person.sourcedId, status: "active", role: "teacher", givenName: "Edna", email: "edna@springfield.k12.us" });
    expect(await events()).toMatchObject([{ outcome: "created", sourcedId: outcome.person.sourcedId, reason: null }]);

    const again = await completeSignIn({ id: districtId }, connection, edna({ [SN]: ["Changed"] }), { idpInitiated: false });
    expect(again).toEqual({ kind: "signed_in", person: outcome.person });
    expect(await people()).toHaveLength(1);
    expect((await people())[0]!.familyName).toBe("Krabappel");
  });

  it("tells an unknown person their account is not provisioned when just-in-time provisioning is off, and creates nothing", async () => {
    const connection = await connect({ jitEnabled: false });

    const outcome = await completeSignIn({ id: districtId }, connection, edna(), { idpInitiated: false });

    expect(outcome).toEqual({ kind: "not_provisioned", reason: expect.stringContaining("Your district has not provisioned your account") });
    expect(await people()).toEqual([]);
    expect(await events()).toMatchObject([{ outcome: "not_provisioned", reason: "Nobody in the roster matches (netid 'ekrabappel', email 'edna@springfield.k12.us') and just-in-time provisioning is off." }]);
  });

  it("does not create a person without a last name, and names the attribute mapped to it", async () => {
    const connection = await connect({ jitEnabled: true });

    const outcome = await completeSignIn({ id: districtId }, connection, edna({ [SN]: [] }), { idpInitiated: false });

    expect(outcome).toEqual({ kind: "not_provisioned", reason: expect.stringContaining("no usable last name (the attribute mapped to it is sn (urn:oid:2.5.4.4))") });
    expect(await people()).toEqual([]);
  });

  it("does not create a person no account-type rule fits", async () => {
    const connection = await connect({ jitEnabled: true });

    const outcome = await completeSignIn({ id: districtId }, connection, edna({ [AFFILIATION]: ["alum@springfield.k12.us"] }), { idpInitiated: false });

    expect(outcome).toMatchObject({ kind: "not_provisioned", reason: expect.stringContaining("no account-type rule matches alum") });
    expect(await people()).toEqual([]);
  });

  it("refuses a retired or disabled person", async () => {
    const connection = await connect({ jitEnabled: true });
    await person({ givenName: "Retired", netid: "ekrabappel", status: "tobedeleted" });
    await person({ givenName: "Disabled", netid: "skinner", enabledUser: false });

    const retired = await completeSignIn({ id: districtId }, connection, edna(), { idpInitiated: false });
    const disabled = await completeSignIn({ id: districtId }, connection, edna({ [UID]: ["skinner"], [MAIL]: ["skinner@springfield.k12.us"] }), { idpInitiated: false });

    expect(retired).toMatchObject({ kind: "not_provisioned", reason: expect.stringContaining("retired") });
    expect(disabled).toMatchObject({ kind: "not_provisioned", reason: expect.stringContaining("disabled") });
    expect(await people()).toHaveLength(2);
  });

  it("refuses identifiers that point at two different people, naming them only in the log", async () => {
    const connection = await connect({ jitEnabled: true });
    await person({ givenName: "Edna", netid: "ekrabappel" });
    await person({ givenName: "Seymour", email: "edna@springfield.k12.us" });

    const outcome = await completeSignIn({ id: districtId }, connection, edna(), { idpInitiated: false });

    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") expect(outcome.reason).not.toContain("Seymour");
    const [event] = await events();
    expect(event).toMatchObject({ outcome: "refused", reason: expect.stringContaining("Seymour") });
    expect(await people()).toHaveLength(2);
  });

  it("refuses when sign-in is turned off", async () => {
    const connection = await connect({ jitEnabled: true });
    const outcome = await completeSignIn({ id: districtId }, { ...connection, signInEnabled: false }, edna(), { idpInitiated: false });
    expect(outcome.kind).toBe("refused");
    expect(await people()).toEqual([]);
  });
});

describe("test sign-ins", () => {
  it("records what was received and what would happen, and creates nothing", async () => {
    const connection = await connect({ jitEnabled: true });

    const { eventId } = await recordTestSignIn({ id: districtId }, connection, edna(), adminId);

    expect(await people()).toEqual([]);
    const found = await findTestSignIn(districtId, adminId, eventId);
    expect(found?.details).toMatchObject({
      attributes: { [GIVEN]: ["Edna"] },
      friendlyNames: { [GIVEN]: "givenName" },
      nameId: "edna@springfield.k12.us",
      mapped: { accountType: "Teacher", role: "teacher", decision: { explanation: "CONTAINS faculty" } },
      wouldDo: { kind: "created", sentence: "Nobody in the roster matches, so Rollcall would create Edna Krabappel (edna@springfield.k12.us) as Teacher (OneRoster role teacher)." },
    });
    expect(await events()).toMatchObject([{ id: eventId, outcome: "test" }]);
  });

  it("says what just-in-time provisioning would do while it is still off", async () => {
    const connection = await connect({ jitEnabled: false });
    const { eventId } = await recordTestSignIn({ id: districtId }, connection, edna(), adminId);
    const found = await findTestSignIn(districtId, adminId, eventId);
    expect(found?.details).toMatchObject({ wouldDo: { kind: "not_provisioned", sentence: expect.stringContaining("With it on, Rollcall would create Edna Krabappel") } });
  });

  it("names the person a known match would sign in", async () => {
    const connection = await connect({ jitEnabled: false });
    const known = await person({ givenName: "Edna", netid: "ekrabappel" });
    const { eventId } = await recordTestSignIn({ id: districtId }, connection, edna({ [GIVEN]: ["Eddie"] }), adminId);
    const found = await findTestSignIn(districtId, adminId, eventId);
    expect(found?.details).toMatchObject({ wouldDo: { kind: "signed_in", person: { id: known.id, sourcedId: known.sourcedId, givenName: "Edna" } } });
    expect(await people()).toEqual([known]);
  });

  it("is shown only to the admin who ran it, in their district", async () => {
    const connection = await connect({ jitEnabled: true });
    const { eventId } = await recordTestSignIn({ id: districtId }, connection, edna(), adminId);
    const other = await createDistrictAdmin();
    const colleague = await db().user.create({ data: { email: `${randomUUID()}@district.test`, name: "Colleague", passwordHash: "!", role: "DISTRICT_ADMIN", districtId } });

    expect(await findTestSignIn(other.districtId!, other.id, eventId)).toBeNull();
    expect(await findTestSignIn(other.districtId!, adminId, eventId)).toBeNull();
    expect(await findTestSignIn(districtId, colleague.id, eventId)).toBeNull();
    expect(await findTestSignIn(districtId, adminId, "not-an-id")).toBeNull();
  });

  it("keeps a refused test sign-in's reason for its page, and logs a refused sign-in", async () => {
    const test = await recordRefusal(districtId, "The assertion's signature does not verify.", { nameId: null, idpInitiated: false, purpose: "test", adminUserId: adminId });
    await recordRefusal(districtId, "The assertion was already used.", { nameId: "edna@springfield.k12.us", idpInitiated: true, purpose: "sign_in", adminUserId: null });

    expect((await findTestSignIn(districtId, adminId, test.eventId))?.details).toEqual({ refused: "The assertion's signature does not verify.", nameId: null });
    const refused = await listSsoEvents(districtId, { outcome: "refused" });
    expect(refused).toMatchObject({ total: 1, rows: [{ reason: "The assertion was already used.", nameId: "edna@springfield.k12.us", idpInitiated: true }] });
  });
});

describe("listSsoEvents", () => {
  it("lists the district's own events, newest first, a page at a time", async () => {
    for (const reason of ["first", "second", "third"]) {
      await recordRefusal(districtId, reason, { nameId: null, idpInitiated: false, purpose: "sign_in", adminUserId: null });
    }
    const other = await createDistrictAdmin();
    await recordRefusal(other.districtId!, "elsewhere", { nameId: null, idpInitiated: false, purpose: "sign_in", adminUserId: null });

    expect((await listSsoEvents(districtId)).rows.map((row) => row.reason)).toEqual(["third", "second", "first"]);
    expect(await listSsoEvents(districtId, { page: 2, pageSize: 2 })).toMatchObject({ total: 3, rows: [{ reason: "first" }] });
    expect(await listSsoEvents(districtId, { outcome: "created" })).toEqual({ rows: [], total: 0 });
  });
});
