// Each duplicate rule against a real PostgreSQL: it finds its pair, with the evidence, and
// leaves alone people who merely look alike, people already merged, and dismissed pairs.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findDuplicatePairs, MAX_GROUP } from "@/lib/people/duplicates";
import { createPerson, orderedPair } from "@/lib/people/test-people";
import { createDistrictAdmin } from "@/test/factories";

async function newDistrict() {
  return (await createDistrictAdmin()).districtId!;
}

async function pairsOf(districtId: string) {
  return (await findDuplicatePairs(districtId)).pairs;
}

describe("finding duplicates", () => {
  it("pairs two people with the same email whatever its case, and not a third with another email", async () => {
    const districtId = await newDistrict();
    const a = await createPerson(districtId, { email: "Sam.Lee@springfield.example" });
    const b = await createPerson(districtId, { email: "sam.lee@SPRINGFIELD.example", givenName: "Samuel" });
    await createPerson(districtId, { email: "sam.leigh@springfield.example" });
    await createPerson(districtId, { email: null });
    await createPerson(districtId, { email: null });

    const [firstId, secondId] = orderedPair(a, b);
    expect(await pairsOf(districtId)).toEqual([{ firstId, secondId, evidence: [{ rule: "email", value: "sam.lee@springfield.example" }] }]);
  });

  it("pairs the same name and birth date, but not the same name born another day", async () => {
    const districtId = await newDistrict();
    const a = await createPerson(districtId, { givenName: "Maria", familyName: "Garcia" }, { birthDate: "2012-03-04" });
    const b = await createPerson(districtId, { givenName: "MARIA", familyName: "garcia" }, { birthDate: "2012-03-04" });
    await createPerson(districtId, { givenName: "Maria", familyName: "Garcia" }, { birthDate: "2013-03-04" });
    await createPerson(districtId, { givenName: "Mario", familyName: "Garcia" }, { birthDate: "2012-03-04" });

    const [firstId, secondId] = orderedPair(a, b);
    expect(await pairsOf(districtId)).toEqual([{ firstId, secondId, evidence: [{ rule: "name_birth_date", birthDate: "2012-03-04" }] }]);
  });

  it("pairs the same name in the same grade of the same school, but not in another grade or school", async () => {
    const districtId = await newDistrict();
    const a = await createPerson(districtId, { givenName: "Li", familyName: "Wei", grades: ["05"], orgSourcedIds: ["lincoln"] });
    const b = await createPerson(districtId, { givenName: "Li", familyName: "Wei", grades: ["04", "05"], orgSourcedIds: ["lincoln", "adams"] });
    await createPerson(districtId, { givenName: "Li", familyName: "Wei", grades: ["06"], orgSourcedIds: ["lincoln"] });
    await createPerson(districtId, { givenName: "Li", familyName: "Wei", grades: ["05"], orgSourcedIds: ["jefferson"] });

    const [firstId, secondId] = orderedPair(a, b);
    expect(await pairsOf(districtId)).toEqual([{ firstId, secondId, evidence: [{ rule: "name_school_grade", school: "lincoln", grade: "05" }] }]);
  });

  it("pairs a netid shared by two people, and a netid equal to another's email or username", async () => {
    const districtId = await newDistrict();
    const netidTwice = [await createPerson(districtId, { netid: "s10042" }), await createPerson(districtId, { netid3: "S10042" })];
    const netidIsEmail = [await createPerson(districtId, { netid2: "jo.park@springfield.example" }), await createPerson(districtId, { email: "Jo.Park@springfield.example" })];
    const netidIsUsername = [await createPerson(districtId, { netid: "kdavis" }), await createPerson(districtId, { username: "kdavis" })];
    // One's own netid equal to one's own email is no collision; two emails alone are the email rule's.
    await createPerson(districtId, { netid: "solo@springfield.example", email: "solo@springfield.example" });
    await createPerson(districtId, { netid: "t20001" });

    const pairs = await pairsOf(districtId);
    expect(pairs).toHaveLength(3);
    const evidenceOf = (people: { id: string }[]) => {
      const [firstId, secondId] = orderedPair(people[0]!, people[1]!);
      return pairs.find((pair) => pair.firstId === firstId && pair.secondId === secondId)?.evidence;
    };
    const fields = (people: { id: string }[], aField: string, bField: string) =>
      people[0]!.id < people[1]!.id ? { firstField: aField, secondField: bField } : { firstField: bField, secondField: aField };
    expect(evidenceOf(netidTwice)).toEqual([{ rule: "identifier", value: "s10042", ...fields(netidTwice, "netid", "netid3") }]);
    expect(evidenceOf(netidIsEmail)).toEqual([{ rule: "identifier", value: "jo.park@springfield.example", ...fields(netidIsEmail, "netid2", "email") }]);
    expect(evidenceOf(netidIsUsername)).toEqual([{ rule: "identifier", value: "kdavis", ...fields(netidIsUsername, "netid", "username") }]);
  });

  it("pairs every two of three records that share a name and birth date, or a name, grade and school", async () => {
    const districtId = await newDistrict();
    for (let index = 0; index < 3; index++) await createPerson(districtId, { givenName: "Noor", familyName: "Khan" }, { birthDate: "2009-09-09" });
    for (let index = 0; index < 3; index++) await createPerson(districtId, { givenName: "Ivo", familyName: "Novak", grades: ["KG"], orgSourcedIds: ["adams"] });
    const pairs = await pairsOf(districtId);
    expect(pairs.map((pair) => pair.evidence)).toEqual([
      ...Array(3).fill([{ rule: "name_birth_date", birthDate: "2009-09-09" }]),
      ...Array(3).fill([{ rule: "name_school_grade", school: "adams", grade: "KG" }]),
    ]);
    expect(new Set(pairs.map((pair) => `${pair.firstId} ${pair.secondId}`)).size).toBe(6);
    expect(pairs.every((pair) => pair.firstId < pair.secondId)).toBe(true);
  });

  it("gathers every piece of evidence of one pair, the strongest first", async () => {
    const districtId = await newDistrict();
    const a = await createPerson(districtId, { givenName: "Ana", familyName: "Silva", email: "ana@springfield.example" }, { birthDate: "2010-01-02" });
    const b = await createPerson(districtId, { givenName: "Ana", familyName: "Silva", email: "ANA@springfield.example" }, { birthDate: "2010-01-02" });
    const [pair] = await pairsOf(districtId);
    expect(pair).toEqual({
      firstId: orderedPair(a, b)[0],
      secondId: orderedPair(a, b)[1],
      evidence: [
        { rule: "email", value: "ana@springfield.example" },
        { rule: "name_birth_date", birthDate: "2010-01-02" },
      ],
    });
  });

  it("leaves out people already merged, dismissed pairs, and other districts' people", async () => {
    const districtId = await newDistrict();
    const survivor = await createPerson(districtId, { email: "pat@springfield.example" });
    await createPerson(districtId, { email: "pat@springfield.example", mergedIntoId: survivor.id, status: "tobedeleted" });
    const a = await createPerson(districtId, { email: "lee@springfield.example" });
    const b = await createPerson(districtId, { email: "lee@springfield.example" });
    const elsewhere = await newDistrict();
    await createPerson(elsewhere, { email: "pat@springfield.example" });
    await createPerson(elsewhere, { email: "lee@springfield.example" });
    await createPerson(elsewhere, { email: "LEE@springfield.example" });

    expect(await pairsOf(districtId)).toHaveLength(1);
    const [firstUserId, secondUserId] = orderedPair(a, b);
    await db().duplicateDismissal.create({ data: { districtId, firstUserId, secondUserId } });
    expect(await pairsOf(districtId)).toEqual([]);
    expect(await pairsOf(elsewhere)).toHaveLength(1);
  });

  it("pairs only the first few holders of a value many people share, and pages the pairs", async () => {
    const districtId = await newDistrict();
    for (let index = 0; index < MAX_GROUP + 5; index++) await createPerson(districtId, { email: "office@springfield.example" });
    const first = await findDuplicatePairs(districtId, 1);
    const pairsInGroup = (MAX_GROUP * (MAX_GROUP - 1)) / 2;
    expect(first.total).toBe(pairsInGroup);
    expect(first.pairs).toHaveLength(first.pageSize);
    const second = await findDuplicatePairs(districtId, 2);
    const third = await findDuplicatePairs(districtId, 3);
    expect(third.pairs).toHaveLength(pairsInGroup - 2 * first.pageSize);
    const seen = new Set([...first.pairs, ...second.pairs, ...third.pairs].map((pair) => `${pair.firstId} ${pair.secondId}`));
    expect(seen.size).toBe(pairsInGroup);
    expect((await findDuplicatePairs(districtId, 4)).pairs).toEqual([]);
  });
});
