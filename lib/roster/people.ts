// The people of a generated roster: names that fit a family, US public-school proportions of
// race and ethnicity, birth dates that fit a student's grade.
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, type NameGroup } from "@/lib/roster/names";
import type { SeededRandom } from "@/lib/roster/random";
import { GRADES, type DemographicRow, type Grade } from "@/lib/roster/types";

export type Sex = "female" | "male";

type Race = "americanIndianOrAlaskaNative" | "asian" | "blackOrAfricanAmerican" | "nativeHawaiianOrOtherPacificIslander" | "white";
const RACES: readonly Race[] = ["americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white"];

/** What a household shares: ethnicity, race and so the origin of its names. */
export type FamilyProfile = { hispanic: boolean; races: Race[]; names: NameGroup };

/** Roughly the make-up of US public school students (NCES): 28% Hispanic, 45% white, 15% Black, … */
export function familyProfile(random: SeededRandom): FamilyProfile {
  const hispanic = random.chance(0.28);
  const race = hispanic
    ? random.weighted<Race | "two">([["white", 70], ["two", 14], ["americanIndianOrAlaskaNative", 8], ["blackOrAfricanAmerican", 6], ["asian", 1], ["nativeHawaiianOrOtherPacificIslander", 1]])
    : random.weighted<Race | "two">([["white", 62], ["blackOrAfricanAmerican", 21], ["asian", 7.5], ["two", 7], ["americanIndianOrAlaskaNative", 1.3], ["nativeHawaiianOrOtherPacificIslander", 0.6]]);
  const races = race === "two" ? twoRaces(random) : [race];
  const names: NameGroup = hispanic ? (random.chance(0.85) ? "hispanic" : "general") : races.length === 1 && races[0] === "asian" && random.chance(0.85) ? "asian" : "general";
  return { hispanic, races, names };
}

/** School staff: mostly names of the general list. */
export function staffProfile(random: SeededRandom): FamilyProfile {
  const names = random.weighted<NameGroup>([["general", 80], ["hispanic", 12], ["asian", 8]]);
  return { hispanic: names === "hispanic", races: [names === "asian" ? "asian" : "white"], names };
}

function twoRaces(random: SeededRandom): Race[] {
  const first = random.weighted<Race>([["white", 5], ["blackOrAfricanAmerican", 3], ["asian", 2], ["americanIndianOrAlaskaNative", 1], ["nativeHawaiianOrOtherPacificIslander", 0.5]]);
  const second = random.pick(RACES.filter((race) => race !== first));
  return [first, second];
}

export function familyName(random: SeededRandom, group: NameGroup): string {
  return random.pick(FAMILY_NAMES[group]);
}

export function givenName(random: SeededRandom, group: NameGroup, sex: Sex): string {
  const lists = sex === "female" ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
  return random.pick(group !== "general" && random.chance(0.65) ? lists[group] : lists.general);
}

/** Old enough for the grade on 1 September 2026 (5 in kindergarten); a few were held back a year. */
export function birthDateFor(random: SeededRandom, grade: Grade): string {
  const yearsAboveKindergarten = GRADES.indexOf(grade) + (random.chance(0.03) ? 1 : 0);
  const earliest = Date.UTC(2020 - yearsAboveKindergarten, 8, 2);
  return new Date(earliest + random.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
}

const FOREIGN_BIRTH: Record<NameGroup, { share: number; countries: readonly string[] }> = {
  hispanic: { share: 0.12, countries: ["MX", "GT", "SV", "HN", "DO", "CO", "VE", "CU", "PE", "EC"] },
  asian: { share: 0.2, countries: ["IN", "CN", "PH", "VN", "KR", "JP", "PK", "BD"] },
  general: { share: 0.03, countries: ["NG", "ET", "UA", "CA", "GB", "DE", "PL", "SO", "AF", "BR"] },
};

export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
  "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
];
const US_STATE_SET = new Set(US_STATES);

export function studentDemographic(
  random: SeededRandom,
  student: { sourcedId: string; sex: Sex; grade: Grade; family: FamilyProfile },
  districtState: string,
): DemographicRow {
  const { family } = student;
  const abroad = FOREIGN_BIRTH[family.names];
  const bornAbroad = random.chance(abroad.share);
  const homeState = US_STATE_SET.has(districtState) ? districtState : null;
  return {
    sourcedId: student.sourcedId,
    birthDate: birthDateFor(random, student.grade),
    sex: student.sex,
    americanIndianOrAlaskaNative: family.races.includes("americanIndianOrAlaskaNative"),
    asian: family.races.includes("asian"),
    blackOrAfricanAmerican: family.races.includes("blackOrAfricanAmerican"),
    nativeHawaiianOrOtherPacificIslander: family.races.includes("nativeHawaiianOrOtherPacificIslander"),
    white: family.races.includes("white"),
    demographicRaceTwoOrMoreRaces: family.races.length > 1,
    hispanicOrLatinoEthnicity: family.hispanic,
    countryOfBirthCode: bornAbroad ? random.pick(abroad.countries) : "US",
    stateOfBirthAbbreviation: bornAbroad ? null : homeState && random.chance(0.8) ? homeState : random.pick(US_STATES),
  };
}
